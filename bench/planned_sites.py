"""Issue 9: what the planned call sites save (lang/function_sites.py, tensor_sites.augmented_site).

One process, the same programs run alternately with the plans and without them (function_site
answering None, augmented_site handing every `x op= v` to apply_binary: the general path), CPU time,
min of N. Micro programs (2,000 passes of one statement) print microseconds per pass; the loop
programs of tests/programs print milliseconds per whole run_program.

    python3 bench/planned_sites.py            # N = 7
    python3 bench/planned_sites.py 15 --loops python_sum,polyfit_300
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from autogradlab.engine import run_program  # noqa: E402
from autogradlab.lang import (  # noqa: E402
    compiled,  # noqa: E402, F401 - first: the compiled modules' import order
    compiled_expressions,
    tensor_sites,
)

PASSES = 2_000
HEAD = "import torch\nimport math\na = torch.tensor(1.0)\nb = torch.tensor(2.0)\nw = torch.ones(3)\n" \
       "g = torch.ones(3)\n"
MICRO = {
    "math.sin(n)": "    s = math.sin(n)\n",
    "torch.tensor(1.5)": "    t = torch.tensor(1.5)\n",
    "torch.maximum(a, b)": "    m = torch.maximum(a, b)\n",
    "w -= 0.1 * g": "    w -= 0.1 * g\n",
}
_PLANNED = (compiled_expressions.function_site, tensor_sites.augmented_site)


def _general_augmented(interp, name, fn, inplace_name, node):  # noqa: ANN001, ANN202
    return lambda a, b: interp.apply_binary(name, fn, a, b, node, inplace_of=inplace_name)


def planned(on: bool) -> None:
    compiled_expressions.function_site = _PLANNED[0] if on else (lambda *args: None)
    tensor_sites.augmented_site = _PLANNED[1] if on else _general_augmented


def best_of(source: str, reps: int) -> tuple[float, float]:
    run_program(source)
    best = {True: float("inf"), False: float("inf")}
    for _ in range(reps):
        for on in (False, True):
            planned(on)
            started = time.process_time()
            run_program(source)
            best[on] = min(best[on], time.process_time() - started)
    planned(True)
    return best[False], best[True]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reps", nargs="?", type=int, default=7)
    parser.add_argument("--loops", default="python_sum,polyfit_300,linreg,logistic,mlp_manual")
    args = parser.parse_args()
    torch.set_num_threads(1)
    empty = best_of(HEAD + f"for n in range({PASSES}):\n    pass\n", args.reps)
    for label, body in MICRO.items():
        general, plan = best_of(HEAD + f"for n in range({PASSES}):\n{body}", args.reps)
        print(f"{label:22s} us/pass over an empty pass: general {(general - empty[0]) / PASSES * 1e6:6.2f}"
              f"  planned {(plan - empty[1]) / PASSES * 1e6:6.2f}", flush=True)
    for name in filter(None, args.loops.split(",")):
        source = (ROOT / "tests" / "programs" / f"loop_{name}.py").read_text(encoding="utf-8")
        general, plan = best_of(source, args.reps)
        print(f"loop_{name:17s} ms: general {general * 1e3:7.1f}  planned {plan * 1e3:7.1f}", flush=True)


if __name__ == "__main__":
    main()

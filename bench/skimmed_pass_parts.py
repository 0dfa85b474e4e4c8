"""A skimmed pass of power iteration's loop, hook by hook, by medians that a loaded machine leaves
alone (issue 9). The Recorder's hooks are called as the interpreter calls them in a steady skimmed
pass (on_loop, on_number for `k`, on_op of `A @ v` binding `w`, of `w.norm()`, of `w / ...` binding
`v`; the tensors the names let go die where the program lets them go, so `_forget` runs there),
without the language, each call timed with perf_counter_ns; the median of each over the passes
300-1,700 of a 2,000-pass loop, then the median over --reps runs. Medians per call, not CPU totals:
at load 5-10 whole-run A/Bs (loop_programs_ab.py) move by ±5 %, these by ~±0.05 us.

--switch module:NAME (repeatable) times whole passes instead, the switches off, then on, in turn
(each run a fresh Recorder): the per-pass cost of a speed path, on against off.

    python3 bench/skimmed_pass_parts.py [--reps 7] [--switch autogradlab.engine.skimmed_ops:GRAD_FIRST]
"""

from __future__ import annotations

import argparse
import ast
import gc
import importlib
import statistics
import sys
from pathlib import Path
from time import perf_counter_ns

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PARTS = ("on_loop", "on_number", "on_op A @ v (binds w)", "w dies", "on_op w.norm()", "on_op w / n (binds v)",
         "n dies", "v dies")


def one_run(passes: int) -> dict[str, float]:
    """Medians (ns) of each part over the middle passes, and of the whole pass."""
    import torch

    from autogradlab.engine.recorder import Recorder

    source = (REPO / "tests" / "programs" / "loop_power_iteration.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    loop = next(node for node in tree.body if isinstance(node, ast.For))
    first, second = loop.body
    matmul, norm, divide = first.value, second.value.right, second.value
    a = torch.randn(100, 100)
    a = a @ a.T / 100
    scope = {"v": torch.ones(100)}
    recorder = Recorder(source)
    recorder.on_assign("A", a, tree.body[1], None)
    recorder.on_assign("v", scope["v"], tree.body[3], None)
    recorder.on_loop_start(loop)
    bind_w, bind_v = ["w", first, False, first.lineno], ["v", second, False, second.lineno]
    on_loop, on_number, on_op, line = recorder.on_loop, recorder.on_number, recorder.on_op, loop.lineno
    times: dict[str, list[int]] = {part: [] for part in (*PARTS, "pass")}
    ns = perf_counter_ns
    for k in range(passes):
        t0 = ns()
        on_loop(loop, passes - k - 1)
        t1 = ns()
        on_number("k", k, loop, line)
        t2 = ns()
        w = a @ scope["v"]
        t3 = ns()
        on_op("matmul", [a, scope["v"]], {}, w, matmul, None, bind_w)
        t4 = ns()
        scope["w"] = w   # the last pass's w dies
        t5 = ns()
        del w
        n = scope["w"].norm()
        t6 = ns()
        on_op("norm", [scope["w"]], {}, n, norm, None)
        t7 = ns()
        v = scope["w"] / n
        t8 = ns()
        on_op("div", [scope["w"], n], {}, v, divide, None, bind_v)
        t9 = ns()
        del n   # the statement's temporary dies
        t10 = ns()
        scope["v"] = v   # the last pass's v dies
        t11 = ns()
        del v
        for part, spent in zip(PARTS, (t1 - t0, t2 - t1, t4 - t3, t5 - t4, t7 - t6, t9 - t8, t10 - t9,
                                       t11 - t10), strict=True):
            times[part].append(spent)
        times["pass"].append(t11 - t0)
    recorder.on_loop_end(loop)
    middle = slice(passes * 3 // 20, passes * 17 // 20)
    return {part: statistics.median(spent[middle]) for part, spent in times.items()}


def plain_death() -> float:
    """Median ns of `scope[name] = new` letting a 100-element tensor go, no Recorder (the free alone)."""
    import torch

    scope, spent = {"v": torch.ones(100)}, []
    for _ in range(2000):
        new = torch.ones(100)
        t0 = perf_counter_ns()
        scope["v"] = new
        spent.append(perf_counter_ns() - t0)
        del new
    return statistics.median(spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--passes", type=int, default=2000)
    parser.add_argument("--switch", action="append", default=[], help="module:NAME, timed off and on")
    args = parser.parse_args(argv)
    import torch

    from autogradlab.engine.run import GC_THRESHOLD

    torch.set_num_threads(1)
    gc.set_threshold(*GC_THRESHOLD)   # as run_program sets it
    floor = statistics.median(-perf_counter_ns() + perf_counter_ns() for _ in range(10_000))
    if args.switch:
        switches = [(importlib.import_module(spec.split(":")[0]), spec.split(":")[1]) for spec in args.switch]
        found: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(args.reps):
            for on in (False, True):
                for module, name in switches:
                    setattr(module, name, on)
                found[on].append(one_run(args.passes)["pass"])
        for on in (False, True):
            print(f"{'on ' if on else 'off'}: a pass {statistics.median(found[on]) / 1000:.2f} us "
                  f"(min {min(found[on]) / 1000:.2f}; {args.reps} runs, medians of passes)")
        return 0
    runs = [one_run(args.passes) for _ in range(args.reps)]
    print(f"\npower iteration's skimmed pass, hook by hook: median ns per call (a stamp pair costs "
          f"~{floor:.0f} ns, not taken off), median of {args.reps} runs\n")
    for part in (*PARTS, "pass"):
        print(f"{part:24s} {statistics.median(run[part] for run in runs):8.0f}")
    print(f"{'(a plain tensor dies)':24s} {plain_death():8.0f}")
    print("\n(`pass` includes the three torch ops; a tensor's death includes its free and _forget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

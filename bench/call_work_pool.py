"""The red team's expensive single calls in the sandbox pool: seconds until each program's message
(lang/call_work.py, limit max_call_work). Before the limit these ran into the worker's 5 s timeout.

    python3 bench/call_work_pool.py            # this checkout
    cd /work/wt/base21 && python3 /path/to/bench/call_work_pool.py   # the reference, same inputs

Prints per program: wall seconds of pool.run, the error kind and the first words of its message.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path.cwd()))

from autogradlab.sandbox import WorkerPool  # noqa: E402

BIG = "import torch\na = torch.randn(2236, 2236)\n"
PROGRAMS = {f"linalg.{name}": BIG + f"r = torch.linalg.{name}(a)\n" for name in (
    "eigvals", "eigvalsh", "eig", "svd", "svdvals", "matrix_rank", "inv", "det", "pinv", "matrix_exp", "qr")}
PROGRAMS.update({
    "linalg.cholesky": BIG + "r = torch.linalg.cholesky(a @ a.T + torch.eye(2236))\n",
    "linalg.solve": BIG + "r = torch.linalg.solve(a, a)\n",
    "linalg.lstsq": BIG + "r = torch.linalg.lstsq(a, a)\n",
    "matrix_power 10**18": BIG + "r = torch.linalg.matrix_power(a / 2236, 10**18)\n",
    "cdist p=0.5": "import torch\nx = torch.randn(2236, 2236)\nr = torch.cdist(x, x, p=0.5)\n",
    "F.bilinear": "import torch\nx = torch.randn(29411, 170)\nW = torch.randn(170, 170, 170)\n"
                  "r = torch.nn.functional.bilinear(x, x, W)\n",
    "matmul loop": BIG + "for i in range(100):\n    a = a @ a / 2236\n",
})


def main() -> int:
    pool = WorkerPool(size=2)
    pool.warm()
    assert pool._current_zygote().wait_ready(180), "the zygote did not start"
    pool.run("import torch\nx = torch.ones(2)\n")   # one job to warm the path
    for name, source in PROGRAMS.items():
        started = time.perf_counter()
        report = pool.run(source)
        seconds = time.perf_counter() - started
        error = report.error
        said = "ok" if error is None else f"{error.kind} line {error.line}: {error.message[:70]}"
        print(f"{name:22} {seconds:6.2f} s  {said}", flush=True)
    pool.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

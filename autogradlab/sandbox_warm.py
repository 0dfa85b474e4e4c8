"""What the zygote and its spare job process run before any user's program, so nobody pays for it.

The zygote imports torch and runs the lesson example (`warm_first`), says it is ready, and loads the
rest (`warm_rest`: meta kernels, torch.func, linalg, the skim's loop paths) once idle. A spare job
process forked after that runs a short program once the zygote tells it no job is running
(`warm_idle`: the first run's page faults), then touches the Jacobian paths (`warm_spare`). These
run fixed programs through the engine, never a user's, and before any job's limits apply.
"""

from __future__ import annotations

import importlib
import select
import socket
import tempfile
from collections.abc import Callable
from functools import partial

# What a first visit runs (the lesson example): with it the zygote is ready; it needs no meta device.
FIRST_PROGRAM = ("import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\n"
                  "y.backward()\n")
WARM_PROGRAM = (   # touches the lazily imported parts of torch (meta-device size checks, linalg,
    "import torch\n"  # autograd.functional) once in the zygote, so no user pays for them
    "from torch.autograd.functional import jacobian\n"
    "x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
    "y = 2 * torch.dot(x, x)\n"
    "y.backward()\n"
    "print(f'{x.grad}')\n"
    "A = torch.arange(4.0).reshape(2, 2)\n"
    "B = torch.cat((A, A), dim=0) @ torch.ones(2, 3)\n"
    "C = torch.outer(x, x) + torch.kron(A, A).sum() + torch.mm(A, A).T\n"
    "J = jacobian(lambda v: v * v, x)\n"
    "K = jacobian(lambda v: torch.tanh(torch.ones(3, 2) @ torch.sin(v)), x)\n"  # torch.func's first
    "L = jacobian(lambda v: torch.tanh(torch.ones(5, 6) @ torch.sin(v)), torch.ones(6))\n"  # ~1 s
    "w = torch.linalg.eig(A)\n"
    "r = torch.randn(3, 2).unsqueeze(0).mean(axis=1)\n"
    "torch.testing.assert_close(A, A)\n"   # torch.testing's first call (lang/torch_testing.py)
)


def warm_first() -> bool:
    """Import torch and the engine and run the lesson example: enough to take the first programs.
    The zygote reports ready after this (~1.5 s of `import torch`), and warms the rest when idle."""
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    # Loading the meta kernels asks for the temporary directory, which tempfile finds by writing a
    # file; a job may not write files. Found once here, the answer is inherited by every job.
    tempfile.gettempdir()
    try:
        from autogradlab.engine.run import run_program

        run_program(FIRST_PROGRAM, seed=0)
    except Exception:   # no engine yet, or a broken one: each job reports it as "internal"
        return False
    return True


def warm_rest() -> None:
    """The lazily imported parts of torch that later programs need (the meta kernels of the size
    checks ~1.2 s, torch.func, linalg; forward mode's first use ~0.3 s), paid once in the zygote."""
    for step in rest_steps():
        step()


# Imported ahead of the meta kernels, each on its own, so that no part of the warm-up keeps a job
# waiting for long: sizes.warm_up imports torch._dynamo (~1.3 s of CPU here), these among its parts
# (sympy ~0.26 s, torch.distributed.tensor ~0.28 s); after them it takes ~0.7 s.
PRE_IMPORTS = ("sympy", "torch.fx.experimental.symbolic_shapes", "torch.distributed.tensor",
               "torch.distributed.fsdp")


def rest_steps() -> list[Callable[[], None]]:
    """warm_rest in parts of at most ~0.7 s of CPU here, in order; each never raises. The zygote runs
    one at a time while no job runs or waits (sandbox_zygote.finish_warm_up): a job that came during
    the warm-up waited for all of it (~2.5 s of CPU; 1.95 s for one run right after start-up, issue 9)."""
    def pre_import(name: str) -> None:
        importlib.import_module(name)

    def meta_kernels() -> None:
        from autogradlab.lang import sizes

        sizes.warm_up()

    def forward_mode() -> None:   # the steps run below no longer loads the ZeroTensor Meta path itself
        from autogradlab.engine import tangent_run

        tangent_run.warm_forward_mode()

    def run(source: str, steps: bool = False) -> None:
        from autogradlab.engine import run as engine_run
        from autogradlab.step_records import StepOptions

        engine_run.run_program(source, seed=0, **({"steps": StepOptions(backward_if_missing=True)}
                                                  if steps else {}))

    parts = [*(partial(pre_import, name) for name in PRE_IMPORTS), meta_kernels, forward_mode,
             partial(run, WARM_PROGRAM), partial(run, WARM_PROGRAM, True), partial(run, LOOP_PROGRAM)]
    return [partial(_quietly, part) for part in parts]


def _quietly(part: Callable[[], object]) -> None:
    try:
        part()
    except Exception:   # noqa: BLE001 - a job then pays for what is missing, or reports the failure
        pass


# What the zygote's warm-up runs last (warm_rest): three lesson-style loops long enough to be skimmed
# (engine/skim.py: the pass-aware window's per-pass checks, skimmed ops and backward calls, counted
# passes, in-place updates). The programs above run a loop of 3 passes at most, so every job ran the
# skim's code for the first time in its own process, a fork of a zygote that never had: its first
# calls (Python 3.11 specialises a function's bytecode in place after a few calls) wrote pages the
# job then copied (issue 9, session 27, a zygote-like parent forking spare-like children: a newton
# job's run 163-176 -> 112-115 minor faults, CPU median -0.3 to -1.0 ms of ~11; power_iteration
# 344-346 -> 309-329, -0.1 to -0.4 ms). Fixed, no random numbers, ~40 ms once per zygote.
LOOP_PROGRAM = (
    "import torch\n"
    "a = torch.tensor(3.0)\n"
    "for step in range(200):\n"
    "    a = a.detach().requires_grad_(True)\n"
    "    g = a ** 3 - 2 * a - 5\n"
    "    g.backward()\n"
    "    with torch.no_grad():\n"
    "        a = a - g / a.grad\n"
    "X = torch.linspace(-1.0, 1.0, 40).reshape(20, 2)\n"
    "y = X.sum(dim=1) * 0.5 + 1.0\n"
    "w = torch.zeros(2, requires_grad=True)\n"
    "b = torch.zeros(1, requires_grad=True)\n"
    "for epoch in range(200):\n"
    "    loss = ((X @ w + b - y) ** 2).mean()\n"
    "    loss.backward()\n"
    "    with torch.no_grad():\n"
    "        w -= 0.1 * w.grad\n"
    "        b -= 0.1 * b.grad\n"
    "        w.grad.zero_()\n"
    "        b.grad.zero_()\n"
    "M = torch.ones(20, 20) / 20 + torch.eye(20)\n"
    "v = torch.ones(20)\n"
    "for k in range(400):\n"
    "    u = M @ v\n"
    "    v = u / u.norm()\n"
    "print(a, loss.item(), v @ M @ v)\n"
)


SPARE_HEAD = "import torch\nfrom torch.autograd.functional import jacobian\n"
SPARE_PROGRAMS = (   # what a student's jacobian(...) call runs first in a fresh process: reverse ...
    SPARE_HEAD + "K = jacobian(lambda v: torch.tanh(torch.ones(5, 6) @ torch.sin(v)), torch.ones(6))\n",
    SPARE_HEAD + "L = jacobian(lambda v: torch.tanh(torch.ones(8, 3) @ torch.sin(v)), torch.ones(3))\n",
)                     # ... and forward mode, vectorized


# What any program's first run in a fresh job process pays: ~2,000 copy-on-write page faults (the
# interpreter, the recorder, the report and its pickling touch the zygote's pages; ~8 us each here)
# and the first pass through code paths, 15-20 ms of CPU per run (issue 9: a third of a short loop's
# sandbox overhead). The spare pays it while the zygote is idle (no job running), told so by the
# zygote (sandbox_wire.WARM_MARKER). A fixed program, not a user's, that uses no random numbers (the
# global RNG stays as the zygote left it); one short program (~25 ms), since a job that arrives
# meanwhile waits for it; not one of the benchmarks' programs (bench/loop_programs.py). The pages
# this program writes are copied sooner, right after the spare's fork (sandbox_prefault: a job sent
# within SPARE_IDLE_S of the last one found its spare cold), from a probe that runs it once.
IDLE_PROGRAM = (
    "import torch\nimport math\n"
    "w = torch.zeros(3, requires_grad=True)\nX = torch.arange(6.0).reshape(2, 3)\n"
    "a = torch.tensor(1.5)\nv = torch.ones(3)\ns = 0.0\n"
    "for i in range(3):\n"
    "    loss = ((X @ w - 1.0) ** 2).mean() + torch.tanh(w).sum()\n"
    "    loss.backward()\n"
    "    a = a.detach().requires_grad_(True)\n"
    "    g = a ** 3 - 2 * a\n"
    "    g.backward()\n"
    "    with torch.no_grad():\n"
    "        w -= 0.02 * w.grad\n"
    "        w.grad.zero_()\n"
    "        a = a - g / a.grad\n"
    "    u = X.T @ (X @ v)\n"
    "    v = u / u.norm()\n"
    "    s += 1 / (i + 1)\n"
    "    if i % 2 == 0:\n"
    "        m = torch.maximum(w.detach(), torch.tensor(math.sin(i)))\n"
    "print(f'{a.item():.3f}', loss.item(), s, v @ v)\n"
)


# What the zygote's prefault probe (sandbox_prefault.probe) runs after IDLE_PROGRAM, only there, in a
# child it throws away: a longer lesson-style run (an iteration of matrix-vector products, a
# gradient-descent loop with backward() and in-place updates, a linalg call, tensors printed),
# fixed, never a user's. A short program's job used to write ~100-300 of the zygote's pages that
# IDLE_PROGRAM's short run had not (the small-object pools a longer loop reaches, the report of
# bigger tensors), each a copy-on-write fault in the job (~1.4 ms of a ~11 ms run, issue 9); their
# list grows by ~800 pages (~3 MB per spare, copied only while the server is idle), and the faults of
# the loop programs fell by 40-80 %, those unlike this one (loop_mlp_manual, loop_logistic) too.
PROBE_PROGRAM = (
    "import torch\n"
    "M = torch.randn(30, 30)\n"
    "M = M @ M.T / 30 + torch.eye(30)\n"
    "x = torch.ones(30)\n"
    "b = torch.linspace(-1.0, 1.0, 30)\n"
    "W = torch.zeros(30, requires_grad=True)\n"
    "for t in range(150):\n"
    "    y = M @ x\n"
    "    x = y / y.norm()\n"
    "    loss = ((b * W).sum() - 1.0) ** 2 + torch.sigmoid(W).mean()\n"
    "    loss.backward()\n"
    "    with torch.no_grad():\n"
    "        W -= 0.1 * W.grad\n"
    "        W.grad.zero_()\n"
    "e = torch.linalg.eigvalsh(M)\n"
    "print(x @ M @ x, e[-1], loss.item())\n"
    "print(M)\n"
)


def run_probe_program() -> bool:
    """PROBE_PROGRAM run and its Report pickled as a job does: what the zygote's prefault probe runs
    after IDLE_PROGRAM (sandbox_prefault.probe's `then`). False if it failed. Never raises."""
    try:
        from autogradlab.engine.run import run_program
        from autogradlab.sandbox_wire import dump_report

        report = run_program(PROBE_PROGRAM, seed=0)
        dump_report(report)
    except Exception:   # noqa: BLE001 - the probe then lists what IDLE_PROGRAM wrote
        return False
    return report.error is None


# What a spare says on its link once it ran IDLE_PROGRAM (spare -> zygote, the only byte it ever sends).
WARMED_MARKER = b"D"

# Whether this process ran IDLE_PROGRAM (a job process inherits it from its spare; tests read it).
IDLE_WARMED: list[bool] = []


def warm_idle(link: socket.socket) -> None:
    """Run IDLE_PROGRAM and pickle its Report, as a job does, unless a job is already waiting on
    `link`; then warm_spare's Jacobian paths if the zygote stays idle. Never raises."""
    if select.select([link], [], [], 0)[0]:
        return
    warmed = run_idle_program()
    try:
        link.send(WARMED_MARKER)   # the zygote hands the next job to this spare again (_Zygote._warming)
    except OSError:
        return
    if warmed:
        IDLE_WARMED.append(True)
        warm_spare(link)


def run_idle_program() -> bool:
    """Run IDLE_PROGRAM and pickle its Report, as a job does; False if that failed. Never raises.
    (Also what the zygote's prefault probe runs, then run_probe_program: sandbox_prefault.)"""
    try:
        from autogradlab.engine.run import run_program
        from autogradlab.sandbox_wire import dump_report

        dump_report(run_program(IDLE_PROGRAM, seed=0))
    except Exception:   # noqa: BLE001 - a spare that could not warm still runs its job
        return False
    return True


# The spare warms its Jacobian paths only if no job came within this long (after warm_idle): on a
# busy server (a class: ~30 runs a second on 2 cores) the next job comes within tens of ms, and
# ~25 ms of warm-up CPU per job, for a ~2.5 ms gain that only Jacobian programs see, took cores the
# queue was waiting for.
SPARE_WARM_DELAY_S = 0.5


def warm_spare(link: socket.socket) -> None:
    """A freshly forked process pays for its first touch of torch's and the engine's code paths
    (copy-on-write pages, cold caches): about half of a 5 ms Jacobian. The spare pays it while it
    waits for a job (~25 ms of CPU), in two parts, each only if no job is waiting yet, and only
    once no job came for SPARE_WARM_DELAY_S. It runs fixed programs, not a user's, before the job's
    limits apply."""
    if select.select([link], [], [], SPARE_WARM_DELAY_S)[0]:
        return
    try:
        from autogradlab.engine.run import run_program

        for program in SPARE_PROGRAMS:
            if select.select([link], [], [], 0)[0]:
                return
            run_program(program, seed=0)
    except Exception:   # a spare that could not warm still runs its job
        pass

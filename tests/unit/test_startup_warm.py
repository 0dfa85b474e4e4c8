"""A fresh server's first graph (issue 11): the sandbox is ready after `import torch` and the lesson
example; the rest of the warm-up (the meta kernels of the size checks, ~800 modules) happens after.

So the lesson example must never need the meta device (its creation ops are sized by arithmetic,
checked against PyTorch here), a program that does need it before the warm-up still runs correctly
(and is not charged the loading time), and the zygote does finish warming in the background.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
import torch

from autogradlab.lang import shapes
from autogradlab.sandbox import WorkerPool
from components.state import DEFAULT_PROGRAM

META_MODULE = "torch._dynamo"   # what the first meta-device op imports (with sympy): the slow part


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (torch.arange, [4.0], {}), (torch.arange, [5], {}), (torch.arange, [1, 10, 3], {}),
    (torch.arange, [0, 1, 0.1], {}), (torch.arange, [10, 0, -3], {}), (torch.arange, [-1.5, 3.7, 0.3], {}),
    (torch.arange, [1, 2.1, 0.1], {}), (torch.arange, [0.5, 2.5], {"requires_grad": True}),
    (torch.zeros, [2, 3], {}), (torch.ones, [(2, 3)], {"requires_grad": True}), (torch.randn, [3], {}),
    (torch.rand, [[4, 0]], {}), (torch.zeros, [()], {}), (torch.full, [(2, 3), 1.5], {}),
    (torch.full, [[2], 7], {"dtype": torch.float64}),
])
def test_creation_ops_are_sized_as_pytorch_sizes_them(fn, args, kwargs):
    assert shapes.fast_count(fn, args, kwargs) == fn(*args, **kwargs).numel()


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (torch.arange, [0, 10, -1], {}),            # inconsistent step: the real call reports it
    (torch.arange, [0, 10, 0], {}),
    (torch.arange, [0, 2.5, 0.5], {"dtype": torch.int64}),   # an int dtype truncates the step first
    (torch.arange, [float("inf")], {}), (torch.arange, [True], {}),
    (torch.zeros, [-1], {}), (torch.zeros, [2], {"device": "cpu"}),
    (torch.zeros, [torch.tensor(3)], {}), (torch.full, [(2,), torch.tensor(1.0)], {}),
])
def test_creation_ops_it_cannot_size_are_left_to_the_meta_device(fn, args, kwargs):
    assert shapes.fast_count(fn, args, kwargs) is None


def _fresh_python(code: str) -> str:
    """Run code in a new interpreter (nothing of torch loaded yet); returns its stdout."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=240, check=True)
    return done.stdout.strip()


def test_the_lesson_example_runs_without_loading_the_meta_kernels():
    out = _fresh_python(f"""
        import sys, torch
        from autogradlab.engine.run import run_program
        report = run_program({DEFAULT_PROGRAM!r}, seed=0)
        print(report.ok, report.variables["y"].text, {META_MODULE!r} in sys.modules)
    """)
    x = torch.arange(4.0, requires_grad=True)
    y = 2 * torch.dot(x, x)
    assert out == f"True {y!r} False"


def test_a_size_check_that_needs_the_meta_device_loads_it_and_says_how_long_it_took():
    out = _fresh_python("""
        import sys, torch
        from autogradlab.lang.sizes import SizeGuard
        from autogradlab.limits import DEFAULT_LIMITS
        first, second = SizeGuard(DEFAULT_LIMITS), SizeGuard(DEFAULT_LIMITS)
        first.predict(torch.Tensor.repeat, [torch.ones(3), 2], {}, "repeat", creation=False)
        second.predict(torch.Tensor.repeat, [torch.ones(3), 2], {}, "repeat", creation=False)
        print(first.warm_up_s > 0, second.warm_up_s == 0, "torch._dynamo" in sys.modules)
    """)
    assert out == "True True True"


def _meta_loaded(source, *, seed, output, limits):
    import sys

    from autogradlab.report import Report

    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed=str(META_MODULE in sys.modules))


def test_a_fresh_pool_runs_a_meta_program_at_once_and_warms_the_rest_in_the_background():
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        source = "import torch\nx = torch.ones(3, requires_grad=True)\ny = x.repeat(2).sum()\ny.backward()\n"
        report = pool.run(source)   # may be forked before the warm-up: it loads the kernels itself
        x = torch.ones(3, requires_grad=True)
        x.repeat(2).sum().backward()
        assert report.ok and report.variables["x"].grad.tolist() == x.grad.tolist()
        deadline = time.monotonic() + 120
        while pool._run("probe", target=_meta_loaded).printed != "True":   # inherited from the zygote
            assert time.monotonic() < deadline, "the zygote never finished its warm-up"
            time.sleep(0.5)
    finally:
        pool.close()


def _niceness(source, *, seed, output, limits):
    import os

    from autogradlab.report import Report

    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed=str(os.getpriority(os.PRIO_PROCESS, 0)))


def test_jobs_run_at_the_apps_priority():
    import os

    pool = WorkerPool(size=1)
    try:
        assert pool._run("probe", target=_niceness).printed == str(os.getpriority(os.PRIO_PROCESS, 0))
    finally:
        pool.close()


def _jacobian_loaded(source, *, seed, output, limits):
    import sys

    from autogradlab.report import Report

    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed=str("autogradlab.engine.jacobian_call" in sys.modules))


def test_the_first_job_does_not_wait_for_the_spares_jacobian_warm_up():
    """Before the zygote's warm-up the spare's Jacobian programs cost ~1.2 s of CPU (torch.func's
    first import); the first visitor's job used to queue behind them. The spare forked at start-up
    now waits for its job cold, so a job sent a moment after "ready" finds nothing of it loaded."""
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        assert pool._current_zygote().wait_ready(120)
        time.sleep(1.0)   # a warming spare would be well into its first Jacobian program by now
        assert pool._run("probe", target=_jacobian_loaded).printed == "False"
    finally:
        pool.close()

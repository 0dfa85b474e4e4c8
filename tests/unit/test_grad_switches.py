"""Grad-mode managers beyond `with torch.no_grad():` and the default dtype, against plain PyTorch
(session 14, issue 9 § 2): `with torch.set_grad_enabled(...)`, `torch.inference_mode()` (with and
as a decorator), `@torch.set_grad_enabled(False)`, `torch.is_inference_mode_enabled()`,
`torch.set_default_dtype` / `get_default_dtype`. Values, printed text and errors are PyTorch's; every
mode and the default dtype are back to normal after each run, also when it fails inside the block
(sandbox workers are reused), and the size limits hold at their boundaries under a float64 default.
"""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

P = "import torch\nx = torch.ones(2, requires_grad=True)\n"

SNIPPETS = {
    "set_grad_enabled_with": P + """with torch.set_grad_enabled(False):
    y = x * 2
    print(torch.is_grad_enabled(), y.requires_grad)
print(torch.is_grad_enabled())
""",
    "set_grad_enabled_variable": P + """is_train = False
with torch.set_grad_enabled(is_train):
    q = x ** 2
print(q, q.grad_fn)
with torch.set_grad_enabled(mode=True):
    r = x ** 2
print(r.grad_fn is not None)
""",
    "set_grad_enabled_in_loop": P + """for i in range(3):
    with torch.set_grad_enabled(i % 2 == 0):
        y = x * i
    print(i, y.requires_grad)
""",
    "nested_mixed": P + """with torch.no_grad():
    with torch.enable_grad():
        z = x * 2
    print(z.requires_grad, torch.is_grad_enabled())
    with torch.set_grad_enabled(True):
        print(torch.is_grad_enabled())
    print(torch.is_grad_enabled())
with torch.no_grad(), torch.set_grad_enabled(True):
    w = x * 2
print(w.requires_grad)
""",
    "inference_mode_with": P + """with torch.inference_mode():
    w = x * 3
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), w.requires_grad)
print(torch.is_inference_mode_enabled(), w, w.is_inference())
with torch.inference_mode(False):
    print(torch.is_inference_mode_enabled())
with torch.inference_mode(mode=True), torch.enable_grad():
    print(torch.is_grad_enabled(), torch.is_inference_mode_enabled())
c = w.clone()
print(c.is_inference())
""",
    "inference_mode_in_place_inside": P + """with torch.inference_mode():
    y = x * 2
    y.add_(1)
    y[0] = 7
print(y)
""",
    "inference_mode_return": P + """def f():
    with torch.inference_mode():
        return x * 2
r = f()
print(r.is_inference(), torch.is_inference_mode_enabled())
""",
    "decorators": P + """@torch.no_grad
def f(a):
    return a * 2
@torch.inference_mode()
def g(a):
    return a * 2
@torch.set_grad_enabled(False)
def h(a):
    return a * 2
@torch.inference_mode
def k(a):
    return a + 1
@torch.inference_mode(False)
def m(a):
    return a + 1
print(f(x).requires_grad, g(x).requires_grad, h(x).requires_grad, k(x), m(x).grad_fn)
print(torch.is_grad_enabled())
""",
    "set_grad_enabled_call_repr": """import torch
print(torch.set_grad_enabled(False))
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
""",
    "default_float64": """import torch
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype(), torch.tensor([1.5]).dtype, torch.ones(2), torch.zeros(3).dtype)
a = torch.tensor([1.0, 2.0], requires_grad=True)
(a ** 2).sum().backward()
print(a.grad)
b = torch.tensor(1 / 3)
print(b, torch.arange(0, 1, 0.25), torch.linspace(0, 1, 3))
torch.set_default_dtype(torch.float32)
print(torch.tensor(3.14159265358979))
""",
    "default_half_types": """import torch
torch.set_default_dtype(torch.float16)
print(torch.ones(2) / 3)
torch.set_default_dtype(torch.bfloat16)
print(torch.ones(2) / 3, torch.get_default_dtype())
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])
    assert_normal_state()


def assert_normal_state() -> None:
    assert torch.is_grad_enabled() and not torch.is_inference_mode_enabled()
    assert torch.get_default_dtype() == torch.float32


ERRORS = [
    "with torch.set_grad_enabled(1):\n    y = x * 2\n",
    "with torch.set_grad_enabled():\n    y = x * 2\n",
    "with torch.set_grad_enabled(enabled=False):\n    y = x * 2\n",
    "with torch.set_grad_enabled(False, True):\n    y = x * 2\n",
    "with torch.set_grad_enabled(None):\n    y = x * 2\n",
    "with torch.set_grad_enabled(x):\n    y = x * 2\n",
    "with torch.inference_mode(1):\n    y = x * 2\n",
    "with torch.inference_mode(True, 2):\n    y = x * 2\n",
    "with torch.inference_mode():\n    y = x * 2\nz = (y * x).sum()\n",
    "with torch.inference_mode():\n    y = x * 2\ny.add_(1)\n",
    "@torch.set_grad_enabled(1)\ndef f(a):\n    return a\n",
    "@torch.set_grad_enabled\ndef f(a):\n    return a\n",
    "torch.set_default_dtype(torch.int32)\n",
    "torch.set_default_dtype(torch.complex64)\n",
    "torch.set_default_dtype('float64')\n",
    "torch.set_default_dtype(float)\n",
    "torch.set_default_dtype(d=torch.float64)\n",
    "torch.set_default_dtype()\n",
    "torch.set_default_dtype(torch.float64, 1)\n",
    "torch.get_default_dtype(1)\n",
    "torch.is_inference_mode_enabled(1)\n",
    "torch.set_default_dtype(torch.float64)\ny = torch.ones(3)\nprint(y.dtype)\ny[7] = 1\n",
]


@pytest.mark.parametrize("tail", ERRORS)
def test_fails_like_plain_pytorch(tail: str) -> None:
    source = P + tail
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line
    assert report.printed == oracle.printed
    if not isinstance(oracle.error, IndexError):   # the engine words index errors its own way
        assert report.error.message == str(oracle.error)
    assert_normal_state()


FAILING_INSIDE = [   # (block opener, failing line, error kind)
    ("with torch.set_grad_enabled(False):", "y = x[5]", "index"),
    ("with torch.inference_mode():", "y = x[5]", "index"),
    ("with torch.inference_mode():", "y = torch.ones(10**10)", "limit"),
    ("with torch.no_grad(), torch.inference_mode():", "y = torch.ones(10**10)", "limit"),
    ("with torch.set_grad_enabled(False):", "while True:\n        y = x * 2", "limit"),
    ("with torch.inference_mode():", "while True:\n        y = x * 2", "limit"),
]


@pytest.mark.parametrize(("opener", "line", "kind"), FAILING_INSIDE)
def test_modes_are_restored_when_the_block_fails(opener: str, line: str, kind: str) -> None:
    source = P + "torch.set_default_dtype(torch.float64)\n" + opener + "\n    " + line + "\n"
    report = run_program(source, torchviz=False, limits=Limits(max_steps=5_000))
    assert not report.ok and report.error.kind == kind, report.error
    assert_normal_state()
    after = run_program("import torch\ny = torch.ones(2, requires_grad=True) * 2\n", torchviz=False)
    assert after.variables["y"].grad_fn == "MulBackward0" and after.variables["y"].dtype == "float32"


@pytest.mark.parametrize("decorator", ["@torch.set_grad_enabled(False)", "@torch.inference_mode()",
                                       "@torch.inference_mode"])
def test_modes_are_restored_when_a_decorated_function_fails(decorator: str) -> None:
    report = run_program(P + decorator + "\ndef f(a):\n    return a[5]\nf(x)\n", torchviz=False)
    assert not report.ok and report.error.kind == "index"
    assert_normal_state()


SMALL = 1_000


@pytest.mark.parametrize("default", ["torch.float32", "torch.float64"])
@pytest.mark.parametrize(("n", "ok"), [(SMALL, True), (SMALL + 1, False)])
def test_tensor_limit_holds_at_its_boundary_whatever_the_default(default: str, n: int, ok: bool) -> None:
    limits = Limits(max_tensor_elements=SMALL, max_total_elements=10 * SMALL)
    source = (f"import torch\ntorch.set_default_dtype({default})\ny = torch.ones({n})\n"
              f"z = torch.arange({n}.)\n")
    report = run_program(source, torchviz=False, limits=limits)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "the limit is 1,000" in report.error.message
    assert_normal_state()


@pytest.mark.parametrize("default", ["torch.float32", "torch.float64"])
@pytest.mark.parametrize(("n", "ok"), [(10, True), (11, False)])
def test_total_limit_holds_at_its_boundary_whatever_the_default(default: str, n: int, ok: bool) -> None:
    """Ten tensors of 100 elements fill a total of 1,000 (created, counted exactly at small limits)."""
    limits = Limits(max_tensor_elements=SMALL, max_total_elements=SMALL)
    source = (f"import torch\ntorch.set_default_dtype({default})\nkept = []\nfor i in range({n}):\n"
              "    kept.append(torch.ones(100))\n")
    report = run_program(source, torchviz=False, limits=limits)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "1,000 tensor elements" in report.error.message
    assert_normal_state()


def test_float64_default_fits_the_worker_memory_at_the_element_limit() -> None:
    """The element limits bound memory under a float64 default too: the total limit in 8-byte
    elements stays well inside the worker's address-space limit."""
    assert DEFAULT_LIMITS.max_total_elements * 8 < DEFAULT_LIMITS.memory_mb * 2**20 / 2


def test_size_prediction_is_keyed_by_the_default_dtype() -> None:
    """The meta-run cache (shapes.cache_key) never answers for another default dtype."""
    from autogradlab.lang import shapes
    key32 = shapes.cache_key(torch.ones, [3], {}, True)
    torch.set_default_dtype(torch.float64)
    try:
        key64 = shapes.cache_key(torch.ones, [3], {}, True)
    finally:
        torch.set_default_dtype(torch.float32)
    assert key32 != key64


@pytest.mark.parametrize("source", [
    "import torch\nctx = torch.inference_mode()\n",
    "import torch\nwith torch.inference_mode() as m:\n    pass\n",
    "import torch\nwith torch.autograd.set_grad_enabled(False):\n    pass\n",
    "import torch\nwith torch.set_grad_enabled(*[False]):\n    pass\n",
])
def test_other_uses_of_the_managers_stay_refused(source: str) -> None:
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert_normal_state()

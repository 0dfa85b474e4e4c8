"""Session 39 red-team pass over the surfaces merged this session (nn.Parameter, grad_fn._saved_*,
importlib.metadata.version, saved-tensors pack hooks, skipped plotting calls, skipped notebook lines,
torch.func grad on the Jacobian page): each defect found, compared with plain PyTorch / Python."""

from __future__ import annotations

import dataclasses

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare, run_trusted

T = "import torch\n"


def test_type_of_a_parameter_is_parameter() -> None:
    compare(T + "p = torch.nn.Parameter(torch.ones(3))\nprint(type(p), type(p).__name__)\n"
            "print(type(p) == torch.Tensor, isinstance(p, type(p)), isinstance(p.clone(), type(p)))\n"
            "q = torch.nn.Parameter(torch.ones(2), requires_grad=False)\nq += 1\nprint(type(q), q)\n")


def test_version_gives_a_plain_str() -> None:
    source = (T + "from importlib.metadata import version\nv = version('torch')\n"
              "print(type(v), type(version('numpy')), v > (2, 0))\n")
    report, oracle = run_program(source), run_trusted(source)
    assert "not supported between instances of 'str' and 'tuple'" in str(oracle.error)
    assert not report.ok and report.error.line == oracle.error_line
    assert report.error.message == "'>' not supported between instances of 'str' and 'tuple'"
    compare(T + "from importlib.metadata import version\n"
            "print(type(version('torch')), type(version('numpy')))\n")


def test_version_of_bytes_fails_as_python_does() -> None:
    source = T + "from importlib.metadata import version\nprint(version(b'torch'))\n"
    report, oracle = run_program(source), run_trusted(source)
    assert not report.ok and report.error.message == str(oracle.error)


PLT = "import matplotlib.pyplot as plt\n"
FAKE_PLT = "class _Plt:\n    def __getattr__(self, n):\n        return lambda *a, **k: None\nplt = _Plt()\n"


def _plain_python(body: str) -> str:
    import contextlib
    import io
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(FAKE_PLT + body, "program", "exec"), {})  # trusted test text only
    return out.getvalue()


def test_a_skipped_plotting_call_consumes_its_starred_generator() -> None:
    body = ("g = (print(i) for i in range(3))\nplt.plot(*g)\n"
            "def f():\n    plt.plot(*(print(-i) for i in range(2)))\nf()\nprint('end')\n")
    report = run_program(PLT + body)
    assert report.ok, report.error
    assert report.printed == _plain_python(body) == "0\n1\n2\n0\n-1\nend\n"


def test_a_skipped_plotting_call_checks_its_spread_keywords() -> None:
    for body, words in (("plt.plot(**5)\n", "argument after ** must be a mapping, not int"),
                        ("plt.plot(**{1: 2})\n", "keywords must be strings"),
                        ("plt.plot(*5)\n", "not iterable")):
        report = run_program(PLT + body)
        assert not report.ok and report.error.line == 2 and words in report.error.message, body


def test_a_skipped_plotting_call_of_an_endless_generator_meets_a_limit() -> None:
    body = "def count():\n    k = 0\n    while True:\n        yield k\n        k += 1\nplt.plot(*count())\n"
    # the loop limit, not the time limit, is what stops it (a loaded test machine took > 5 s)
    report = run_program(PLT + body, limits=dataclasses.replace(DEFAULT_LIMITS, timeout_s=120.0))
    assert not report.ok and report.error.kind == "limit"
    assert "loop iterations" in report.error.message


def test_a_bfloat16_gradient_is_drawn_not_a_failed_program() -> None:
    for call in ("grad(lambda v: (v ** 2).sum())(x)", "jacrev(lambda v: v ** 2)(x)",
                 "jacobian(lambda v: v ** 2, x)"):
        source = (T + "from torch.func import grad, jacrev\nfrom torch.autograd.functional import jacobian\n"
                  f"x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.bfloat16)\nprint({call})\n")
        compare(source)
        report = run_program(source)
        assert len(report.jacobians) == 1, call
        assert report.jacobians[0].matrix.dtype.name == "float32"


def test_sorted_parameters_as_plain_pytorch() -> None:
    compare(T + "ps = [torch.nn.Parameter(torch.tensor(float(k))) for k in (3, 1, 2)]\nprint(sorted(ps))\n"
            "print(sorted([torch.tensor(2.0), ps[1]], reverse=True))\n")


def test_an_unpack_hook_reading_a_saved_value_itself_leaves_the_outer_read_as_pytorch() -> None:
    compare(T + "x = torch.ones(3, 3, requires_grad=True)\nz = torch.ones(2, requires_grad=True)\n"
            "def unpack(t):\n    print('unpack', t.shape, t.dtype)\n    if t.dtype == torch.int64:\n"
            "        w.grad_fn._saved_self\n    return t\n"
            "with torch.autograd.graph.saved_tensors_hooks(lambda t: t, unpack):\n    w = z * z\n"
            "    y = x[torch.tensor([0, 1]), torch.tensor([1, 2])]\nprint(len(y.grad_fn._saved_indices))\n")

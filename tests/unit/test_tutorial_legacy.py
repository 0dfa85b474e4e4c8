"""Older tensor API cells of chenyuntc/pytorch-book chapter 3, against plain PyTorch (the oracle):
`torch.Tensor(2, 3)` and `x.new(2, 3)` (uninitialised in PyTorch: zero-filled here, as torch.empty,
and in the oracle too), `torch.set_grad_enabled(False)` as a call, `torch.set_default_tensor_type`.
Process-wide switches end with the program; the size limits hold just below and above."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import assert_value_matches, run_trusted

PROGRAMS = {
    "tensor_sizes": "import torch as t\na = t.Tensor(2, 3)\nprint(a)\nb = t.Tensor(t.Size([1, 2]))\n"
                    "c = t.Tensor(0)\nd = t.Tensor()\nprint(b, c, d, t.Tensor(3).dtype)\na\n",
    "new": "import torch as t\na = t.rand(2, 3, dtype=t.float64)\nb = a.new(2, 3)\nc = a.new([1, 2])\n"
           "d = a.new()\ne = a.new(t.Size([1, 2]))\nf = a.new((2, 3))\nprint(b, c, d, e, f)\n"
           "g = t.ones(2, requires_grad=True).new([3])\nprint(g, g.requires_grad)\na.new(1, 2)\n",
    "grad_call": "import torch as t\nt.set_grad_enabled(False)\nx = t.ones(1)\n"
                 "w = t.rand(1, requires_grad = True)\ny = x * w\n"
                 "x.requires_grad, w.requires_grad, y.requires_grad\nt.set_grad_enabled(True)\n"
                 "z = x * w\nprint(z.requires_grad, t.is_grad_enabled())\n"
                 "g = t.set_grad_enabled(mode=False)\n"
                 "print(g, type(g), t.is_grad_enabled())\n",
    "grad_call_in_no_grad": "import torch\nw = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n"
                            "    torch.set_grad_enabled(True)\n    a = w * 2\nb = w * 2\n"
                            "print(a.requires_grad, b.requires_grad)\n",
    "grad_off_then_backward": "import torch\nw = torch.ones(2, requires_grad=True)\n"
                              "torch.set_grad_enabled(False)\ny = (w * 2).sum()\ny.backward()\n",
    "default_tensor_type": "import torch as t\na = t.rand(2, 3)\nprint(a.dtype)\n"
                           "t.set_default_tensor_type('torch.DoubleTensor')\na = t.rand(2, 3)\n"
                           "print(a.dtype, a, t.tensor([1.5]), t.get_default_dtype())\nb = t.Tensor(2)\n"
                           "b\nt.set_default_tensor_type(t.FloatTensor)\nprint(t.rand(1).dtype, t.ones(2))\n",
    "default_tensor_type_gradients": "import torch\ntorch.set_default_tensor_type(torch.DoubleTensor)\n"
                                     "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                                     "for i in range(50):\n    y = (w * w * 0.5).sum()\n    y.backward()\n"
                                     "print(w.grad, y)\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_legacy_cell_equals_plain_pytorch(name: str) -> None:
    source = PROGRAMS[name]
    report, oracle = run_program(source, seed=0), run_trusted(source)
    assert report.printed == oracle.printed
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed
    assert report.ok == (oracle.error is None), report.error
    if oracle.error is not None:
        assert report.error.line == oracle.error_line
    for variable, real in oracle.variables.items():
        if isinstance(real, torch.Tensor):
            assert_value_matches(report.variables[variable], real)


LEFT_ON = {
    "grad_off": "import torch\ntorch.set_grad_enabled(False)\nx = torch.ones(2)\n",
    "double": "import torch\ntorch.set_default_tensor_type('torch.DoubleTensor')\nx = torch.ones(2)\n",
    "both_then_error": "import torch\ntorch.set_grad_enabled(False)\n"
                       "torch.set_default_tensor_type(torch.DoubleTensor)\n"
                       "x = torch.ones(2) @ torch.ones(3)\n",
}


@pytest.mark.parametrize("name", sorted(LEFT_ON))
def test_switches_end_with_the_program(name: str) -> None:
    run_program(LEFT_ON[name])
    assert torch.is_grad_enabled() and torch.get_default_dtype() is torch.float32
    after = run_program("import torch\nw = torch.ones(2, requires_grad=True)\ny = w * 2\nz = torch.rand(2)\n")
    assert after.ok and after.variables["y"].requires_grad and after.variables["z"].dtype == "float32"


def test_left_switches_do_not_reach_the_report() -> None:
    """The program ends with gradients off: the graph of what it built earlier is still drawn."""
    report = run_program("import torch\nw = torch.ones(2, requires_grad=True)\ny = (w * 3).sum()\n"
                         "torch.set_grad_enabled(False)\n")
    assert report.ok and report.graph is not None and report.output == "y"


LIMIT = DEFAULT_LIMITS.max_tensor_elements


@pytest.mark.parametrize(("call", "allowed"), [
    (f"torch.Tensor({LIMIT})", True), (f"torch.Tensor({LIMIT + 1})", False),
    (f"torch.Tensor(2, {LIMIT // 2})", True), (f"torch.Tensor(2, {LIMIT // 2 + 1})", False),
    (f"x.new({LIMIT})", True), (f"x.new({LIMIT + 1})", False),
    (f"x.new(torch.Size([{LIMIT + 1}]))", False), (f"torch.DoubleTensor({LIMIT + 1})", False),
])
def test_zero_filled_sizes_just_below_and_above_the_limit(call: str, allowed: bool) -> None:
    report = run_program(f"import torch\nx = torch.ones(2)\ny = {call}\n")
    assert report.ok == allowed, report.error
    if not allowed:
        assert report.error.kind == "limit" and "elements" in report.error.message
    else:
        assert report.variables["y"].shape[-1] in (LIMIT, LIMIT // 2)


MULTIPLY_ADD = '''import torch as t
from torch.autograd import Function
class MultiplyAdd(Function):
    @staticmethod
    def forward(ctx, w, x, b):
        ctx.save_for_backward(w, x)
        return w * x + b

    @staticmethod
    def backward(ctx, grad_output):
        w, x = ctx.saved_tensors
        print("backward", grad_output)
        return grad_output * x, grad_output * w, grad_output * 1
x = t.ones(1)
w = t.rand(1, requires_grad = True)
b = t.rand(1, requires_grad = True)
z = MultiplyAdd.apply(w, x, b)
'''

APPLY = {
    "book_cell": "print(z.grad_fn)\nz.grad_fn.apply(t.ones(1))\n",
    "result_used": "gw, gx, gb = z.grad_fn.apply(t.ones(1) * 3)\nprint(gw, gx, gb)\nz.backward()\n"
                   "print(w.grad)\n",
    "builtin_node": "y = w * 2\nprint(y.grad_fn.apply(t.ones(1)))\n",
    "after_backward": "z.backward()\nz.grad_fn.apply(t.ones(1))\n",
    "too_few": "z.grad_fn.apply()\n",
}


@pytest.mark.parametrize("name", sorted(APPLY))
def test_grad_fn_apply_runs_the_programs_backward_as_pytorch(name: str) -> None:
    import re
    source = MULTIPLY_ADD + APPLY[name]
    report, oracle = run_program(source, seed=0), run_trusted(source)
    # the engine prints a custom Function's node without its address (test_custom_functions)
    want = re.sub(r"(<torch\.autograd\.function\.\w+ object) at 0x[0-9a-f]+>", r"\1>", oracle.printed)
    assert report.printed == want
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed
    assert report.ok == (oracle.error is None), report.error
    if oracle.error is not None:   # the engine names the innermost program line (in the backward)
        assert report.error.line == _innermost_line(oracle.error)
    for variable, real in oracle.variables.items():
        if isinstance(real, torch.Tensor):
            assert_value_matches(report.variables[variable], real)


def _innermost_line(error: BaseException) -> int:
    import traceback

    from tests.oracle import PROGRAM_FILENAME
    return [f for f in traceback.extract_tb(error.__traceback__) if f.filename == PROGRAM_FILENAME][-1].lineno


@pytest.mark.parametrize(("rows", "allowed"), [(LIMIT // 1000, True), (LIMIT // 1000 + 1, False)])
def test_grad_fn_apply_keeps_the_size_limits_inside_the_backward(rows: int, allowed: bool) -> None:
    """A gradient of another shape broadcasts inside the program's backward: its ops are checked."""
    source = MULTIPLY_ADD.replace("x = t.ones(1)", "x = t.ones(1, 1000)") + \
        f"g = z.grad_fn.apply(t.ones({rows}, 1))\n"
    report = run_program(source)
    assert report.ok == allowed, report.error
    if not allowed:
        assert report.error.kind == "limit"


HOOK_CELL = '''import torch as t
def variable_hook(grad):
    print('y的梯度：', grad)

x = t.ones(3, requires_grad=True)
w = t.rand(3, requires_grad=True)
y = x * w
hook_handle = y.register_hook(variable_hook)
z = y.sum()
z.backward()
'''


@pytest.mark.parametrize("hook", ["variable_hook", "lambda g: print(g)", "lambda g: g * 2"])
def test_register_hook_runs_the_programs_hook_as_pytorch(hook: str) -> None:
    """Session 21: the hook runs inside backward (lang/tensor_hooks.py), as in PyTorch (was refused)."""
    source = HOOK_CELL.replace("register_hook(variable_hook)", f"register_hook({hook})") \
        + "print(x.grad, w.grad)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok and oracle.error is None, report.error
    assert report.printed == oracle.printed


def test_the_hint_for_register_hook_prints_what_the_hook_would() -> None:
    source = HOOK_CELL.replace("hook_handle = y.register_hook(variable_hook)\n", "y.retain_grad()\n") \
        + "variable_hook(y.grad)\n"
    hooked = run_trusted(HOOK_CELL)
    report = run_program(source)
    assert report.ok and report.printed == hooked.printed


PLOT_CELLS = '''import torch
x = torch.linspace(0, 3, 4, requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad)
{imports}
print("before the plot")
{plot}
print("after the plot")
'''


IMPORTS = ["import matplotlib.pyplot as plt", "from matplotlib import pyplot as plt",
           "import matplotlib as mpl\nimport matplotlib.pyplot as plt"]
# (a plotting call made as a statement, `plt.plot(...)` / `plt.show()`, is skipped since session 39:
# tests/unit/test_plot_calls_s39.py; these keep a plotting value, or call a method of one)
PLOTS = ["line, = plt.plot(x.detach().numpy(), x.grad.numpy())", "fig, ax = plt.subplots()",
         "plt.gca().plot(x.detach().numpy())"]


@pytest.mark.parametrize("imports", IMPORTS)
@pytest.mark.parametrize("plot", PLOTS)
def test_a_plotting_line_stops_the_program_there_after_the_lines_before_it(imports: str, plot: str) -> None:
    """A student pasting a notebook gets its computing cells run; the first plotting line that keeps a
    plotting value says plotting is not available, at its line (before: `import matplotlib` refused the
    whole program unrun)."""
    source = PLOT_CELLS.format(imports=imports, plot=plot)
    report = run_program(source)
    oracle = run_trusted(source.split(plot)[0].replace(imports, ""))   # (no matplotlib installed here)
    assert report.printed == oracle.printed and "before the plot" in report.printed
    assert report.error.kind == "unsupported" and "plotting is not available" in report.error.message
    assert report.error.line == source.splitlines().index(plot) + 1
    assert_value_matches(report.variables["y"], oracle.namespace["y"])


def test_the_plotting_module_is_no_value_and_imports_nothing_else() -> None:
    for source in ("import matplotlib.pyplot as plt\nprint(plt)\n",
                   "import matplotlib.pyplot as plt\np = [plt]\n",
                   "import matplotlib.animation\n", "from matplotlib import cm\n"):
        report = run_program(source)
        assert not report.ok and report.error.kind == "unsupported", source

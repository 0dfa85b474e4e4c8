"""Session 25, corpus 4: what the new tutorials needed (tests/programs/tutorial_fastai_*.py and the others
of this session), each against PyTorch / CPython as the oracle, with the limits just below and above.

- `from torch import tensor` (any torch function, dtype or constant the program could call as torch.X)
- a program's own attributes on a tensor: `inp.g = out.g @ w.t()` (lang/tensor_own_attributes.py)
- `x.clamp_min(0.)`, `torch.clamp_max(x, 1.)`
- `from itertools import islice` and `iter(f, sentinel)` (lang/itertools_module.py)
- an iterator or generator bound at the top level is listed, and shown by a bare expression, with
  Python's text (no address)
"""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.errors import ProgramError
from autogradlab.lang.parse import parse_program
from autogradlab.lang.tensor_own_attributes import MAX_TENSOR_ATTRIBUTES
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted, shown_as_left, value_mismatches, without_address


def same_as_python(source: str) -> None:
    """Outcome, printed text, displays and variables as plain PyTorch / CPython give them."""
    report, oracle = run_program(source), run_trusted(source)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    if oracle.error is not None:
        assert report.error.line == oracle.error_line
        assert report.error.message == str(oracle.error), report.error.message
    assert without_address(report.printed) == without_address(oracle.printed)
    assert [(d.line, d.text) for d in report.displayed] == [(line, without_address(text))
                                                            for line, text in oracle.displayed]
    assert list(report.variables) == list(oracle.variables)
    with shown_as_left(oracle):   # the print options the program left (torch's and NumPy's)
        for name, value in oracle.variables.items():
            assert not value_mismatches(report.variables[name], value, name)


def refused(source: str, kind: str = "unsupported", limits=DEFAULT_LIMITS):  # noqa: ANN001, ANN201
    report = run_program(source, limits=limits)
    assert not report.ok and report.error.kind == kind, report.error
    return report.error


# -- from torch import X --------------------------------------------------------------------------------
def test_from_torch_import_a_function_dtype_or_constant_runs_as_python():
    same_as_python("from torch import tensor, zeros, float64, pi, Tensor, Size\n"
                   "x = tensor([1., 2.])\ny = zeros(2, dtype=float64) + pi\n"
                   "print(isinstance(x, Tensor), x.shape == Size([2]), y.dtype)\n")


@pytest.mark.parametrize("name", ["load", "save", "no_grad", "*", "ops", "hub", "from_file", "_C"])
def test_from_torch_import_of_anything_else_stays_refused_by_name(name):
    report = run_program(f"from torch import {name}\n")   # static, or by the run (a name torch may lack)
    assert not report.ok and report.error.kind == "unsupported", report.error
    assert f"`from torch import {name}` is not supported" in report.error.message


# -- a tensor's own attributes --------------------------------------------------------------------------
def test_own_attributes_on_tensors_hold_values_as_pytorch():
    same_as_python("import torch\nw = torch.tensor([[1., -2.], [3., 4.]], requires_grad=True)\n"
                   "out = w @ torch.ones(2)\nout.g = torch.ones(2) * 2\nw.g = out.g[:, None] * 3\n"
                   "w.label, w.steps = 'weights', [1, 2]\nw.steps.append(3)\nw.g += 1\n"
                   "g = w.g\nprint(w.g, w.label, w.steps, out.g.sum())\n"
                   "v = w.detach()\nc = w.clone()\nout.sum().backward()\nprint(w.grad)\n")


def test_an_own_attribute_never_set_reads_as_missing():
    """Python's AttributeError, as PyTorch raises it (a detached tensor is a new object without `.g`)."""
    error = refused("import torch\nx = torch.ones(2)\nx.g = 1\ny = x.detach()\nprint(y.g)\n", "value")
    assert error.message == "'Tensor' object has no attribute 'g'" and error.line == 5


@pytest.mark.parametrize(("name", "line"), [("sum", 3), ("grad_fn", 3), ("shape", 3), ("T", 3)])
def test_a_name_torch_tensor_defines_cannot_be_an_own_attribute(name, line):
    error = refused(f"import torch\nx = torch.ones(2)\nx.{name} = 1\n")
    assert f"assigning to the tensor attribute `.{name}`" in error.message and error.line == line


@pytest.mark.parametrize("source", ["x._g = 1", "x.__dict__ = 1", "torch.g = 1", "np.g = 1",
                                    "a, *torch.g = [1, 2]"])
def test_private_names_and_modules_stay_refused_before_the_run(source):
    with pytest.raises(ProgramError):
        parse_program(f"import torch\nimport numpy as np\nx = torch.ones(2)\n{source}\n", DEFAULT_LIMITS)


@pytest.mark.parametrize(("value", "says"), [("print", "cannot be used in an assignment"),
                                             ("torch", "cannot be used in an assignment"),
                                             ("lambda: 1", "cannot be used in an assignment")])
def test_an_own_attribute_holds_data_only(value, says):
    assert says in refused(f"import torch\nx = torch.ones(2)\nx.g = {value}\n").message


def test_other_values_take_no_new_attribute():
    error = refused("import torch\nx = 3\nx.g = 1\n")
    assert error.message.startswith("assigning to the attribute `.g` of int values is not supported")


@pytest.mark.parametrize("count", [MAX_TENSOR_ATTRIBUTES, MAX_TENSOR_ATTRIBUTES + 1])
def test_own_attributes_on_one_tensor_are_limited(count):
    lines = "".join(f"x.a{i} = {i}\n" for i in range(count))
    source = f"import torch\nx = torch.ones(1)\n{lines}x.a0 = 5\nprint(x.a0)\n"
    if count <= MAX_TENSOR_ATTRIBUTES:
        assert run_program(source).printed == "5\n"
    else:
        error = refused(source, "limit")
        assert f"more than {MAX_TENSOR_ATTRIBUTES} attributes" in error.message and error.line == count + 2


def test_a_program_with_a_function_class_keeps_attribute_stores_refused():
    source = ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n"
              "    def forward(ctx, x):\n        ctx.k = 2\n        return x * ctx.k\n"
              "    @staticmethod\n    def backward(ctx, g):\n        return g * ctx.k\n"
              "x = torch.ones(2)\nx.g = 1\n")
    with pytest.raises(ProgramError) as info:
        parse_program(source, DEFAULT_LIMITS)
    assert "assigning to the attribute `.g`" in info.value.message


# -- clamp_min / clamp_max ---------------------------------------------------------------------------------
def test_clamp_min_and_clamp_max_values_and_gradients_as_pytorch():
    same_as_python("import torch\nx = torch.tensor([-1., 0.5, 2.], requires_grad=True)\n"
                   "y = x.clamp_min(0.) + torch.clamp_max(x, 1.0) * 2 + torch.clamp_min(x, min=1.)\n"
                   "y.sum().backward()\nz = x.detach().clamp_max(max=0.)\n")


# -- islice and iter(f, sentinel) -----------------------------------------------------------------------
ISLICE = """from itertools import islice
import itertools
vals = list(range(12))
it = iter(vals)
print(list(islice(it, 5)), list(islice(it, 5)), list(islice(it, 5)), list(islice(it, 5)))
it = iter(range(30))
img = list(iter(lambda: list(islice(it, 7)), []))
print(img, list(itertools.islice(range(20), 2, 15, 3)), list(islice('abcdef', 1, None, None)))
print(list(islice((x * x for x in range(10)), 3)), next(islice(vals, 4, 5)))
n = [0]
def f():
    n[0] += 1
    return n[0]
print(list(iter(f, 4)), list(islice(vals, 0)))
for args in [(-1,), (1.5,), ('a',), (0, 5, 0), (0, 5, -1), (-1, 3), (True,)]:
    try:
        list(islice(vals, *args))
    except ValueError as e:
        print(e)
def bad(k):
    if k == 0:
        iter(3, 4)
    elif k == 1:
        islice(vals)
    elif k == 2:
        islice(vals, 1, 2, 3, 4)
    elif k == 3:
        islice(3, 1)
    elif k == 4:
        iter()
    else:
        iter(1, 2, 3)
for k in range(6):
    try:
        bad(k)
    except TypeError as e:
        print(e)
"""


def test_islice_and_iter_with_a_sentinel_as_cpython():
    same_as_python(ISLICE)


def test_a_sentinel_compares_with_python_equality():
    same_as_python("import torch\nxs = [torch.tensor(1.), torch.tensor(2.)]\nit = iter(xs)\n"
                   "got = list(iter(lambda: next(it, None), None))\nprint(got)\n")
    source = "import torch\nt = iter(lambda: torch.ones(2), 1)\nnext(t)\n"   # ones(2) == 1: two truths
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and report.error.line == oracle.error_line == 3
    assert "ambiguous" in report.error.message


def test_iter_with_a_sentinel_that_never_comes_stops_at_the_loop_budget():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=1_000)
    below = "xs = list(iter(lambda: 1, 2))\n"
    assert "loop iterations" in refused(below, "limit", limits).message
    assert run_program("n = [0]\ndef f():\n    n[0] += 1\n    return n[0]\nxs = list(iter(f, 990))\n"
                       "print(len(xs))\n", limits=limits).printed == "989\n"


def test_islice_skipping_a_huge_start_is_charged_item_by_item():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_loop_iterations=1_000)
    error = refused("from itertools import islice\nit = iter(lambda: 1, 2)\n"
                    "print(list(islice(it, 10**18, None)))\n", "limit", limits)
    assert "loop iterations" in error.message and error.line == 3
    assert run_program("from itertools import islice\nprint(list(islice(range(10**9), 400, 402)))\n",
                       limits=limits).printed == "[400, 401]\n"


def test_other_members_of_itertools_are_refused_by_name():
    for name in ("batched", "recipes"):   # tee, cycle, groupby, starmap: allowed since session 30
        with pytest.raises(ProgramError) as info:
            parse_program(f"from itertools import {name}\n", DEFAULT_LIMITS)
        assert f"`from itertools import {name}` is not supported" in info.value.message


# -- iterators and generators as variables and displays ---------------------------------------------------
def test_iterators_at_the_top_level_are_listed_and_shown_as_python():
    same_as_python("from itertools import islice\ndef chunks(x, sz):\n    for i in range(0, len(x), sz):\n"
                   "        yield x[i:i+sz]\ng = chunks([1, 2, 3], 2)\nm = map(int, '12')\nit = iter([1])\n"
                   "s = islice(it, 1)\ng\nm\nit\ns\nislice(it, 5)\nz = zip([1], [2])\nz\nx = 1\n")


@pytest.mark.parametrize("call", ["copy.deepcopy(x)", "copy.copy(x)", "copy.deepcopy([x, 1])",
                                  "copy.deepcopy({'w': x})"])
def test_a_tensor_holding_own_attributes_is_not_copied_past_the_counts(call):
    """PyTorch's deepcopy copies a tensor's own attributes (its __dict__) item by item, which the run's
    counts of list items and elements would never see: refused by name; a clone or a tensor without
    them copies as before."""
    error = refused(f"import torch, copy\nx = torch.ones(2)\nx.g = [0] * 1000\ny = {call}\n")
    assert "holds attributes of the program's own" in error.message and error.line == 4
    same_as_python(f"import torch, copy\nx = torch.ones(2)\ny = {call}\nx.g = 1\nz = x.clone()\n")

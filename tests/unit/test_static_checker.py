"""The static allowlist: what the language accepts, and the name of everything it refuses."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramSyntaxError
from autogradlab.lang.parse import ALLOWED_IMPORTS, import_bindings, parse_program
from autogradlab.limits import DEFAULT_LIMITS, Limits


def refusal(source: str, limits: Limits = DEFAULT_LIMITS) -> ProgramError:
    with pytest.raises(ProgramError) as info:
        parse_program(source, limits)
    return info.value


# --- accepted: the lessons' language -------------------------------------------------------------

LESSON_PROGRAM = '''
import torch
from torch import nn
from torch.autograd.functional import jacobian
def funx(x):
    return torch.stack([x[0] ** 2 + 2 * x[1], 3 * x[0] + 4 * x[1] ** 2])
if __name__ == "__main__":
    in_x = torch.tensor([1.0, 2.0], dtype=torch.float, requires_grad=True)
    y = funx(in_x)
    y.backward(torch.ones_like(y))
    my_jacobian = jacobian(funx, in_x)
    print(f"my_jacobian=\\n{my_jacobian}")
    print(f"x_grad={in_x.grad}")
X = torch.arange(12).reshape((3,4))
X[1,2]=9
X[0:2, :] = 12
X += 1
a, b = X.shape
x = torch.arange(4.0)
x.requires_grad_(True)
x.grad = None
squares = [v * v for v in range(4) if v > 0]
total = sum(v for v in squares)
f = lambda val, k=2: val.sum() * k
n: int = 3
while n > 0:
    n -= 1
    if n == 1:
        continue
    elif n == 5:
        break
    else:
        pass
assert n == 0, "done"
del n
print(f"{total:.3f} {total:>8} {total:+.2e} {total:5.1%}")
t = (1, 2.5, 1j, "s", True, None, ...)
y = -x if not x.requires_grad else +x
z = x[::2] @ x[1::2]
'''


def test_lesson_program_is_accepted():
    assert isinstance(parse_program(LESSON_PROGRAM), ast.Module)


@pytest.mark.parametrize("seed_block", [
    "x.requires_grad_(True) #等价于x=torch.arange(4.0,requires_grad=True)\nx.grad # 默认为None",
    "def f(a):\n    b=a*2\n    while b.norm()<1000:\n        b=b*2\n    if b.sum()>0:\n        c=b\n"
    "    else:\n        c=100*b\n    return c\na=torch.randn(size=(),requires_grad=True)",
    "before = id(Y)\nY = Y + X\nid(Y) == before",
    "A = X.numpy()\nB = torch.tensor(A)\ntype(A),type(B)",
    "a=torch.tensor([3.5])\na,a.item(),float(a),int(a)",
    "import numpy as np\narray = np.array([[1.0, 2.0, 3.0],[4.0, 5.0, 6.0]])",
])
def test_seed_blocks_are_accepted(seed_block):
    parse_program(seed_block)


def test_dunder_name_reads_only_as_dunder_name():
    parse_program('if __name__ == "__main__":\n    pass')


# --- refused constructs name themselves ----------------------------------------------------------

@pytest.mark.parametrize(("source", "named"), [
    ("import torch\nwith torch.no_grad(1):\n    pass", "`with` statements"),
    ("class A(list):\n    pass", "a base that is not `object`, a builtin exception class"),
    ("class A:\n    def __float__(self):\n        pass", "defining `__float__` in `class A`"),
    ("try:\n    pass\nexcept* ValueError:\n    pass", "`except*` blocks"),
    ("class A:\n    @d\n    def f(self):\n        pass", "`@d` on the method `f`"),   # s27: a def's own run
    ("def f():\n    x = yield 1", "`yield`"),
    ("def f():\n    print((yield from g()))", "`yield from`"),
    ("await x", "`await`"),
    ("async def f():\n    pass", "`async def`"),
    ("f(**__kw__)", "double-underscore names"),
    ("(__y__ := 1)", "double-underscore names"),
    ("x[0]: int = 1", "annotated assignments to anything but a name"),
    ("async with a:\n    pass", "`async with` statements"),
    ("async for x in y:\n    pass", "`async for` loops"),
    ("g(x for x in y async for z in w)", "async comprehensions"),
    ("match x:\n    case C(__class__=k):\n        pass", "double-underscore attributes such as `__class__`"),
    ("torch.foo = 1", "assigning to the attribute `.foo`"),   # (a tensor's `x.foo = 1`: at run time)
    ("del torch.sin", "deleting attributes"),   # (`del obj.x` runs since session 42)
    ("a, *np.foo = x", "assigning to the attribute `.foo`"),
])
def test_refused_construct_is_named(source, named):
    error = refusal(source)
    assert isinstance(error, NotSupported)
    assert named in error.message and "not supported in Autograd Lab" in error.message


def test_refusal_points_at_the_construct_line():
    error = refusal("x = 1\ny = 2\nwith torch.no_grad() as a:\n    pass")
    assert (error.line, error.column) == (3, 1)


def test_first_refusal_in_reading_order_is_reported():
    error = refusal("class A(list):\n    pass\nglobal x")
    assert "`class A(list)`" in error.message


def test_caret_on_a_number_hints_power():
    error = refusal("y = x^2")
    assert isinstance(error, ProgramSyntaxError) and error.hint.startswith("use ** for powers")


def test_caret_between_names_is_exclusive_or_and_allowed():
    parse_program("c = a ^ b")


def test_return_outside_function_is_a_syntax_error():
    assert isinstance(refusal("return 1"), ProgramSyntaxError)


def test_break_outside_loop_is_a_syntax_error():
    assert isinstance(refusal("if x:\n    break"), ProgramSyntaxError)


# --- names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "__import__('os')",
    "x.__class__",
    "__builtins__",
    "f(__x__=1)",
    "def __init__(self):\n    pass",
    "def f(__a__):\n    pass",
    "import torch as __t__",
    "__name__ = 'x'",
    "x = torch.__dict__",
])
def test_dunder_identifiers_are_refused(source):
    error = refusal(source)
    assert isinstance(error, NotSupported) and "__" in error.message


def test_private_attribute_is_refused():
    error = refusal("t = torch._C")
    assert "private attributes" in error.message and "`._C`" in error.message


def test_single_underscore_variable_is_allowed():
    parse_program("_ = 1\n_x = 2")


# --- imports ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "import torch", "import torch as t", "import torch.nn as nn", "import torch.nn.functional as F",
    "import numpy as np", "import math", "from torch import nn",
    "from torch.autograd.functional import jacobian", "from torch.autograd import grad",
])
def test_allowed_import_is_accepted(source):
    parse_program(source)


@pytest.mark.parametrize(("source", "statement"), [
    ("import pandas as pd", "`import pandas`"),
    ("import os", "`import os`"),
    ("import sys", "`import sys`"),
    ("import subprocess", "`import subprocess`"),
    ("import importlib", "`import importlib`"),
    ("import torch.hub", "`import torch.hub`"),
    ("import torch.utils.data", "`import torch.utils.data`"),
    ("from torch import *", "`from torch import *`"),
    ("import torch, os", "`import os`"),
    ("from torch.func import jacrev, functional_call", "`from torch.func import functional_call`"),
])
def test_refused_import_names_the_statement(source, statement):
    error = refusal(source)
    assert error.message == f"{statement} is not supported in Autograd Lab"


def test_torch_func_refusal_names_the_transforms_that_work():
    hint = refusal("from torch.func import functional_call").hint
    assert "jacrev, jacfwd, hessian, vmap" in hint and "torch.autograd.functional" in hint
    assert "not available" not in hint


def test_relative_import_is_refused():
    assert "relative imports" in refusal("from . import x").message


def test_pandas_import_hints_data_preparation_elsewhere():
    error = refusal("import torch\nimport pandas as pd")
    assert error.hint == "Autograd Lab runs PyTorch code only; do the data preparation elsewhere"
    assert error.line == 2


@pytest.mark.parametrize(("source", "bindings"), [
    ("import torch", [("torch", "torch")]),
    ("import torch.nn", [("torch", "torch")]),
    ("import torch.nn.functional as F", [("F", "torch.nn.functional")]),
    ("from torch import nn", [("nn", "torch.nn")]),
    ("from torch.autograd.functional import jacobian as J",
     [("J", "torch.autograd.functional.jacobian")]),
])
def test_import_bindings_give_names_and_namespace_keys(source, bindings):
    node = parse_program(source).body[0]
    assert import_bindings(node) == bindings
    assert all(key in ALLOWED_IMPORTS.values() for _, key in bindings)


# --- depth limits in the tree --------------------------------------------------------------------

def test_blocks_at_max_nesting_are_accepted():
    source = "".join("    " * i + "if x:\n" for i in range(4)) + "    " * 4 + "pass\n"
    parse_program(source, Limits(max_nesting=4))


def test_blocks_over_max_nesting_are_refused():
    source = "".join("    " * i + "if x:\n" for i in range(5)) + "    " * 5 + "pass\n"
    error = refusal(source, Limits(max_nesting=4))
    assert isinstance(error, LimitExceeded) and "max_nesting = 4" in error.message


def test_deep_expression_tree_is_refused_without_recursion():
    limits = Limits(max_nesting=10, max_tree_depth=50)
    error = refusal("y = " + "x + " * 60 + "x", limits)
    assert isinstance(error, LimitExceeded)


def test_expression_just_inside_the_tree_depth_is_accepted():
    parse_program("y = " + "x + " * 40 + "x", Limits(max_nesting=10, max_tree_depth=50))


def test_checker_does_not_raise_the_recursion_limit():
    before = sys.getrecursionlimit()
    parse_program("y = " + "x + " * 150 + "x")
    assert sys.getrecursionlimit() == before


def test_parse_module_never_imports_torch():
    source = Path(__file__).parents[2].joinpath("autogradlab", "lang")
    for name in ("parse.py", "guards.py", "checker.py", "construct_checks.py", "grad_manager_forms.py",
                 "syntax_errors.py", "allowed_imports.py"):
        tree = ast.parse(source.joinpath(name).read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(str(module).startswith("torch") for module in imported), name

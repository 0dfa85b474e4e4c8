"""Custom autograd Functions (lang/function_classes.py, lang/custom_functions.py): every other class,
and every other use of the class, its `.apply`, torch.autograd.Function and ctx, is refused by name."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_custom_functions import _function, _innermost_line

# --- refusals: every other class, every other use ----------------------------------------------------

def _class(body: str, bases: str = "torch.autograd.Function", before: str = "") -> str:
    lines = "".join(f"    {line}\n" for line in body.splitlines())
    return f"import torch\n{before}class F({bases}):\n" + lines


BACKWARD = "@staticmethod\ndef backward(ctx, g):\n    return g"
METHODS = "@staticmethod\ndef forward(ctx, x):\n    return x\n" + BACKWARD


@pytest.mark.parametrize(("source", "key"), [
    (_class("k = 3\n" + METHODS), "errors_functions.body"),
    (_class("@classmethod\ndef forward(cls, x):\n    return x\n" + BACKWARD), "errors_functions.body"),
    (_class("@torch.no_grad()\ndef forward(ctx, x):\n    return x\n@staticmethod\ndef backward(ctx, g):\n"
            "    return g"), "errors_functions.body"),
    (_class("@staticmethod\ndef helper(x):\n    return x\n" + METHODS), "errors_functions.body"),
    (_class(METHODS + "\n@staticmethod\ndef forward(ctx, x):\n    return x"), "errors_functions.body"),
    (_class("@staticmethod\ndef forward(ctx, x):\n    return x"), "errors_functions.needs"),
    (_class(METHODS, "torch.autograd.Function, torch.autograd.Function"), "errors_functions.base"),
    (_class(METHODS, "torch.autograd.Function, metaclass=type"), "errors_functions.base"),
    (_class(METHODS, before="@torch.no_grad()\n"), "errors_functions.base"),
    (_class("pass", "torch.nn.Module"), "errors_more.nn_module"),
    (_class("pass", "list"), "errors_classes.base"),   # plain classes: tests/unit/test_plain_classes.py
])
def test_other_classes_are_refused_before_running(source, key):
    with pytest.raises(NotSupported) as info:
        parse_program(source, DEFAULT_LIMITS)
    assert "class" in info.value.message
    report = run_program(source)
    assert (report.error.kind, report.error.key) == ("unsupported", key)


CLASS = _class(METHODS).removeprefix("import torch\n")


@pytest.mark.parametrize(("tail", "says"), [
    ("Function = torch.Tensor\n" + _class(METHODS, "Function").removeprefix("import torch\n"),
     "the one base torch.autograd.Function"),
    (CLASS + "F(1)\n", "`F(...)` is not supported"),
    (CLASS + "F.forward(1, 2)\n", "`F.forward(...)` is not supported"),
    (CLASS + "G = F\n", "cannot be stored in variables"),
    ("print(torch.autograd.Function)\n", "supported only as the base of a class"),
    ("from torch.autograd import Function\nf = Function\n", "cannot be stored in variables"),
    (CLASS + "print(torch.tensor([F.apply]))\n", "cannot be used in `torch.tensor`"),   # printed since s25
    (_class(METHODS.replace("return x", "yield x")).removeprefix("import torch\n"), "cannot be a generator"),
])
def test_other_uses_of_the_class_are_refused(tail, says):
    report = run_program("import torch\n" + tail)
    assert report.error.kind == "unsupported" and says in report.error.message, report.error


@pytest.mark.parametrize(("forward", "says"), [
    ("print(ctx)\nreturn x", "ctx cannot be used in `print()`"),
    ("return ctx", "ctx cannot be used as a return value"),
    ("saved.append(ctx)\nreturn x", "ctx cannot be used in `.append()`"),
    ("ctx.k = [ctx]\nreturn x", "ctx cannot be used inside a list"),
    ("ctx._x = 1\nreturn x", "private attributes"),
    ("ctx.__dict__ = 1\nreturn x", "double-underscore attributes"),
    ("ctx.saved_tensors = 1\nreturn x", "cannot be assigned"),
    ("ctx.register_hook(print)\nreturn x", "`ctx.register_hook(...)` is not supported"),
    ("c = ctx\nc.k = 1\nreturn x", "assigning to the attribute `.k`"),
    ("print(ctx.save_for_backward)\nreturn x", "is a method: call it"),
])
def test_ctx_offers_only_its_documented_members(forward, says):
    report = run_program(_function(forward, "return g").replace("class F", "saved = []\nclass F")
                         + "y = F.apply(x)\n")
    assert report.error.kind == "unsupported" and says in report.error.message, report.error


def test_unknown_ctx_attribute_is_pythons_attribute_error():
    source = _function("return x * ctx.missing", "return g") + "y = F.apply(x)\n"
    report, oracle = run_program(source), run_trusted(source)
    assert isinstance(oracle.error, AttributeError)
    assert report.error.message == str(oracle.error).replace("torch.autograd.function.", "")
    assert report.error.line == _innermost_line(oracle.error)


def test_attribute_assignment_stays_refused_outside_a_functions_methods():
    # (a tensor's own `x.k = 3` runs since session 25 in a program without Function classes:
    # tests/unit/test_corpus4_s25.py)
    for source in ("import torch\nx = torch.ones(2)\nx.k = 3\n" + _function("return x * 2", "return g"),
                   _function("return x * 2", "return g")
                   + "def forward(ctx, x):\n    ctx.k = 3\n    return x\n"):
        with pytest.raises(ProgramError) as info:
            parse_program(source, DEFAULT_LIMITS)
        assert "assigning to the attribute `.k`" in info.value.message

"""Every refusal and error around a custom autograd Function's ctx and class names the construct as the
program wrote it (the ctx under the program's own parameter name) at its line; where plain PyTorch
raises an error itself (calling a property, calling or indexing the ctx), the engine says PyTorch's
words at PyTorch's line (tests/oracle.run_trusted is the oracle)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.error_text import message as error_text
from tests.oracle import run_trusted
from tests.unit.test_custom_functions import _innermost_line


def _program(line: str, ctx: str = "ctx", extra: str = "") -> str:
    """`line` (using `ctx` for the ctx) as line 5, inside forward."""
    return ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n"
            f"    def forward({ctx}, x):\n        {line.replace('ctx', ctx)}\n{extra}"
            f"        return x * 1\n    @staticmethod\n    def backward({ctx}, g):\n        return g\n"
            "x = torch.ones(2, requires_grad=True)\ny = F.apply(x)\n")


REFUSED = [   # (line 5 of forward, what the message says with `{c}` for the ctx's name, its key)
    ("print(ctx.save_for_backward)", "`{c}.save_for_backward` is a method: call it, as in "
     "`{c}.save_for_backward(...)`", "errors_functions.ctx_method"),
    ("ctx.save_for_backward = 1", "`{c}.save_for_backward` cannot be assigned: it is a method of ctx",
     "errors_functions.ctx_assign"),
    ("ctx.saved_tensors = 1", "`{c}.saved_tensors` cannot be assigned: it is a read-only property of ctx",
     "errors_functions.ctx_assign_property"),
    ("ctx.needs_input_grad = (True,)", "`{c}.needs_input_grad` cannot be assigned: it is a read-only "
     "property of ctx", "errors_functions.ctx_assign_property"),
    ("ctx.mark_dirty(x)", "`{c}.mark_dirty(...)` is not supported in Autograd Lab (ctx offers",
     "errors_functions.ctx_call"),
    ("print(ctx)", "ctx cannot be used in `print()`: the ctx of a custom autograd Function may only have its "
     "attributes read or set, its methods called, or be passed to a function of your program",
     "errors_functions.ctx_not_data"),
    ("k = ctx[0]", "ctx cannot be used before `[...]`: the ctx of a custom autograd Function",
     "errors_functions.ctx_not_data"),
]


@pytest.mark.parametrize("name", ["ctx", "context"])
@pytest.mark.parametrize(("line", "says", "key"), REFUSED)
def test_ctx_refusals_name_the_construct_and_its_line(line, says, key, name):
    report = run_program(_program(line, name), torchviz=False)
    error = report.error
    assert (error.kind, error.key, error.line) == ("unsupported", key, 5), error
    assert says.format(c=name) in error.message, error
    assert "a function may only be called" not in error.message   # ctx is no function
    assert error_text("zh", error) != error.message   # the Chinese catalogue has the key


PYTHON_ERRORS = [   # plain PyTorch raises these itself: its words, its line
    "ctx.needs_input_grad(0)",
    "ctx.saved_tensors()",
    "ctx.k = 3\n        ctx.k(1)",
    "ctx()",
    "ctx[0] = 1",
    "print(ctx.missing)",
]


@pytest.mark.parametrize("name", ["ctx", "context"])
@pytest.mark.parametrize("line", PYTHON_ERRORS)
def test_ctx_errors_python_raises_are_pythons(line, name):
    first, _, second = line.partition("\n")
    source = _program(first, name, extra=second.replace("ctx", name) + "\n" if second else "")
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and report.error is not None, (oracle.error, report.error)
    assert report.error.message == str(oracle.error), (report.error, oracle.error)
    assert report.error.line == _innermost_line(oracle.error) == (6 if second else 5)


CLASS_BODIES = [   # (the class body after `class F(torch.autograd.Function):`, the member named, its line)
    ("    k = 3\n", "`k = 3`", 3),
    ("    @classmethod\n    def forward(cls, x):\n        return x\n", "`@classmethod def forward`", 3),
    ("    def forward(ctx, x):\n        return x\n", "`def forward` without `@staticmethod`", 3),
    ("    '''doc'''\n    @staticmethod\n    def helper(x):\n        return x\n", "`@staticmethod def helper`",
     4),
    ("    @staticmethod\n    def backward(ctx, g):\n        return g\n    @staticmethod\n"
     "    def backward(ctx, g):\n        return g\n", "a second `def backward`", 6),
]


@pytest.mark.parametrize(("body", "member", "line"), CLASS_BODIES)
def test_class_body_refusals_name_the_member_at_its_line(body, member, line):
    source = "import torch\nclass F(torch.autograd.Function):\n" + body + "y = 1\n"
    error = run_program(source, torchviz=False).error
    assert (error.kind, error.key, error.line, error.column) == ("unsupported", "errors_functions.body",
                                                                  line, 5), error
    assert error.message.startswith(f"`class F(torch.autograd.Function)`: {member} cannot be in its body")
    assert member in error_text("zh", error)


@pytest.mark.parametrize(("method", "line"), [("forward", 4), ("backward", 7)])
def test_a_generator_method_is_refused_at_its_def(method, line):
    forward, backward = ("yield", "return") if method == "forward" else ("return", "yield")
    source = ("import torch\nclass F(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
              f"        {forward} x\n    @staticmethod\n    def backward(ctx, g):\n        {backward} g\n"
              "y = F.apply(torch.ones(1))\n")
    error = run_program(source, torchviz=False).error
    assert (error.kind, error.key, error.line) == ("unsupported", "errors_functions.generator", line), error
    assert f"`F.{method}` of a custom autograd Function cannot be a generator" in error.message

"""A custom autograd Function (PyTorch's tutorial "Defining new autograd functions", issue 9), checked
here without touching torch.

    class LegendrePolynomial3(torch.autograd.Function):
        \"\"\"docstring\"\"\"
        @staticmethod
        def forward(ctx, input): ...
        @staticmethod
        def backward(ctx, grad_output): ...

Exactly one base that names `Function` (the interpreter checks that it is torch.autograd.Function
itself, lang/custom_functions.py), no keywords or class decorators, and a body of a docstring and
`@staticmethod` functions named forward, backward (both required) and setup_context. A class with no
base named `Function` is a plain class (lang/class_checks.py); nn.Module classes keep their own hint.
"""

from __future__ import annotations

import ast

from autogradlab.errors import NotSupported

METHODS = ("forward", "backward", "setup_context")
CLASS_HINT = ("write `class Name(torch.autograd.Function):` with `@staticmethod def forward(ctx, ...)` and "
              "`@staticmethod def backward(ctx, grad_output)`, or a plain class without that base "
              "(`class Name:`)")


def base_name(base: ast.expr) -> str | None:
    """`torch.autograd.Function` -> "Function"; None for anything but a dotted name."""
    node = base
    while isinstance(node, ast.Attribute):
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return base.attr if isinstance(base, ast.Attribute) else base.id


def is_function_class(node: ast.ClassDef) -> bool:
    """A class written as a custom autograd Function (its one base's last name is `Function`)."""
    return len(node.bases) == 1 and base_name(node.bases[0]) == "Function"


def is_staticmethod(decorator: ast.expr) -> bool:
    return isinstance(decorator, ast.Name) and decorator.id == "staticmethod"


def is_once_differentiable(decorator: ast.expr) -> bool:
    """`@once_differentiable` or `@torch.autograd.function.once_differentiable` (PyTorch's "Extending
    torch.autograd" step 3); what the name holds is checked when the class is defined."""
    return isinstance(decorator, ast.Name) and decorator.id == "once_differentiable" or \
        isinstance(decorator, ast.Attribute) and decorator.attr == "once_differentiable"


def _decorated_right(statement: ast.FunctionDef) -> bool:
    """`@staticmethod` alone, or above `@once_differentiable` on backward (PyTorch's own order)."""
    decorators = statement.decorator_list
    if not decorators or not is_staticmethod(decorators[0]):
        return False
    return len(decorators) == 1 or len(decorators) == 2 and statement.name == "backward" \
        and is_once_differentiable(decorators[1])


def check_function_class(node: ast.ClassDef) -> None:
    """Raise NotSupported naming what is outside the one supported form (the checker calls it, and
    the interpreter again before it runs the class)."""
    bases = ", ".join(ast.unparse(b) for b in node.bases)
    if node.keywords or node.decorator_list or getattr(node, "type_params", None) \
            or not is_function_class(node):
        raise NotSupported(f"`class {node.name}({bases})`: the only class Autograd Lab runs is a custom "
                           "autograd Function with the one base torch.autograd.Function", hint=CLASS_HINT)
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]   # the docstring
    seen: set[str] = set()
    for statement in body:
        if not (isinstance(statement, ast.FunctionDef) and statement.name in METHODS
                and statement.name not in seen and _decorated_right(statement)):
            decorators = getattr(statement, "decorator_list", None)   # the line and column of its `@`
            line, column = (decorators[0].lineno, decorators[0].col_offset) if decorators \
                else (statement.lineno, statement.col_offset + 1)
            raise NotSupported(f"`class {node.name}({bases})`: {_member_text(statement, seen)} cannot be in "
                               "its body, which may hold only a docstring and `@staticmethod` functions "
                               "`forward`, `backward` and `setup_context` in Autograd Lab",
                               hint=CLASS_HINT).at(line, column)
        seen.add(statement.name)
    if "forward" not in seen or "backward" not in seen:
        raise NotSupported(f"`class {node.name}({bases})` needs `@staticmethod def forward` and "
                           "`@staticmethod def backward`", hint=CLASS_HINT)


def _member_text(statement: ast.stmt, seen: set[str]) -> str:
    """The refused member as the program wrote it: `def helper`, a second `def forward`, `k = 3`."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        if statement.name in seen:
            return f"a second `def {statement.name}`"
        decorators = [ast.unparse(d) for d in statement.decorator_list]
        if statement.name in METHODS and not decorators:
            return f"`def {statement.name}` without `@staticmethod`"
        return "`" + "".join(f"@{d} " for d in decorators) + f"def {statement.name}`"
    text = ast.unparse(statement).splitlines()[0]
    return f"`{text if len(text) <= 40 else text[:39] + '…'}`"


def methods_of(node: ast.ClassDef) -> dict[str, ast.FunctionDef]:
    return {statement.name: statement for statement in node.body if isinstance(statement, ast.FunctionDef)}


def ctx_parameter(node: ast.FunctionDef) -> str | None:
    """The name a method of a Function class gives its ctx: the first parameter of backward and
    setup_context, and of forward unless the class has a setup_context (then forward has none)."""
    params = node.args.posonlyargs + node.args.args
    return params[0].arg if params else None

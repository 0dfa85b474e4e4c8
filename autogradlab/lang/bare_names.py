"""A torch function's bare name (`dot(x, x)` for `torch.dot(x, x)`, the interpreter's convenience since its
first version) is found only where it is called. Read as a value it is Python's NameError, as plain Python
gives: ThinkPython ch. 3 prints a function's local `cat` outside it to show the NameError, and ch. 12 passes
`diff` before any cell made it (session 43); both gave torch's function here.

The parse marks each `name(...)` callee (mark_callees); Interpreter.lookup(name, bare=False) is the read of
a name anywhere else (compiled_expressions._name_run, expressions._name, compiled_leaves.lookup_at).
"""

from __future__ import annotations

import ast

_CALLEE = "autogradlab_callee"


def mark_callees(tree: ast.AST) -> None:
    for node in ast.walk(tree):   # ast.walk is iterative
        if type(node) is ast.Call and type(node.func) is ast.Name:
            setattr(node.func, _CALLEE, True)


def is_callee(node: ast.Name) -> bool:
    return getattr(node, _CALLEE, False)

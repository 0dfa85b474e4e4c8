"""Equal constants of a program are one object, as CPython's compiler makes them for one module (its
constant cache spans the module's functions too): ThinkPython ch. 9 shows `a = 'banana'; b = 'banana';
a is b` giving True (session 43; it gave False here, each literal its own str). Texts, ints, floats and
complex numbers: keyed by type and value (`1` and `1.0` and `True` stay apart, `-0.0` apart from `0.0`).
Tuples Python folds at compile time (`(1, 2) is (1, 2)`) are not merged: the interpreter builds them.

Before merging, texts joined or repeated from constants are folded as CPython's compiler folds them
(Python/ast_opt.c: `'ban' + 'ana'` always, `'ab' * 3` while the result holds at most 4,096 characters), so
`'ban' + 'ana' is 'banana'` is True as there (session 44). A folded text is never longer than the run's
max_sequence_len (the size check of `+` / `*` answers for a longer one at run time, as before), and a
program's folded texts hold at most MAX_FOLDED_TOTAL characters in all (a source of 10,000 `'a' * 4096`
lines must not make 40 MB before it runs)."""

from __future__ import annotations

import ast
from typing import Any

_MERGED = (str, int, float, complex)
_TEXTS = (str, bytes)
MAX_FOLDED_TEXT = 4096   # CPython's MAX_STR_SIZE for a folded repetition
MAX_FOLDED_TOTAL = 100_000   # characters of all the texts one program folds


def merge_constants(tree: ast.AST, max_sequence_len: int = MAX_FOLDED_TEXT) -> None:
    nodes = list(ast.walk(tree))   # ast.walk is iterative; breadth first: every parent before its children
    fold_texts(nodes, min(MAX_FOLDED_TEXT, max_sequence_len))
    seen: dict[tuple[type, Any], Any] = {}
    for node in nodes:
        if type(node) is ast.Constant and type(node.value) in _MERGED:
            value = node.value
            key = (type(value), value if type(value) in (str, int) else repr(value))
            node.value = seen.setdefault(key, value)


def fold_texts(nodes: list[ast.AST], longest: int) -> None:
    """Turn each `text + text` and `text * int` of constants into the constant of its value, in place (the
    node becomes an ast.Constant: no parent is rewritten), children before parents (`'a' + 'b' + 'c'`)."""
    budget = [MAX_FOLDED_TOTAL]
    for node in reversed(nodes):
        if type(node) is ast.BinOp and type(node.left) is ast.Constant and type(node.right) is ast.Constant:
            value = _folded(node, longest, budget)
            if value is not None:
                node.__class__ = ast.Constant
                node.value, node.kind = value, None
                del node.left, node.op, node.right


def _folded(node: ast.BinOp, longest: int, budget: list[int]) -> Any:
    a, b = node.left.value, node.right.value
    if type(node.op) is ast.Add and type(a) in _TEXTS and type(a) is type(b):
        size = len(a) + len(b)
    elif type(node.op) is ast.Mult and _repeats(a, b):
        text, times = (a, b) if type(a) in _TEXTS else (b, a)
        size = len(text) * max(times, 0)
    else:
        return None
    if size > longest or size > budget[0]:   # left to run time and its size checks
        return None
    budget[0] -= size
    return a + b if type(node.op) is ast.Add else text * times


def _repeats(a: object, b: object) -> bool:
    return (type(a) in _TEXTS and type(b) is int) or (type(b) in _TEXTS and type(a) is int)

"""Equal constants of a program are one object, as CPython's compiler makes them for one module (its
constant cache spans the module's functions too): ThinkPython ch. 9 shows `a = 'banana'; b = 'banana';
a is b` giving True (session 43; it gave False here, each literal its own str). Texts, ints, floats and
complex numbers: keyed by type and value (`1` and `1.0` and `True` stay apart, `-0.0` apart from `0.0`).
Tuples Python folds at compile time (`(1, 2) is (1, 2)`) are not merged: the interpreter builds them.

Before merging, texts joined from constants are folded as CPython's compiler folds them
(Python/ast_opt.c: `'ban' + 'ana'`), so `'ban' + 'ana' is 'banana'` is True as there (session 44). A join
never makes more text than the source holds. Repetitions (`'ab' * 3`, which CPython also folds up to 4,096
characters) are not folded: each one evaluated is counted in the run's total of built items
(max_total_sequence_items), which a folded constant would escape (`d[i] = 'ab' * 1000` in a loop); so
`'ab' * 3 is 'ababab'` stays False here. A folded text is never longer than the run's max_sequence_len
(nor 4,096 characters: the size check of `+` answers for a longer one at run time, as before), and a
program's folded texts hold at most MAX_FOLDED_TOTAL characters in all."""

from __future__ import annotations

import ast
from typing import Any

_MERGED = (str, int, float, complex)
_TEXTS = (str, bytes)
MAX_FOLDED_TEXT = 4096   # the longest folded join (CPython's MAX_STR_SIZE for a folded repetition)
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
    """Turn each `text + text` of constants into the constant of its value, in place (the node becomes an
    ast.Constant: no parent is rewritten), children before parents (`'a' + 'b' + 'c'`)."""
    budget = [MAX_FOLDED_TOTAL]
    # A statement's own join stays one (`def f(): 'ab' + 'cd'`): folded, it became f's docstring (red team
    # s45: f.__doc__ and help(f) said 'abcd' where CPython has None); its value is not kept to compare
    statements = {id(node.value) for node in nodes if type(node) is ast.Expr}
    for node in reversed(nodes):
        if type(node) is ast.BinOp and type(node.left) is ast.Constant and type(node.right) is ast.Constant \
                and id(node) not in statements:
            value = _folded(node, longest, budget)
            if value is not None:
                node.__class__ = ast.Constant
                node.value, node.kind = value, None
                del node.left, node.op, node.right


def _folded(node: ast.BinOp, longest: int, budget: list[int]) -> Any:
    a, b = node.left.value, node.right.value
    if type(node.op) is not ast.Add or type(a) not in _TEXTS or type(a) is not type(b):
        return None
    size = len(a) + len(b)
    if size > longest or size > budget[0]:   # left to run time and its size checks
        return None
    budget[0] -= size
    return a + b

"""Session 18: the engine's loop analyses (sure_backwards.py, pass_local.py) walk the program with
ast_walk.walk instead of ast.walk, and look for a loop's `continue` in statement lists only; both must
answer exactly what ast.walk's walk of every node answers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autogradlab.engine.sure_backwards import _continues
from autogradlab.lang.ast_walk import walk

PROGRAMS = sorted((Path(__file__).resolve().parent.parent / "programs").glob("*.py"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[path.stem for path in PROGRAMS])
def test_walk_gives_ast_walks_nodes_in_its_order(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    walked = walk(tree)
    assert len(walked) == len(list(ast.walk(tree)))
    assert all(mine is theirs for mine, theirs in zip(walked, ast.walk(tree), strict=True))


def test_walk_of_a_leaf_is_the_leaf_alone():
    name = ast.Name(id="x", ctx=ast.Load())
    assert walk(name) == list(ast.walk(name))


def _indent(text: str) -> str:
    return "".join("    " + line + "\n" for line in text.splitlines())


BODIES = {   # the body of `for i in range(3):`, and whether a `continue` of that loop can run
    "plain": ("y = x * i\n", False),
    "direct": ("continue\n", True),
    "in_if": ("if i:\n    continue\n", True),
    "in_else": ("if i:\n    pass\nelse:\n    continue\n", True),
    "in_with": ("with torch.no_grad():\n    continue\n", True),
    "in_try": ("try:\n    continue\nexcept ValueError:\n    pass\n", True),
    "in_except": ("try:\n    pass\nexcept ValueError:\n    continue\n", True),
    "in_try_else": ("try:\n    pass\nexcept ValueError:\n    pass\nelse:\n    continue\n", True),
    "in_finally": ("try:\n    pass\nfinally:\n    print(i)\n    if i:\n        continue\n", True),
    "in_match": ("match i:\n    case 1:\n        continue\n    case _:\n        pass\n", True),
    "inner_loop": ("for j in range(2):\n    continue\n", False),
    "inner_while": ("while i:\n    continue\n", False),
    "inner_loop_else": ("for j in range(2):\n    pass\nelse:\n    continue\n", True),
    "inner_while_else": ("while i:\n    break\nelse:\n    if i:\n        continue\n", True),
    "in_def": ("def f():\n    for k in range(2):\n        continue\n", False),
    "in_class": ("class C:\n    for k in range(2):\n        continue\n", False),
    "lambda": ("f = lambda: [k for k in range(2) if k]\n", False),
    "deep": ("with a:\n    if b:\n        try:\n            pass\n        except E:\n"
             "            match c:\n                case 2:\n                    continue\n", True),
}


def _walk_answer(body: list[ast.stmt]) -> bool:
    """_continues as it was: every node (expressions too) through ast.iter_child_nodes."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Continue):
            return True
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_continue_of_the_loop_is_found_wherever_it_is(name):
    body, expected = BODIES[name]
    loop = ast.parse("for i in range(3):\n" + _indent(body)).body[0]
    assert _continues(loop.body) is expected
    assert _walk_answer(loop.body) is expected


@pytest.mark.parametrize("path", PROGRAMS, ids=[path.stem for path in PROGRAMS])
def test_every_loop_of_the_sample_programs_gets_the_full_walks_answer(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.While)):
            assert _continues(node.body) == _walk_answer(node.body)

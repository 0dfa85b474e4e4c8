"""Session 15: loop_skim.has_try_statement (the `try` check of runs_to_end, done once per run) walks
only statement lists; it must answer exactly what a walk of every node answers, for `try` at any
depth of any compound statement and for programs without one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from autogradlab.lang.loop_skim import has_try_statement

PROGRAMS = sorted((Path(__file__).resolve().parent.parent / "programs").glob("*.py"))

TRY = "try:\n    x = 1\nexcept ValueError:\n    x = 2\n"
TRY_STAR = "try:\n    x = 1\nexcept* ValueError:\n    x = 2\n"


def _nest(header: str, inner: str, tail: str = "") -> str:
    return header + "\n" + "".join("    " + line + "\n" for line in inner.splitlines()) + tail


PLACES = {
    "top": TRY,
    "try_star": TRY_STAR,
    "for_body": _nest("for i in range(3):", TRY),
    "for_else": "for i in range(3):\n    pass\n" + _nest("else:", TRY),
    "while_else": "while False:\n    pass\n" + _nest("else:", TRY),
    "if_elif_else": "if a:\n    pass\nelif b:\n    pass\n" + _nest("else:", TRY),
    "def_in_class": _nest("class C:", _nest("def f(self):", TRY)),
    "with": _nest("with torch.no_grad():", TRY),
    "in_except": "try:\n    pass\n" + _nest("except Exception:", "pass"),
    "in_finally": "x = 1\n" + _nest("if x:", "try:\n    pass\nfinally:\n    x = 2\n"),
    "match_case": _nest("match x:", _nest("case 1:", TRY)),
    "deep": _nest("for i in range(2):", _nest("while i:", _nest("if i:", _nest("def g():", TRY)))),
    "lambda_only": "f = lambda: (yield)\nx = [y for y in range(3) if y]\n",
    "no_try": "import torch\nx = torch.ones(3)\nfor i in range(3):\n    x = x * 2\n"
              "    if i:\n        print(x)\nwhile False:\n    pass\n",
    "word_only": "retry = 1\n# try: except\ns = 'try:'\n",
}


def _walk_answer(tree: ast.AST) -> bool:
    return any(isinstance(node, (ast.Try, ast.TryStar)) for node in ast.walk(tree))


@pytest.mark.parametrize("name", sorted(PLACES))
def test_a_try_is_found_wherever_it_is(name):
    tree = ast.parse(PLACES[name])
    assert has_try_statement(tree) == _walk_answer(tree)
    assert has_try_statement(tree) == (name not in ("lambda_only", "no_try", "word_only"))


@pytest.mark.parametrize("path", PROGRAMS, ids=[path.stem for path in PROGRAMS])
def test_the_answer_is_ast_walks_for_every_sample_program(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert has_try_statement(tree) == _walk_answer(tree)


def _leaves_early_by_walk(statements: list[ast.AST], in_inner_loop: bool) -> bool:
    """loop_skim._leaves_early as session 14 wrote it (isinstance per node, ast.iter_child_nodes)."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    loops = (ast.For, ast.AsyncFor, ast.While)
    stack = [(statement, in_inner_loop) for statement in statements]
    while stack:
        node, inner = stack.pop()
        if isinstance(node, scopes):
            continue
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom, ast.Await)) \
                or (isinstance(node, ast.Break) and not inner):
            return True
        nested = inner or isinstance(node, loops)
        if isinstance(node, loops):
            stack.extend((child, inner) for child in node.orelse)
            stack.extend((child, True) for child in node.body)
            stack.append((node.iter if isinstance(node, (ast.For, ast.AsyncFor)) else node.test, inner))
            continue
        stack.extend((child, nested) for child in ast.iter_child_nodes(node))
    return False


BODIES = {   # the loop's body (inside `for k in range(3):`) -> whether it may end the loop early
    "plain": ("x = k * 2\nif x:\n    print(x)\n", False),
    "break": ("if k:\n    break\n", True),
    "inner_break": ("for j in range(2):\n    break\n", False),
    "inner_else_break": ("for j in range(2):\n    pass\nelse:\n    break\n", True),
    "while_else_break": ("while False:\n    pass\nelse:\n    break\n", True),
    "inner_iter_yield": ("for j in (yield):\n    pass\n", True),
    "while_test_await": ("while (await z):\n    break\n", True),
    "return": ("with torch.no_grad():\n    return 1\n", True),
    "yield_in_expression": ("x = [(yield k)]\n", True),
    "yield_from": ("yield from g\n", True),
    "def_return": ("def f():\n    return 1\n    yield 2\n", False),
    "lambda_yield": ("f = lambda: (yield)\n", False),
    "class_break": ("class C:\n    def f(self):\n        return 1\n", False),
    "comprehension": ("x = [j for j in range(k) if j]\ny = {j: j for j in range(2)}\n", False),
    "continue": ("if k:\n    continue\nx = k\n", False),
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_leaves_early_answers_as_the_walk_of_every_node(name):
    from autogradlab.lang.loop_skim import _leaves_early

    body, expected = BODIES[name]
    loop = ast.parse(_nest("for k in range(3):", body)).body[0]
    assert _leaves_early(loop.body, False) == _leaves_early_by_walk(loop.body, False) == expected
    assert _leaves_early(loop.body, True) == _leaves_early_by_walk(loop.body, True)


@pytest.mark.parametrize("path", PROGRAMS, ids=[path.stem for path in PROGRAMS])
def test_leaves_early_of_every_sample_loop(path):
    from autogradlab.lang.loop_skim import _leaves_early, child_nodes

    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        assert child_nodes(node) == list(ast.iter_child_nodes(node))
        if isinstance(node, (ast.For, ast.While)):
            assert _leaves_early(node.body, False) == _leaves_early_by_walk(node.body, False)


def _statement_yields_by_walk(tree: ast.AST) -> set[int]:
    """checker._statement_yields as session 14 wrote it (ast.walk, then ast.walk of every def)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            found.update(id(sub.value) for sub in ast.walk(node)
                         if isinstance(sub, ast.Expr) and isinstance(sub.value, ast.Yield | ast.YieldFrom))
    return found


YIELDS = {
    "generator": "def g(n):\n    for i in range(n):\n        yield i\n    yield from range(2)\n",
    "nested_defs": "def f():\n    def g():\n        if True:\n            yield 1\n        else:\n"
                   "            with m:\n                yield 2\n    return g\n",
    "outside_def": "yield 1\nfor i in range(2):\n    yield i\n",
    "in_expressions": "def f():\n    x = yield 1\n    print((yield 2))\n    lam = lambda: (yield 3)\n",
    "class_method": "class C:\n    def f(self):\n        while x:\n            yield 1\n",
    "try_blocks": "def f():\n    try:\n        yield 1\n    except E:\n        yield 2\n    else:\n"
                  "        yield 3\n    finally:\n        yield 4\n",
    "match_case": "def f(x):\n    match x:\n        case 1:\n            yield 1\n",
    "async_def": "async def f():\n    yield 1\n",
}


@pytest.mark.parametrize("name", sorted(YIELDS))
def test_statement_yields_are_the_walks(name):
    from autogradlab.lang.checker import _statement_yields

    tree = ast.parse(YIELDS[name])
    found = _statement_yields(tree)
    assert found == _statement_yields_by_walk(tree)
    assert len(found) == {"generator": 2, "nested_defs": 2, "class_method": 1, "try_blocks": 4,
                          "match_case": 1}.get(name, 0)


@pytest.mark.parametrize("path", PROGRAMS, ids=[path.stem for path in PROGRAMS])
def test_statement_yields_of_every_sample_program(path):
    from autogradlab.lang.checker import _statement_yields

    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _statement_yields(tree) == _statement_yields_by_walk(tree)

"""Hypothesis fuzzing of the whole engine: whatever the text, run_program returns a Report quickly,
never raises, and never blames itself (kind "internal").

Two sources of programs: random text, and random small syntax trees drawn from a grammar that mixes
the language's constructs with ones it must refuse (dunders, imports, classes, size bombs...),
turned into source with ast.unparse.
"""

from __future__ import annotations

import ast
import time
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.report import ERROR_KINDS, Report

LIMITS = Limits(max_steps=5_000, max_loop_iterations=500, max_call_depth=10, max_tensor_elements=100_000,
                max_total_elements=1_000_000, max_ops=2_000)
MAX_SECONDS = 2.5  # CPU s per case, under the 5 s worker limit (CPU, not wall: a busy machine stays green)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PRELUDE = "import torch\nx = torch.arange(4.0, requires_grad=True)\nA = torch.ones(2, 3)\n"


def run_checked(source: str) -> Report:
    start = time.process_time()
    report = run_program(source, limits=LIMITS)  # must not raise
    elapsed = time.process_time() - start
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} CPU s for {source!r}"
    assert report.ok == (report.error is None)
    if report.error is not None:
        assert report.error.kind in ERROR_KINDS and report.error.kind != "internal", (source, report.error)
        assert report.error.message
    return report


# --- random text --------------------------------------------------------------------------------

@FUZZ
@given(st.text(max_size=300))
def test_random_text_never_breaks_the_engine(text: str) -> None:
    run_checked(text)


PIECES = ["x", "A", "torch", ".", "(", ")", "[", "]", ",", ":", "=", "+", "*", "**", "@", "-", "\n", "    ",
          "1", "2.5", "10**9", "sum()", "backward()", "grad", "dot", "def f(a):\n", "return ", "lambda v: ",
          "if ", "while ", "for i in range(3):\n", "print(", "'s'", "__class__", "import os", "\u200b", "^"]


@FUZZ
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_random_token_soup_never_breaks_the_engine(pieces: list[str]) -> None:
    run_checked(PRELUDE + "".join(pieces))


# --- random syntax trees ------------------------------------------------------------------------

@dataclass(frozen=True)
class Vocabulary:
    names: tuple[str, ...]
    torch_funcs: tuple[str, ...]
    methods: tuple[str, ...]
    bin_ops: tuple[type[ast.operator], ...]
    hostile: bool  # also draw constructs the language must refuse (class, try, with, imports, ...)


LESSON = Vocabulary(
    names=("x", "A", "y", "z", "f", "print", "len", "range"),
    torch_funcs=("ones", "zeros", "tensor", "arange", "randn", "dot", "mm", "sum", "cat", "stack", "norm",
                 "exp", "sin", "outer", "ones_like"),
    methods=("sum", "mean", "backward", "detach", "reshape", "T", "grad", "shape", "item", "zero_",
             "requires_grad_", "expand", "clone", "numel", "unsqueeze"),
    bin_ops=(ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.MatMult),
    hostile=False,
)
HOSTILE = Vocabulary(
    names=(*LESSON.names, "torch", "__import__", "eval", "open", "id", "g", "__builtins__"),
    torch_funcs=(*LESSON.torch_funcs, "empty", "load", "save", "from_file", "kron", "set_default_dtype"),
    methods=(*LESSON.methods, "numpy", "storage", "data_ptr", "resize_", "__class__", "__dict__"),
    bin_ops=(*LESSON.bin_ops, ast.FloorDiv, ast.Mod, ast.BitXor, ast.LShift),
    hostile=True,
)
CMP_OPS = (ast.Lt, ast.Gt, ast.Eq, ast.NotEq, ast.Is, ast.In)


def _args(params: list[str]) -> ast.arguments:
    return ast.arguments([], [ast.arg(n) for n in params], None, [], [], None, [])


def function(name: str, params: list[str], body: list[ast.stmt], decorators=()) -> ast.FunctionDef:
    return ast.FunctionDef(name=name, args=_args(params), body=body, decorator_list=list(decorators))


def call(func: ast.expr, args: list[ast.expr]) -> ast.Call:
    return ast.Call(func, args, [])


def load(name: str) -> ast.Name:
    return ast.Name(name, ast.Load())


def assign(target: str, value: ast.expr) -> ast.stmt:
    return ast.Assign([ast.Name(target, ast.Store())], value)


def for_range(n: int, body: list[ast.stmt]) -> ast.stmt:
    return ast.For(ast.Name("i", ast.Store()), call(load("range"), [ast.Constant(n)]), body, [])


def class_def(body: list[ast.stmt]) -> ast.stmt:
    return ast.ClassDef(name="C", bases=[], keywords=[], body=body, decorator_list=[])


def try_except(body: list[ast.stmt]) -> ast.stmt:
    return ast.Try(body, [ast.ExceptHandler(None, None, [ast.Pass()])], [], [])


def expressions(v: Vocabulary) -> st.SearchStrategy[ast.expr]:
    names = st.sampled_from(v.names).map(load)
    constants = st.one_of(st.integers(-3, 12), st.floats(-4, 4, allow_nan=False),
                          st.sampled_from([10**9, 4000000, "s", True, None])).map(ast.Constant)
    torch_attr = st.sampled_from(v.torch_funcs).map(lambda f: ast.Attribute(load("torch"), f, ast.Load()))
    methods = st.sampled_from(v.methods)

    def extend(inner: st.SearchStrategy[ast.expr]) -> st.SearchStrategy[ast.expr]:
        args = st.lists(inner, max_size=3)
        options = [
            st.builds(lambda a, op, b: ast.BinOp(a, op(), b), inner, st.sampled_from(v.bin_ops), inner),
            st.builds(lambda a: ast.UnaryOp(ast.USub(), a), inner),
            st.builds(lambda a, op, b: ast.Compare(a, [op()], [b]), inner, st.sampled_from(CMP_OPS), inner),
            st.builds(call, torch_attr, args),
            st.builds(call, names, args),
            st.builds(lambda o, m: ast.Attribute(o, m, ast.Load()), inner, methods),
            st.builds(lambda o, m, a: call(ast.Attribute(o, m, ast.Load()), a), inner, methods, args),
            st.builds(lambda o, i: ast.Subscript(o, i, ast.Load()), inner, inner),
            st.builds(lambda items: ast.Tuple(items, ast.Load()), args),
            st.builds(lambda items: ast.List(items, ast.Load()), args),
            st.builds(lambda body: ast.Lambda(_args(["v"]), body), inner),
            st.builds(ast.IfExp, inner, inner, inner),
            st.builds(lambda o: ast.JoinedStr([ast.FormattedValue(o, -1, None)]), inner),
        ]
        if v.hostile:
            options += [
                st.builds(lambda a: ast.UnaryOp(ast.Invert(), a), inner),
                st.builds(lambda o: ast.NamedExpr(ast.Name("w", ast.Store()), o), inner),
                st.builds(lambda o: ast.JoinedStr([ast.FormattedValue(o, ord("r"), None)]), inner),
            ]
        return st.one_of(*options)

    return st.recursive(st.one_of(names, constants), extend, max_leaves=8)


def statement_lists(v: Vocabulary) -> st.SearchStrategy[list[ast.stmt]]:
    exprs = expressions(v)
    simple = [
        st.builds(assign, st.sampled_from(["y", "z", "f"]), exprs),
        st.builds(ast.Expr, exprs),
        st.builds(lambda e: ast.AugAssign(ast.Name("y", ast.Store()), ast.Add(), e), exprs),
        st.builds(lambda e, i: ast.Assign([ast.Subscript(load("A"), i, ast.Store())], e), exprs, exprs),
        st.just(ast.Expr(call(ast.Attribute(load("x"), "backward", ast.Load()), []))),
        st.just(ast.ImportFrom("torch.autograd.functional", [ast.alias("jacobian")], 0)),
    ]
    if v.hostile:
        simple.append(st.sampled_from([
            ast.Import([ast.alias("os")]), ast.ImportFrom("torch", [ast.alias("*")], 0), ast.Global(["x"]),
            ast.Delete([ast.Name("x", ast.Del())]),
        ]))

    def extend(inner: st.SearchStrategy[list[ast.stmt]]) -> st.SearchStrategy[list[ast.stmt]]:
        block = inner.filter(bool)
        options = [
            st.builds(lambda c, b, e: [ast.If(c, b, e)], exprs, block, inner),
            st.builds(lambda c, b: [ast.While(c, b, [])], exprs, block),
            st.builds(lambda n, b: [for_range(n, b)], st.integers(0, 10**6), block),
            st.builds(lambda b, r: [function("f", ["a"], [*b, ast.Return(r)])], block, exprs),
            st.builds(lambda a, b: a + b, inner, inner),
        ]
        if v.hostile:
            options += [
                st.builds(lambda b: [function("g", [], b, decorators=[load("f")])], block),
                st.builds(lambda b: [class_def(b)], block),
                st.builds(lambda b: [try_except(b)], block),
                st.builds(lambda e, b: [ast.With([ast.withitem(e, None)], b)], exprs, block),
            ]
        return st.one_of(*options)

    return st.recursive(st.lists(st.one_of(*simple), min_size=1, max_size=3), extend, max_leaves=6)


def to_source(statements: list[ast.stmt]) -> str:
    return ast.unparse(ast.fix_missing_locations(ast.Module(statements, [])))


@FUZZ
@given(statement_lists(LESSON))
def test_random_lesson_like_trees_never_break_the_engine(statements: list[ast.stmt]) -> None:
    run_checked(PRELUDE + to_source(statements) + "\n")


@FUZZ
@given(statement_lists(HOSTILE))
def test_random_trees_with_refused_constructs_never_break_the_engine(statements: list[ast.stmt]) -> None:
    run_checked(PRELUDE + to_source(statements) + "\n")

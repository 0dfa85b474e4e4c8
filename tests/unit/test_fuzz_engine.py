"""Hypothesis fuzzing of the whole engine: whatever the text, run_program returns a Report quickly,
never raises, and never blames itself (kind "internal").

Two sources of programs: random text, and random small syntax trees drawn from a grammar that mixes
the language's constructs with ones it must refuse (dunders, imports, classes, size bombs...),
turned into source with ast.unparse.
"""

from __future__ import annotations

import ast
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from autogradlab.report import ERROR_KINDS, Report

LIMITS = Limits(max_steps=5_000, max_loop_iterations=500, max_call_depth=10, max_tensor_elements=100_000,
                max_total_elements=1_000_000, max_ops=2_000)
MAX_SECONDS = 2.5  # each case well under the 5 s worker limit
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PRELUDE = "import torch\nx = torch.arange(4.0, requires_grad=True)\nA = torch.ones(2, 3)\n"


def run_checked(source: str) -> Report:
    start = time.perf_counter()
    report = run_program(source, limits=LIMITS)  # must not raise
    elapsed = time.perf_counter() - start
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} s for {source!r}"
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

NAMES = ["x", "A", "y", "f", "torch", "print", "len", "range", "__import__", "eval", "open", "id", "g"]
TORCH_FUNCS = ["ones", "zeros", "tensor", "arange", "randn", "dot", "mm", "sum", "cat", "stack", "norm",
               "exp", "sin", "empty", "load", "save", "from_file", "kron", "outer", "set_default_dtype"]
METHODS = ["sum", "mean", "backward", "detach", "reshape", "T", "grad", "shape", "numpy", "item",
           "zero_", "requires_grad_", "storage", "data_ptr", "resize_", "__class__", "__dict__", "expand"]
BIN_OPS = [ast.Add(), ast.Sub(), ast.Mult(), ast.Div(), ast.Pow(), ast.MatMult(), ast.FloorDiv(), ast.Mod(),
           ast.BitXor(), ast.LShift()]
CMP_OPS = [ast.Lt(), ast.Gt(), ast.Eq(), ast.NotEq(), ast.Is(), ast.In()]

names = st.sampled_from(NAMES).map(lambda n: ast.Name(n, ast.Load()))
constants = st.one_of(
    st.integers(-3, 12),
    st.floats(-4, 4, allow_nan=False),
    st.sampled_from([10**9, 4000000, "s", True, None]),
).map(ast.Constant)
torch_attr = st.sampled_from(TORCH_FUNCS).map(
    lambda f: ast.Attribute(ast.Name("torch", ast.Load()), f, ast.Load()))


def extend_expr(inner: st.SearchStrategy[ast.expr]) -> st.SearchStrategy[ast.expr]:
    small_args = st.lists(inner, max_size=3)
    return st.one_of(
        st.builds(ast.BinOp, inner, st.sampled_from(BIN_OPS), inner),
        st.builds(ast.UnaryOp, st.sampled_from([ast.USub(), ast.Not(), ast.Invert()]), inner),
        st.builds(lambda a, op, b: ast.Compare(a, [op], [b]), inner, st.sampled_from(CMP_OPS), inner),
        st.builds(lambda f, args: ast.Call(f, args, []), torch_attr, small_args),
        st.builds(lambda f, args: ast.Call(f, args, []), names, small_args),
        st.builds(lambda v, m: ast.Attribute(v, m, ast.Load()), inner, st.sampled_from(METHODS)),
        st.builds(lambda v, m, args: ast.Call(ast.Attribute(v, m, ast.Load()), args, []),
                  inner, st.sampled_from(METHODS), small_args),
        st.builds(lambda v, i: ast.Subscript(v, i, ast.Load()), inner, inner),
        st.builds(lambda items: ast.Tuple(items, ast.Load()), small_args),
        st.builds(lambda items: ast.List(items, ast.Load()), small_args),
        st.builds(lambda body: ast.Lambda(_args(["v"]), body), inner),
        st.builds(ast.IfExp, inner, inner, inner),
        st.builds(lambda v: ast.JoinedStr([ast.FormattedValue(v, -1, None)]), inner),
        st.builds(lambda v: ast.NamedExpr(ast.Name("w", ast.Store()), v), inner),
        st.builds(lambda v: ast.ListComp(v, [ast.comprehension(ast.Name("i", ast.Store()),
                                                                 ast.Name("A", ast.Load()), [], 0)]), inner),
    )


expressions = st.recursive(st.one_of(names, constants), extend_expr, max_leaves=8)


def _args(names_: list[str]) -> ast.arguments:
    return ast.arguments([], [ast.arg(n) for n in names_], None, [], [], None, [])


def function(name: str, params: list[str], body: list[ast.stmt], decorators=()) -> ast.FunctionDef:
    return ast.FunctionDef(name=name, args=_args(params), body=body, decorator_list=list(decorators))


def range_call(n: int) -> ast.expr:
    return ast.Call(ast.Name("range", ast.Load()), [ast.Constant(n)], [])


def assign(target: str, value: ast.expr) -> ast.stmt:
    return ast.Assign([ast.Name(target, ast.Store())], value)


def extend_stmts(inner: st.SearchStrategy[list[ast.stmt]]) -> st.SearchStrategy[list[ast.stmt]]:
    block = inner.filter(bool)
    return st.one_of(
        st.builds(lambda c, b, e: [ast.If(c, b, e)], expressions, block, inner),
        st.builds(lambda c, b: [ast.While(c, b, [])], expressions, block),
        st.builds(lambda n, b: [ast.For(ast.Name("i", ast.Store()), range_call(n), b, [])],
                  st.integers(0, 10**6), block),
        st.builds(lambda b, r: [function("f", ["a"], [*b, ast.Return(r)])], block, expressions),
        st.builds(lambda b: [function("g", [], b, decorators=[ast.Name("f", ast.Load())])], block),
        st.builds(lambda b: [ast.ClassDef(name="C", bases=[], keywords=[], body=b, decorator_list=[])],
                  block),
        st.builds(lambda b: [ast.Try(b, [ast.ExceptHandler(None, None, [ast.Pass()])], [], [])], block),
        st.builds(lambda v, b: [ast.With([ast.withitem(v, None)], b)], expressions, block),
        st.builds(lambda a, b: a + b, inner, inner),
    )


simple_statements = st.one_of(
    st.builds(assign, st.sampled_from(["y", "z", "x", "f", "g"]), expressions),
    st.builds(ast.Expr, expressions),
    st.builds(lambda v: ast.AugAssign(ast.Name("y", ast.Store()), ast.Add(), v), expressions),
    st.builds(lambda v, i: ast.Assign([ast.Subscript(ast.Name("A", ast.Load()), i, ast.Store())], v),
              expressions, expressions),
    st.sampled_from([
        ast.Import([ast.alias("os")]),
        ast.Import([ast.alias("torch")]),
        ast.ImportFrom("torch.autograd.functional", [ast.alias("jacobian")], 0),
        ast.ImportFrom("torch", [ast.alias("*")], 0),
        ast.Global(["x"]),
        ast.Delete([ast.Name("x", ast.Del())]),
        ast.Pass(),
        ast.Expr(ast.Call(ast.Attribute(ast.Name("x", ast.Load()), "backward", ast.Load()), [], [])),
    ]),
)

statement_lists = st.recursive(st.lists(simple_statements, min_size=1, max_size=3), extend_stmts,
                               max_leaves=6)


def to_source(statements: list[ast.stmt]) -> str:
    module = ast.fix_missing_locations(ast.Module(statements, []))
    return ast.unparse(module)


@FUZZ
@given(statement_lists)
def test_random_syntax_trees_never_break_the_engine(statements: list[ast.stmt]) -> None:
    try:
        source = to_source(statements)
    except Exception:  # an unparseable combination from the grammar says nothing about the engine
        return
    run_checked(PRELUDE + source + "\n")

"""Pre-parse guards: size, lines, nesting, characters, shell lines, pasted indentation, syntax hints."""

from __future__ import annotations

import ast
import contextlib
import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from autogradlab.engine import run_program
from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramSyntaxError
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits

SMALL = Limits(max_source_chars=200, max_lines=5, max_line_chars=30, max_nesting=4)
ROOMY = Limits(max_source_chars=200_000, max_line_chars=200_000, max_nesting=40)


def refusal(source: str, limits: Limits = SMALL) -> ProgramError:
    with pytest.raises(ProgramError) as info:
        parse_program(source, limits)
    return info.value


# --- size limits, just below and just above -------------------------------------------------

def test_source_at_max_source_chars_is_accepted():
    source = ("x=1\n" * 50)[:199] + "\n"
    parse_program(source, Limits(max_source_chars=200, max_lines=100, max_line_chars=30))


def test_source_over_max_source_chars_names_the_limit():
    error = refusal("x=1\n" * 50 + "\n", Limits(max_source_chars=200, max_lines=100))
    assert isinstance(error, LimitExceeded)
    assert "max_source_chars = 200" in error.message


def test_lines_at_max_lines_are_accepted():
    parse_program("x=1\n" * 5, SMALL)


def test_lines_over_max_lines_names_the_limit_and_line():
    error = refusal("x=1\n" * 6)
    assert isinstance(error, LimitExceeded)
    assert "max_lines = 5" in error.message and error.line == 6


def test_line_at_max_line_chars_is_accepted():
    parse_program("x = " + "1" * 26, SMALL)


def test_line_over_max_line_chars_names_the_limit():
    error = refusal("x = " + "1" * 27)
    assert isinstance(error, LimitExceeded)
    assert "max_line_chars = 30" in error.message and (error.line, error.column) == (1, 31)


# --- nesting, found before ast.parse ----------------------------------------------------------

def test_brackets_at_max_nesting_are_accepted():
    parse_program("x = " + "(" * 4 + "1" + ")" * 4, SMALL)


def test_brackets_over_max_nesting_are_refused():
    error = refusal("x = " + "(" * 5 + "1" + ")" * 5)
    assert isinstance(error, LimitExceeded) and "max_nesting = 4" in error.message


def test_unary_chain_at_max_nesting_is_accepted():
    parse_program("x = ----1", SMALL)


def test_unary_chain_over_max_nesting_is_refused():
    error = refusal("x = -----1")
    assert isinstance(error, LimitExceeded) and "unary" in error.message


def test_not_chain_over_max_nesting_is_refused():
    assert isinstance(refusal("not not not not not x", Limits(max_nesting=4)), LimitExceeded)


def test_lambda_chain_at_max_nesting_is_accepted():
    parse_program("f = lambda: lambda: lambda: lambda: 1", Limits(max_nesting=4))


def test_lambda_chain_over_max_nesting_is_refused():
    error = refusal("f = lambda: lambda: lambda: lambda: lambda: 1", Limits(max_nesting=4))
    assert isinstance(error, LimitExceeded) and "lambda" in error.message


@pytest.mark.parametrize("source", [
    "(" * 10_000 + "1" + ")" * 10_000,
    "-" * 10_000 + "1",
    "lambda: " * 5_000 + "1",
    "not " * 5_000 + "x",
    "[" * 10_000 + "]" * 10_000,
    "f'{" + "(" * 1_000 + "1" + ")" * 1_000 + "}'",
])
def test_hostile_nesting_is_a_limit_error_not_a_crash(source):
    assert isinstance(refusal(source, ROOMY), LimitExceeded)


@pytest.mark.parametrize("source", [
    "1" + "+1" * 20_000,
    "x" + ".a" * 20_000,
    "2**" * 10_000 + "2",
    "x" + "[0]" * 20_000,
])
def test_long_chains_without_brackets_are_a_limit_error(source):
    depth = sys.getrecursionlimit()
    assert isinstance(refusal(source, ROOMY), LimitExceeded)
    assert sys.getrecursionlimit() == depth


# --- characters -------------------------------------------------------------------------------

def test_no_break_space_in_code_is_named_with_code_point_and_position():
    error = refusal("y = 1\nx\u00a0= 1", Limits())
    assert error.message == "character U+00A0 (NO-BREAK SPACE) is not allowed in code"
    assert (error.line, error.column) == (2, 2)
    assert error.hint == "replace it with a normal space"


@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066"])
def test_invisible_character_is_refused_even_inside_a_string(char):
    error = refusal(f"s = 'a{char}b'", Limits())
    assert f"U+{ord(char):04X}" in error.message and "invisible" in error.message


def test_fullwidth_underscore_is_refused_before_nfkc_turns_it_into_import():
    error = refusal("_\uff3fimport__('os')", Limits())
    assert "U+FF3F" in error.message and "FULLWIDTH LOW LINE" in error.message


def test_fullwidth_parenthesis_hint_names_the_ascii_replacement():
    error = refusal("x = abs\uff08-1)", Limits())
    assert "'('" in error.hint


def test_chinese_prose_with_punctuation_is_refused_with_a_comment_hint():
    error = refusal("这是一个张量，形状为(3,4)\nx = 1", Limits())
    assert "U+FF0C (FULLWIDTH COMMA)" in error.message and (error.line, error.column) == (1, 7)
    assert error.hint.startswith("this line looks like text from the lesson: turn it into a # comment")


def test_chinese_and_greek_names_run_like_python():
    source = ("import torch\n张量 = torch.arange(4.0, requires_grad=True)\nθ = 2\n"
              "结果 = θ * 张量.sum()\n结果.backward()\nprint(张量.grad, 结果)\n")
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(source, namespace)  # noqa: S102 - test text only
    assert report.printed == out.getvalue()
    assert report.variables["张量"].grad.tolist() == namespace["张量"].grad.tolist()
    assert report.graph.output == "结果"


def test_a_line_of_chinese_text_is_an_undefined_name_with_a_comment_hint():
    report = run_program("这是张量\nx = 1", torchviz=False)
    assert (report.error.kind, report.error.line) == ("name", 1)
    assert report.error.hint == "if this is text from the lesson, make it a # comment"


@pytest.mark.parametrize(("source", "char"), [
    ("t\u043erch = 1", "U+043E (CYRILLIC SMALL LETTER O)"),   # Cyrillic look-alike
    ("x\u00b2 = 1", "U+00B2 (SUPERSCRIPT TWO)"),              # NFKC would turn it into x2
    ("\uff50rint(1)", "U+FF50 (FULLWIDTH LATIN SMALL LETTER P)"),
    ("\u2160 = 1", "U+2160 (ROMAN NUMERAL ONE)"),             # a letter-number NFKC rewrites
])
def test_names_with_letters_outside_the_lesson_scripts_are_refused(source, char):
    assert char in refusal(source, Limits()).message


def test_greek_look_alike_in_an_undefined_name_is_pointed_out():
    report = run_program("import torch\nprint(t\u03bfrch.ones(1))", torchviz=False)
    assert report.error.kind == "name"
    assert "U+03BF (GREEK SMALL LETTER OMICRON)" in report.error.hint


def test_chinese_in_comments_and_strings_is_accepted():
    parse_program("#张量的长度\nx = '张量'  # 形状\nprint(f'长度 {x}')\n", Limits())


def test_null_byte_is_refused_without_a_value_error():
    assert isinstance(refusal("x = 1\x00", Limits()), ProgramSyntaxError)


def test_lone_surrogate_is_refused():
    assert "U+D800" in refusal("s = '\ud800'", Limits()).message


# --- notebook pastes --------------------------------------------------------------------------

def test_pip_line_is_not_supported_at_its_line_column_one():
    error = refusal("import torch\nx = 1\n!pip install pandas\n", Limits())
    assert isinstance(error, NotSupported)
    assert error.message == "shell commands (`!pip install pandas`) are not supported in Autograd Lab"
    assert (error.line, error.column) == (3, 1)


def test_magic_line_is_not_supported():
    error = refusal("%matplotlib inline\nx = 1", Limits())
    assert isinstance(error, NotSupported) and "%matplotlib" in error.message


def test_percent_continuing_a_bracketed_expression_is_modulo_not_a_magic():
    parse_program("x = (7\n     % 3)", Limits())


def test_common_indentation_of_a_pasted_cell_is_removed():
    tree = parse_program(" torch.zeros((2,3,4))", Limits())
    assert isinstance(tree.body[0], ast.Expr)


def test_positions_after_indent_removal_match_the_typed_text():
    source = "    x = 1\n    y = x + 2\n"
    assign = parse_program(source, Limits()).body[1]
    assert assign.value.col_offset == source.splitlines()[1].index("x + 2")


def test_uneven_indentation_is_a_syntax_error_with_a_hint():
    error = refusal("x = 1\n  y = 2", Limits())
    assert isinstance(error, ProgramSyntaxError) and error.line == 2 and error.hint


# --- syntax errors in plain words ---------------------------------------------------------------

def test_number_followed_by_name_hints_multiplication():
    error = refusal("y = 2x + 1", Limits())
    assert error.hint == "write 2*x" and error.line == 1


def test_missing_colon_is_named():
    error = refusal("if x > 1\n    y = 2", Limits())
    assert "colon" in error.message and (error.line, error.column) == (1, 9)


def test_unclosed_bracket_points_at_the_bracket():
    error = refusal("x = 1\ny = torch.ones((2, 3)\n", Limits())
    assert "never closed" in error.message and (error.line, error.column) == (2, 15)


def test_statements_run_together_hint_a_line_break():
    error = refusal("import torch mat = torch.tensor([[1.0, 2.0],[3.0, 4.0]]) print(mat)", Limits())
    assert error.hint == "put each statement on its own line"
    assert error.column == 14


def test_syntax_error_column_counts_characters_not_bytes():
    error = refusal("s = '张量' ; 2x", Limits())
    assert error.column == 12


# --- the guarantee: only ProgramError, for any text -------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_only_raises_program_errors(text):
    try:
        parse_program(text, Limits())
    except ProgramError as error:
        assert error.kind != "internal"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="()[]{}-+~:λ lambdanot\n x1,.'\"#!%=*", max_size=400))
def test_random_bracket_soup_only_raises_program_errors(text):
    try:
        parse_program(text, Limits(max_nesting=10))
    except ProgramError as error:
        assert error.kind != "internal"


def test_pasted_error_output_is_recognised():
    pasted = "x = 1\nIndexError: Dimension out of range (expected to be in range of [-2, 1])"
    error = refusal(pasted, Limits())
    assert error.message == "an error message was pasted with the code" and error.line == 2


def test_notebook_prompt_is_recognised():
    error = refusal("In [3]:\nx = 1", Limits())
    assert "notebook prompt" in error.message and (error.line, error.column) == (1, 1)

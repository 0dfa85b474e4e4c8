"""Huge Python ints and the builtins around them: int(text, base) is sized before it converts,
round() never builds 10**(10**8), and builtins called with the wrong number of arguments say what
Python says (rather than "list index out of range").

Plain Python is the oracle: the same text runs in CPython and its value or its TypeError message is
what Autograd Lab must give.
"""

from __future__ import annotations

import time

import pytest

from autogradlab.engine.run import run_program
from autogradlab.lang.builtins import _int_text_digits, _round_int
from autogradlab.lang.sizes import warm_up
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import Report

SMALL = Limits(max_int_bits=64)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """The first run of a process loads torch's meta kernels (~1.5 s): not part of any timing here."""
    warm_up()
    run_program("x = 1", torchviz=False)


def run(source: str, limits: Limits = DEFAULT_LIMITS) -> Report:
    return run_program(source, limits=limits, torchviz=False)


def plain(source: str) -> dict:
    namespace: dict = {}
    exec(source, namespace)  # noqa: S102 - test text only
    return namespace


def python_error(source: str) -> Exception:
    with pytest.raises(Exception) as info:  # noqa: PT011 - the oracle's own exception, any type
        plain(source)
    return info.value


def assert_same_value(source: str, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    report = run(source, limits)
    assert report.ok, report.error
    value, expected = report.variables[name], plain(source)[name]
    if isinstance(expected, (list, tuple)):
        assert value.text == repr(expected)
    else:
        assert value.value == expected and type(value.value) is type(expected)


def assert_limit(source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    started = time.perf_counter()
    report = run(source, limits)
    assert time.perf_counter() - started < 1.0, "it converted the text first"
    assert not report.ok
    assert (report.error.kind, report.error.line) == ("limit", 1), report.error
    assert report.error.hint == "use floats or smaller numbers (limit max_int_bits)"
    return report.error.message


# -- int(text, base) against max_int_bits ----------------------------------------------------------

def test_the_red_team_hex_string_is_a_limit_error_naming_max_int_bits():
    message = assert_limit('n = int("f" * 4000, 16)')
    assert message == ("int() of a 4,000-character string would be an integer of about 16,000 bits; "
                       "the limit is 4,096 bits")


def test_a_long_decimal_string_is_refused_before_python_s_digit_limit():
    message = assert_limit('n = int("7" * 100_000)')
    assert message.startswith("int() of a 100,000-character string would be an integer of about 332,")


def test_the_limit_error_comes_before_the_product_that_used_to_hide_it():
    message = assert_limit('m = int("f" * 10000, 16) * 2')
    assert message.startswith("int() of a 10,000-character string")


@pytest.mark.parametrize("source", [
    'n = int("f" * 1024, 16)',                  # exactly 4,096 bits
    'n = int("1" * 4096, 2)',
    'n = int("9" * 1233)',                      # 10**1233 - 1: 4,096 bits
    'n = int("1" + "0" * 1233)',                # 10**1233: still 4,096 bits
    'n = int("-" + "7" * 1365, 8)',
    'n = int("0x" + "f" * 1024, 0)',
    'n = int("  +0b" + "0" * 5000 + "1" * 4000 + "  ", 0)',   # leading zeros do not count
    'n = int("f_f" * 300, 16)',
    'n = int("zz" * 300, 36)',
    'n = int("ff", base=16)',
    'n = int("12")',
    'n = int(-7.9)',
    'n = int(True)',
    'n = int()',
])
def test_strings_up_to_the_limit_convert_like_python(source):
    assert_same_value(source, "n")


@pytest.mark.parametrize(("source", "bits"), [
    ('n = int("f" * 1024 + "f", 16)', "4,100"),
    ('n = int("1" * 4097, 2)', "4,097"),
    ('n = int("9" * 1234)', "4,100"),
    ('n = int("0x1" + "0" * 1024, 0)', "4,100"),
    ('n = int("1" + "0" * 800, 36)', "4,142"),
])
def test_strings_just_above_the_limit_are_refused(source, bits):
    message = assert_limit(source)
    assert f"would be an integer of about {bits} bits; the limit is 4,096 bits" in message


def test_a_small_limit_is_exact_at_the_boundary():
    assert_same_value('n = int("f" * 16, 16)', "n", SMALL)
    assert_same_value('n = int("18446744073709551615")', "n", SMALL)      # 2**64 - 1
    message = assert_limit('n = int("18446744073709551616")', SMALL)     # 2**64: 65 bits
    assert message == ("int() of a 20-character string would be an integer of about 65 bits; "
                       "the limit is 64 bits")


@pytest.mark.parametrize("source", [
    'n = int("1", 1)', 'n = int("1", 37)', 'n = int("1", -2)', 'n = int("1", 1.5)', 'n = int(1, 16)',
    'n = int("12", 2)', 'n = int("0x", 0)', 'n = int("")', 'n = int("0" * 5000)',
    'n = int(base=3)', 'n = int("1", 2, 3)',
])
def test_bad_conversions_fail_with_python_s_message(source):
    report = run(source)
    assert not report.ok
    expected = python_error(source)
    assert report.error.message == str(expected)
    assert report.error.kind == {TypeError: "type", ValueError: "value"}[type(expected)]


def test_digit_estimate_ignores_sign_spaces_underscores_prefix_and_leading_zeros():
    assert _int_text_digits("  -0x00_0f_f  ", 16) == (2, 4.0)
    assert _int_text_digits("0b0011", 0) == (2, 1.0)
    assert _int_text_digits("0b0011", 16) == (5, 4.0)     # in base 16, "0b0011" is hex digits
    assert _int_text_digits("00120", 0) == (3, pytest.approx(3.3219, abs=1e-4))
    assert _int_text_digits("12", 1) == (0, 0.0)           # CPython refuses the base itself


# -- round() with a huge ndigits -------------------------------------------------------------------

@pytest.mark.parametrize("source", ["r = round(1, -10**8)", "r = round(-(2**4000), -10**9)",
                                    "r = round(True, -10**8)"])
def test_round_of_an_int_to_a_huge_negative_ndigits_is_python_s_zero_at_once(source):
    """CPython builds 10**(10**8) for these (minutes); its answer is always the int 0."""
    started = time.perf_counter()
    report = run(source)
    assert time.perf_counter() - started < 1.0
    assert report.ok, report.error
    value = report.variables["r"].value
    assert value == 0 and type(value) is int


@pytest.mark.parametrize("source", [
    "r = round(1.5, -10**9)", "r = round(2.5, 10**9)", "r = round(7, 10**30)", "r = round(2.5, None)",
    "r = round(123456, -3)", "r = round(-25, -1)", "r = round(2**100, -31)", "r = round(2.675, ndigits=2)",
    "r = round(True, 2)", "r = round(-(2**4000), -1300)",
])
def test_round_gives_python_s_answer(source):
    assert_same_value(source, "r")


@pytest.mark.parametrize("n", [0, 1, 4, 5, 6, 15, 25, 49, 50, 51, 99, -5, -15, -50, 10 ** 30 // 2,
                               2 ** 100, -(2 ** 100), 3 ** 700])
def test_round_int_matches_python_around_its_shortcut(n):
    digits = len(str(abs(n)))
    for k in range(0, digits + 6):
        assert _round_int(n, -k) == round(n, -k), (n, k)
    assert _round_int(n, 3) == round(n, 3)


def test_round_with_a_float_ndigits_fails_like_python():
    report = run("r = round(5, 1.5)")
    assert (report.error.kind, report.error.message) == ("type", str(python_error("r = round(5, 1.5)")))


# -- builtins with missing or extra arguments say what Python says ---------------------------------

ARITY_CASES = [
    "abs()", "abs(1, 2)", "round()", "round(1, 2, 3)", "round(ndigits=2)", "round(1, 2, ndigits=3)",
    "sum()", "sum([1], 2, 3)", "sum(start=1)", "sum([1], 2, start=3)", "repr()", "repr(1, 2)",
    "id()", "id(1, 2)", "len()", "len([1], [2])", "min()", "max()", "min(default=1)",
    "min([1], [2], default=3)", "enumerate()", "enumerate([1], 2, 3)", "sorted()", "sorted([1], [2])",
    "reversed()", "reversed([1], [2])", "any()", "all([1], [2])", "isinstance()", "range()",
    "range(1, 2, 3, 4)", "list([1], [2])", "tuple([1], [2])", "float(1, 2)", "bool(1, 2)",
    "int(1, 2, 3)", "complex(1, 2, 3)", "str(1, 2, 3, 4)",
]


@pytest.mark.parametrize("call", ARITY_CASES)
def test_wrong_argument_count_gives_python_s_type_error(call):
    source = f"y = {call}\n"
    report = run(source)
    assert not report.ok
    assert (report.error.kind, report.error.message, report.error.line) == \
        ("type", str(python_error(source)), 1)


def test_the_red_team_zero_argument_abs():
    report = run("y = abs()\n")
    assert (report.error.kind, report.error.message) == ("type", "abs() takes exactly one argument (0 given)")


@pytest.mark.parametrize("source", ["y = complex(1, 2)", "y = sum([1, 2], 10)", "y = list(enumerate([5], 1))",
                                    "y = min([3, 1], default=0)", "y = sorted([2, 1], reverse=True)",
                                    "y = list()", "y = str()", "y = float()"])
def test_right_argument_counts_still_work_like_python(source):
    assert_same_value(source, "y")


def test_str_with_an_encoding_is_outside_the_language():
    report = run("y = str(1, 2)")
    assert (report.error.kind, report.error.message) == \
        ("unsupported", "only `str(x)` with one argument is supported in Autograd Lab")

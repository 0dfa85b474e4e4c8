"""`t = (t,)` nested 90,000 deep (session 24, hosting): `t[0] == t[0][0]` was refused as "would compare
more than 5,000,000 values" and hash(t) as an "unhashable or unsupported dictionary key". Python answers
`t == t` through identity (no item is compared with anything but itself): so does the engine now;
`t[0] == t[0][0]` is a RecursionError in Python (near 1,000 levels): the refusal names the nesting
limit (MAX_WEIGHT_DEPTH); hash() and dict keys name the tuple-key limits (8 deep, 64 values)."""

from __future__ import annotations

import contextlib
import dataclasses
import io

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.dicts import MAX_KEY_DEPTH, MAX_KEY_ITEMS
from autogradlab.lang.text_weight import MAX_WEIGHT_DEPTH
from autogradlab.limits import DEFAULT_LIMITS

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)
CHAIN = "t = ()\nfor i in range({}):\n    t = (t,)\n"


def _python(program: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(program, {})   # the oracle: the test's own constant text
    return out.getvalue()


def _run(program: str):
    return run_program(program, limits=LIMITS, torchviz=False)


@pytest.mark.parametrize("links", [200, 90_000])
def test_a_deep_tuple_compared_with_itself_answers_as_python(links):
    program = CHAIN.format(links) + ("u = t[0]\nl = [t, 1]\n"
                                     "print(t == t, u == u, t != t, u <= u, u < u, t >= t, l == l)\n"
                                     "print([t] < [t, 1], (u, 2) >= (u, 2), [l] == [l])\n")
    report = _run(program)
    assert report.error is None, report.error
    assert report.printed == _python(program) == "True True False True False True True\nTrue True True\n"


def test_identical_operands_holding_objects_run_no_eq():
    program = ("class A:\n    def __eq__(self, o):\n        print('eq')\n        return True\n"
               + "t = (A(),)\nfor i in range(300):\n    t = (t,)\n"
               + "print(t == t, [t] == [t], [t, 1] != [t, 1], (t, 2) == (t, 2))\n")
    report = _run(program)
    assert report.error is None, report.error
    assert report.printed == _python(program) == "True True False True\n"


@pytest.mark.parametrize("links, refused", [(MAX_WEIGHT_DEPTH + 1, False), (MAX_WEIGHT_DEPTH + 2, True),
                                            (90_000, True)])
def test_a_deep_tuple_compared_with_its_item_names_the_nesting_limit(links, refused):
    """t[0] is `links` tuples deep, t[0][0] one less: refused once both nest more than MAX_WEIGHT_DEPTH deep
    (one side within the limit bounds the work). Python: False below ~1,000 levels, RecursionError above."""
    program = CHAIN.format(links) + "print(t[0] == t[0][0], t[0] != t[0][0])\n"
    report = _run(program)
    if not refused:
        assert report.error is None and report.printed == _python(program) == "False True\n", report.error
        return
    error = report.error
    assert error is not None and error.kind == "limit" and error.line == 4, error
    assert error.key == "errors_runtime.compare_depth", error
    assert error.message.startswith(f"`==` would compare lists or tuples nested more than {MAX_WEIGHT_DEPTH} "
                                    "deep item by item"), error.message


def test_a_wide_comparison_keeps_the_weight_message():
    program = "x = [0]\ny = [0]\nfor i in range(40):\n    x = [x, x]\n    y = [y, y]\nprint(x == y)\n"
    error = _run(program).error
    assert error is not None and error.key == "errors_runtime.compare_limit", error


@pytest.mark.parametrize("links, key", [(MAX_KEY_DEPTH - 1, None),
                                        (MAX_KEY_DEPTH, "errors_more.key_tuple_deep"),
                                        (90_000, "errors_more.key_tuple_deep")])
@pytest.mark.parametrize("use", ["print(hash(t) == hash(t))\n", "d = {t: 1}\nprint(d[t] == 1)\n"])
def test_hashing_a_deep_tuple_names_the_key_depth_limit(links, key, use):
    program = CHAIN.format(links) + use
    report = _run(program)
    if key is None:
        assert report.error is None and report.printed == _python(program) == "True\n", report.error
        return
    assert report.error is not None and report.error.key == key and report.error.kind == "type", report.error
    assert report.error.message.startswith(f"a tuple nested more than {MAX_KEY_DEPTH} deep cannot be a "
                                           "dictionary key or be hashed")


@pytest.mark.parametrize("items, key", [(MAX_KEY_ITEMS, None),
                                        (MAX_KEY_ITEMS + 1, "errors_more.key_tuple_long")])
def test_hashing_a_long_tuple_names_the_key_size_limit(items, key):
    program = f"t = tuple(range({items}))\nprint(hash(t) == hash(tuple(range({items}))))\n"
    report = _run(program)
    if key is None:
        assert report.error is None and report.printed == _python(program) == "True\n", report.error
        return
    assert report.error is not None and report.error.key == key, report.error
    assert f"holding more than {MAX_KEY_ITEMS} values in all" in report.error.message


def test_a_tuple_holding_a_list_keeps_pythons_words():
    error = _run("print(hash((1, [2])))\n").error
    assert error is not None and error.message == "unhashable type: 'list'", error

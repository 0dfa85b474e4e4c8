"""Session 29: small named refusals of the last session that now run as CPython / NumPy run them, each
against the same text run in real Python: a NumPy scalar's `.round(n)`, `np.expand_dims(a, axis=(0, 2))`,
`functools.lru_cache(typed=True)`, and a NumPy Generator hashed by identity (`hash(rng)`, a dict key, a set
member) without its real address in anything printed.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_corpus4_s25 import refused, same_as_python


@pytest.mark.parametrize("expr", [
    "np.float64(2.567).round(2)", "np.float64(2.5).round()", "np.float32(2.567).round(1)",
    "np.int64(1234).round(-2)", "np.mean(np.array([1.234, 2.345])).round(1)",
    "np.complex128(1.26 + 2.71j).round(1)", "np.float64(-0.5).round()", "np.float64(1e300).round(5)",
])
def test_numpy_scalar_round_equals_numpy(expr):
    same_as_python(f"import numpy as np\nx = {expr}\nprint(x, repr(x), type(x))\n")


@pytest.mark.parametrize("call", ["np.float64(2.5).round(1.5)", "np.float64(2.5).round(1, 2)"])
def test_numpy_scalar_round_of_other_arguments_is_refused_plainly(call):
    assert "whole number of decimals" in refused(f"import numpy as np\nx = {call}\n").message


@pytest.mark.parametrize("axis", ["(0, 2)", "[0, -1]", "(0, 1, 2, 3)", "(-1,)", "0", "(0, 0)", "(5,)",
                                  "(1, -3)"])
def test_expand_dims_with_a_tuple_axis_equals_numpy(axis):
    same_as_python(f"import numpy as np\na = np.arange(6.).reshape(2, 3)\n"
                   f"b = np.expand_dims(a, axis={axis})\nprint(b.shape, b)\n")


def test_expand_dims_of_more_than_numpys_dimensions_is_numpys_error():
    same_as_python("import numpy as np\na = np.ones((2, 3))\nb = np.expand_dims(a, axis=tuple(range(70)))\n")


def test_expand_dims_with_another_axis_stays_refused():
    assert "axis must be an int" in refused("import numpy as np\nb = np.expand_dims(np.ones(2), 1.5)\n",
                                            "type").message


@pytest.mark.parametrize("decorator", [
    "@functools.lru_cache(typed=True)", "@functools.lru_cache(maxsize=2, typed=True)",
    "@functools.lru_cache(None, True)", "@functools.lru_cache(typed=False)", "@functools.lru_cache(4, 0)",
    "@functools.lru_cache", "@functools.cache"])   # untyped: CPython's fast path keeps f(2), f(2.0) apart
def test_lru_cache_typed_keeps_classes_apart_as_cpython(decorator):
    same_as_python(f"import functools\ncalls = []\n{decorator}\ndef f(x, y=1):\n    calls.append((x, y))\n"
                   "    return x * y\n"
                   "r = [f(2), f(2.0), f(2), f(True), f(2, y=1.0), f(2, y=1), f(3), f(2.0), f('a'),\n"
                   "     f((2,)), f((2.0,)), f(1), f(1.0)]\nprint(r, calls)\n")


def test_lru_cache_typed_of_another_value_is_refused_plainly():
    error = refused("import functools\n@functools.lru_cache(typed='yes')\ndef f(x):\n    return x\n")
    assert "`typed=True` or `False`" in error.message


def test_lru_cache_typed_entries_still_count_against_the_sequence_limit():
    import dataclasses

    from autogradlab.limits import DEFAULT_LIMITS
    source = ("import functools\n@functools.lru_cache(maxsize=None, typed=True)\ndef f(x):\n    return x\n"
              "for i in range({n}):\n    f(i)\n    f(float(i))\n")
    small = dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=100)
    assert run_program(source.format(n=50), limits=small).ok        # 100 entries
    refused(source.format(n=51), "limit", small)                   # 102 entries


def test_a_generator_is_a_dict_key_and_a_set_member_by_identity():
    same_as_python("import numpy as np\nrng = np.random.default_rng(0)\nrng2 = np.random.default_rng(0)\n"
                   "d = {rng: 'train', rng2: 'test'}\ns = {rng, rng2, rng}\n"
                   "print(d[rng], d[rng2], len(d), len(s), rng in s, hash(rng) == hash(rng), "
                   "hash(rng) != hash(rng2), type(hash(rng)))\nseen = set()\nseen.add(rng)\n"
                   "print(rng in seen, rng2 in seen, {rng: 1} == {rng: 1}, {rng: 1} == {rng2: 1})\n"
                   "del s, seen\n")   # the oracle compares no sets of objects


def test_a_generators_hash_shows_no_real_address():
    from autogradlab.lang.object_protocols import FAKE_IDENTITY_HASH
    report = run_program("import numpy as np\nrng = np.random.default_rng(0)\nh = hash(rng)\n"
                         "g = np.random.default_rng(1)\nprint(h, hash(g), repr(rng), {rng: 1})\n")
    assert report.ok, report.error
    h, other = (int(word) for word in report.printed.split()[:2])
    assert {h, other} == {FAKE_IDENTITY_HASH + 1, FAKE_IDENTITY_HASH + 2}   # the run's id() numbers
    assert "0x7F0000000000" in report.printed and report.printed.count("0x") == 2   # the fake address only


@pytest.mark.parametrize("value", ["np.random.PCG64(0)", "np.ones(2)"])
def test_other_numpy_objects_stay_unhashable_or_refused(value):
    report = run_program(f"import numpy as np\nd = {{{value}: 1}}\n")
    assert not report.ok and report.error.kind in ("type", "unsupported"), report.error

"""np.lexsort's text keys are sized by their strings, not their characters (issue 9, session 42; session 41's
known leftover): `np.lexsort((['x' * 600, 'y' * 600, 'z'], [3, 1, 2]))` under max_tensor_elements=1,000 was
refused ("would have 3,600 elements": check_nested read each string as a list of characters); NumPy sorts
3 values. A list of texts is held to numpy_strings' own limit (MAX_STRING_CHARS) as np.array makes it; the
numeric keys and the values sorted in one call keep their limits, just above and below. Oracle: NumPy."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.numpy_strings import MAX_STRING_CHARS
from tests.oracle import run_trusted
from tests.unit.test_corpus_s31 import limits

TIGHT = limits(max_tensor_elements=1000)


@pytest.mark.parametrize("keys", ["(['x' * 600, 'y' * 600, 'z'], [3, 1, 2])",
                                  "[['b' * 999, 'a' * 999], [1, 1]]",
                                  "(('Hertz' * 300, 'Galilei' * 300, 'Hertz'), "
                                  "('Heinrich', 'Galileo', 'Gustav'))",
                                  "(['x' * 700] * 400, list(range(400)))"])
def test_long_texts_sort_as_numpy_under_a_tight_element_limit(keys):
    source = f"import numpy as np\nprint(np.lexsort({keys}))\n"
    report, oracle = run_program(source, limits=TIGHT), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize(("n", "ok"), [(500, True), (501, False)])
def test_the_values_sorted_in_one_call_keep_their_limit(n, ok):
    report = run_program(f"import numpy as np\nx = np.lexsort((['a'] * {n}, list(range({n}))))\n",
                         limits=TIGHT)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "np.lexsort" in report.error.message


@pytest.mark.parametrize(("n", "ok"), [(1000, True), (1001, False)])
def test_a_numeric_key_keeps_its_element_limit(n, ok):
    report = run_program(f"import numpy as np\nx = np.lexsort(([[1] * {n}],))\n", limits=TIGHT)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit", report.error


@pytest.mark.parametrize("n", [10, 11])
def test_a_text_key_keeps_the_string_array_limit(n):
    width = MAX_STRING_CHARS // 10   # ten such strings are the limit
    report = run_program(f"import numpy as np\nx = np.lexsort((['a' * {width}] * {n}, list(range({n}))))\n")
    assert report.ok == (n == 10), report.error
    if n == 11:
        assert report.error.kind == "limit" and "string array" in report.error.message, report.error

"""Walks over nested lists that sharing multiplies (lead, session 34; figures of 0a0da3e, in-process, one
torch thread, load ~2.5).

`[[[0] * 1000] * 1000] * 1000` is three lists of 1,000 items, but 10**9 items to a walk that follows
every reference:
1. the report's look for written no-grad views (engine/no_grad_views.readable) followed every list three
   levels down: the three-line program above never finished in-process (> 60 s) and the sandbox killed it
   at twice its limit with no line -> SCANNED_TOTAL items in all (0.06 s);
2. np.array's check for text (numpy_strings.holds_text) walked every item: 23.8 s before the size was
   refused -> each list once;
3. the size check of nested lists follows the first item only, so a ragged list fools it:
   `[[1.0]] + [[1.0] * 100000] * 1000` counted 1,001 elements; torch.tensor walked 10**8 items (8 s) to
   find the lengths differ, np.array of the same with text made a 1 GB list (3 s) -> the items torch and
   NumPy would read are counted (each distinct list once) and refused above max_tensor_elements (0.08 s).
"""

from __future__ import annotations

import dataclasses

import pytest
import torch

from autogradlab.engine import no_grad_views, run_program
from autogradlab.lang.numpy_strings import holds_text
from autogradlab.lang.tensor_counts import expanded_elements
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted, value_mismatches

CAP = DEFAULT_LIMITS.max_tensor_elements


def _refused(source: str, line: int, words: str) -> None:
    report = run_program(source)
    assert not report.ok
    assert report.error.kind == "limit", report.error.message
    assert report.error.line == line
    assert words in report.error.message


def _equal_to_numpy(source: str, names: str) -> None:
    report = run_program(source)
    assert report.ok, report.error
    oracle = run_trusted(source, 0)
    for name in names:
        assert not value_mismatches(report.variables[name], oracle.variables[name], name)


def test_a_list_shared_a_billion_times_is_reported_at_once() -> None:
    report = run_program("x = [[[[0] * 1000] * 1000] * 1000] * 1000\nn = len(x)\n")
    assert report.ok, report.error
    assert report.variables["n"].text == "1000"
    assert "x" in report.variables


def test_the_no_grad_view_scan_looks_at_a_bounded_number_of_items(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = no_grad_views.readable

    def counted(value, depth=0, _left=None):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(value, depth, _left)

    monkeypatch.setattr(no_grad_views, "readable", counted)
    shared = [[[0.0] * 100] * 100] * 100   # 10**6 items through shared lists
    assert counted(shared) is shared
    assert len(calls) <= no_grad_views.SCANNED_TOTAL + 1


def test_a_written_no_grad_view_in_a_short_list_is_still_shown_as_its_values() -> None:
    source = ("import torch\nw = torch.ones(3, requires_grad=True)\nwith torch.no_grad():\n"
              "    v = w[:]\n    v -= 1\nboth = [v, w]\n")
    report = run_program(source)
    assert report.ok, report.error
    assert report.variables["both"].text.count("tensor") == 2


def test_text_is_found_in_a_list_shared_a_billion_times() -> None:
    numbers = [[[[0] * 1000] * 1000] * 1000] * 1000
    assert not holds_text(numbers)
    assert holds_text([numbers, ["a"]])
    assert holds_text([[["a"]] * 1000] * 1000)


@pytest.mark.parametrize(("data", "expected"), [
    ([[1.0, 2.0], [3.0, 4.0]], 4),
    ([[1.0]] + [[1.0] * 10] * 3, 31),
    ([[[0] * 4] * 5] * 6, 120),
    ([torch.ones(3), torch.ones(2, 2)], 7),
    ([range(5), [1, 2]], 7),
    ((1, (2, 3), [4, [5, 6]]), 6),
])
def test_expanded_elements_counts_every_item_read(data: object, expected: int) -> None:
    assert expanded_elements(data, CAP) == expected


def test_expanded_elements_stops_above_the_cap() -> None:
    shared = [[[0] * 1000] * 1000] * 1000
    assert CAP < expanded_elements(shared, CAP) <= CAP + 1000 * 1000   # (one middle list more)


def test_np_array_of_a_list_shared_a_billion_times_is_refused_by_its_size() -> None:
    _refused("import numpy as np\nx = [[[0] * 1000] * 1000] * 1000\na = np.array(x)\n", 3,
             "1,000,000,000 elements")


@pytest.mark.parametrize("call", ["torch.tensor(x)", "np.array(x)"])
def test_a_ragged_list_that_reads_too_many_values_is_refused(call: str) -> None:
    _refused(f"import torch\nimport numpy as np\nx = [[1.0]] + [[1.0] * 100000] * 1000\na = {call}\n", 4,
             f"would read more than {CAP:,} values from these nested lists")


def test_a_ragged_list_of_text_is_refused_before_its_leaves_are_listed() -> None:
    _refused("import numpy as np\nx = [['a']] + [['a'] * 100000] * 1000\na = np.array(x)\n", 3,
             "would read more than")


def test_a_ragged_list_below_the_cap_gets_pytorchs_own_error() -> None:
    report = run_program("import torch\nx = [[1.0]] + [[1.0] * 1000] * 1000\na = torch.tensor(x)\n")
    assert not report.ok and report.error.kind == "value" and report.error.line == 3
    with pytest.raises(ValueError):
        torch.tensor([[1.0]] + [[1.0] * 1000] * 1000)


@pytest.mark.parametrize("source", [
    "x = [[[0.5] * 100] * 100] * 100\na = torch.tensor(x)\n",
    "x = [[i * 1.0 + j for j in range(3)] for i in range(4)]\na = torch.tensor(x)\nb = np.array(x)\n",
    "x = [torch.tensor(1.0), torch.tensor(2.0)]\na = torch.tensor(x)\n",
    "x = [['a', 'bc'], ['d', 'e']]\nb = np.array(x)\n",
])
def test_shared_and_plain_nested_lists_below_the_cap_equal_pytorch(source: str) -> None:
    full = "import torch\nimport numpy as np\n" + source
    report = run_program(full)
    assert report.ok, report.error
    oracle = run_trusted(full, 0)
    assert oracle.error is None
    for name, real in oracle.variables.items():   # (x itself: the report keeps 10,000 of a list's values)
        if name in ("a", "b"):
            assert report.variables[name].text == repr(real)
            text_array = getattr(real.dtype, "kind", "") == "U"
            assert text_array or not value_mismatches(report.variables[name], real, name)


def test_the_meta_copy_of_a_shared_list_is_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.lang import meta_copies
    calls = []
    real = meta_copies.to_meta

    def counted(value, depth=0, _copies=None):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(value, depth, _copies)

    monkeypatch.setattr(meta_copies, "to_meta", counted)
    row = [0] * 1000
    copied = counted([row] * 1000)
    assert copied == [row] * 1000 and all(item is copied[0] for item in copied)
    assert len(calls) < 3 * 1000   # (a million when each reference was copied again)


def test_fancy_indexing_by_a_shared_nested_list_equals_pytorch() -> None:
    source = "import torch\nx = torch.arange(10.0)\ni = [[3, 1] * 500] * 1000\ny = x[i]\n"
    report = run_program(source)
    assert report.ok, report.error
    x = torch.arange(10.0)
    assert torch.equal(torch.from_numpy(report.variables["y"].value), x[[[3, 1] * 500] * 1000])


@pytest.mark.parametrize("join", ["np.concatenate", "np.stack", "np.vstack", "np.hstack"])
def test_numpy_joins_count_the_values_of_all_their_list_parts_first(join: str) -> None:
    # each part was made an array alone: 1,000 references to one 100,000-number list ran ~6 s
    _refused(f"import numpy as np\nx = [[1.0]] + [[1.0] * 100000] * 1000\ny = {join}(x)\n", 3,
             f"{join} would read more than {CAP:,} values")


def test_numpy_joins_of_lists_arrays_and_tuples_equal_numpy() -> None:
    source = ("import numpy as np\na = np.concatenate([[1.0, 2.0], np.ones(3), (4, 5)])\n"
              "b = np.vstack([[1, 2], [3, 4]])\nc = np.stack([np.ones(2), [3, 4]])\n"
              "d = np.hstack([[7] * 3] * 4)\n")
    _equal_to_numpy(source, "abcd")


def test_np_block_counts_its_blocks_first() -> None:
    # NumPy makes each number an array of its own: 1,000 x 1,000 numbers took 17 s, a ragged list 221 s
    _refused("import numpy as np\nx = [[1.0] * 1000] * 1000\ny = np.block(x)\n", 3,
             "`np.block` of more than 10,000 lists and blocks")
    _refused("import numpy as np\nx = [[1.0]] + [[1.0] * 100000] * 1000\ny = np.block(x)\n", 3,
             "`np.block` of more than 10,000 lists and blocks")


def test_np_block_of_arrays_and_numbers_equals_numpy() -> None:
    source = ("import numpy as np\nA = np.eye(2)\n"
              "y = np.block([[A, np.zeros((2, 1))], [np.ones((1, 2)), 5]])\n"
              "z = np.block([[1.0] * 100] * 90)\n")
    _equal_to_numpy(source, "yz")


def test_np_lexsort_counts_the_values_of_all_its_keys_first() -> None:
    _refused("import numpy as np\nx = [[1.0]] + [[1.0] * 100000] * 1000\ny = np.lexsort(x)\n", 3,
             "np.lexsort would read more than")


def test_max_of_each_row_stops_at_the_time_limit_with_its_line() -> None:
    # max() of each of 1,000 references to a 100,000-number row: no statement runs between the calls, so
    # no step checked the time (18 s in-process, its checks walking every row in Python)
    # (a short limit: at 5 s a quiet machine reaches the run's total of list items first, a limit too)
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.5)
    report = run_program("x = [[1.0]] + [[1.0] * 100000] * 1000\ny = max(map(max, x))\n", limits=limits)
    assert not report.ok and report.error.kind == "timeout" and report.error.line == 2


def test_max_of_rows_and_of_objects_equal_python() -> None:
    source = ("x = [[3, 1], [2, 9, 4], [7]]\ny = max(map(max, x))\nz = min(x)\nw = max((1, 'a'), (1, 'b'))\n"
              "class P:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n"
              "        return self.v < o.v\nbest = max([P(2), P(5), P(1)]).v\n")
    report = run_program(source)
    assert report.ok, report.error
    scope: dict = {}
    exec(source, scope)  # noqa: S102 - our own test text
    for name in ("y", "z", "w", "best"):
        assert report.variables[name].text == repr(scope[name])


@pytest.mark.parametrize("key", [(1, 2), (1.5, "a", None, True), 3, "word", (), (2**4000, 1)])
def test_plain_keys_take_the_short_way(key: object) -> None:
    from autogradlab.lang.dicts import plain_key
    assert plain_key(key)


@pytest.mark.parametrize("key", [(1, [2]), (1, (2, 3)), tuple(range(65)), [1], (torch.ones(1),), 1j])
def test_other_keys_take_the_general_checks(key: object) -> None:
    from autogradlab.lang.dicts import plain_key
    assert not plain_key(key)


def test_sets_and_dicts_of_pairs_equal_python() -> None:
    source = ("s = {(i % 7, i % 3) for i in range(1000)}\nd = {(i, str(i)): i for i in range(5)}\n"
              "n = len(s)\nhas = (2, 1) in s\nk = sorted(d)\nbad = 0\ntry:\n    {(1, [2])}\n"
              "except TypeError as e:\n    bad = str(e)\n")
    report = run_program(source)
    assert report.ok, report.error
    scope: dict = {}
    exec(source, scope)  # noqa: S102 - our own test text
    for name in ("n", "has", "k", "bad"):
        assert report.variables[name].text == repr(scope[name])

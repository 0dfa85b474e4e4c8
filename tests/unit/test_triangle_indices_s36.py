"""np.tril_indices / triu_indices (and their `_from` forms) are charged what NumPy makes (session 36,
lang/numpy_lessons_s35._charge_triangle, lang/triangle_sizes.py).

Before: 3 * n * m elements, so np.tril_indices(1291) was refused, though NumPy makes an n x m mask of
booleans (9 MB for n = 3,000) and two index arrays of n(n+1)/2 each. Now the mask is checked as its bytes
in 4-byte elements, each index array as its own size, all before NumPy runs. NumPy is the oracle.
"""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine.run import run_program
from autogradlab.lang.triangle_sizes import lower_count


def test_the_triangle_count_is_numpys_for_every_small_shape() -> None:
    for n in range(-1, 9):
        for m in range(-1, 9):
            for k in range(-12, 13):
                lower = np.tril_indices(max(n, 0), k, max(m, 0))[0].size
                upper = np.triu_indices(max(n, 0), k, max(m, 0))[0].size
                assert lower_count(n, k, m) == lower, (n, k, m)
                assert max(n, 0) * max(m, 0) - lower_count(n, k - 1, m) == upper, (n, k, m)


@pytest.mark.parametrize("call", ["np.tril_indices(3000)", "np.triu_indices(3000, 1)",
                                  "np.tril_indices(2000, -5, 2500)",
                                  "np.triu_indices_from(np.zeros((2000, 2000)), -3)",
                                  "np.tril_indices_from(np.zeros((1500, 2200)), 7)"])
def test_lessons_of_a_few_thousand_rows_run_as_in_numpy(call: str) -> None:
    source = f"import numpy as np\nr = {call}\nprint(len(r), r[0].size, r[0][-3:], r[1][-3:], r[1].dtype)\n"
    report = run_program(source, torchviz=False)
    assert report.ok, report.error
    r = eval(call, {"np": np})   # noqa: S307 - the test's own expression, as real NumPy
    assert report.printed == f"{len(r)} {r[0].size} {r[0][-3:]} {r[1][-3:]} {r[1].dtype}\n"


@pytest.mark.parametrize("n, refused", [(3161, False), (3162, True)])   # 4,997,541 / 5,000,703 pairs
def test_each_index_array_is_held_to_the_element_limit(n: int, refused: bool) -> None:
    report = run_program(f"import numpy as np\nr = np.tril_indices({n})\nprint(r[0].size)\n", torchviz=False)
    if refused:
        assert report.error is not None and report.error.kind == "limit" and report.error.line == 2
        assert report.error.message == ("result of np.tril_indices would have 5,000,703 elements; the limit "
                                        "is 5,000,000")
    else:
        assert report.ok, report.error
        assert report.printed == f"{n * (n + 1) // 2}\n"


def test_the_mask_numpy_builds_first_is_checked_before_it_runs() -> None:
    # one pair, but np.tri would build 1 x 20,000,004 booleans (5,000,001 four-byte elements)
    report = run_program("import numpy as np\nr = np.tril_indices(1, 0, 20_000_004)\n", torchviz=False)
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 2
    assert "np.tril_indices" in report.error.message and "5,000,001" in report.error.message
    assert run_program("import numpy as np\nr = np.tril_indices(1, 0, 20_000_000)\nprint(r[0].size)\n",
                       torchviz=False).printed == "1\n"


def test_a_non_matrix_gets_numpys_own_error() -> None:
    report = run_program("import numpy as np\nr = np.tril_indices_from(np.zeros(4))\n", torchviz=False)
    assert report.error is not None and report.error.message == "input array must be 2-d"

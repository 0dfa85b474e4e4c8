"""Session 37 (breadth, issue 9): NumPy functions session 36's corpus left refused or showing differently,
each compared with plain NumPy on the same text (printed text, displays, variables, NumPy's own error
texts), with the limits checked before NumPy builds anything (lang/numpy_breadth_s37.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import same_as_python

N = "import numpy as np\n"
_QUANTILES = (("percentile", "50"), ("quantile", "0.5"), ("nanpercentile", "50"), ("nanquantile", "0.5"))
_OUTS = ("[0., 0, 0]", "5", "()", "np.zeros(2)", "np.zeros(3, dtype=int)", "np.zeros((1, 3))",
         "np.zeros(3, dtype=np.float32)", "np.zeros(3, dtype=complex)", "np.zeros(6)[::2]")


def _quantile_out(name: str, q: str) -> str:
    lines = ["a = np.array([[10., 7, 4], [3, 2, 1]])\n"]
    for out in _OUTS:
        lines.append(f"o = {out}\ntry:\n    r = np.{name}(a, {q}, axis=0, out=o)\n    print(r, r is o, o)\n"
                     "except (TypeError, ValueError) as e:\n    print(type(e).__name__, e)\n")
    lines.append(f"o = np.zeros(())\nr = np.{name}(a, {q}, out=o)\nr\nprint(o, r is o)\n"
                 f"o = np.zeros(2)\nprint(np.{name}(a, [{q}, {q}], None, o), o)\n"
                 f"o = np.zeros((2, 3))\nprint(np.{name}(a, [{q}, {q}], axis=0, out=o, method='lower'), o)\n"
                 f"b = a.copy()\nprint(np.{name}(b, {q}, overwrite_input=True), np.{name}(b, {q}, 1, None, "
                 "False, 'linear', True))\n")
    return "".join(lines)


@pytest.mark.parametrize(("name", "q"), _QUANTILES)
def test_quantiles_write_into_out_as_numpy(name: str, q: str) -> None:
    same_as_python(N + _quantile_out(name, q))


def test_quantile_out_of_another_kind_is_refused_by_name() -> None:
    report = run_program(N + "a = np.arange(3.)\nd = {}\nnp.nanpercentile(a, 50, out=d)\n")
    assert not report.ok and report.error.message == "np.nanpercentile: out= must be a numpy array"


def test_quantile_with_out_is_still_sized() -> None:
    source = N + "a = np.zeros(200_000)\nq = np.linspace(0, 1, 200_000)\no = np.zeros(200_000)\n" \
                 "np.quantile(a, q, out=o)\n"
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit" and "arithmetic steps" in report.error.message

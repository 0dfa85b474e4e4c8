"""Presentation mode's program summary of a long statement: one "…", not "(3,… … (edit)" (session 35,
browser review of NumPy's structured-array tutorial), and the statement, not a continuation line's
keyword argument (render/figure_names.py)."""

from __future__ import annotations

from pathlib import Path

from test_lang import open_app  # (tests/app is on sys.path: conftest.py)

from autogradlab import links

TUTORIAL = (Path(__file__).resolve().parents[1] / "programs"
            / "tutorial_numpy_structured_arrays.py").read_text()


def _label(at) -> str:
    return next(e.label for e in at.expander if "(edit)" in e.label or "（编辑）" in e.label)


def test_a_long_last_statement_is_cut_once():
    at = open_app(code=links.encode_code(TUTORIAL), present="1")
    assert not at.exception
    label = _label(at)
    assert label.startswith("Program: 159 lines, recordarr = np.rec.array([") and label.count("…") == 1, label
    assert label.endswith(" … (edit)") and "dtype=[('foo'" not in label, label


def test_a_short_program_keeps_its_summary():
    source = "import torch\nx = torch.ones(2)\ny = x * 2\n"
    at = open_app(code=links.encode_code(source), present="1", lang="zh")
    assert _label(at) == "程序：3 行，y = x * 2 …（编辑）"

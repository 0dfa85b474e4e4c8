"""Presentation mode's one-line program summary (and figure file names) skip continuation lines (session
35, browser review): NumPy's structured-array tutorial ends with
`recordarr = np.rec.array([...],\\n    dtype=[('foo', 'S6'), ...])`, and the summary read
"Program: 159 lines, dtype=[('foo', 'S6'),('bar', [('A', int), ('B', int)])]…", the keyword argument of
the last statement taken for an assignment; the download slug was `dtype-...`."""

from __future__ import annotations

from pathlib import Path

from autogradlab.render.figure_names import key_line, program_slug, summary

TUTORIAL = Path(__file__).resolve().parents[1] / "programs" / "tutorial_numpy_structured_arrays.py"


def test_the_tutorial_is_summarised_by_its_last_statement_not_a_keyword_argument() -> None:
    lines, line = summary(TUTORIAL.read_text())
    assert line.startswith("recordarr = np.rec.array([('Hello', (1, 2))"), line
    assert program_slug(TUTORIAL.read_text()) == "recordarr-array"


def test_a_call_spread_over_lines_keeps_its_first_line() -> None:
    source = ("import torch\nx = torch.tensor([1., 2.],\n                 requires_grad=True)\n"
              "y = torch.nn.functional.softmax(x,\n    dim=0)\n")
    assert key_line(source) == "y = torch.nn.functional.softmax(x,"


def test_a_program_that_does_not_tokenize_is_summarised_as_before() -> None:
    assert key_line("x = (1,\n  y = 2\n") == "y = 2"
    assert summary("import torch\nx = torch.ones(2)\ny = x * 2\n") == (3, "y = x * 2")

"""Red team, session 40: attacks on session 39's short ways (calls, held attributes, NumPy scalars,
result shapes, notebook-line and plotting-call skipping) that found a defect, one test each (failing on
464913a).

What held (fast == general path with the switches off, and == CPython where the general path is): call
depth / Python's stack at and past the limit through call_positional and obj.m(x); argument checks (modules,
library functions, classes, functions passed); CPython's argument-count and missing-method errors;
UnboundLocalError through module_call's first-argument read; held-atom writes with properties, frozen
dataclasses and subclasses, __slots__, exception objects, dunder names; bind_object's Variables rows and
their order (also __author__ / __x names); NumPy scalar pairs (overflow, int bounds, bool subtract, negative
int powers, complex floor division, @) and np.float64(k) conversions (NaN, complex, out of bounds); the
one-atom-more list memo (pop/append, replaced ends, extend, max_sequence_len); result-shape memory (a pure
function of the shape, never cached for a refused shape); notebook-line skipping (nothing of the line runs,
continuation lines, indented cells); 600 random class/method/NumPy-scalar programs alike both ways."""

from __future__ import annotations

from autogradlab.engine.run import run_program
from autogradlab.note_keys import say

# a link carries a program to whoever opens it; the Graph / Steps pages show a run's notes as markdown
NOTEBOOK_MARKDOWN = ("!pip install x` ![a](http://e.vil/p.png) [go](http://e.vil) `y\nimport torch\n"
                     "x = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\n")


def _outside_code_spans(text: str) -> str:
    return "".join(part for i, part in enumerate(text.split("`")) if i % 2 == 0)


def test_a_skipped_notebook_line_cannot_put_markdown_into_its_note():
    """The note quotes the skipped line in a `code` span: a backtick in the line ended the span, and the
    rest (an image from another site, a link) was markdown on the page of whoever opened the link."""
    report = run_program(NOTEBOOK_MARKDOWN)
    assert report.error is None, report.error
    (note,) = report.notes
    for shown in (note, say("zh", note)):
        assert shown.count("`") == 2, shown
        outside = _outside_code_spans(shown)
        assert "](" not in outside and "http" not in outside, shown
    assert note.startswith("line 1: `!pip install x...` was skipped")


MAGIC_IN_BLOCKS = ("import torch\nshow = True\nif show:\n    %matplotlib inline\n\n\ndef setup():\n"
                   "    !pip install d2l\n\n\nsetup()\nfor i in range(2):\n"
                   "    %config InlineBackend.figure_format = 'svg'\n    print(i, torch.ones(1) * i)\n")


def test_a_skipped_line_that_is_its_blocks_only_statement_leaves_the_block():
    """IPython runs a set-up line inside a block; commented out, the block had no statement ("expected an
    indented block" on the next line, and no note said the line was skipped)."""
    report = run_program(MAGIC_IN_BLOCKS)
    assert report.error is None, report.error
    assert report.printed == "0 tensor([0.])\n1 tensor([1.])\n"
    assert [n.split(":")[0] for n in report.notes] == ["line 4", "line 8", "line 13"]

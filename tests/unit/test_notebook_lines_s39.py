"""A pasted notebook's set-up lines (`%matplotlib inline`, `!pip install ...`, `%load_ext ...`) are skipped
with a note, and the lesson runs (lang/notebook_lines.py); every other `!` / `%` line is refused as before.
Plain Python running the program without those lines is the oracle."""

from __future__ import annotations

import subprocess
import sys

import pytest

from autogradlab import note_keys
from autogradlab.engine import run_program
from autogradlab.lang.notebook_lines import MAX_SKIPPED, skip_notebook_lines
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.static_refusal import refused_before_running

BODY = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\ny.backward()\n" \
       "print(x.grad)\n"


def _python(source: str) -> str:
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("line", [
    "%matplotlib inline", "% matplotlib notebook", "%config InlineBackend.figure_format = 'svg'",
    "%load_ext autoreload", "%autoreload 2", "%reload_ext tensorboard", "!pip install pandas",
    "!pip install d2l==1.0.3", "%pip install -q torchvision", "!pip3 install --upgrade numpy",
    "!python -m pip install einops", "%conda install numpy", "  !pip install pandas",
])
def test_a_set_up_line_is_skipped_with_a_note_and_the_lesson_runs(line):
    source = f"{line}\n{BODY}"
    report = run_program(source)
    assert report.ok, report.error
    assert report.printed == _python(BODY)
    skipped = [n for n in report.notes if "was skipped" in n]
    assert skipped == [f"line 1: `{line.strip()}` was skipped: it sets up a notebook and changes nothing "
                       "here"]
    zh = note_keys.say("zh", skipped[0])
    assert zh == f"第 1 行：已跳过 `{line.strip()}`：它只用于设置笔记本，在这里不改变任何结果", zh


def test_line_numbers_stay_as_typed_and_an_indented_cell_runs():
    source = "    %matplotlib inline\n    import torch\n    !pip install pandas\n    x = torch.ones(2)\n" \
             "    y = x + undefined_name\n"
    report = run_program(source)
    assert report.error is not None and (report.error.kind, report.error.line) == ("name", 5), report.error
    report = run_program("%matplotlib inline\nimport torch\n\n!pip install d2l\nprint(torch.ones(2).sum())\n")
    assert report.ok and report.printed == "tensor(2.)\n"
    assert [n.split(":")[0] for n in report.notes if "was skipped" in n] == ["line 1", "line 4"]


@pytest.mark.parametrize("line, words", [
    ("!nvidia-smi", "shell commands (`!nvidia-smi`)"),
    ("!ls data", "shell commands (`!ls data`)"),
    ("%timeit x = 1", "IPython magic commands (`%timeit x = 1`)"),
    ("%pylab inline", "IPython magic commands (`%pylab inline`)"),
    ("%%time", "IPython magic commands (`%%time`)"),
    ("%time y = 1", "IPython magic commands (`%time y = 1`)"),
    ("!pip list", "shell commands (`!pip list`)"),
    ("%matplotlibinline", "IPython magic commands (`%matplotlibinline`)"),
])
def test_every_other_notebook_line_is_refused_as_before_even_after_skipped_ones(line, words):
    after = f"%matplotlib inline\n!pip install pandas\n{line}\n{BODY}"
    for source, at in ((f"{line}\n{BODY}", 1), (after, 3)):
        report = run_program(source)
        assert report.error is not None and report.error.kind == "unsupported", report.error
        assert report.error.message.startswith(words) and report.error.line == at, report.error
        assert refused_before_running(source, report.error)


def test_percent_and_bang_inside_strings_and_brackets_are_left_alone():
    source = 'text = """\n%matplotlib inline\n!pip install pandas\n"""\nn = (7\n     % 3)\nprint(text, n)\n'
    report = run_program(source)
    assert report.ok and report.printed == _python(source)
    assert not [n for n in report.notes if "was skipped" in n]


def test_past_the_limit_of_skipped_lines_the_first_is_refused():
    many = "%matplotlib inline\n" * (MAX_SKIPPED + 1) + BODY
    report = run_program(many)
    assert report.error is not None and report.error.line == 1 and "IPython magic" in report.error.message
    assert skip_notebook_lines("%matplotlib inline\n" * MAX_SKIPPED + BODY, DEFAULT_LIMITS) is not None


def test_the_next_problem_is_named_and_known_as_refused_before_running():
    source = "%matplotlib inline\nimport os\nprint(1)\n"
    report = run_program(source)
    assert report.error is not None and (report.error.kind, report.error.line) == ("unsupported", 2)
    assert refused_before_running(source, report.error)
    source = "%matplotlib inline\nimport torch mat = torch.ones(2) print(mat)\n"   # run together as well
    report = run_program(source)
    assert report.ok and report.printed == "tensor([1., 1.])\n", report.error
    assert len([n for n in report.notes if "was skipped" in n or "run together" in n]) == 2


def test_nothing_of_a_skipped_line_runs():
    """A skipped line is a comment: a `!pip install x; ...` tail never reaches anything."""
    text, skipped = skip_notebook_lines("!pip install x; import os; os.system('ls')\nprint(1)\n",
                                        DEFAULT_LIMITS)
    assert text == "#!pip install x; import os; os.system('ls')\nprint(1)\n"
    assert skipped == ((1, "!pip install x; import os; os.system('ls')"),)
    report = run_program("!pip install x; import os; os.system('ls')\nprint(1)\n")
    assert report.ok and report.printed == "1\n"

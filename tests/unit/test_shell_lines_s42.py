"""A shell command pasted without its `!` (`cat scripts/a.py`, `ls data`, `pip install x`: IPython runs
them in the shell) is named as one at its own line. It used to be "repaired" as statements run together
(`cat` then `scripts/a.py`) and failed with a NameError on a line the user did not write; `print x` ran as
`print` then `x` and printed nothing (Python 3: a SyntaxError). CPython is the oracle for the line."""

from __future__ import annotations

import ast

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.lang.repair import split_run_together

SHELL = [
    ("x = 1\ncat scripts/hello-world.py\nprint(x)\n", "cat scripts/hello-world.py"),
    ("cat data.txt\n", "cat data.txt"),
    ("import torch\npip install torchviz\nx = torch.ones(2)\n", "pip install torchviz"),
    ("git clone https://github.com/d2l-ai/d2l-zh.git\n", "git clone https://github.com/d2l-ai/d2l-zh.git"),
    ("for i in range(2):\n    mkdir out\n", "mkdir out"),
]


def _cpython_line(source: str) -> int:
    with pytest.raises(SyntaxError) as caught:
        ast.parse(source)
    return caught.value.lineno


@pytest.mark.parametrize(("source", "command"), SHELL)
def test_a_shell_command_is_named_at_its_own_line(source, command):
    report = run_program(source)
    assert not report.ok and report.printed == ""
    assert report.error.line == _cpython_line(source)
    assert report.error.message == f"shell commands (`{command}`) are not supported in Autograd Lab"
    assert report.error.hint.startswith("remove this line")


def test_the_message_and_hint_are_in_chinese_too():
    error = run_program("x = 1\ncat scripts/hello-world.py\n").error
    assert "shell 命令（`cat scripts/hello-world.py`）" in error_text.message("zh", error)
    assert "删除这一行" in error_text.hint("zh", error)


def test_python2_print_is_a_syntax_error_not_two_statements():
    report = run_program("x = 1\nprint x\n")
    assert report.error.line == _cpython_line("x = 1\nprint x\n") == 2
    assert report.error.message == "print needs parentheses in Python 3"


@pytest.mark.parametrize("line", ["cat a.py", "ls data", "x y = 2", "  pip install numpy"])
def test_a_line_starting_with_a_bare_name_is_not_split(line):
    assert split_run_together(line) is None


def test_statements_run_together_are_still_split():
    assert split_run_together("import torch x = torch.ones(2) print(x) x") == (
        "import torch\nx = torch.ones(2)\nprint(x)\nx")
    report = run_program("import torch x = torch.ones(2) print(x)")
    assert report.ok and report.printed == "tensor([1., 1.])\n"


def test_a_python_expression_that_looks_like_a_command_still_runs_as_python():
    report = run_program("ls = [1, 2]\ncat = 3\nprint(ls, cat - 1, ls [0])\n")
    assert report.ok and report.printed == "[1, 2] 2 1\n"

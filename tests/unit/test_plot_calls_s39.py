"""A plotting call made as a statement (`plt.plot(x, y)`, `plt.show()`) is skipped with a note and the
lesson runs on (lang/plot_calls.py): its arguments run as in Python (their prints, their errors, their
limits); a call that keeps a plotting value still stops there. Python with the plotting lines removed is
the oracle (no matplotlib is installed here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from autogradlab import note_keys
from autogradlab.engine import run_program
from autogradlab.limits import Limits

LESSON = '''%matplotlib inline
import torch
import matplotlib.pyplot as plt
x = torch.linspace(-2, 2, 9, requires_grad=True)
y = torch.tanh(x)
y.sum().backward()
plt.figure(figsize=(4, 3))
plt.plot(x.detach().numpy(), y.detach().numpy(), label="tanh")
plt.plot(x.detach().numpy(), x.grad.numpy(), label="gradient")
plt.legend()
plt.show()
print(x.grad.sum())
'''
PLOTTING = (7, 8, 9, 10, 11)


def _python(source: str) -> str:
    done = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _without(source: str, lines: tuple[int, ...]) -> str:
    return "\n".join("" if n in lines or text.startswith("%") else text
                     for n, text in enumerate(source.splitlines(), 1)) + "\n"


def test_a_lesson_with_plots_runs_to_its_end_and_says_which_lines_were_skipped():
    report = run_program(LESSON)
    assert report.ok, report.error
    assert report.printed == _python(_without(LESSON, (3, *PLOTTING)))
    note = "the plotting calls on lines 7, 8, 9, 10, 11 were skipped (plots are not drawn here); their " \
           "arguments ran"
    assert note in report.notes
    assert note_keys.say("zh", note) == \
        "已跳过第 7, 8, 9, 10, 11 行的绘图调用（这里不画图）；它们的参数已经运行"


@pytest.mark.parametrize("imports", ["import matplotlib.pyplot as plt",
                                     "from matplotlib import pyplot as plt", "import matplotlib as plt"])
def test_the_arguments_run_in_order_and_one_line_is_named_once(imports):
    source = (f"{imports}\ndef f(k):\n    print('f', k)\n    return k\n"
              "for k in range(3):\n    plt.plot(f(k), label=str(f(k + 10)))\nprint('done')\n")
    report = run_program(source)
    assert report.ok and report.printed == _python(_plain_args(source)), report.error
    one = "the plotting call on line 6 was skipped (plots are not drawn here); its arguments ran"
    assert one in report.notes


def _plain_args(source: str) -> str:
    return source.replace("import matplotlib.pyplot as plt", "").replace(
        "from matplotlib import pyplot as plt", "").replace("import matplotlib as plt", "").replace(
        "plt.plot(f(k), label=str(f(k + 10)))", "(f(k), str(f(k + 10)))")


def test_an_argument_that_fails_fails_as_in_python_at_its_line():
    report = run_program("import matplotlib.pyplot as plt\nimport torch\n"
                         "plt.plot(torch.ones(2) @ torch.ones(3))\n")
    assert report.error is not None and (report.error.kind, report.error.line) == ("shape", 3), report.error
    assert report.error.message == "matmul: the vectors have different lengths (2 and 3)"


def test_an_argument_still_meets_the_limits():
    source = "import matplotlib.pyplot as plt\nplt.plot([i for i in range(10 ** 9)])\n"
    report = run_program(source, limits=Limits(timeout_s=5))
    assert report.error is not None and report.error.kind in ("limit", "timeout"), report.error


@pytest.mark.parametrize("line", ["fig, ax = plt.subplots()", "lines = plt.plot([1, 2])",
                                  "plt.gca().plot([1])", "print(plt.plot([1]))", "p = plt",
                                  "plt.rcParams['figure.figsize'] = (3, 2)"])
def test_what_keeps_a_plotting_value_still_stops_there(line):
    report = run_program(f"import matplotlib.pyplot as plt\nprint('before')\n{line}\nprint('after')\n")
    assert report.error is not None and report.error.kind == "unsupported" and report.error.line == 3
    assert report.printed == "before\n"


def test_a_name_that_is_not_matplotlib_is_called_as_before():
    source = "import torch as plt\nx = plt.ones(2)\nplt.sin(x)\nprint('ran')\n"
    report = run_program(source)
    assert report.ok and report.printed == "ran\n" and not [n for n in report.notes if "plotting" in n]
    report = run_program("plt.plot([1, 2])\n")
    assert report.error is not None and report.error.kind == "name" and report.error.line == 1

"""refused_before_running agrees with the engine: the static reading of a program gives the run's
error exactly when the run was refused before any statement ran."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from autogradlab.engine.run import run_program
from autogradlab.static_refusal import refused_before_running

REFUSED = [
    "import torch\nx = (1,\n",                                   # syntax error
    "import torch\nclass A(metaclass=type):\n    pass\n",         # the checker refuses it
    "import os\n",                                                # an import outside the allowlist
    "import torch x = torch.ones(2) import os",                   # pasted on one line: split, then refused
]
RAN = [
    "import torch\nx = torch.ones(2)\ntorch.cat((x, x), dim=3)\n",  # fails while running
    "import torch\nfoo()\n",                                         # a name error at run time
    "import torch x = torch.ones(2) y = x.foo",                      # split, ran, failed at line 3
]


@pytest.mark.parametrize("program", REFUSED)
def test_a_statically_refused_program_is_recognised(program: str):
    report = run_program(program)
    assert report.error is not None and not report.variables and not report.printed
    assert refused_before_running(program, report.error)


@pytest.mark.parametrize("program", RAN)
def test_a_program_that_failed_while_running_is_not_called_refused(program: str):
    report = run_program(program)
    assert report.error is not None
    assert not refused_before_running(program, report.error)


def test_a_good_run_is_not_refused():
    assert not refused_before_running("import torch\nx = torch.ones(2)\n", None)


def test_the_page_side_reading_does_not_import_torch():
    code = ("import sys\nfrom autogradlab.static_refusal import refused_before_running\n"
            "from autogradlab.report import ErrorInfo\n"
            "refused_before_running('import os\\n', ErrorInfo('unsupported', 'x', 1))\n"
            "print('torch' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("kind", ["timeout", "memory", "crash", "internal"])
def test_a_run_that_ran_out_of_time_or_memory_is_not_read_again(kind: str, monkeypatch):
    """The page's process does not re-read a program whose run ended on a timeout, memory, crash or
    internal error (even if its text would be refused): only the static kinds are compared."""
    import autogradlab.static_refusal as static_refusal
    from autogradlab.report import ErrorInfo

    read = []
    monkeypatch.setattr(static_refusal, "_static_error", lambda source: read.append(source))
    assert not refused_before_running("import os\n", ErrorInfo(kind, "stopped", 1))
    assert read == []
    refused_before_running("import os\n", ErrorInfo("unsupported", "x", 1))
    assert read == ["import os\n"]

"""`from d2l import torch as d2l` (the first line of d2l's PyTorch chapters) is told what to do instead of
"do the data preparation elsewhere", in English and Chinese."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.lang.allowed_imports import D2L_HINT


@pytest.mark.parametrize("line", ["from d2l import torch as d2l", "import d2l", "from d2l.torch import plot"])
def test_the_d2l_import_gets_its_own_hint(line):
    report = run_program(f"import torch\n{line}\nx = torch.ones(2)\n")
    error = report.error
    assert error is not None and (error.kind, error.line) == ("unsupported", 2), error
    assert error.hint == D2L_HINT and D2L_HINT.startswith("the d2l package is not here: remove its plotting")
    assert error.hint_key == "errors.hint_d2l"
    zh = error_text.box("zh", error)
    assert "这里没有 d2l 包" in zh and "remove its plotting" not in zh, zh


def test_other_data_modules_keep_their_hint():
    error = run_program("import pandas as pd\n").error
    assert error.hint == "Autograd Lab runs PyTorch code only; do the data preparation elsewhere"

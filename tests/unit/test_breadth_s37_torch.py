"""Session 37 (breadth, issue 9): torch.distributions' checks say PyTorch's whole text when the program does
not catch them: "... but found invalid values:" and the values torch printed after it (the engine showed
the first line only, without the values), at most MAX_VALUES_TEXT characters of them."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.lang.torch_error_text import MAX_VALUES_TEXT
from tests.oracle import run_trusted

T = "import torch\n"


@pytest.mark.parametrize("snippet", [
    "d = torch.distributions.Multinomial(10, torch.tensor([1., 1.]))\nd.log_prob(torch.tensor([5., 7.]))\n",
    "d = torch.distributions.Multinomial(10, torch.tensor([1., 1.]))\nd.log_prob(torch.tensor([-1., 2.]))\n",
    "d = torch.distributions.Categorical(probs=torch.tensor([-1., 2.]))\n",
    "d = torch.distributions.Normal(torch.tensor([0., 1.]), torch.tensor([1., -1.]))\n",
])
def test_an_uncaught_distribution_check_says_pytorchs_whole_text(snippet: str) -> None:
    report, oracle = run_program(T + snippet), run_trusted(T + snippet)
    assert oracle.error is not None and "\ntensor(" in str(oracle.error)
    assert not report.ok and report.error.message == str(oracle.error)
    assert report.error.line == oracle.error_line
    assert str(oracle.error) in error_text.message("zh", report.error)


def test_the_values_shown_are_bounded() -> None:
    source = T + "torch.set_printoptions(threshold=100_000)\nd = torch.distributions.Normal(0., 1.)\n" \
                 "x = torch.zeros(20_000)\nx[0] = float('nan')\nd.log_prob(x)\n"
    report = run_program(source)
    first, values = report.error.message.split("\n", 1)
    assert first.endswith("but found invalid values:") and values.startswith("tensor([nan, 0.")
    assert len(values) == MAX_VALUES_TEXT and values.endswith("...")

"""Session 38 (breadth, issue 9 part 2): Python's statistics module (mean, median, mode, stdev, ...), as
lessons on Python basics use it, compared with plain Python, with the data limit just below and above."""

from __future__ import annotations

import pytest

from autogradlab.lang.allowed_imports import STATISTICS_NAMES
from autogradlab.lang.statistics_module import statistics_namespace
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused, sized

S = "import statistics\ndata = [2, 4, 4, 4, 5, 5, 7, 9]\n"


@pytest.mark.parametrize("snippet", [
    "from statistics import median, stdev\n"
    "print(statistics.mean(data), median(data), statistics.mode(data), stdev(data))\n"
    "print(statistics.pstdev(data))\n"
    "print(statistics.variance(data), statistics.pvariance(data, mu=5), statistics.fmean([1.5, 2.5]))\n"
    "print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))\n"
    "print(statistics.multimode('aabbbc'), statistics.mode(['red', 'blue', 'red']))\n"
    "print(statistics.mean(x * 0.5 for x in range(10)), statistics.stdev(data, xbar=5))\n"
    "m = statistics.mean([1, 2, 3, 4])\n",
    "try:\n    statistics.mean([])\nexcept ValueError as e:\n    print('ValueError', e)\n"
    "try:\n    statistics.stdev([1])\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
    "try:\n    statistics.mean()\nexcept TypeError as e:\n    print(e)\n",
    "import torch\nx = torch.tensor([1., 2., 3.])\n"
    "print(statistics.mean(x.tolist()), statistics.median(x.tolist()))\n",
])
def test_statistics_like_python(snippet: str) -> None:
    compare(S + snippet)


@pytest.mark.parametrize("tail, words", [
    ("import torch\nstatistics.mean(torch.tensor([1., 2.]))\n", "takes numbers"),
    ("statistics.mean(['a', 'b'])\n", "takes numbers"),
    ("statistics.correlation(data, data)\n", "statistics.correlation"),
    ("statistics.NormalDist(0, 1)\n", "statistics.NormalDist"),
])
def test_statistics_refusals(tail: str, words: str) -> None:
    assert words in refused(S + tail).message


def test_statistics_data_limit() -> None:
    sized(S + "m = statistics.stdev([float(i) for i in range(100_000)])\n", True)
    sized(S + "m = statistics.mean(range(100_001))\n", False, "limit is 100,000")


def test_statistics_names_agree() -> None:
    assert set(statistics_namespace().members) == set(STATISTICS_NAMES)

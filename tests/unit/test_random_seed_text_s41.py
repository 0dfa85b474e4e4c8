"""Session 41 (corpus-s41, Norvig's ProbabilityParadox: `random.seed('running')`): Python's random.seed
takes a text, a float or any int (negative, wider than 32 bits) as CPython does; what follows draws the
same numbers as plain Python. np.random.seed keeps NumPy's own rule (an int in [0, 2**32))."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s31 import limits

DRAW = "\nprint(random.random(), random.randint(1, 100), random.choice('abc'))\n"


@pytest.mark.parametrize("seed", ["'running'", "''", "'种子'", "-5", "2 ** 70", "1.5", "0",
                                  "True"])
def test_python_seeds_like_python(seed: str) -> None:
    compare(f"import random\nrandom.seed({seed})" + DRAW)


def test_from_import_seed_too() -> None:
    compare("from random import seed, random\nseed('abc')\nprint(random())\n")


@pytest.mark.parametrize("seed", ["'text'", "-1", "2 ** 32", "1.5"])
def test_numpy_seed_keeps_its_rule(seed: str) -> None:
    report = run_program(f"import numpy as np\nnp.random.seed({seed})\n")
    assert not report.ok and report.error.line == 2


def test_a_long_text_seed_is_bounded_by_the_string_limit() -> None:
    source = "import random\nrandom.seed('a' * {n})\nprint(random.random())\n"
    assert run_program(source.format(n=1000), limits=limits(max_sequence_len=1000)).ok
    report = run_program(source.format(n=1001), limits=limits(max_sequence_len=1000))
    assert not report.ok and report.error.kind == "limit", report.error


@pytest.mark.parametrize("call", ["random.seed([1, 2])", "random.seed(seed=3, a=1)", "random.seed(1, 2)"])
def test_other_seeds_still_refused(call: str) -> None:
    assert not run_program(f"import random\n{call}\n").ok

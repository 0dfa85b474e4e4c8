"""Differential fuzzing with a fixed seed: random small programs (tests/diff_programs.py) run by real
Python + PyTorch and by run_program agree on printed text, final variables and errors, or the
engine refuses the construct by name at a line (tests/diff_compare.py). Longer runs:
scripts/diff_fuzz.py --count 3000.
"""

from __future__ import annotations

import random

import pytest

from tests.diff_compare import compare, engine_run, oracle_batch
from tests.diff_programs import make_program

SEED, COUNT = 8, 60


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    """Real Python's outcome of every program of this file, in one child process (one torch import)."""
    rng = random.Random(SEED)
    programs = [make_program(rng) for _ in range(COUNT)] + AUGMENTED_ORDER
    return dict(zip(programs, oracle_batch(programs), strict=True))


@pytest.fixture(scope="module")
def runs(oracle: dict[str, dict]) -> list[tuple[str, dict]]:
    return [(source, outcome) for source, outcome in oracle.items() if source not in AUGMENTED_ORDER]


def test_random_programs_agree_with_python(runs: list[tuple[str, dict]]) -> None:
    failures = []
    for source, oracle in runs:
        outcome = compare(oracle, engine_run(source))
        if outcome.problems:
            failures.append(source + "\n".join(outcome.problems))
    assert not failures, "\n\n".join(failures[:3])


def test_the_generator_reaches_both_outcomes(runs: list[tuple[str, dict]]) -> None:
    """The fixed sample is not degenerate: real Python finishes some programs and fails others."""
    finished = sum(1 for _, oracle in runs if oracle and oracle["error"] is None)
    assert 10 <= finished <= COUNT - 10


AUGMENTED_ORDER = [
    # Python's order for `t[i] op= v` / `t.a op= v` / `n op= v`: the target (base, index, current value)
    # first, then the value: a failing item or an unbound name stops the statement before v runs.
    "l = [1]\ndef f():\n    print('f')\n    return 1\nl[5] += f()\n",
    "l = [1]\ndef f():\n    print('f')\n    return 1\nfor i in range(2):\n    l[5] += f()\n",
    "import torch\nx = torch.ones(3)\ndef f():\n    print('f')\n    return 1\nx[7] += f()\n",
    "d = {}\ndef f():\n    print('f')\n    return 1\nd['k'] += f()\n",
    "def f():\n    print('f')\n    return 1\ny += f()\n",
    "def f():\n    print('f')\n    return 1\nfor i in range(2):\n    y += f()\n",
    "d = {'a': 1}\ndef g():\n    d['a'] = 100\n    return 1\nd['a'] += g()\nprint(d)\n",
    "d = {'a': 1}\ndef g():\n    d['a'] = 100\n    return 1\nfor i in range(1):\n"
    "    d['a'] += g()\nprint(d)\n",
    "l = [1, 2]\nl[1] += l.pop()\n",
    "import torch\nx = torch.tensor(1.0)\ndef f():\n    print('f')\n    return 1\nx.nothing += f()\n",
]


@pytest.mark.parametrize("source", AUGMENTED_ORDER)
def test_augmented_assignment_reads_the_target_before_the_value(source: str, oracle: dict[str, dict]) -> None:
    outcome = compare(oracle[source], engine_run(source))
    assert not outcome.problems, outcome.problems   # a refusal must come before f() prints too

"""Session 38 (breadth, issue 9 part 2): what the Complete Python 3 Bootcamp notebooks (Pierian-Data) showed
refused, each compared with plain CPython on the same text, with the limits just below and above:

- `from random import shuffle, randint, ...` (Python's random functions by name) and their keyword forms:
  `random.uniform(a=0, b=100)`, `random.sample(population=xs, k=10)`, `random.choices(population=xs, k=10)`,
  `random.gauss(mu=0, sigma=1)` (lang/random_modules.py)
- `str.expandtabs(tabsize=8)`, its length counted before it is built (lang/sequence_methods.py)
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.allowed_imports import PY_RANDOM_NAMES
from autogradlab.lang.random_modules import PY_FUNCTIONS, PY_PARAMETERS, python_random_namespace
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused, sized

R = "import random\nrandom.seed(101)\nmylist = list(range(0, 20))\n"


@pytest.mark.parametrize("snippet", [
    "print(random.choices(population=mylist, k=10))\nprint(random.sample(population=mylist, k=10))\n"
    "random.shuffle(mylist)\nmylist\nrandom.uniform(a=0, b=100)\nrandom.gauss(mu=0, sigma=1)\n",
    "from random import shuffle, randint, choice, sample, seed, uniform, choices, gauss, randrange\n"
    "shuffle(mylist)\nprint(mylist, randint(0, 100), choice(mylist), sample(mylist, k=3), uniform(1, 2))\n"
    "seed(3)\nprint(choices(mylist, k=2), gauss(0, 1), randrange(10), random.random())\n",
    "print(random.randrange(start=1, stop=10), random.randrange(2, stop=9, step=3))\n"
    "print(random.choice(seq=mylist))\n"
    "print(random.randint(a=1, b=6), random.normalvariate(mu=1, sigma=2), random.sample(mylist, k=0))\n",
    "from random import random as rand\nprint(rand(), rand())\n",
])
def test_random_keywords_and_imports_run_like_python(snippet: str) -> None:
    compare(R + snippet)


@pytest.mark.parametrize("tail, words", [
    ("random.randrange(start=1, step=2)\n", "random.randrange"),   # stop left out before step
    ("random.sample(mylist, 2, counts=[1] * 20)\n", "random.sample"),
    ("random.uniform(0, a=1)\n", "random.uniform"),
    ("random.uniform(c=1)\n", "random.uniform"),
])
def test_random_keyword_misuse_is_refused_plainly(tail: str, words: str) -> None:
    assert words in refused(R + tail).message


def test_random_sample_keyword_keeps_its_limit() -> None:
    sized(R + "xs = random.sample(population=range(10**9), k=100_000)\n", True)
    sized(R + "xs = random.sample(population=range(10**9), k=100_001)\n", False, "limit is 100,000")


def test_random_names_agree() -> None:
    """The importable names are the namespace's members; every function has its parameter names."""
    assert set(PY_RANDOM_NAMES) == set(python_random_namespace().members)
    assert set(PY_PARAMETERS) == set(PY_FUNCTIONS)
    assert all(len(PY_PARAMETERS[name]) >= high for name, (_, high) in PY_FUNCTIONS.items())


# -- str.expandtabs ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "s = 'hello\\thi'\nprint(s.expandtabs(), s.expandtabs(tabsize=3), 'a\\tb\\nab\\tc'.expandtabs(4))\n"
    "print(repr('01\\t012\\t0123\\t01234'.expandtabs()), repr('x\\t'.expandtabs(0)))\n"
    "print(repr('\\t'.expandtabs(-1)))\n"
    "t = 'a\\r\\tb'.expandtabs(2)\n",
    "try:\n    'a'.expandtabs('x')\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    'a'.expandtabs(size=2)\nexcept TypeError as e:\n    print(e)\n",
])
def test_expandtabs_runs_like_python(snippet: str) -> None:
    compare(snippet)


def test_expandtabs_is_counted_before_it_is_built() -> None:
    sized("s = '\\t' * 1000\nt = s.expandtabs(100)\n", True)
    sized("s = '\\t' * 1000\nt = s.expandtabs(101)\n", False, "limit is 100,000")
    sized("s = '\\t' * 1000\nt = s.expandtabs(tabsize=10**9)\n", False, "limit is 100,000")
    report = run_program("s = 'ab\\n' * 30000 + '\\t'\nt = s.expandtabs(8)\n")   # columns restart at \\n
    assert report.ok, report.error

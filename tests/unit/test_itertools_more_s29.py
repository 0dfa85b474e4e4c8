"""Session 29: itertools.accumulate, chain, count, repeat, pairwise, zip_longest, permutations
(lang/itertools_more.py) compared with CPython; endless ones stop at the loop budget; tuples counted."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare

SNIPPETS = {
    "accumulate": "import itertools, functools\nprint(list(itertools.accumulate([1, 2, 3])))\n"
                  "print(list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)))\n"
                  "print(list(itertools.accumulate([1, 2], initial=10)), list(itertools.accumulate([])))\n"
                  "print(list(itertools.accumulate([3, 1, 4], max)), list(itertools.accumulate('abc')))\n"
                  "print(list(itertools.accumulate([1.5, 2], func=lambda a, b: a - b, initial=0)))\n",
    "accumulate_tensors": "import torch, itertools\n"
                          "xs = [torch.tensor(1.0, requires_grad=True), torch.tensor(2.0),\n"
                          "      torch.tensor(3.0)]\nrun = list(itertools.accumulate(xs))\n"
                          "run[-1].backward()\nprint(run, xs[0].grad)\n",
    "chain_count_repeat": "import itertools\nprint(list(itertools.chain([1], [2], 'ab', range(2))))\n"
                          "print(list(itertools.islice(itertools.count(), 3)), list(itertools.chain()))\n"
                          "print(list(itertools.islice(itertools.count(10, 2), 3)))\n"
                          "print(list(itertools.islice(itertools.count(1.5, 0.5), 2)))\n"
                          "print(list(itertools.repeat('x', 3)), list(zip(range(3), itertools.repeat(0))))\n"
                          "print(list(itertools.repeat(1, -2)), list(itertools.repeat(None, times=2)))\n"
                          "for i in itertools.count():\n    if i > 5:\n        break\nprint(i)\n"
                          "print(list(zip(itertools.count(), 'abc')), dict(zip('ab', itertools.repeat(0))))\n"
                          "g = (i * i for i in range(10))\nprint(list(zip(g, [1, 2])), list(g))\n"
                          "h = iter([1, 2, 3, 4])\nprint(list(zip([1, 2], h)), list(h))\n",
    "pairs": "import itertools\nprint(list(itertools.pairwise([1, 2, 3])), list(itertools.pairwise('a')))\n"
             "print(list(itertools.zip_longest([1, 2], 'a', fillvalue=0)), list(itertools.zip_longest()))\n"
             "print(list(itertools.permutations([1, 2, 3], 2)))\n"
             "print(len(list(itertools.permutations(range(4)))))\n"
             "print(list(itertools.permutations([1], 3)), list(itertools.permutations('ab', r=0)))\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_itertools_like_cpython(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize("source", [
    "print(sum(1 for _ in itertools.repeat(0)))", "print(len(list(itertools.count())))",
    "print(len(list(itertools.permutations(range(12)))))", "print(len(list(itertools.chain(range(10**9)))))",
    "print(len(list(itertools.accumulate(itertools.count()))))",
])
def test_endless_or_huge_iterations_stop_at_the_loop_budget(source: str) -> None:
    report = run_program("import itertools\n" + source + "\n")
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.line == 2 and "loop iterations" in report.error.message


def test_a_huge_tuple_is_refused_before_it_is_built() -> None:
    report = run_program("import itertools\nx = next(itertools.permutations(range(10**6)))\n")
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 2, report.error


def test_accumulate_adds_through_the_size_checks() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=8_000_000)
    report = run_program("import torch, itertools\nx = torch.ones(3_000_000)\n"
                         "s = list(itertools.accumulate([x, x, x]))\n", limits=limits)
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 3, report.error


def test_the_new_members_can_be_imported_by_name() -> None:
    compare("from itertools import accumulate, chain, count, repeat, pairwise, zip_longest, permutations\n"
            "print(list(accumulate([1, 2])), list(chain([3], [4])), list(zip(count(5), 'ab')))\n"
            "print(list(repeat(0, 2)), list(pairwise('abc')), list(zip_longest('a', 'bc')))\n"
            "print(list(permutations('ab')))\n")

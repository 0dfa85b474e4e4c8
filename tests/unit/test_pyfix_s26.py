# ruff: noqa: E501 - the programs are kept line for line as a student writes them
"""Session 26 (issue 9, fidelity): reversed() gives CPython's reverse iterators and PyTorch's flipped
tensor; a generator expression stored in a list, tuple, set or dict stays a generator object, read
lazily once; compared with CPython + PyTorch run in a child process (tests/diff_compare.py); the
limits stop each one with the messages they had."""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.diff_compare import compare, engine_run, oracle_batch

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")
_PATH = re.compile(r" \(/[^()]*\.py\)")   # ImportError's module file: the engine leaves the host's path out
LIMIT = DEFAULT_LIMITS.max_sequence_len

PROGRAMS = [   # reversed(): CPython's iterator types, read lazily by next(); PyTorch's flip(0)
    ("x = [1, 2, 3]\nr = reversed(x)\nprint(r, type(r), reversed((1, 2)), reversed('ab'), reversed(range(3)))\n"
     "d = {1: 'a', 2: 'b'}\nprint(reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()))\n"
     "print(next(r), list(r), list(r), sum(reversed(x)), list(reversed(x)), tuple(reversed('abc')))\n"
     "for i, v in enumerate(reversed(x)):\n    print(i, v)\nprint(sorted(reversed(x)), max(reversed(x)), ''.join(reversed('abc')))\n"
     "print([v * 2 for v in reversed(range(4))], list(zip(reversed(x), x)), list(reversed(d.items())))\n"
     "k = reversed(x)\n"),
    ("import torch\nt = torch.tensor([1, 2, 3])\nprint(reversed(t), reversed(torch.tensor(5.)), reversed(torch.eye(2, 3)))\n"
     "w = torch.ones(3, requires_grad=True)\ny = reversed(w * torch.arange(3.))\nprint(y)\ny.sum().backward()\nprint(w.grad)\n"
     "print(list(reversed(torch.arange(3))), [float(v) for v in reversed(torch.arange(3.))])\n"),
    ("x = [5, 6]\ntry:\n    len(reversed(x))\nexcept TypeError as e:\n    print(e)\nr = reversed(x)\nprint(next(r), next(r), next(r, 'end'))\n"
     "try:\n    next(r)\nexcept StopIteration:\n    print('stop')\n"),
]
PROGRAMS += [   # generator expressions kept in containers: generator objects, each read once
    ("d = {'g': (i for i in range(2))}\nprint(d)\nprint(next(d['g']), list(d['g']), list(d['g']))\n"
     "l = [(print('item', i) or i for i in range(3)), (c for c in 'ab')]\nprint('made', l)\nprint(sum(l[0]), list(l[1]), list(l[0]))\n"
     "t = ((i * i for i in range(3)),)\nprint(t, max(t[0]))\n"
     "gens = [(j for j in range(3)), (j for j in 'ab')]\nprint([list(g) for g in gens], {1: (j for j in ())}[1])\n"),
    ("def inf():\n    n = 0\n    while True:\n        yield n\n        n += 1\n"
     "e = {'g': (x * 2 for x in inf())}\nfor v in e['g']:\n    if v > 6:\n        break\nprint(v, next(e['g']))\n"
     "s = [(x for x in range(3) if x)]\nprint(any(s[0]), list(s[0]))\n"),
]

PROGRAMS += [   # type() of a function PyTorch writes in Python: `function`, a C one's builtin_function_or_method
    ("import torch\nimport torch.autograd.forward_ad as fwAD\nimport torch.nn.functional as F\n"
     "print(type(fwAD.make_dual), type(fwAD.unpack_dual), type(torch.func.vmap), type(torch.autograd.grad), type(F.relu))\n"
     "print(type(torch.sin), type(len), type(torch.tensor), type(fwAD.make_dual) is type(len))\n"
     "try:\n    fwAD.make_dual[0]\nexcept TypeError as e:\n    print(e)\n"),
]

PROGRAMS += [   # `from torch import <a name torch lacks>`: Python's ImportError at run time, catchable
    ("print('before')\ntry:\n    from torch import dott\nexcept ImportError as e:\n    print('caught', e, type(e).__name__)\n"
     "try:\n    from torch import vmap, gradd\nexcept Exception as e:\n    print(repr(e.args[0]))\n"
     "from torch import tensor\nprint(tensor([1]))\n"),
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return dict(zip(PROGRAMS, oracle_batch(PROGRAMS), strict=True))


def _same_as_python(python: dict, engine: dict) -> list[str]:
    python = {**python, "printed": _PATH.sub("", _ADDRESS.sub(">", python["printed"]))}
    engine = {**engine, "printed": _ADDRESS.sub(">", engine["printed"])}
    outcome = compare(python, engine)
    assert outcome.refused is None, outcome.refused
    return outcome.problems


@pytest.mark.parametrize("source", PROGRAMS, ids=range(len(PROGRAMS)))
def test_runs_as_cpython(source: str, oracle: dict[str, dict]) -> None:
    assert not _same_as_python(oracle[source], engine_run(source))


@pytest.mark.parametrize("n, ok", [(LIMIT + 1, True), (LIMIT + 2, False)])
def test_reversed_keeps_the_length_limit(n: int, ok: bool) -> None:
    # reversed(range) is lazy since session 27 (as CPython's): sum() reads the n - 1 left under the limit
    report = run_program(f"r = reversed(range({n}))\nprint(next(r), sum(r))\n")
    assert report.ok == ok, report.error
    if ok:
        assert report.printed == f"{n - 1} {sum(range(n - 1))}\n"
    else:
        assert report.error.kind == "limit" and f"{LIMIT:,}" in report.error.message and report.printed == ""


def test_reversed_in_a_loop_keeps_the_loop_limit() -> None:
    report = run_program("x = list(range(100000))\nfor k in range(100):\n    for v in reversed(x):\n        pass\n")
    assert not report.ok and report.error.kind == "limit" and "100,000" in report.error.message, report.error


@pytest.mark.parametrize("source", [
    "d = {'g': (i for i in range(10**9))}\nprint(list(d['g']))\n",
    "def inf():\n    while True:\n        yield 1\nd = {'g': (i for i in inf())}\nprint(sum(d['g']))\n",
    "l = [(i for i in range(10**5))]\nfor k in range(100):\n    l.append((i for i in range(10**5)))\n    sum(l[-1])\n",
])
def test_stored_generator_expressions_keep_the_limits(source: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit" and report.printed == "", report.error


@pytest.mark.parametrize("n, ok", [(LIMIT, True), (LIMIT + 1, False)])
def test_stored_generator_expression_lengths(n: int, ok: bool) -> None:
    report = run_program(f"d = {{'g': (i for i in range({n}))}}\nprint(len(list(d['g'])))\n")
    assert report.ok == ok, report.error
    assert report.printed == (f"{n}\n" if ok else "")


def test_a_missing_torch_name_is_an_import_error_without_the_path() -> None:
    from autogradlab.error_classes import python_class
    report = run_program("print(1)\nfrom torch import dott\n")
    assert report.printed == "1\n" and report.error.line == 2, report.error
    assert report.error.message == "cannot import name 'dott' from 'torch'" and "/" not in report.error.message
    assert python_class(report.error) == "ImportError"


@pytest.mark.parametrize("source, words", [
    ("from torch import autocast", "`from torch import autocast` is not supported"),   # torch has it: refused
    ("print(1)\nfrom torch import hub", "`from torch import hub` is not supported"),   # by the run (was static)
    ("from torch.func import vmapp", "`from torch.func import vmapp` is not supported"),   # static, with its hint
    ("from torch import _C", "`from torch import _C` is not supported"),
    ("import torch\nfrom torch import empty", "`from torch import empty` is not supported"),   # torch.empty runs
    ("from torch import dott as __x__", "double-underscore import aliases"),
    ("from torch import optimm as o", "cannot import name 'optimm' from 'torch'"),
    ("from torch.nn import dott", "cannot import name 'dott' from 'torch.nn'"),   # s27: the run decides
    ("from torch.nn import Linear", "`from torch.nn import Linear` is not supported"),   # torch.nn has it
    ("from os import dott", "`from os import dott` is not supported"),
])
def test_only_names_torch_lacks_reach_the_run(source: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and words in report.error.message, report.error


def test_the_page_side_check_defers_without_importing_torch() -> None:
    from autogradlab.lang.parse import parse_program
    from autogradlab.static_refusal import refused_before_running
    parse_program("from torch import dott\n")   # accepted statically: the run decides
    report = run_program("from torch import dott\n")
    assert not refused_before_running("from torch import dott\n", report.error)
    report = run_program("from torch import autocast\n")
    assert not refused_before_running("from torch import autocast\n", report.error)   # now said by the run


def test_many_stored_generator_expressions_stop_at_the_step_limit() -> None:
    many = ", ".join(["(i for i in range(3))"] * 20)   # 2,000,000 generator objects kept: the step limit first
    # a fifth of the default step limit: the same stop in ~0.5 s instead of 2.2 s, which a loaded CI
    # machine turned into a timeout
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=200_000)
    report = run_program(f"l = []\nfor k in range(10**5):\n    l.append([{many}])\nprint(len(l))\n",
                         limits=limits)
    assert not report.ok and report.error.key == "errors.step_limit" and report.printed == "", report.error

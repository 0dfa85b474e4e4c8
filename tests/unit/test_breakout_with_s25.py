"""Session 25 red team of functions in containers and `with` on the program's own objects (security.md 4):
the Variables table of lists of 100,000 functions stays within the run's time limit; stored functions and
library functions go through the same checks as direct calls; `with` suppresses no limit."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import text_weight


def _run(source: str):
    return run_program(source)


def test_a_list_of_100000_functions_is_weighed_without_a_call_per_item(monkeypatch):
    calls = []
    real = text_weight._atom_weight
    monkeypatch.setattr(text_weight, "_atom_weight", lambda *a, **k: calls.append(1) or real(*a, **k))
    report = _run("f = lambda: 1\na = [f] * 100000\n")
    assert report.ok
    assert len(calls) < 100_000   # was 3 per item (0.7 s a Variables row); now only the texts written
    # before the table's 0.5 s deadline (each item's own text_of)


@pytest.mark.parametrize("count", [99_999, 100_000])
def test_a_function_list_just_below_the_list_limit_still_shows(count):
    report = _run(f"f = lambda: 1\na = [f] * {count}\n")
    assert report.ok
    assert "a" in report.variables


def test_a_function_list_above_the_list_limit_is_refused():
    report = _run("f = lambda: 1\na = [f] * 100001\n")
    assert not report.ok and report.error.kind == "limit" and report.error.line == 2


@pytest.mark.parametrize(("source", "kind", "words"), [
    ("import torch\nfs = [torch.ones]\nprint(fs[0](10**6, 10**6))\n", "limit", "result of ones"),
    ("import torch\nfs = [torch.zeros]\nx = fs[0](2236, 2236)\n", "ok", ""),
    ("import torch\nfs = [torch.zeros]\nx = fs[0](2237, 2237)\n", "limit", "elements"),
    ("import torch\nfs = [torch.ones]\ng = torch.ones\nprint(g(10**5, 10**5))\n", "limit", "result of ones"),
    ("import torch\nfs = [torch.zeros]\nprint(fs[0](2, device='meta'))\n", "unsupported", "CPU device"),
    ("import torch\nfs = [torch.ones]\nprint(fs[0](2, pin_memory=True))\n", "unsupported", "pin_memory"),
    ("import torch\nfs = {'k': torch.outer}\nprint(fs['k'](torch.ones(10**5), torch.ones(10**5)))\n",
     "limit", "outer"),
    ("import torch\nfs = [torch.sin]\nprint(fs[0].__self__)\n", "unsupported", "__self__"),
    ("fs = [type]\nX = fs[0]('X', (), {})\n", "unsupported", "one argument"),
    ("fs = [print]\nfs[0](1, file=None)\n", "unsupported", "file="),
    ("import torch\nfs = [torch.sin]\nprint(torch.tensor(fs))\n", "unsupported", "torch.sin"),
    ("fs = [lambda: 1, lambda: 2]\nprint(sorted(fs))\n", "unsupported", "sorted()"),
    ("f = lambda: 1\nprint(hash(f))\n", "unsupported", "hash()"),
])
def test_stored_functions_meet_the_checks_of_direct_calls(source, kind, words):
    report = _run(source)
    if kind == "ok":
        assert report.ok, report.error
        return
    assert not report.ok and report.error.kind == kind and words in report.error.message


EXITS = ("class S:\n    def __enter__(self):\n        return self\n"
         "    def __exit__(self, a, b, c):\n        return True\n")


@pytest.mark.parametrize(("body", "words"), [
    ("with S():\n    while True:\n        pass\n", "loop iterations"),
    ("with S():\n    x = [0] * 10**9\n", "the limit is 100,000"),
    ("import torch\nwith S():\n    x = torch.ones(10**6, 10**6)\n", "elements"),
    ("def r(n):\n    with S():\n        return r(n + 1)\nr(0)\n", "levels deep"),
])
def test_exit_returning_true_suppresses_no_limit(body, words):
    report = _run(EXITS + body + "print('escaped')\n")
    assert not report.ok and report.error.kind == "limit" and words in report.error.message
    assert "escaped" not in report.printed


@pytest.mark.parametrize("made", [
    "dict.fromkeys(range(100000), f)",            # keys and values weighed together: ints and functions
    "[a.m] * 100000",                            # bound methods
    "[g()] * 100000",                            # generators
])
def test_rows_of_functions_mixed_with_numbers_are_weighed_at_c_speed(made, monkeypatch):
    calls = []
    real = text_weight._atom_weight
    monkeypatch.setattr(text_weight, "_atom_weight", lambda *a, **k: calls.append(1) or real(*a, **k))
    source = ("f = lambda: 1\nclass A:\n    def m(self):\n        return 1\na = A()\n"
              f"def g():\n    yield 1\nv = {made}\n")
    report = run_program(source)
    assert report.ok, report.error
    assert len(calls) < 100_000   # was 200,000-400,000 (per item, several passes)


def test_two_hundred_names_of_one_list_of_functions_write_its_text_once(monkeypatch):
    from autogradlab.lang import stored_objects
    calls = []
    real = stored_objects.variable_value
    monkeypatch.setattr(stored_objects, "variable_value", lambda *a: calls.append(1) or real(*a))
    source = "f = lambda: 1\nd = [f] * 100000\n" + "".join(f"d{i} = d\n" for i in range(200))
    report = run_program(source)
    assert report.ok
    assert len(calls) <= 2   # was 402 (15 s and 800 MB for a dict of 100,000 functions under 200 names)
    texts = {report.variables[f"d{i}"].text for i in range(200)}
    assert len(texts) == 1


def test_a_hundred_lists_of_100000_functions_write_about_one_of_them(monkeypatch):
    from autogradlab.lang.safe_values import UserFunction
    calls = []
    monkeypatch.setattr(UserFunction, "__repr__", lambda self: calls.append(1) or f"<function {self.name}>")
    source = "f = lambda: 1\n" + "".join(f"d{i} = [f] * 100000\n" for i in range(100))
    report = run_program(source)
    assert report.ok
    assert len(calls) <= 200_000   # was 20,000,000 (9.7 s of a 5 s limit): now 1,000,000 characters in all
    assert "too large to show" in report.variables["d99"].text


def test_a_short_list_of_functions_still_shows_its_text():
    report = run_program("f = lambda: 1\nd = [f] * 3\ne = d\n")
    assert report.ok
    text = "[" + ", ".join(["<function <lambda>>"] * 3) + "]"
    assert report.variables["d"].text == report.variables["e"].text == text

"""list.insert/remove/sort/reverse/clear/copy and str.replace/lstrip/rstrip/find/count/is*()
(lang/sequence_methods.py): the same results as Python, and the limits the other list and string
methods keep, just below and just above each boundary, at the top level and inside a loop."""

from __future__ import annotations

import contextlib
import dataclasses
import io

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

PROGRAM = '''a = [3, 1.5, 2, -4]
a.insert(1, 9)
a.insert(-1, 0)
a.insert(100, 8)
a.sort()
print(a)
a.reverse()
print(a)
a.remove(9)
b = a.copy()
b.append(7)
print(a, b, a is b)
words = ["pear", "fig", "apple"]
words.sort()
print(words)
s = "hello world"
print(s.replace("o", "0"), s.replace("", "-"), s.replace("l", "L", 2), s.replace("l", "", -1))
print(s.find("w"), s.rfind("o"), s.find("z"), s.count("l"), "12".isdigit(), "ab".isalpha(), " ".isspace())
print("AB".isupper(), "ab".islower(), "½".isnumeric(), "a1".isalnum())
print("  x ".lstrip() + "|", " y  ".rstrip() + "|", "xxaxx".lstrip("x"), "xxaxx".rstrip("x"))
for i in range(3):
    b.insert(0, i)
    b.remove(i)
    b.sort()
    b.reverse()
print(b)
a.clear()
print(a, len(b))
'''


def limits(**changes):
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def test_every_method_does_what_python_does():
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(PROGRAM, "program", "exec"), {})  # noqa: S102 - trusted test text
    report = run_program(PROGRAM, torchviz=False)
    assert report.error is None, report.error
    assert report.printed == printed.getvalue()


@pytest.mark.parametrize("in_loop", [False, True], ids=["top", "loop"])
@pytest.mark.parametrize(("program", "fits"), [
    ('s = "a" * 50\nt = s.replace("a", "aa")\n', True),            # 100 items: at the limit
    ('s = "a" * 51\nt = s.replace("a", "aa")\n', False),           # 102
    ('s = "ab" * 25\nt = s.replace("", "-")\n', False),            # 50 + 51 = 101
    ('s = "ab" * 24\nt = s.replace("", "-")\n', True),             # 48 + 49 = 97
    ('s = "a" * 60\nt = s.replace("a", "aaa", 20)\n', True),       # 60 + 40 = 100
    ('s = "a" * 60\nt = s.replace("a", "aaa", 21)\n', False),      # 102
    ('a = [0] * 99\na.insert(0, 1)\n', True),                      # 100
    ('a = [0] * 100\na.insert(0, 1)\n', False),                    # 101
])
def test_a_growing_result_is_checked_before_it_is_built(program, fits, in_loop):
    if in_loop:
        program = "for k in range(2):\n" + "".join(f"    {line}\n" for line in program.splitlines())
    report = run_program(program, torchviz=False, limits=limits(max_sequence_len=100))
    if fits:
        assert report.error is None, report.error
    else:
        assert report.error is not None and report.error.kind == "limit", report.error
        assert "the limit is 100" in report.error.message and report.error.line == 2 + in_loop


@pytest.mark.parametrize(("copies", "fits"), [(9, True), (10, False)])
def test_copies_count_in_the_runs_total(copies, fits):
    """Each copy of a 100-item list and each stripped 100-character string is built anew: the run's
    total of built items (2,100 here; 200 + 200 per iteration and a few more) stops a loop of them
    like a loop of appends."""
    program = (f'a = [0] * 100\ns = " " * 100\nfor i in range({copies}):\n    b = a.copy()\n'
               f'    t = s.lstrip("x")\n')
    report = run_program(program, torchviz=False, limits=limits(max_total_sequence_items=2_100))
    if fits:
        assert report.error is None, report.error
    else:
        assert report.error.kind == "limit" and "in all" in report.error.message, report.error


def test_sort_compares_plain_values_only():
    report = run_program("import torch\na = [torch.ones(2), torch.zeros(2)]\na.sort()\n", torchviz=False)
    assert report.error.kind == "unsupported" and (report.error.line, report.error.column) == (3, 1)
    assert "`list.sort()` of `torch.Tensor` items" in report.error.message
    mixed = run_program("a = [1, 'b']\na.sort()\n", torchviz=False)   # Python's own TypeError
    assert mixed.error.kind == "type" and "'<' not supported" in mixed.error.message, mixed.error


def test_python_errors_stay_pythons():
    report = run_program("a = [1]\na.remove(5)\n", torchviz=False)
    assert report.error.kind == "value" and report.error.message == "list.remove(x): x not in list"
    report = run_program("a = [1]\na.sort(1)\n", torchviz=False)
    assert report.error.kind == "type" and "takes no positional arguments" in report.error.message

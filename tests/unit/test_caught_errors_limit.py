"""max_caught_errors: a loop whose every pass fails inside try/except (x[5] of a 3-element tensor, 100k
times) ran to the time limit, each caught torch error costing 0.1-0.5 ms; now it stops at the try with
a named limit. Just at the limit the program runs and prints what Python prints."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)

LOOP = ("import torch\nx = torch.ones(3)\nn = 0\nfor i in range({}):\n    try:\n        x[5]\n"
        "    except IndexError:\n        n += 1\nprint(n)\n")


def test_a_loop_of_failing_ops_in_try_stops_at_the_named_limit():
    report = run_program(LOOP.format(100_000), limits=LIMITS, torchviz=False)
    error = report.error
    assert error is not None and error.kind == "limit" and error.line == 5, error
    assert error.message == "the program caught more than 1,000 errors with try/except; the limit is 1,000"
    assert error.key == "errors_runtime.caught_limit" and error.hint_key == "errors_hints.caught_limit"


@pytest.mark.parametrize("caught, refused", [(1_000, False), (1_001, True)], ids=["at", "above"])
def test_the_caught_errors_bound_sits_at_max_caught_errors(caught, refused):
    report = run_program(LOOP.format(caught), limits=LIMITS, torchviz=False)
    if refused:
        assert report.error is not None and report.error.key == "errors_runtime.caught_limit", report.error
    else:
        assert report.error is None, report.error
        assert report.printed == f"{caught}\n"


def test_the_caught_errors_limit_cannot_itself_be_caught():
    program = ("n = 0\ntry:\n    for i in range(2000):\n        try:\n            1 / 0\n"
               "        except ZeroDivisionError:\n            n += 1\n"
               "except Exception:\n    print('caught')\n")
    report = run_program(program, limits=LIMITS, torchviz=False)
    assert report.error is not None and report.error.key == "errors_runtime.caught_limit", report.error
    assert report.printed == ""


def test_the_programs_own_raise_is_not_counted():
    """`raise ValueError(i)` caught 5,000 times (test_raise_statements): steps bound it, as before."""
    program = ("n = 0\nfor i in range(5000):\n    try:\n        raise ValueError(i)\n"
               "    except ValueError:\n        n += 1\nprint(n)\n")
    report = run_program(program, limits=LIMITS, torchviz=False)
    assert report.error is None and report.printed == "5000\n", report.error

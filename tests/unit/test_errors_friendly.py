"""The issue's error examples: a kind, a plain message, line and column, a hint where one helps.

On a runtime error the report still holds what ran before the failing line: the variables equal
plain PyTorch's at the moment Python raised, and the printed output so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from autogradlab.engine import run_program
from autogradlab.report import Report
from tests.oracle import run_trusted, value_mismatches


@dataclass(frozen=True)
class ErrorCase:
    name: str
    source: str
    kind: str | tuple[str, ...]
    line: int
    message: tuple[str, ...] = ()   # regexes the message must match (case-insensitive)
    hint: str | None = None         # regex the hint must match
    runtime: bool = True            # Python raises it while running (so earlier lines did run)

    def kinds(self) -> tuple[str, ...]:
        return (self.kind,) if isinstance(self.kind, str) else self.kind


CASES = (
    ErrorCase(
        "cat_dim_out_of_range",
        "import torch\n"
        "X = torch.arange(12, dtype=torch.float32).reshape((3,4))\n"
        "Y = torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]])\n"
        "Z = torch.zeros((3,4))\n"
        "print('before cat')\n"
        "torch.cat((X,Y,Z),dim=2)\n",
        "value", 6, (r"dimension out of range", r"-2\.\.1", r"got 2"),
    ),
    ErrorCase(
        "backward_twice",
        "import torch\n"
        "x = torch.arange(4.0, requires_grad=True)\n"
        "y = 2 * torch.dot(x, x)\n"
        "y.backward()\n"
        "print(x.grad)\n"
        "y.backward()\n",
        "autograd", 6, (r"retain_graph",),
    ),
    ErrorCase(
        "backward_on_a_vector",
        "import torch\n"
        "x = torch.arange(4.0, requires_grad=True)\n"
        "y = x * x\n"
        "print('y is a vector')\n"
        "y.backward()\n",
        "autograd", 5, (r"gradient",), hint=r"ones_like|sum\(\)",
    ),
    ErrorCase(
        "in_place_on_a_leaf_that_requires_grad",
        "import torch\n"
        "x = torch.ones(3, requires_grad=True)\n"
        "w = x * 2\n"
        "x.add_(1)\n",
        "autograd", 4, (r"in.?place", r"leaf", r"requires.?grad"),
    ),
    ErrorCase(
        "augmented_assignment_on_a_leaf_that_requires_grad",
        "import torch\n"
        "x = torch.ones(3, requires_grad=True)\n"
        "x += 1\n",
        "autograd", 3, (r"in.?place", r"leaf", r"requires.?grad"),
    ),
    ErrorCase(
        "mm_shape_mismatch",
        "import torch\n"
        "A = torch.ones(5, 4)\n"
        "B = torch.ones(3, 3)\n"
        "print(A.shape, B.shape)\n"
        "C = torch.mm(A, B)\n",
        "shape", 5, (r"5\s*[×x]\s*4|\(5, 4\)", r"3\s*[×x]\s*3|\(3, 3\)"),
    ),
    ErrorCase(
        "implicit_multiplication",
        "import torch\n"
        "x = torch.ones(3)\n"
        "y = 2x\n",
        "syntax", 3, hint=r"2\*x", runtime=False,
    ),
    ErrorCase(
        "caret_for_power",
        "import torch\n"
        "x = torch.ones(3)\n"
        "y = x^2\n",
        ("unsupported", "type", "syntax"), 3, hint=r"\*\*", runtime=False,
    ),
    ErrorCase(
        "undefined_name",
        "import torch\n"
        "print('start')\n"
        "x = torch.ones(2)\n"
        "y = w + x\n",
        "name", 4, (r"\bw\b",),
    ),
    ErrorCase(
        "undefined_name_in_a_function_call_argument",
        "import torch\n"
        "a = torch.ones(2)\n"
        "b = torch.dot(a, undefined_thing)\n",
        "name", 3, (r"undefined_thing",),
    ),
)

RUNTIME_CASES = [case for case in CASES if case.runtime]


def report_of(case: ErrorCase) -> Report:
    return run_program(case.source)


def by_case(cases):
    return pytest.mark.parametrize("case", cases, ids=lambda c: c.name)


@by_case(RUNTIME_CASES)
def test_case_really_fails_in_plain_python_at_that_line(case: ErrorCase) -> None:
    run = run_trusted(case.source)
    assert run.error is not None and run.error_line == case.line


@by_case(CASES)
def test_error_has_the_expected_kind(case: ErrorCase) -> None:
    report = report_of(case)
    assert not report.ok and report.error is not None
    assert report.error.kind in case.kinds(), report.error


@by_case(CASES)
def test_error_is_at_the_failing_line_with_a_column(case: ErrorCase) -> None:
    error = report_of(case).error
    assert error is not None and error.line == case.line, error
    assert error.column is not None and error.column >= 1


@by_case([case for case in CASES if case.message])
def test_error_message_says_what_went_wrong(case: ErrorCase) -> None:
    error = report_of(case).error
    assert error is not None
    for pattern in case.message:
        assert re.search(pattern, error.message, re.IGNORECASE), (pattern, error.message)


@by_case([case for case in CASES if case.hint])
def test_error_hint_shows_the_fix(case: ErrorCase) -> None:
    error = report_of(case).error
    assert error is not None and error.hint is not None, error
    assert re.search(case.hint, error.hint), error.hint


@by_case(CASES)
def test_error_message_is_plain_words_not_a_traceback(case: ErrorCase) -> None:
    error = report_of(case).error
    assert error is not None
    text = f"{error.message}\n{error.hint or ''}"
    assert not re.search(r"Traceback|File \"|site-packages|/usr/|RuntimeError:|IndexError:", text), text


@by_case(RUNTIME_CASES)
def test_report_keeps_variables_computed_before_the_failing_line(case: ErrorCase) -> None:
    report = report_of(case)
    real = run_trusted(case.source).variables
    assert list(report.variables) == list(real)
    problems = [p for name, value in real.items()
                for p in value_mismatches(report.variables[name], value, name)]
    assert not problems, "\n".join(problems)


@by_case(RUNTIME_CASES)
def test_report_keeps_the_printed_output_so_far(case: ErrorCase) -> None:
    assert report_of(case).printed == run_trusted(case.source).printed


@by_case([case for case in CASES if case.kinds() == ("syntax",)])
def test_text_that_is_not_python_runs_nothing(case: ErrorCase) -> None:
    report = report_of(case)
    assert report.variables == {} and report.printed == ""


def test_backward_twice_keeps_the_first_gradient() -> None:
    case = next(c for c in CASES if c.name == "backward_twice")
    assert report_of(case).printed == "tensor([ 0.,  4.,  8., 12.])\n"

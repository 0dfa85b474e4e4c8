"""A torch function's bare name (`dot(x, x)`) is found only where it is called (lang/bare_names.py); every
other read of it is Python's NameError, as plain Python gives. Interpreter.lookup has the bare names off
unless the caller marks a callee (session 43: the default was on, and red team 2 found `global dot` and
`cat += 1` reads that kept it). CPython is the oracle: each read runs inside try/except NameError."""

from __future__ import annotations

import contextlib
import io

import pytest

from autogradlab.engine import run_program

READS = [
    "y = dot",
    "y = (cat)",
    "cat += 1",
    "print(dot)",
    "print(f'{dot}')",
    "y = [dot, 1]",
    "y = {'f': cat}",
    "y = dot if True else 1",
    "y = dot.__name__ if False else dot",
    "cat.append(1)",
    "y = list(map(dot, [1]))",
    "y = [dot for _ in range(2)]",
    "y = (lambda: dot)()",
    "def f(g=dot):\n        return g\n    f()",
    "def f():\n        global dot\n        return dot\n    f()",
    "def f():\n        return cat\n    f()",
    "del dot",
    "y = dot == 1",
    "y = isinstance(dot, int)",
]


def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<program>", "exec"), {})
    return out.getvalue()


@pytest.mark.parametrize("read", READS)
def test_a_bare_torch_name_read_as_a_value_is_pythons_name_error(read):
    source = f"import torch\ntry:\n    {read}\nexcept NameError as e:\n    print('NameError', e)\n"
    report = run_program(source)
    assert report.error is None, report.error
    expected = _plain(source)
    assert expected.startswith("NameError name ")
    assert report.printed == expected


def test_called_it_is_torchs_function_as_before():
    report = run_program("import torch\nx = torch.ones(3)\nprint(dot(x, x), cat([x, x]).shape)\n")
    assert report.error is None and report.printed == "tensor(3.) torch.Size([6])\n"

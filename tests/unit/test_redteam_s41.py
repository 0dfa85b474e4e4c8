"""Red team, session 41: attacks on session 40's additions (display(x), dtype=float, big ints beside NumPy,
nn.Parameter as a class, NumPy put / searchsorted / argsort(kind=) / string take / string lexsort keys, the
skipped notebook lines' `pass`, `a, b = 5`'s message, the short ways and the captured backward plan) that
found a defect, one test each (failing on 146a043); the oracle is CPython / PyTorch / NumPy.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from autogradlab.engine.run import run_program


def _python(source: str) -> tuple[str, str | None]:
    """What CPython prints, and its error as `Type: text` (None when it ran)."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<program>", "exec"), {"__name__": "__main__"})   # noqa: S102 - our own text
    except Exception as exc:  # noqa: BLE001 - the oracle's error is the expected outcome
        return out.getvalue(), f"{type(exc).__name__}: {exc}"
    return out.getvalue(), None


HEAD = "import numpy as np\nimport torch\n"

NOT_ITERABLE = ["a, b = print", "a, b = lambda: 1", "a, b = np.int64(1)", "a, b = np.bool_(True)",
                "a, b = torch.float32", "a, b = ...", "a, b = slice(1)", "a, *b = len",
                "a, *b = np.float64(1)",
                "for a, b in [print]:\n    pass", "for x in print:\n    pass", "x = list(lambda: 1)",
                "x = sorted(np.float64(1))", "for x in torch.float32:\n    pass",
                "def g():\n    yield 1\nfor x in g:\n    pass"]


@pytest.mark.parametrize("line", NOT_ITERABLE)
def test_a_value_that_is_not_iterable_is_named_as_python_names_it(line):
    """Unpacking or iterating a function, a NumPy scalar or a dtype said "'SafeFunction' object is not
    iterable" (the engine's own class), "'int64' ..." where CPython says `cannot unpack non-iterable
    builtin_function_or_method object` / `'numpy.int64' object is not iterable`."""
    source = HEAD + line + "\n"
    report = run_program(source)
    _, error = _python(source)
    assert error is not None and report.error is not None
    want = ("type", error.removeprefix("TypeError: "))
    assert (report.error.kind, report.error.message) == want, report.error
    assert "Safe" not in report.error.message and "UserFunction" not in report.error.message
    if "unpack" in report.error.message:
        assert report.error.key == "errors_lang.cannot_unpack", report.error


def test_an_unpacking_that_runs_a_generator_keeps_the_generators_own_error():
    source = HEAD + "def g():\n    for x in 5:\n        yield x\n\n\na, b = g()\n"
    report = run_program(source)
    assert (report.error.message, report.error.line) == ("'int' object is not iterable", 4), report.error


@pytest.mark.parametrize("call", ["x.type(dtype=float)", "x.type(float)", "x.type(dtype=int)", "x.type(str)"])
def test_tensor_type_of_a_python_type_is_pytorchs_value_error(call):
    """`x.type(dtype=float)` ran as float64 (dtype=float is read for every call's keywords since session 40);
    PyTorch's Tensor.type says ValueError "invalid type: 'float'", keyword or not."""
    source = HEAD + f"x = torch.ones(2)\ntry:\n    {call}\nexcept ValueError as e:\n" + "    print('VE', e)\n"
    printed, error = _python(source)
    assert error is None
    report = run_program(source)
    assert report.error is None, report.error
    assert report.printed == printed


@pytest.mark.parametrize("header", ["def f(a,\n      b):\n", "if (1 and\n        2):  # both\n",
                                    "class A(\n        object):\n"])
def test_a_skipped_line_alone_in_a_block_after_a_header_of_several_lines(header):
    """The `pass` before a skipped set-up line that begins a block (session 40) looked at the indentation of
    the line before it only: a header written over several lines indents its last line deeper than the
    block, and the block was left empty ("expected an indented block"); IPython runs it."""
    source = header + "    %matplotlib inline\nprint(3)\n"
    report = run_program(source)
    assert report.error is None, report.error
    assert report.printed == "3\n"
    assert [note.split(":")[0] for note in report.notes] == ["line 3"]

"""Red team, session 41: attacks on session 40's additions (display(x), dtype=float, big ints beside NumPy,
nn.Parameter as a class, NumPy put / searchsorted / argsort(kind=) / string take / string lexsort keys, the
skipped notebook lines' `pass`, `a, b = 5`'s message, the short ways and the captured backward plan) that
found a defect, one test each (failing on 146a043); the oracle is CPython / PyTorch / NumPy.

What held (each switch of session 40 on and off, the generic statement path, and CPython/PyTorch alike in
770 random programs: classes and methods, NumPy scalars, display(), dtype=float / .to(int), tuple
unpacking, loops rebinding tensors, multi-output Nodes read in part, retain_graph, autograd.grad): the
REBIND_SHORTCUT / PARAMETERS_AT_ONCE / TUPLE_NAMES / ATOMS_AT_ONCE / NUMBERS_AT_ONCE / NOT_MODULE answers
(also global / nonlocal names); the captured plan's gradients and the graph's snapshots; big Python ints
beside NumPy scalars and arrays (comparisons, in-place, uint8 / bool / float16, 2**4000: NumPy's answers,
never an object array); dtype=complex sizes (held elements as torch.complex128's); put / take /
searchsorted / argsort(kind=) / string lexsort under the element and time limits; display() limits,
keywords, recursion through __repr__, hooks and custom Functions, places of every error; nn.Parameter as a
class (no dunder, private or subclass door); the skipped line's note as a code span (links, images,
:red[...], $math$ stay inside it); no state shared between runs beyond the zygote's warm-up.
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


GUARD_LEFT = """import torch
from torch.autograd.functional import jacobian
from torch.func import grad, linearize


def f(x):
    y = str(x)
    return x.sin()


try:
    print(jacobian(f, torch.ones(2), vectorize=True, strategy='forward-mode'))
except Exception as e:
    print("ERR", type(e).__name__)
out, jvp_fn = linearize(torch.sin, torch.ones(2))
print(jvp_fn(torch.ones(2)))
print(grad(lambda t: t.sin().sum())(torch.ones(2)))
"""


def test_a_caught_torch_error_inside_a_transform_leaves_torch_func_on():
    """str(x) of a batched dual tensor fails inside torch's tensor text, whose frame holds a
    `torch._C._DisableFuncTorch()` guard: the frame lived on in the error's traceback (cleared outermost
    first when at all, so the inner guard put back the outer's "off"), and torch.func stayed off for the
    rest of the run: linearize's jvp_fn and grad answered zeros where PyTorch answers cos(1)."""
    printed, error = _python(GUARD_LEFT)
    assert error is None and printed.count("0.5403") == 4
    report = run_program(GUARD_LEFT)
    assert report.error is None, report.error
    assert report.printed == printed


TRANSFORMED = """import torch
from torch.func import grad, linearize, vmap


def f(x):
    display(x, 'a')
    print(x)
    return x.sin().sum()


print(grad(f)(torch.ones(2)))
print(vmap(f)(torch.ones(2, 2)))


def g(x):
    display(3)
    return x.sin()


out, jvp_fn = linearize(g, torch.ones(2))
print(jvp_fn(torch.ones(2)))
"""


def test_display_inside_a_torch_func_transform_is_shown_as_print_writes():
    """display(x) inside grad / vmap / linearize's function was dropped (print() there was shown): the
    transform's hooks passed print on, not display. Shown as IPython shows it (the wrapped tensor's repr,
    made while the transform runs), and as often as PyTorch runs the function (linearize: twice)."""
    shown = []
    printed, error = _python_with_display(TRANSFORMED, shown)
    assert error is None
    report = run_program(TRANSFORMED)
    assert report.error is None, report.error
    assert report.printed == printed
    assert [d.text for d in report.displayed] == shown
    assert [d.line for d in report.displayed] == [6, 6, 6, 6, 16, 16]


def _python_with_display(source: str, shown: list) -> tuple[str, str | None]:
    out = io.StringIO()
    names = {"__name__": "__main__", "display": lambda *values: shown.extend(map(repr, values))}
    with contextlib.redirect_stdout(out):
        exec(compile(source, "<program>", "exec"), names)   # noqa: S102 - our own text
    return out.getvalue(), None


@pytest.mark.parametrize("source", [
    "s = 'x' * 99999\nfor i in range(200):\n    display(s)\n",
    "class A:\n    def __repr__(self):\n        return 'A' * 100000\n\n\n"
    "for i in range(120):\n    display(A())\n",
    "s = 'x' * 99999\n" + "s\n" * 600])
def test_the_displayed_values_hold_at_most_five_million_characters(source):
    """The display budget counts a string's 20 characters (an object's own __repr__ text: 1) as one: 200
    display(s) of a 100,000-character string put 20 MB of text into the report (print() stops at 1 MB);
    past 5,000,000 characters a value is named, not written."""
    report = run_program(source)
    assert report.error is None, report.error
    total = sum(len(d.text) for d in report.displayed)
    assert 4_500_000 < total <= 5_100_000, total
    assert report.displayed[-1].text.endswith("not shown: the report already holds as much text as it keeps>")
    assert "ShownText" not in report.displayed[-1].text


@pytest.mark.parametrize("line", ["x = list(map(np.float64, [1, 2]))", "x = sorted([3, 1], key=np.float64)",
                                  "x = max([1, 2], key=np.float32)", "x = list(filter(np.bool_, [0, 2]))",
                                  "x = callable(np.dtype('f8')), callable(np.float64)",
                                  "x = callable(np.ones(2).dtype)", "x = sorted([3, 1], key=np.dtype('f8'))"])
def test_a_numpy_scalar_type_is_callable_and_an_arrays_dtype_is_not(line):
    """np.float64 is a type (session 40 made an array's dtype not callable, as in NumPy): map(np.float64, xs)
    and key=np.float64 were refused ("'numpy.dtypes.Float64DType' object is not callable"), and callable()
    said True of a dtype that calling refuses."""
    source = HEAD + line + "\nprint(x)\n"
    printed, error = _python(source)
    report = run_program(source)
    if error is None:
        assert report.error is None, report.error
        assert report.printed == printed
    else:
        assert report.error is not None and report.error.message == error.removeprefix("TypeError: ")


@pytest.mark.parametrize("line", ["x = 3 in print", "x = 3 not in len", "x = 3 in (lambda: 1)"])
def test_in_of_a_function_names_pythons_type(line):
    """`3 in print` said "argument of type 'SafeFunction' is not iterable" (the engine's own class)."""
    source = HEAD + line + "\n"
    _, error = _python(source)
    report = run_program(source)
    assert report.error is not None and report.error.message == error.removeprefix("TypeError: ")


@pytest.mark.parametrize("array", ["np.ones(3)", "np.arange(3)", "np.ones(3, dtype=np.float32)"])
@pytest.mark.parametrize("values", ["[1+2j]", "1+2j", "[[1, 2j]]"])
def test_put_of_a_python_complex_into_a_real_array_is_numpys_type_error(array, values):
    """a.put (session 40) made the values an array first, complex, which NumPy then casts (imaginary part
    dropped, a ComplexWarning): NumPy reads a Python complex as the array's type and refuses it."""
    source = (HEAD + f"a = {array}\ntry:\n    a.put([0], {values})\n"
              + "except TypeError as e:\n    print(e)\nprint(a)\n")
    printed, error = _python(source)
    assert error is None and "complex" in printed
    report = run_program(source)
    assert report.error is None, report.error
    assert report.printed == printed

"""Red team, session 42: attacks on session 41's additions (method lookup before the arguments, Python's
AttributeError for a name the real class lacks, help(f) through pydoc's stand-in, annotations read at def
time, NumPy's removed names, random.seed texts, order= / a.flags, big-int OverflowError, the fused
`name = a op b` hook, per-site skim counts, the held young collection, reversed(list), the xs.append
fast path, the report's joined list texts and flat-list skip, the display caps, frames cleared innermost
first) that found a defect, one test each (failing on 2c4bac6); the oracle is CPython / NumPy / PyTorch.

What held: 390 random Python-heavy programs (method calls with side-effect arguments on lists, texts, dicts,
sets, arrays, NumPy scalars, dtypes, torch.Size, functions, reversed iterators; caught AttributeErrors and
their args; help(f); annotations; `name = a op b`) alike with every session-41 switch on and off (HOLD,
SITE_COUNTS, JOINED_TEXT, FLAT_SKIP, ATOMS_FIRST, FUSED_BIND), at top level and in a loop body, and equal
to CPython once fixed; 300 tensor programs of scripts/diff_fuzz.py (0 mismatches); bench/report_identity.py
(262 reports equal to 2c4bac6's); the report's joined list text (bools, -0.0, nan, inf, 2**100, np.float64 /
float32 / int8 / bool_, complex) on and off equal to repr(); the display caps (5,000 display() of 999-char
texts: 200 kept, ~0.2 MB; 300 of 100,000-char texts: ~5 MB); appends and list(reversed(xs)) in loops stop
at the loop and sequence-item limits; reversed() after the list shrinks or grows as CPython's; a
`__getattr__` recursion stops at the call-depth limit; the held young collection leaves gc's threshold and
state as they were after runs that fail in the report (a __repr__ raising or looping); caught torch errors
inside generators, no_grad and torch.func keep grad modes and torch.func on; a caught error's wrapper
members (error, fields, py_type, shown), a set's, flags', a dtype's, a class's own members stay unreachable;
np.NaN / np.float / `from numpy import NaN`, random.seed texts, order=, flags keys and names as NumPy.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS

HEAD = "import numpy as np\nimport torch\n"


def _python(source: str) -> tuple[str, str | None]:
    """What CPython prints, and its error as `Type: text` (None when it ran)."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "<program>", "exec", dont_inherit=True), {"__name__": "__main__"})  # noqa: S102
    except Exception as exc:  # noqa: BLE001 - the oracle's error is the expected outcome
        return out.getvalue(), f"{type(exc).__name__}: {exc}"
    return out.getvalue(), None


def _same_as_python(source: str) -> None:
    printed, error = _python(source)
    report = run_program(source)
    assert error is None, error
    assert report.error is None, report.error
    assert report.printed == printed


# --- help(f): pydoc's stand-in -------------------------------------------------------------------------

def test_help_of_a_function_whose_default_is_a_huge_shared_list_is_refused_by_the_print_limit():
    """help(f) wrote repr() of each default with no weighing: a default of [[[0]*1000]*1000]*1000 (a
    1,000-item list three deep, shared) made a 3 GB text, ran for minutes past the 5 s time limit and
    only then met the printed-text limit. Now weighed first as print(x) is: the same refusal, at once."""
    source = ("a = [0] * 1000\nb = [a] * 1000\nc = [b] * 1000\ndef f(x=c):\n    pass\nhelp(f)\n")
    report = run_program(source)
    assert report.error is not None
    assert (report.error.kind, report.error.key, report.error.line) == \
        ("limit", "errors_runtime.print_values", 6), report.error
    assert report.timing_ms < 1000 * DEFAULT_LIMITS.timeout_s


def test_help_of_a_default_value_is_charged_as_printed_text():
    """The same text through many help() calls counts toward the printed-text limit."""
    source = "s = 'x' * 90000\ndef f(x=s):\n    pass\nfor i in range(20):\n    help(f)\n"
    report = run_program(source)
    assert report.error is not None and report.error.key == "errors.printed_limit", report.error


@pytest.mark.parametrize("source", [
    "class A:\n    def m(self, x: int) -> int:\n        'm doc'\n        return x\nhelp(A.m)\n",
    "class A:\n    def m(self):\n        def inner(z, y=2):\n            'i'\n        return inner\n"
    "help(A().m())\n",
    "class A:\n    @staticmethod\n    def s(a, *b, c=1, **d):\n        'static'\nhelp(A.s)\n",
])
def test_help_of_a_classs_method_names_it_as_python(source):
    """help(A.m) said "Help on function A.m in A:" and "A.m(self, x: int) -> int" (the stand-in's __name__
    was the engine's A.m); CPython: "Help on function m in module __main__:" and "m(self, x: int) -> int"."""
    _same_as_python(source)


def test_help_shows_a_function_default_as_print_shows_it():
    source = "def g():\n    pass\ndef f(x=g):\n    pass\nhelp(f)\nprint(g)\n"
    report = run_program(source)
    assert report.error is None, report.error
    head, printed_g = report.printed.rsplit("\n\n", 1)[0], report.printed.splitlines()[-1]
    assert f"f(x={printed_g})" in head, report.printed


# --- annotations read at def time ----------------------------------------------------------------------

@pytest.mark.parametrize("annotation", [
    "[i for i in range(3)]", "{k: v for k, v in {}.items()}", "(lambda: Undefined)",
    "(lambda q=3: q + Undefined)", "{j for j in 'ab'}", "list(k for k in range(2))",
])
def test_an_annotation_does_not_read_a_name_its_own_scope_does_not(annotation):
    """Session 41 looked up every Name of an annotation: a comprehension's own variable or a lambda's body
    was a NameError at the def line where Python runs the def (those names are read in their own scope,
    a lambda's body only when it is called)."""
    _same_as_python(f"def f(x: {annotation}) -> int:\n    return x\nprint(f(1))\n")


@pytest.mark.parametrize("annotation", ["(lambda q=Undefined: q)", "[i for i in Undefined]",
                                        "Undefined[int]", "dict[str, Undefined]"])
def test_an_annotation_still_reads_the_names_python_reads(annotation):
    source = f"def f(x: {annotation}):\n    return x\nprint(f(1))\n"
    printed, error = _python(source)
    report = run_program(source)
    assert error == "NameError: name 'Undefined' is not defined"
    assert report.error is not None and (report.error.kind, report.error.line) == ("name", 1), report.error
    assert report.error.message == "name 'Undefined' is not defined"


# --- a name the real class lacks: Python's AttributeError ---------------------------------------------

LIBRARY_VALUES = ["np.float64(1)", "np.int64(3)", "np.bool_(True)", "np.float32(2)", "np.dtype('f8')",
                  "np.arange(3).dtype", "torch.Size([1, 2])", "torch.ones(2).shape", "torch.float32",
                  "torch.ones(1).dtype"]


@pytest.mark.parametrize("value", LIBRARY_VALUES)
@pytest.mark.parametrize("use", ["v.nope", "v.nope(print('arg'))", "v.itemset(0)", "v.reshpe(1)"])
def test_a_name_a_library_value_lacks_is_pythons_attribute_error(value, use):
    """Session 41 made a name the real class lacks Python's AttributeError for arrays, sets, functions and
    plain values; a NumPy scalar, a NumPy dtype, torch.Size and torch.dtype kept the engine's refusal
    ("the attribute `.nope` of numpy.float64 values is not supported"), which `except AttributeError`
    cannot catch (np.float64(1).itemset(0): NumPy 2 removed it). Nothing printed: looked up first."""
    source = (HEAD + f"v = {value}\ntry:\n    {use}\nexcept AttributeError as e:\n    print('AE', e)\n")
    _same_as_python(source)


def test_a_name_a_library_value_has_stays_refused_or_runs():
    """Only the words of a refusal change: a name NumPy's scalar has (and the engine may not offer) is not
    turned into an AttributeError."""
    source = HEAD + "v = np.float64(1.5)\nprint(v.is_integer(), v.real, torch.Size([2]).numel())\n"
    _same_as_python(source)


# --- a function's own attributes called as methods ----------------------------------------------------

SIDE = "log = []\ndef side(v):\n    log.append(v)\n    return v\ndef f():\n    pass\n"


@pytest.mark.parametrize("body", [
    "f.helper = print\nf.helper(1, 2)\n",
    "f.helper = lambda a, b=1: a + b\nprint(f.helper(side(2), b=side(3)), log)\n",
    "def g():\n    return 7\nf.g = g\nprint(f.g())\n",
    "f.t = torch.ones(2)\nf.sin = torch.sin\nprint(f.sin(f.t))\n",
    "f.helper = abs\ndef run():\n    out = []\n    for i in range(3):\n        out.append(f.helper(-i))\n"
    "    return out\nprint(run())\n",
])
def test_a_functions_own_attribute_is_called_as_python_calls_it(body):
    """`f.helper = print; f.helper(1)` failed with "'function' object has no attribute 'helper'" (session
    41's python_lacks answered for the function's type without looking at its own attributes), an
    AttributeError `except` would catch where Python calls the attribute."""
    _same_as_python(HEAD + SIDE + body)


@pytest.mark.parametrize("call", ["f.nope(side(1))", "f.intersection(side(1), side(2))",
                                  "(lambda: 1).nope(side(1))"])
def test_a_name_a_function_lacks_is_looked_up_before_the_arguments(call):
    """Python fails the lookup first: nothing of the arguments runs (session 41's note left this)."""
    _same_as_python(SIDE + f"try:\n    {call}\nexcept AttributeError as e:\n    print(e, log)\n")


@pytest.mark.parametrize("call", ["ys.extend(1, 'x')", "ys.extend()", "ys.sort(1)", "ys.sort(1, 2)"])
def test_list_method_arity_words_are_cpythons(call):
    """`ys.extend(1, 'x')` said "'int' object is not iterable", `ys.extend()` "list index out of range";
    `ys.sort(1)` added "(1 given)", which CPython 3.11 does not."""
    _same_as_python(f"ys = []\ntry:\n    {call}\nexcept TypeError as e:\n    print(e)\n")


# --- a.flags ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("array", ["np.ones(3)", "np.ones((2, 2), order='F')", "np.ones((2, 3)).T",
                                   "np.arange(6)[::2]"])
def test_flags_num_is_numpys_int(array):
    """`a.flags.num` said "'numpy._core.multiarray.flagsobj' object has no attribute 'num'" (a catchable
    AttributeError): NumPy's flags object has it, the flags as an int."""
    _same_as_python(HEAD + f"a = {array}\nprint(a.flags.num, a.flags.num + 1)\n")


# --- dir() of the engine's wrappers ----------------------------------------------------------------------

DIR_HEAD = (HEAD + "from collections import Counter, OrderedDict, defaultdict, deque\ntry:\n    1 / 0\n"
            "except ZeroDivisionError as err:\n    caught = err\n")


@pytest.mark.parametrize("value", [
    "caught", "ValueError('x')", "{1, 2}", "np.ones(2).flags", "np.dtype('f8')", "np.arange(2).dtype",
    "np.float64", "int", "b'x'", "np.poly1d([1, 2])", "torch.finfo(torch.float32)", "deque([1])",
    "defaultdict(int)", "Counter('ab')", "OrderedDict()", "torch.Generator()",
])
def test_dir_of_a_wrapped_value_lists_pythons_names_not_the_engines(value):
    """dir(e) of a caught error listed the engine wrapper's own names (`error`, `fields`, `message`,
    `py_type`, `shown`) and not Python's (`add_note`, `with_traceback`, `__traceback__`); dir() of a set,
    NumPy's flags, a dtype, a class, bytes, a poly1d, finfo, a deque, a Counter, a defaultdict or a
    Generator the same (`items`, `in_cpython_order`, `subscript`, `listed`, `scalar_type`, `convert`...)."""
    source = DIR_HEAD + f"print(dir({value}))\n"
    _same_as_python(source)


WRAPS = ("import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def wrapper(*a, **k):\n"
         "        return fn(*a, **k)\n    return wrapper\n")


@pytest.mark.parametrize("body", [
    "@deco\ndef f(x, y=2):\n    'f doc'\n    return x\nhelp(f)\n",
    "@deco\n@deco\ndef h(p: int, *, q=[1]) -> int:\n    '''h doc'''\nhelp(h)\n",
])
def test_help_of_a_functools_wraps_wrapper_shows_the_wrapped_functions_signature_and_doc(body):
    """help(f) of a decorated f said "f(*a, **k)" with no docstring; CPython: wraps copies the doc and
    inspect.signature follows __wrapped__ to the function the lesson wrote."""
    _same_as_python(WRAPS + body)


# --- NumPy and a Python int outside int64 -----------------------------------------------------------------

@pytest.mark.parametrize("call", ["np.full(3, 10**30)", "np.abs(10**30)", "np.negative(2**70)",
                                  "np.sqrt(10**30)", "np.exp(2**70)", "np.square(10**20)"])
def test_a_big_int_numpy_takes_as_an_object_is_refused_not_an_overflow_error(call):
    """Session 41 made every big int given to NumPy its OverflowError, which `except OverflowError` caught
    where NumPy raises none: np.full(3, 10**30) is an object array, np.abs(10**30) its object loop's value,
    np.sqrt(10**30) a TypeError. The engine holds no object arrays: the refusal np.array(10**30) gets, which
    no except clause catches. (np.add(10**30, 2.5) is NumPy's float 1e+30: test_a_python_float_beside_...)"""
    source = HEAD + f"try:\n    r = {call}\nexcept OverflowError as e:\n    print('caught', e)\n"
    printed, error = _python(source)
    assert "caught" not in printed
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.message == "Autograd Lab supports numpy arrays of numbers only"


@pytest.mark.parametrize("call", ["np.add(10**30, 2.5)", "np.maximum(10**30, 1.0)", "np.power(2.0, 2**70)",
                                  "np.add(10**30, 2.5j)"])
def test_a_python_float_beside_a_big_int_is_numpys_float(call):
    """NumPy 2 makes both floats (1e+30), no object array (the python helper's big_int_beside, session 42)."""
    _same_as_python(HEAD + f"try:\n    print({call})\nexcept OverflowError as e:\n    print('caught', e)\n")


@pytest.mark.parametrize("call", ["np.add(2, 10**30)", "np.add(10**30, 10**30)", "np.multiply(10**30, 2)",
                                  "np.maximum(2, 10**30)", "np.arange(3) + 10**30"])
def test_numpys_own_overflow_error_is_kept(call):
    _same_as_python(HEAD + f"try:\n    r = {call}\nexcept OverflowError as e:\n    print('caught', e)\n")


@pytest.mark.parametrize("call", ["torch.Size([2, 3]).numel(1)",
                                  "torch.ones(2, 3).shape.numel(print('a'), 2)"])
def test_size_numel_with_arguments_is_pytorchs_type_error(call):
    """`torch.Size([2, 3]).numel(1)` answered 6 (the arguments were dropped); PyTorch: TypeError."""
    _same_as_python(HEAD + f"try:\n    print({call})\nexcept TypeError as e:\n    print('TE', e)\n")


# --- a caught error's attributes ---------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "xs = []\ntry:\n    xs.nope()\nexcept AttributeError as e:\n    try:\n        print(e.name)\n"
    "    except AttributeError:\n        print('no name')\n",
    "try:\n    undefined_thing\nexcept NameError as e:\n    try:\n        print(e.name)\n"
    "    except AttributeError:\n        print('no name')\n",
    "def g():\n    yield 1\n    return 5\nit = g()\nnext(it)\ntry:\n    next(it)\n"
    "except StopIteration as e:\n"
    "    try:\n        print(e.value)\n    except AttributeError:\n        print('no value')\n",
])
def test_an_attribute_pythons_exception_has_is_refused_not_said_missing(source):
    """`e.name` of a caught AttributeError / NameError, `e.value` of a StopIteration: Python has them; the
    engine raised "'AttributeError' object has no attribute 'name'", which the program's own `except
    AttributeError` caught (printing 'no name' where Python prints the name). Now refused by name."""
    printed, error = _python(source)
    assert error is None and "no " not in printed
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert "no " not in report.printed


def test_a_name_pythons_exception_lacks_is_still_its_attribute_error():
    _same_as_python("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    try:\n        print(e.message)\n"
                    "    except AttributeError as e2:\n        print(e2)\n")


@pytest.mark.parametrize("raising", ["{}[1]", "{}['k']", "{}[(1, 2)]", "{}[None]", "{}[2.5]",
                                     "next(iter([]))", "next(g(5))", "next(g('r'))", "[][3]", "int('x')"])
def test_a_caught_errors_args_are_pythons_values(raising):
    """e.args of a caught KeyError / StopIteration held texts: KeyError(1).args ('1',), KeyError('k').args
    ("'k'",), a generator's `return 5` ('5',); Python: (1,), ('k',), (5,)."""
    source = ("def g(v):\n    return v\n    yield 1\n"
              f"try:\n    {raising}\nexcept Exception as e:\n"
              "    print(type(e).__name__, e.args, repr(e), str(e))\n")
    _same_as_python(source)

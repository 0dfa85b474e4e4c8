"""Red team, session 43: attacks on session 42's additions (the fast paths RUN_PLAIN, INLINE_BODY,
INLINE_LOOKUP, DIRECT_CALLS, OBJECT_READS / ITEM_READS, the NumPy-scalar closures, LIST_LOOPS,
NO_TENSOR_SHORTCUT, APPEND_ATOMS, QUIET_PARAMETERS, HELD_INLINE, EARLY_FREE, BULK_CAPTURE, GRAD_FIRST,
NODE_IDS_CACHED; `del a.f`, read-only arrays, s.encode and the UnicodeError classes, object default values,
`from copy import deepcopy`, the missing-members table, big ints beside floats in NumPy ufuncs, help() of
defaults, shell-command lines) that found a defect, one test each (failing on 0961985); the oracle is
CPython / NumPy / PyTorch.

What held: method recursion through RUN_PLAIN / DIRECT_CALLS / __repr__ / __eq__ / __len__ / properties /
generators / help(f) of a default stops at the call depth; loops of method calls, item reads, appends
(also to a list being iterated) and NumPy-scalar arithmetic stop at the loop, item and step limits; the
NumPy-scalar closures equal NumPy over 17 x 17 operand types and 11 operators, and 16 x 15 ufuncs/unary
operators; `xs.append` / `math.sqrt` inside a def with the name assigned later is UnboundLocalError, a
class attribute is not a method's name; `del A.m` / `A.m = g` / `del a.m` between calls of the same
site; out= of the wrong size, np.zeros((10**6, 10**6)), dict bombs, '{:>100000000}' and '%*d' bombs
refused by name; markdown in a shell-command line stays escaped (components/text.py); 500 random programs
of the session-42 constructs equal to CPython, none an internal error; bench/report_identity.py: 265
reports equal to 0961985's.
"""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from tests.oracle import run_trusted


def _same_as_python(source: str) -> None:
    """The engine prints what CPython prints, both running to the end (tests/oracle.run_trusted)."""
    oracle = run_trusted(source)
    report = run_program(source)
    assert oracle.error is None, repr(oracle.error)
    assert report.error is None, report.error
    assert report.printed == oracle.printed


# --- UnicodeEncodeError / UnicodeDecodeError (made catchable in session 42) ----------------------------

@pytest.mark.parametrize("source", [
    # made by the program: str() was the args tuple, not CPython's sentence
    "try:\n    raise UnicodeEncodeError('ascii', 'ñ', 0, 1, 'bad')\nexcept UnicodeError as e:\n"
    "    print(repr(e), str(e), e.args)\n",
    "try:\n    raise UnicodeDecodeError('ascii', b'\\xff', 0, 1, 'bad')\nexcept ValueError as e:\n"
    "    print(repr(e), str(e))\n",
    "e = UnicodeEncodeError('ascii', 'x' * 10, 2, 5, 'bad')\nprint(e)\n",
    "print(UnicodeDecodeError('utf-8', b'abc', 0, 3, 'r'))\n",
    # CPython's checks of the five arguments
    "try:\n    UnicodeEncodeError('ascii')\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    UnicodeEncodeError(1, 'a', 0, 1, 'r')\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    UnicodeDecodeError('a', [1], 0, 1, 'r')\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    UnicodeEncodeError('a', 'b', 10**30, 1, 'r')\nexcept OverflowError as e:\n    print(e)\n",
    # caught from b.decode() / s.encode(): e.args were the message alone
    "try:\n    b'\\xff'.decode()\nexcept UnicodeDecodeError as e:\n    print(repr(e), e.args, e.args[1])\n",
    "try:\n    'aé'.encode('ascii')\nexcept UnicodeError as e:\n    print(e.args, len(e.args))\n",
    # UnicodeError itself takes any arguments, as ValueError
    "print(repr(UnicodeError('x', 2)), UnicodeError('x'))\n",
])
def test_unicode_error_classes_are_cpythons(source):
    _same_as_python(source)


@pytest.mark.parametrize("call", ["'abc'.encode(None)", "'abc'.encode('utf-8', None)",
                                  "'abc'.encode(errors=None)"])
def test_encode_of_none_names_none_as_cpython(call):
    """`'abc'.encode(None)`: CPython's "must be str, not None" (was "not NoneType")."""
    _same_as_python(f"try:\n    {call}\nexcept TypeError as e:\n    print(e)\n")


@pytest.mark.parametrize("encoding", ["UTF-8", "utf_8", "U8", "Latin-1", "ISO-8859-1", "US-ASCII", "UTF16",
                                      "utf-16-le", "UTF_32"])
def test_encode_takes_cpythons_names_of_the_codecs_it_supports(encoding):
    """`s.encode('UTF-8')` names utf-8 in CPython (codecs.lookup normalises the name): it was refused."""
    _same_as_python(f"s = 'héllo'\nprint(s.encode({encoding!r}, 'replace'), "
                    f"s.encode(encoding={encoding!r}, errors='ignore'))\n")


def test_decode_takes_cpythons_names_of_its_codecs():
    _same_as_python("print(b'h\\xc3\\xa9'.decode('UTF-8'), b'h\\xe9'.decode('ISO-8859-1'))\n")


@pytest.mark.parametrize("encoding", ["rot13", "utf-7", "idna", "punycode", "cp1252", "../x", "hex",
                                      "utf8-sig"])
def test_other_codecs_stay_refused(encoding):
    report = run_program(f"print('abc'.encode({encoding!r}))\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error


# --- help(f) of a default value that is an object of the program's classes ----------------------------

@pytest.mark.parametrize("source", [
    "class A:\n    def __repr__(self):\n        return 'A(' + str(3) + ')'\ndef f(x=A(), y=2):\n    'doc'\n"
    "help(f)\n",
    "class A:\n    def __init__(self, n):\n        self.n = n\n    def __repr__(self):\n"
    "        return f'A(n={self.n})'\ndef f(x, *, k=A(5)):\n    pass\nhelp(f)\n",
    "class A:\n    def __repr__(self):\n        return 5\ndef f(x=A()):\n    pass\ntry:\n    help(f)\n"
    "except TypeError as e:\n    print(e)\n",
    "class A:\n    def __repr__(self):\n        raise ValueError('no')\ndef f(x=A()):\n    pass\ntry:\n"
    "    help(f)\nexcept ValueError as e:\n    print('caught', e)\n",
])
def test_help_shows_an_object_default_by_its_classs_repr(source):
    """help(f) wrote `<__main__.A object>` for a default whose class has its own __repr__: CPython's
    help() shows repr(default), the class's text (and its errors)."""
    _same_as_python(source)


def test_help_of_an_object_default_whose_repr_loops_stops_at_the_limit():
    source = "class A:\n    def __repr__(self):\n        while True:\n            pass\ndef f(x=A()):\n" \
             "    pass\nhelp(f)\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert report.error.line == 3


def test_help_of_an_object_default_with_a_long_repr_is_charged_as_printed_text():
    source = "class A:\n    def __repr__(self):\n        return 'x' * 90000\ndef f(x=A()):\n    pass\n" \
             "for i in range(50):\n    help(f)\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "limit", report.error
    assert len(report.printed) <= 1_000_000


# --- a big int beside a Python int or bool in a NumPy ufunc (session 42 took floats only) ----------------

_BIG = ["10**30", "-10**30", "2**64", "10**400"]
_SMALL = ["3", "True", "0", "-1", "10**30"]


@pytest.mark.parametrize("ufunc", ["true_divide", "arctan2", "hypot", "copysign", "logaddexp", "less",
                                   "equal", "greater_equal", "add", "maximum", "power", "floor_divide",
                                   "float_power", "heaviside", "fmod", "logical_and"])
def test_a_big_int_beside_a_python_int_is_numpys_answer(ufunc):
    """np.true_divide(10**30, 3) is NumPy's 3.33e+29 and np.less(10**30, 3) its False: the engine raised
    its OverflowError for any big int beside a Python int or bool (session 42 took a float beside one)."""
    lines = [f"for a, b in [({big}, {small}), ({small}, {big})]:\n    try:\n"
             f"        print(repr(np.{ufunc}(a, b)))\n    except OverflowError as e:\n        print(e)\n"
             for big in _BIG for small in _SMALL]
    _same_as_python("import warnings\nwarnings.simplefilter('ignore')\nimport numpy as np\n" + "".join(lines))


def test_two_python_ints_never_reach_numpys_object_loops():
    """What NumPy 2 makes of two Python ints in every two-argument ufunc the engine offers: a NumPy
    scalar or its OverflowError, never a Python int computed by an object loop (np.left_shift(2**70, 10**9)
    would build a 125 MB number): the shifts and gcd/lcm keep their int64 refusal."""
    source = "import numpy as np\ntry:\n    np.left_shift(2**70, 10**9)\nexcept OverflowError as e:\n" \
             "    print(e)\nprint(type(np.true_divide(2**70, 2**70)).__name__)\n"
    _same_as_python(source)


# --- read-only arrays (lang/numpy_flags.py, session 42) --------------------------------------------------

@pytest.mark.parametrize("call", ["a.partition(2)", "a.partition(100)", "a.partition(2, axis=5)",
                                  "a.partition(2, axis=-1)"])
def test_partition_of_a_read_only_array_is_numpys_error(call):
    """a.partition(k) of an array the program made read-only: NumPy's "partition array is read-only"
    (after its axis check); it was the write's "assignment destination is read-only"."""
    _same_as_python("import numpy as np\na = np.arange(6.0)\na.flags.writeable = False\ntry:\n"
                    f"    {call}\nexcept Exception as e:\n    print(type(e).__name__, e)\nprint(a)\n")


@pytest.mark.parametrize("source", [
    'class E(UnicodeEncodeError):\n' '    pass\n' 'try:\n' "    raise E('ascii', 'ñ', 0, 1, 'bad')\n"
    'except UnicodeError as e:\n' "    print(repr(e), '|', str(e), '|', e.args)",
    'class E(UnicodeDecodeError):\n' '    pass\n' "e = E('ascii', b'\\xff', 0, 1, 'bad')\n" 'print(e)',
    'class E(UnicodeError):\n' '    pass\n' "print(E('a', 1), repr(E('x')))",
    'class E(UnicodeEncodeError):\n' '    def __init__(self, msg):\n'
    "        super().__init__('ascii', msg, 0, 1, 'r')\n" "print(E('x'))",
    'class E(UnicodeEncodeError):\n' '    pass\n' 'try:\n' "    E('a')\n" 'except TypeError as e:\n'
    '    print(e)\n',
    'class E(UnicodeEncodeError):\n' '    def __init__(self):\n' '        pass\n' 'e = E()\n'
    'print(repr(str(e)), e.args, repr(e))',
    'class E(UnicodeEncodeError):\n' '    def __init__(self, m):\n'
    "        self.args = ('a', 'b', 0, 1, 'r')\n" 'f = E(1)\n' 'print(repr(str(f)), f.args)',
    'class E(UnicodeDecodeError):\n' '    def __init__(self, data):\n'
    "        super().__init__('utf-8', data, 0, 1, 'broken')\n" '        self.extra = 2\n' 'try:\n'
    "    raise E(b'\\xff\\xfe')\n" 'except ValueError as e:\n' '    print(e, e.extra, e.args)',
    'class E(UnicodeDecodeError):\n' '    pass\n' 'class F(E):\n' '    pass\n'
    "print(F('utf-8', b'ab', 1, 2, 'x'))",
    'class E(UnicodeEncodeError):\n' '    def __str__(self):\n' "        return 'mine'\n"
    "print(E('a', 'b', 0, 1, 'r'))\n",
])
def test_a_program_class_on_a_unicode_error_is_cpythons(source):
    """`class E(UnicodeEncodeError)`: str(e) was the args tuple; CPython's text is made when the base's
    __init__ runs (none of its own, or super().__init__), '' when it never ran, and its TypeError for
    other than five arguments."""
    _same_as_python(source)


# --- object default values (session 42: an object alone) ----------------------------------------------

@pytest.mark.parametrize("source", [
    "class A:\n    def __repr__(self):\n        return 'A'\n"
    "def f(x=A(), y=[A()] * 3, z=(A(), 1), d={'k': A()}):\n    'doc'\n    y.append(A())\n    return len(y)\n"
    "f()\nprint(f())\nhelp(f)\n",
    "import numpy as np\ndef f(ops=[np.sin, np.cos]):\n    return [op(0.0) for op in ops]\nprint(f())\n",
    "def g():\n    return 7\ndef f(ops=(g,)):\n    return ops[0]()\nprint(f())\n",
    "class L:\n    def __init__(self, n):\n        self.n = n\n"
    "def net(layers=[L(1), L(2)]):\n    return sum(l.n for l in layers)\nprint(net())\n",
])
def test_a_list_tuple_or_dict_of_objects_is_a_default_value(source):
    """`def f(layers=[L(1), L(2)])`: a container holding objects of the program's classes or functions was
    refused as a default value, where an object alone (session 42) and the same list in a variable run."""
    _same_as_python(source)


# --- a class body reading one of its defs (`g = f`) ----------------------------------------------------

@pytest.mark.parametrize("source", [
    "class A:\n    def f(self, n):\n        return n\n    g = f\nprint(A().g(3), A.g is A.f)\n",
    "class A:\n    def helper(x):\n        return x * 2\n    k = helper(3)\nprint(A.k)\n",
    "class A:\n    x = 1\n    def x(self):\n        return 'm'\n    y = x\nprint(A().y())\n",
    "class A:\n    def f(self):\n        return 1\n    fs = [f]\nprint(len(A.fs))\n",
    "class A:\n    def f(self):\n        return 'f'\n    t = f\n    def f(self):\n        return 'f2'\n"
    "print(A().t(), A().f())\n",
    "import torch\nclass A:\n    def act(x):\n        return torch.relu(x)\n    table = {'relu': act}\n"
    "print(A.table['relu'](torch.tensor([-1.0, 2.0])))\n",
])
def test_a_class_body_reads_its_own_defs(source):
    """`class A: def f(self): ...; g = f` was "name 'f' is not defined": the body's scope dropped each def
    (a method alias and a helper called in the body are common)."""
    _same_as_python(source)


# --- a.flags[...] = ... and a.flags.writeable = ... as NumPy's flagsobj ---------------------------------

@pytest.mark.parametrize("statements", [
    "a.flags['WRITEABLE'] = np.False_", "a.flags['W'] = 0", "a.flags.writeable = 0",
    "a.flags.writeable = None",
    "a.flags.writeable = 0\na.flags.writeable = 1", "a.flags['C_CONTIGUOUS'] = False", "a.flags['w'] = False",
    "a.flags['B'] = True", "a.flags[0] = True", "a.setflags(write=np.bool_(False))", "a.setflags(write='')",
    "a.flags['W'] = []\na[0] = 4",
])
def test_array_flags_are_set_as_numpy_sets_them(statements):
    """`a.flags['WRITEABLE'] = np.False_` and every key NumPy does not know were the engine's catchable
    TypeError "'flagsobj' object does not support item assignment" (NumPy: done / KeyError('Unknown flag'));
    `a.flags.writeable = 0` was refused (NumPy takes the value's truth)."""
    body = "".join(f"    {line}\n" for line in statements.split("\n"))
    _same_as_python(f"import numpy as np\na = np.arange(3.0)\ntry:\n{body}"
                    "    print('ok', a.flags.writeable)\nexcept Exception as e:\n"
                    "    print(type(e).__name__, e)\nprint(a.flags.writeable, a)\n")


@pytest.mark.parametrize("statements", [
    "a.flags['A'] = True", "a.flags['X'] = False",
    "b = np.broadcast_to(a, (3, 3))\nb.flags['W'] = True",
    "class T:\n    def __bool__(self):\n        return False\na.flags.writeable = T()",
])
def test_other_flags_stay_refused_by_name(statements):
    report = run_program(f"import numpy as np\na = np.arange(3.0)\n{statements}\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error


# --- a name the value lacks, looked up before the arguments: None, range, bytes, generators, np.float64 --

_LACKING = ["None", "range(3)", "b'ab'", "'é'.encode()", "(i for i in range(2))", "map(abs, [1])",
            "zip([1], [2])", "enumerate([1])", "filter(None, [1])", "np.float64", "np.int8"]


@pytest.mark.parametrize("value", _LACKING)
def test_a_missing_method_is_pythons_attribute_error_before_the_arguments(value):
    """`o.nothing(print('side'))`: Python reads `o.nothing` first (AttributeError, nothing printed). For
    None the engine raised its own TypeError (caught by `except TypeError`, missed by `except
    AttributeError`); for range, bytes, a generator expression, map/zip/enumerate/filter and np.float64 the
    argument ran first and the engine refused the method by name."""
    _same_as_python(f"import numpy as np\no = {value}\ntry:\n    o.nothing_here(print('side'))\n"
                    "except AttributeError as e:\n    print('AE', e, e.args)\ntry:\n    o.nothing_here\n"
                    "except AttributeError as e:\n    print('AE2', repr(e))\n")


def test_none_uncaught_is_pythons_sentence_with_the_engines_hint():
    """Merged with helper python's change (session 43): uncaught, Python's words, the hint says why."""
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\nx.grad.zero_()\n")
    assert report.error is not None and report.error.message == "'NoneType' object has no attribute 'zero_'"
    assert "backward()" in (report.error.hint or "")
    source = "o = None\ntry:\n    o.x\nexcept TypeError:\n    print('wrong')\nexcept AttributeError as e:\n" \
             "    print(e)\n"
    _same_as_python(source)


# --- a.flat[...] = ... (found writing to read-only arrays) ---------------------------------------------

@pytest.mark.parametrize("source", [
    "a = np.arange(6.0).reshape(2, 3)\na.flat[0] = 7\na.flat[1:3] = -1\na.flat[[4, 5]] = [10, 20]\n"
    "a.flat[np.array([True, False, False, True, False, False])] = 0.5\nprint(a)\na.flat[...] = 3\nprint(a)\n",
    "b = np.arange(4)\nb.flat[1] = 2.9\nprint(b)\n",
    "a = np.zeros(4)\na.flat[1:] = np.array([1.0, 2.0])\nprint(a)\n",
    "a = np.arange(3.0)\na.flags.writeable = False\ntry:\n    a.flat[0] = 1\nexcept ValueError as e:\n"
    "    print(e)\nprint(a)\n",
    "a = np.arange(3.0)\ntry:\n    a.flat[7] = 1\nexcept IndexError as e:\n    print(e)\n",
    "import torch\nt = torch.zeros(3)\na = t.numpy()\na.flat[1] = 5\nprint(t)\n",
])
def test_flat_item_assignment_writes_as_numpy(source):
    """`a.flat[0] = 7` was the engine's catchable TypeError "'numpy.flatiter' object does not support item
    assignment" (NumPy writes; a read-only array is NumPy's ValueError)."""
    _same_as_python("import numpy as np\n" + source)


def test_a_numpy_scalar_indexed_is_numpys_answer():
    """`np.float64(3.5)[()]` is NumPy's value and `[0]` its IndexError "invalid index to scalar variable.":
    the engine raised a catchable TypeError "'numpy.float64' object is not subscriptable" NumPy never raises
    (found beside ITEM_READS' int index)."""
    _same_as_python(open_source := (
        "import numpy as np\nfor a in [np.float64(3.5), np.int8(3), np.bool_(True), np.complex64(1j)]:\n"
        "    for idx in [0, (), None, ..., (None, None), (..., None), slice(None), -1, True, (0,),\n"
        "                (None,) * 64, (None,) * 65]:\n        try:\n            print(repr(a[idx]))\n"
        "        except Exception as e:\n            print(type(e).__name__, e)\n"))
    assert "TypeError" not in run_program(open_source).printed

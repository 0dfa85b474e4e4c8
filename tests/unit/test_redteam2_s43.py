"""Red team 2, session 43: attacks on what session 43 added (compiled Python forms, NEW_ATTRIBUTES,
FULL_ONE / WINDOW_INLINE, map() of a program's class, bare torch names, the keyword module, vars(obj),
equal constants as one object, `f.__doc__`, annotations evaluated, NumPy's object loop for big ints,
Variables after an error run, flags / a.flat, UnicodeError classes, np.float64 indexing) that found a
defect, one test each (failing on 45df1e10); the oracle is CPython / NumPy through tests/oracle.run_trusted.

What held: private names (`x._version`, `torch._C`, `math._x`, `s._x`, `grad_fn._raw_saved_self`) refused
through PRIVATE_NAMES as through the generic eval; `a if c else b`, and/or and comparison chains gave the
base's outcome on 15 programs mixing modules, library functions, tensors and objects (refusals included),
with program __eq__/__lt__/__contains__/__bool__ recursing or looping stopped at the call depth / loop limit
and `in` over lists at the searched-items budget; NEW_ATTRIBUTES gave the base's outcome on 18 programs
(modules, super(), slots, properties, frozen dataclasses, MAX_ATTRIBUTES); FULL_ONE / WINDOW_INLINE: the
same peak memory on a 180-op loop of 4M-element tensors; map/filter/reduce of a program class or callable
object lazy, StopIteration as CPython, stopped by the loop budget on itertools.count(); bare torch names as
values (`f = (cat)`, defaults, decorators, lists, lambdas, f-strings, map) NameError; keyword.kwlist copies
not shared between runs (7 forms); vars(obj) exposes only the program's attributes (a copy: see below);
numpy big ints in NumPy's object loop bounded (power/multiply/left_shift/lcm of 4000-bit ints answer at
once); Variables after an error run: a __repr__ looping, huge, recursing, raising, printing or making
tensors changes nothing else of the report; a.flags.writeable = True of a view NumPy made read-only stays
refused; help(A().m), dir(namedtuple), isinstance(X, type), tuple.count, `del xs.append` equal to CPython.
Left: `vars(a)` is a copy, so `vars(a)['x'] = 5` does not set a.x (CPython's live __dict__) and
`vars(a) is vars(a)` is False; `'ban' + 'ana' is 'banana'` / `(1, 2) is (1, 2)` are False (CPython folds
them into one constant).
"""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from tests.oracle import run_trusted


def _same_as_python(source: str, line: bool = True) -> None:
    """The engine prints what CPython prints, and stops as CPython stops (at its line, unless `line` is
    False: the oracle names the outermost frame's line, the engine the line that raised)."""
    oracle = run_trusted(source)
    report = run_program(source)
    assert report.printed == oracle.printed, (report.printed, report.error)
    assert (report.error is None) == (oracle.error is None), (report.error, oracle.error)
    if oracle.error is not None:
        assert report.error.message.endswith(str(oracle.error)), (report.error, oracle.error)
        assert not line or report.error.line == oracle.error_line


# --- annotations now evaluated (lang/annotation_names.py) ----------------------------------------------

@pytest.mark.parametrize("annotation, refused", [
    ("open('notes.txt')", "open"),
    ("(print('a'), eval('1'))", "eval"),
    ("List[exec('x = 1')]", "exec"),
    ("int | __import__('os')", "__import__"),
])
def test_a_refused_call_in_an_annotation_is_refused(annotation, refused):
    """`def f(x: open('notes.txt')):` ran on (the refusal was caught and the names read instead): the call
    is refused as the same call anywhere else is, at the def's line."""
    head = "from typing import List\n"
    report = run_program(f"{head}def f(x: {annotation}):\n    return x\nprint('ran', f(1))\n")
    alone = run_program(f"{head}y = {annotation}\nprint('ran')\n")
    assert alone.error is not None and alone.error.kind == "unsupported", alone.error
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert refused in report.error.message and report.error.line == 2
    assert "ran" not in report.printed


def test_a_refused_call_in_a_variable_annotation_is_refused():
    report = run_program("x: eval('1') = 2\nprint(x)\n")
    assert report.error is not None and report.error.kind == "unsupported" and report.error.line == 1
    assert report.printed == ""


@pytest.mark.parametrize("source", [
    # a typing form around a call: its parts run in Python's order, the form itself is not built
    "from typing import Dict, List, Tuple\ndef k(n):\n    print('k', n)\n    return int\n"
    "def f(a: Dict[str, k(1)], b: Tuple[k(2), List[k(3)]]) -> k(4) | None:\n    return a\nprint(f(1, 2))\n",
    "def k():\n    print('k')\n    return int\nclass A:\n    x: list[k()] = []\nprint(A.x)\n",
])
def test_typing_forms_around_calls_run_their_calls_as_python(source):
    _same_as_python(source)


# --- a torch function's bare name read as a value (lang/bare_names.py) ----------------------------------

@pytest.mark.parametrize("source", [
    # `global dot` then a read in the def: the declared name's lookup found torch's function
    "import torch\ndef f():\n    global dot\n    return dot\nprint(f())\n",
    "import torch\ndef f():\n    global dot\n    dot += 1\nf()\n",
    "import torch\ndef f():\n    global cat\n    xs = [cat]\n    return xs\nprint(len(f()))\n",
    # `cat += 1`: the augmented assignment's read of its target found it too
    "import torch\ncat += 1\n",
    "import torch\nx = torch.ones(2)\nfor i in range(3):\n    sin += x\nprint(sin)\n",
    "import torch\ndef g():\n    exp -= 1\n    return exp\ng()\n",
])
def test_a_bare_torch_name_read_as_a_value_is_pythons_name_error(source):
    _same_as_python(source, line=False)


# --- a NumPy scalar indexed (item_access.get_item, red team s43's _scalar_index) ------------------------

_SCALAR_INDICES = ["[0]", "[0] * 5", "np.array([0, 0])", "'a'", "1.5", "np.zeros(3, bool)", "[True]",
                   "[[0]]", "np.True_", "np.array(True)", "np.array(0)", "[]", "[None]", "(0, [0])",
                   "(np.False_, None)"]


@pytest.mark.parametrize("base", ["np.float64(2.5)", "np.int32(3)", "np.bool_(True)", "np.complex128(1j)"])
def test_a_numpy_scalar_indexed_by_anything_is_numpys_answer(base):
    """`np.float64(2.5)[[0]]` raised a catchable TypeError "'numpy.float64' object is not subscriptable"
    NumPy never raises (its IndexError "invalid index to scalar variable."), `x[np.True_]` too (NumPy's
    array([2.5])); also inside a def (the compiled item read)."""
    loop = (f"    for idx in [{', '.join(_SCALAR_INDICES)}]:\n        try:\n            print(repr(x[idx]))\n"
            "        except IndexError as e:\n            print('IndexError', e)\n")
    _same_as_python(f"import numpy as np\nx = {base}\ndef show():\n{loop}show()\n"
                    f"try:\n    x[[1]]\nexcept IndexError as e:\n    print(e)\n")


# --- a.flags (lang/numpy_flags.py, session 43's writes) ----------------------------------------------

@pytest.mark.parametrize("name", ["owndata", "c_contiguous", "f_contiguous", "fortran", "carray", "behaved",
                                  "contiguous", "x"])
def test_a_read_only_flag_written_is_numpys_attribute_error(name):
    """`a.flags.owndata = False` was the engine's refusal; NumPy raises a catchable AttributeError (its
    getset descriptor has no setter, or no such attribute)."""
    _same_as_python(f"import numpy as np\na = np.arange(3)\ntry:\n    a.flags.{name} = True\n"
                    "except AttributeError as e:\n    print(e)\nprint(a.flags.owndata, a.flags.writeable)\n")


def test_writeable_true_of_an_array_numpy_made_read_only_stays_refused():
    """(what held) np.broadcast_to's view: `flags.writeable = True` stays refused, not an AttributeError."""
    report = run_program("import numpy as np\nb = np.broadcast_to(np.arange(3), (2, 3))\n"
                         "try:\n    b.flags.writeable = True\nexcept AttributeError as e:\n    print(e)\n")
    assert report.printed == "" and report.error is not None and report.error.kind in ("unsupported", "value")


# --- a.flat[...] read and written (lang/numpy_flat.py, red team s43's writes) ----------------------------

@pytest.mark.parametrize("index", ["[True, False, True, False, True, False]", "[True]", "[[True]]", "[]",
                                   "np.array([True, False, True, False, True, False])", "[1, True]",
                                   "[[0, 1]]", "np.array([0.5])"])
def test_a_flat_list_index_is_numpys(index):
    """`a.flat[[True, False, ...]]` read and wrote as a mask (the list was made a bool array first), where
    NumPy's flatiter raises its IndexError for a list of bools; `a.flat[[]]` was an IndexError where NumPy
    selects nothing. Both the read and the write, each caught as NumPy's."""
    _same_as_python(f"import numpy as np\nb = np.arange(6)\ntry:\n    print(repr(b.flat[{index}]))\n"
                    "except IndexError as e:\n    print('IndexError', e)\n"
                    f"try:\n    b.flat[{index}] = 9\nexcept IndexError as e:\n    print('IndexError', e)\n"
                    "print(b)\n")


# --- f.__doc__ and help(f) after functools.wraps (lang/function_names.doc_of, user_help) -----------------

@pytest.mark.parametrize("source", [
    # a function wrapping itself: doc_of followed w to w without end (a limit error); CPython copied 'd'
    "import functools\ndef w():\n    'd'\nw = functools.wraps(w)(w)\nprint(w.__doc__, w.__name__)\n",
    "import functools\ndef w(a, b=2):\n    'd'\nw = functools.wraps(w)(w)\nhelp(w)\n",
    # a loop of two: each copied the other's doc as it was then; help's signature is pydoc's `(...)`
    "import functools\ndef a():\n    pass\ndef b():\n    'bd'\na2 = functools.wraps(b)(a)\n"
    "b2 = functools.wraps(a2)(b)\nprint(a2.__doc__, b2.__doc__, a2.__name__)\nhelp(a2)\n",
    # (held) two decorators: the doc and the signature of the innermost
    "import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def inner(*a, **k):\n"
    "        'inner doc'\n        return fn(*a, **k)\n    return inner\n@deco\n@deco\ndef f(x, y=3):\n"
    "    'f doc'\n    return x\nhelp(f)\nprint(f.__doc__, f(1))\n",
])
def test_doc_after_wraps_is_the_copy_cpython_made(source):
    _same_as_python(source)


# --- np.tile (of a list since session 43): sized by what NumPy holds on the way -------------------------

@pytest.mark.parametrize("call", ["np.tile([1, 2], (3 * 10**6, 0))",
                                  "np.tile(np.array([1, 2]), (3 * 10**6, 0))",
                                  "np.tile([[1], [2]], (1, 3 * 10**6, 0, 5))"])
def test_np_tile_with_a_zero_rep_after_a_huge_one_is_refused_before_numpy(call):
    """NumPy's tile repeats one axis at a time, so `np.tile([1, 2], (10**9, 0))` made 2e9 elements before the
    0 (a minute and 16 GB here: the engine sized it by its empty result). Now refused by the limit (tested
    just past it, 6M elements, so that the old code's run stays small)."""
    report = run_program(f"import numpy as np\nx = {call}\nprint(x.shape)\n")
    assert report.error is not None and report.error.kind == "limit", report.error
    assert "np.tile" in report.error.message and "5,000,000" in report.error.message
    assert report.printed == ""


def test_np_tile_as_numpy_where_nothing_is_made_on_the_way():
    _same_as_python("import numpy as np\nprint(np.tile([], (10**9, 10**9)).shape, "
                    "np.tile([1, 2], (0, 10**9)).shape, np.tile(np.ones((2, 0)), 10**9).shape)\n"
                    "print(np.tile([1, 2], (2, 3)), "
                    "np.tile(np.arange(4).reshape(2, 2), (2, 1, 2)).shape, np.tile([3], (2, 1, 0)).shape)\n")

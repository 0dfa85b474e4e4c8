"""Red team, session 44: attacks on session 43's additions (map/filter/reduce of classes and callable objects,
the compiled Python forms, NEW_ATTRIBUTES, bare torch names, constant identity, `import keyword`, vars(obj),
np.tile/np.reshape of lists, string arrays' astype, f.__doc__, annotations evaluated, help(A().m), NumPy's
object loop for big ints, the Unicode error classes, the full-record path) and on the three leftovers it
named, that found a defect: one test each (failing on 48a3fea), the oracle CPython / NumPy.

What held (no test here, tried by hand): no route to a dunder, a frame, globals, builtins or a module through
map(type(obj), ...), map(getattr/vars/globals...), reduce of a program class, a class's __call__, vars() of
modules, functions, types and classes (refused by name), `__doc__` of library functions, partials, caches and
generator functions (refused), help() of program functions and methods (its text weighed and charged: 1M
characters of defaults stop at the print limit), annotations holding `().__class__`, f-strings,
format-field walks, getattr/eval/open/__import__/torch.load/`._cdata` (refused as anywhere else); private
names through the compiled forms refused on tensors, arrays, modules, builtins, strings (also in a branch
never taken); keyword.kwlist/softkwlist appended to, cleared or rebound in one run and unchanged in the
next, functools/math members not rebindable; equal constants one object per run only; np.tile's peak over
reps with 0s, 30 reps of 10**6, 2**70, empty shapes; string arrays through tile/repeat/concatenate/
broadcast_to/char.* (refused or sized: char.replace of 90,000 elements refused before NumPy builds 27 G
characters); big ints in ldexp/gcd/lcm/round/clip/isclose within max_int_bits; operator.pow/mul/lshift and
math.factorial/comb/perm/prod/lcm through map and reduce at the int and length limits; a hostile `__repr__`
in Variables after an error run (a loop, recursion, prints, globals, backward(), 100k-character texts)
bounded and without effect on the printed text or the variables. The known leftovers: complex128 weighing
one element is not exploitable past the worker's memory limit (it ends as "the program ran out of memory",
as `d.copy()` of 500 100k-entry dicts does: a dict entry weighs ~6 list items and is counted as one).
Left: `vars(a)` is a copy (a live dict would skip the value checks); `a in [a]` / `1 in a` of NumPy arrays
refused ("arithmetic on array values"); `p._make` of a namedtuple; `g.__doc__` of a generator function.
"""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_redteam2_s43 import _same_as_python  # (CPython's text, its line)

# --- 1. vars(obj): the copy was charged to no limit --------------------------------------------------------

_TEN = "class A:\n    pass\na = A()\n" + "".join(f"a.x{i} = {i}\n" for i in range(10))


@pytest.mark.parametrize("calls, stopped", [(0, False), (40, False), (140, True)])
def test_vars_copies_are_counted_as_dict_copies_are(calls, stopped):
    """200k `vars(a)` of a 100-attribute object held ~240 MB that no limit saw (dict(d) and d.copy() count
    their entries against max_total_sequence_items): now each copy counts its entries."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_sequence_items=1_000)
    source = _TEN + f"n = 0\nfor i in range({calls}):\n    v = vars(a)\n    n += 1\nprint(n)\n"
    report = run_program(source, limits=limits)
    if stopped:
        assert report.error is not None and report.error.kind == "limit", report.error
        assert "the copy of the attributes" in report.error.message
    else:
        assert report.error is None and report.printed == f"{calls}\n"


def test_vars_still_equals_python():
    _same_as_python(_TEN + "v = vars(a)\nprint(v, len(v), v == vars(a))\n")


# --- 2. `:=` in what a class body evaluates bound the name around the class --------------------------------

@pytest.mark.parametrize("member", [
    "y: (z := 2)",
    "y: int = 1\n    w: (z := 2) = 3",
    "def m(self, x=(z := 2)):\n        pass",
    "def m(self, x: (z := 2)):\n        pass",
    "def m(self) -> (z := 2):\n        pass",
    "@staticmethod\n    def m(*, x=(z := 2)):\n        pass",
])
def test_a_walrus_evaluated_in_a_class_body_is_refused(member):
    """Python binds z as a class attribute (`A.z`); the engine bound it around the class (`print(z)` printed
    2 where Python raises NameError). Refused as `y = (z := 2)` in a class body already was."""
    report = run_program(f"class A:\n    {member}\nprint(z)\n")
    assert report.printed == ""
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert "`z :=` in the body of `class A`" in report.error.message


def test_a_walrus_inside_a_lambda_default_of_a_class_body_stays_the_lambdas():
    _same_as_python("class A:\n    f = lambda self, k=1: (z := k) + 1\nprint(A().f(), A.f(None, 5))\n")


# --- 3. annotations: a subscript or `|` of data lost Python's error ------------------------------------

@pytest.mark.parametrize("annotation", [
    "print(1)[0]",
    "[1][print(5)]",
    "{}[print(1)]",
    "[print(1), 2][5]",
    "(print(1), 2)[5]",
    "5 | print(1)",
    "'abc'[print(1) or 7]",
])
def test_an_annotation_ends_with_pythons_error(annotation):
    """`def f(x: print(1)[0]):` printed 1 and ran on: the parts of a subscript or `|` were evaluated and
    the subscript itself skipped (it is skipped for typing forms, which the engine does not build)."""
    _same_as_python(f"try:\n    def f(x: {annotation}):\n        pass\nexcept Exception as e:\n"
                    "    print(type(e).__name__, e)\nprint('after')\n")
    _same_as_python(f"try:\n    y: {annotation} = 3\nexcept Exception as e:\n"
                    "    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("annotation", [
    "typing.List[print(1)]",
    "typing.Callable[[int, print(1)], str]",
    "list[print(2)] | None",
    "typing.Optional[print(3)]",
    "[print(2), 3][1]",
    "(print(1), int)",
    "int | print(1)",
])
def test_typing_forms_with_calls_still_run_their_parts(annotation):
    _same_as_python(f"import typing\ndef f(x: {annotation}) -> typing.Tuple[int, ...]:\n    return x\n"
                    "print(f(4))\n")


# --- 4. np.allclose of a big Python int --------------------------------------------------------------

@pytest.mark.parametrize("call", ["np.allclose(2**70, 1)", "np.allclose(2**70, 2**70)",
                                  "np.allclose(1, 2**70, 0.5)", "np.allclose(2**70, 1.0, equal_nan=True)",
                                  "np.allclose(2**70, 2**70, rtol=0, atol=0)"])
def test_allclose_of_a_big_int_is_numpys(call):
    """np.allclose(2**70, 1): NumPy's False (its object loop), where the engine raised OverflowError
    (np.isclose was fixed in session 43, allclose not)."""
    _same_as_python(f"import numpy as np\ntry:\n    print({call})\nexcept Exception as e:\n"
                    "    print(type(e).__name__, e)\n")


# --- 5. functools.reduce of a non-iterable: CPython's words ------------------------------------------

@pytest.mark.parametrize("second", ["5", "None", "3.5", "len"])
def test_reduce_of_a_non_iterable_says_cpythons_words(second):
    _same_as_python(f"import functools\ntry:\n    functools.reduce(abs, {second})\nexcept TypeError as e:\n"
                    "    print(e)\n")


def test_reduce_of_an_object_whose_iter_raises_typeerror():
    _same_as_python("import functools\nclass A:\n    def __iter__(self):\n        raise TypeError('mine')\n"
                    "try:\n    functools.reduce(abs, A())\nexcept TypeError as e:\n    print(e)\n"
                    "print(functools.reduce(lambda a, b: a + b, [1, 2], 10))\n")


# --- 6. a format spec CPython refuses before it builds anything (the leftover of s43) ----------------------

_SPECS = ["9" * 19, "9" * 20, "9" * 3000, "9223372036854775808", "." + "9" * 19, ">" + "9" * 30 + ".5f",
          ".2147483648", ".2147483648f", ".2147483648e", ".2147483648%", ".99999999999", "." + "9" * 18,
          "," + "9" * 20, "*<" + "9" * 20 + "s", "9" * 20 + "z", "0" * 40 + "1", "9" * 18 + "d"]


@pytest.mark.parametrize("spec", _SPECS)
@pytest.mark.parametrize("value", ["1", "1.5", "(1+2j)", "'a'", "True", "torch.tensor(2.5)"])
def test_format_spec_errors_come_before_the_length_limit(spec, value):
    """`'{0:{1}}'.format(1, '9' * 20)` was the uncatchable length limit where CPython raises ValueError
    "Too many decimal digits in format string"; `{1:.{p}}` of an int is "Precision not allowed in integer
    format specifier" and of a float past C int "precision too big", whatever the length."""
    oracle = run_trusted(f"import torch\ntry:\n    format({value}, {spec!r})\nexcept MemoryError:\n"
                         "    print('memory')\n")
    if oracle.printed == "memory\n":   # CPython tries to build it: the engine's length limit
        report = run_program(f"import torch\nformat({value}, {spec!r})\n")
        assert report.error is not None and report.error.kind == "limit", report.error
        return
    for form in (f"format(v, {spec!r})", f"f'{{v:{spec}}}'", f"'{{:{{}}}}'.format(v, {spec!r})"):
        _same_as_python(f"import torch\nv = {value}\ntry:\n    print(len({form}))\nexcept Exception as e:\n"
                        "    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("width, kept", [(99_999, True), (100_000, True), (100_001, False)])
def test_format_width_limit_still_holds(width, kept):
    report = run_program(f"print(len('{{:{width}}}'.format(1)))\n")
    if kept:
        assert report.error is None and report.printed == f"{width}\n"
    else:
        assert report.error is not None and report.error.kind == "limit", report.error


# --- 7. a generator expression handed to the program's function was a list (leftover of s43) ---------------

@pytest.mark.parametrize("source", [
    "(x for x in [1]).foo\n",
    "print((x for x in [1]).foo)\n",
    "try:\n    (x for x in [1]).foo()\nexcept AttributeError as e:\n    print(e)\n",
    "def f(g):\n    print(type(g).__name__)\n    print(next(g), next(g))\nf(x for x in [1, 2])\n",
    "def f(g):\n    return 1\nprint(f(print(i) for i in range(3)))\n",
    "def f(g):\n    for x in g:\n        return x\nprint(f(x for x in range(10**9)))\n",
    "first = lambda g: next(g)\nprint(first(x * x for x in range(3, 10**9)))\n",
    "class A:\n    def __init__(self, g):\n        self.g = g\n"
    "    def take(self, g):\n        return next(g)\n"
    "a = A(x for x in range(10**9))\nprint(next(a.g), a.take(y for y in 'ab'), type(a.g).__name__)\n",
    "def f(*, g):\n    return next(g)\nprint(f(g=(x for x in range(10**9))))\n",
    "print(list(zip((x for x in range(10**9)), [1, 2])))\n",
    "print(dict(zip('ab', (x for x in range(10**9)))))\n",
    "print(list(zip(map(abs, (x for x in range(-10**9, 0))), 'ab')))\n",
    "print(list(enumerate(x for x in 'ab')), list(filter(None, (x % 3 for x in range(5)))))\n",
    "def f(g):\n    return g.foo\ntry:\n    f(x for x in [1])\nexcept AttributeError as e:\n    print(e)\n",
    # read when read: names late (k), errors at their item, a generator spent once
    "def f(g):\n    global k\n    k = 100\n    return list(g)\nk = 1\nprint(f(x + k for x in range(3)))\n",
    "def f(g):\n    return g\ng = f(1 / x for x in [1, 0])\nprint(next(g))\ntry:\n    next(g)\n"
    "except ZeroDivisionError as e:\n    print('ZDE', e)\n",
    "def f(g):\n    return g\ng = f(x for x in range(3))\nprint(list(g), list(g))\n",
])
def test_a_generator_expression_is_a_generator_where_python_gives_one(source):
    """`(x for x in [1]).foo` said 'list' (known in s43): a generator expression not assigned was built as a
    list at once, also when handed to the program's own function (`next(g)` there: "'list' object is not an
    iterator"; a generator over range(10**9) ran into the loop limit where f reads one item), and to
    zip()/map()."""
    _same_as_python(source)


def test_a_generator_read_to_the_end_by_a_program_function_keeps_the_loop_limit():
    report = run_program("def total(g):\n    s = 0\n    for x in g:\n        s += x\n    return s\n"
                         "print(total(x for x in range(10**9)))\n")
    assert report.error is not None and report.error.kind == "limit", report.error


# --- 8. NumPy 2 makes arrays of up to 64 dimensions, and says ValueError past them and for negative ones ----

@pytest.mark.parametrize("call", ["np.zeros((1,) * {n})", "np.ones([1] * {n})", "np.full((1,) * {n}, 2)",
                                  "np.tile([1], [1] * {n})", "np.reshape([1], (1,) * {n})",
                                  "np.ones(1).reshape((1,) * {n})", "np.random.randn(*(1,) * {n})"])
@pytest.mark.parametrize("n", [32, 33, 40, 64, 65])
def test_numpys_dimensions_up_to_64(call, n):
    """`np.zeros((1,) * 40)` was the engine's TypeError "maximum supported dimension for an ndarray is 32"
    (NumPy 1's bound); NumPy 2 makes it, and past 64 raises ValueError (a program's `except ValueError`)."""
    _same_as_python(f"import numpy as np\ntry:\n    print({call.format(n=n)}.ndim)\nexcept Exception as e:\n"
                    "    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("call", ["np.zeros(-1)", "np.ones((2, -1))", "np.empty(-3)", "np.full(-2, 1)"])
def test_a_negative_dimension_is_numpys_valueerror(call):
    _same_as_python(f"import numpy as np\ntry:\n    {call}\nexcept ValueError as e:\n    print(e)\n")


# --- 9. super() of a library class, or of no class at all --------------------------------------------------

def test_super_of_a_library_class_is_refused_by_name_not_a_typeerror():
    """`super(int, 1)` is a super object in CPython; it was the engine's catchable TypeError "super() argument
    1 must be a type" (a program's `except TypeError` ran). Refused by name, in English and Chinese."""
    from autogradlab import error_text
    source = "try:\n    s = super(int, 1)\nexcept TypeError:\n    print('caught')\n"
    assert run_trusted(source).printed == ""
    report = run_program(source)
    assert report.printed == "" and report.error.kind == "unsupported", report.error
    assert report.error.message.startswith("`super(int, ...)` of a class that is not your program's")
    assert "super(int, ...)" in error_text.message("zh", report.error)
    assert "不支持" in error_text.message("zh", report.error)


@pytest.mark.parametrize("source", [
    "try:\n    super(1, 2)\nexcept TypeError as e:\n    print(e)\n",
    "def f(): pass\ntry:\n    super(f, 2)\nexcept TypeError as e:\n    print(e)\n",
    "class A:\n    pass\nclass B(A):\n    pass\nprint(super(A, A()), super(B, B()), super(B, B))\n",
    "class A:\n    def __repr__(self):\n        return 'mine'\nprint(repr(super(A, A())))\n",
])
def test_super_says_cpythons_words(source):
    _same_as_python(source)


@pytest.mark.parametrize("source", [
    # a library's function of the same name as a method of the program still takes the items at once
    "import numpy as np\nclass A:\n    def sum(self, g):\n        return next(g)\n"
    "print(np.sum(x for x in [1, 2]) if False else 3, A().sum(x for x in 'ab'))\n",
    "import torch\nclass A:\n    def tensor(self):\n        return 1\n"
    "print(torch.tensor([float(x) for x in 'ab' if 0]))\n",
])
def test_library_calls_beside_program_methods_of_the_same_name(source):
    _same_as_python(source)


def test_arrays_of_up_to_64_dimensions_compute_as_numpy():
    """`a + b` of 64-dimension arrays was the engine's RuntimeError "this function only supports up to 32
    dimensions" (its size check's np.broadcast_shapes), where NumPy adds them."""
    _same_as_python("import numpy as np\nimport torch\na = np.zeros((1,) * 64)\n"
                    "b = np.ones((2,) + (1,) * 63)\n"
                    "c = a + b\nu = torch.tensor(b, requires_grad=True)\n(u * 2).sum().backward()\n"
                    "print(c.shape, (a == b).sum(), u.grad.shape, np.tile([1], [1] * 64).ndim, c.sum())\n")


@pytest.mark.parametrize("n, stopped", [(2236, False), (2237, True)])
def test_the_broadcast_size_check_holds_at_its_limit(n, stopped):
    """5,000,000 elements: 2236**2 = 4,999,696 runs, 2237**2 = 5,004,169 is refused before NumPy makes it."""
    report = run_program(f"import numpy as np\na = np.ones({n})\nb = (a[:, None] * a).shape\nprint(b)\n"
                         f"print((a[:, None] == a).shape)\n")
    if stopped:
        assert report.error is not None and report.error.kind == "limit", report.error
    else:
        assert report.error is None and report.printed == f"({n}, {n})\n" * 2


# --- 10. a dtype NumPy knows, named by a string: a refusal, not NumPy's "not understood" ------------------

@pytest.mark.parametrize("call", ["np.array(['1']).astype('S3')", "np.array([1.5]).astype('<f8')",
                                  "np.zeros(2, dtype='longdouble')", "np.ones(2).astype('datetime64[D]')"])
def test_a_dtype_numpy_makes_is_no_typeerror(call):
    """`a.astype('U5')` was TypeError "data type 'U5' not understood" (NumPy's words for a name it does not
    know), which `except TypeError` caught where NumPy converts: refused by name (en/zh). ('U5' itself now
    runs as NumPy's: breadth s44, test_breadth_corpus_s44.)"""
    from autogradlab import error_text
    source = f"import numpy as np\ntry:\n    a = {call}\nexcept TypeError:\n    print('caught')\n"
    assert run_trusted(source).printed == ""
    report = run_program(source)
    assert report.printed == "" and report.error.kind == "unsupported", report.error
    assert "不支持 numpy 数据类型" in error_text.message("zh", report.error)


@pytest.mark.parametrize("name", ["float33", "Float32", "f8x"])
def test_a_dtype_numpy_does_not_know_is_still_its_typeerror(name):
    _same_as_python(f"import numpy as np\ntry:\n    np.zeros(2, dtype={name!r})\nexcept TypeError as e:\n"
                    "    print(e)\n")

"""Session 43's breadth corpus (issue 9, part 2; /work/wt/corpus-s43): what its cells found different from
plain Python or refused.

- a torch function's bare name read as a value (`print(cat)` after a function's local `cat`, `f(diff)`
  before any `diff`): Python's NameError (it gave torch's function); `dot(x, x)` as a call stays;
- `import keyword` / `from keyword import kwlist`, `keyword.iskeyword(...)`;
- `vars(obj)` of an object of the program's class;
- `np.tile(list, reps)`, `np.reshape(list, shape)`: the list as np.array makes it, sized first;
- `.astype(np.int64)` / `.astype(float)` of a numpy array of strings: NumPy's parse;
- `np.array([[1], [2, 3]])` (a ragged list; also through np.tile and np.zeros_like): NumPy's catchable
  ValueError with its text (it was the engine's uncatchable TypeError, "np.array: ..." before NumPy's words);
- `f.__doc__` of the program's own def (and its bound method): the docstring as Python 3.11 keeps it;
- equal constants are one object (`a = 'banana'; b = 'banana'; a is b`), as CPython compiles a module;
- (tests/oracle.py) a dict view in the Variables table compared by its text (it could not be compared).

Oracle: plain Python / PyTorch (tests/oracle.py run_trusted) on the same text."""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.messages import catalogue
from tests.oracle import run_trusted, shown_as_left, value_mismatches
from tests.unit.test_breadth_corpus_s42 import _refused


def _same_as_plain(source: str, inner_line: int | None = None) -> None:
    """`inner_line`: an error raised inside a function, which the engine names at the line that raised
    (the oracle names the program's top-level call)."""
    report = run_program(source)
    oracle = run_trusted(source)
    assert report.ok == (oracle.error is None), (report.error, oracle.error)
    if oracle.error is not None:
        assert report.error.line == (inner_line or oracle.error_line), (report.error, oracle.error_line)
        assert report.error.message == str(oracle.error), (report.error.message, oracle.error)
    assert report.printed == oracle.printed, (report.printed, oracle.printed)
    assert [d.text for d in report.displayed] == [text for _, text in oracle.displayed]
    with shown_as_left(oracle):
        for name, real in oracle.variables.items():
            assert not value_mismatches(report.variables[name], real, name), name


# -- a bare torch name read as a value -----------------------------------------------------------------
BARE = [
    # ThinkPython ch. 3: a function's local `cat` read outside it
    "def print_twice(s):\n    print(s)\n    print(s)\ndef cat_twice(part1, part2):\n    cat = part1 + part2\n"
    "    print_twice(cat)\ncat_twice('a', 'b')\nprint(cat)\n",
    # ... and inside another function (ThinkPython's `print_twice` that prints `cat`)
    ("def print_twice(string):\n    print(cat)\n    print(cat)\nprint_twice('x')\n", 2),
    # ThinkPython ch. 12: `print_most_common(diff)` before any cell made `diff`
    "def f(counter):\n    return sorted(counter.items())\nprint(f(diff))\n",
    "import torch\nx = torch.ones(2)\ny = sin\n",
    "import torch\nprint(list(map(exp, [0.0])))\n",
    "import torch\nx = torch.ones(2)\nz = x + mean\n",
    "import torch\nx = torch.ones(2)\nz = mean * x\n",
    "xs = [1, 2]\nprint(xs, sum, max(xs), tensor)\n",
    ("def g():\n    return zeros\ng()\n", 2),
    "try:\n    print(cat)\nexcept NameError as e:\n    print('caught', e)\n",
    # what Python runs: the name bound first, a builtin, torch's function through its module
    "import torch\ncat = 'meow'\nprint(cat)\n",
    "import torch\nprint(torch.cat([torch.ones(1), torch.zeros(1)]))\n",
    "from torch import cat\nimport torch\nprint(cat([torch.ones(1)]))\n",
    "import torch\ndef f(dot):\n    return dot\nprint(f(3))\n",
    "print(abs(-2), max([3, 1]), sum)\n",
]


@pytest.mark.parametrize("source", BARE)
def test_a_bare_torch_name_read_as_a_value_is_what_python_reads(source: str | tuple[str, int]) -> None:
    _same_as_plain(*source) if isinstance(source, tuple) else _same_as_plain(source)


def test_a_bare_torch_name_called_still_runs_the_torch_function() -> None:
    # the interpreter's convenience since its first version (test_interpreter): only as a callee
    report = run_program("import torch\nx = torch.arange(3.)\na = dot(x, x)\nprint(a, cat([x, x]).shape)\n")
    assert report.ok, report.error
    assert report.printed == "tensor(5.) torch.Size([6])\n"


# -- the keyword module ------------------------------------------------------------------------------
KEYWORD = [
    "import keyword\nprint (keyword.kwlist)\n",   # fengdu78 Python_Basic
    "from keyword import kwlist\nprint(len(kwlist), kwlist[:3])\nkwlist\n",   # ThinkPython ch. 2
    "import keyword\nprint(keyword.iskeyword('for'), keyword.iskeyword('x'), keyword.iskeyword(3))\n",
    "import keyword\nprint(keyword.softkwlist, keyword.issoftkeyword('match'),\n"
    "      keyword.issoftkeyword('if'))\n",
    "from keyword import iskeyword\nprint([w for w in ['def', 'deff', 'None'] if iskeyword(w)])\n",
    "import keyword\nkeyword.iskeyword([])\n",   # Python's TypeError (unhashable)
    "import keyword\nkeyword.iskeyword('a', 'b')\n",
    "import keyword\nkeyword.iskeyword()\n",
    "import keyword\nkeyword.nothing\n",
]


@pytest.mark.parametrize("source", KEYWORD)
def test_keyword_module_equals_python(source: str) -> None:
    _same_as_plain(source)


def test_the_keyword_list_is_one_list_in_a_run_and_another_run_sees_it_unchanged() -> None:
    # (not through the oracle: plain Python would change this process's keyword module)
    import keyword
    n = len(keyword.kwlist)
    report = run_program("import keyword\nkeyword.kwlist.append('x')\nfrom keyword import kwlist\n"
                         "print(len(keyword.kwlist), kwlist is keyword.kwlist, kwlist[-1])\nkwlist.clear()\n")
    assert report.ok and report.printed == f"{n + 1} True x\n", report.error
    report = run_program("import keyword\nfrom keyword import kwlist\n"
                         "print(len(keyword.kwlist), len(kwlist))\n")
    assert report.printed == f"{n} {n}\n" and keyword.kwlist[-1] == "yield"


# -- vars(obj) -----------------------------------------------------------------------------------------
VARS = [
    # ThinkPython ch. 14
    "class Time:\n    pass\nstart = Time()\nstart.hour = 9\nstart.minute = 40\nstart.second = 0\n"
    "vars(start)\n",
    "class P:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n"
    "p = P(1, 2)\nd = vars(p)\n"
    "print(d, sorted(d), list(d.values()))\nd = None\np.z = 3\nprint(vars(p))\n",
    "class P:\n    pass\nprint(vars(P()))\n",
    "class E(Exception):\n    pass\nprint(vars(E(1)))\n",
    "from dataclasses import dataclass\n@dataclass\nclass Q:\n    a: int\n    b: int = 2\n"
    "print(vars(Q(1)))\n",
    "class S:\n    __slots__ = ('x',)\ns = S()\ns.x = 1\nvars(s)\n",   # Python's TypeError
    # only what the program set: no class attribute, property, method or exception argument
    "class A:\n    k = 1\n    def __init__(self):\n        self._v = 2\n    @property\n    def v(self):\n"
    "        return self._v\n    @v.setter\n    def v(self, x):\n        self._v = x\n    def m(self):\n"
    "        return 3\na = A()\na.v = 5\nprint(vars(a), a.m(), a.k)\n",
    "class E(ValueError):\n    def __init__(self, msg):\n        super().__init__(msg)\n"
    "        self.code = 7\ne = E('bad')\nprint(vars(e), e.args)\n",
    "vars(5)\n",
    "vars('text')\n",
    "vars([1, 2])\n",
    "class P:\n    pass\nvars(P(), 1)\n",
    "class P:\n    pass\ntry:\n    vars(1)\nexcept TypeError as e:\n    print('caught', e)\n",
]


@pytest.mark.parametrize("source", VARS)
def test_vars_of_an_object_equals_python(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize("source", ["vars()\n", "import torch\nvars(torch.ones(2))\n",
                                    "import math\nvars(math)\n"])
def test_vars_of_anything_else_is_refused_by_name(source: str) -> None:
    line = source.count("\n")
    message = _refused(source, line, "errors_s43breadth.vars_only")
    assert "`vars(obj)`" in message


def test_the_new_messages_have_both_languages() -> None:
    en, zh = catalogue("en"), catalogue("zh")
    keys = [k for k in en if k.startswith("errors_s43breadth.")]
    assert keys and all(k in zh and zh[k] != en[k] for k in keys)
    for key in keys:   # the same fields and code in both languages
        fields = [sorted(set(re.findall(r"\{(\w+)\}", text))) for text in (en[key], zh[key])]
        assert fields[0] == fields[1]
        assert sorted(re.findall(r"`[^`]+`", en[key])) == sorted(re.findall(r"`[^`]+`", zh[key]))


# -- np.tile / np.reshape of a list ------------------------------------------------------------------------
NUMPY_LISTS = [
    # fengdu78's NumPy notes: 对[0,1,2]行重复3次，列重复1次
    "import numpy as np\na = np.arange(12).reshape(4, 3)\nb = np.tile([0,1,2],(4,1))\nprint(a+b)\n",
    "import numpy as np\nt = np.tile([[1, 2], [3, 4]], 2)\nu = np.tile((1.5, 2), (2, 1, 2))\n"
    "print(t, u, u.dtype)\n",
    "import numpy as np\nprint(np.tile([True], 3), np.tile([], 2), np.tile(3, 2))\n",
    "import numpy as np\nr = np.reshape([1, 2, 3, 4], (2, 2))\nprint(r, np.reshape((1.0, 2.0), -1))\n",
    "import numpy as np\nnp.reshape([1, 2, 3], (2, 2))\n",   # NumPy's ValueError
    "import numpy as np\nnp.tile([1, 2], -1)\n",
]


@pytest.mark.parametrize("source", NUMPY_LISTS)
def test_numpy_functions_take_a_list_as_numpy_does(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize(("source", "says"), [
    ("import numpy as np\nnp.tile([1, 2], 2_500_001)\n", "would have 5,000,002 elements"),
    ("import numpy as np\nnp.tile([[1, 2]], (1_000, 2_501))\n", "would have 5,002,000 elements"),
    ("import numpy as np\nnp.reshape(list(range(200_000)), (2, -1))\n", "the limit is 100,000"),
])
def test_a_listed_tile_or_reshape_is_held_to_the_limits(source: str, says: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "limit" and says in report.error.message, report.error
    assert report.error.line == 2


def test_tile_just_below_the_element_limit_runs() -> None:
    report = run_program("import numpy as np\nt = np.tile([1, 2], 2_500_000)\nprint(t.size)\n")
    assert report.ok and report.printed == "5000000\n", report.error


# -- a string array as numbers -----------------------------------------------------------------------
STRING_NUMBERS = [
    # fengdu78's NumPy notes: int_data = str_data.astype(np.int64)
    "import numpy as np\nstr_data = np.array(['1', '2', '34'])\nint_data = str_data.astype(np.int64)\n"
    "print(int_data, int_data.dtype, int_data.sum())\n",
    "import numpy as np\ns = np.array([['1.5', '2'], ['-3', '4e2']])\nf = s.astype(float)\n"
    "g = s.astype('float32')\nprint(f, g.dtype, s.astype(np.float64).mean())\n",
    "import numpy as np\ns = np.array(['1', '0'])\nprint(s.astype(int), s.astype(bool), s.astype(complex))\n",
    "import numpy as np\ns = np.array(['1.5', 'x'])\ns.astype(float)\n",   # NumPy's ValueError
    "import numpy as np\ns = np.array(['1.5'])\ntry:\n    s.astype(np.int64)\nexcept ValueError as e:\n"
    "    print('caught', e)\n",
    "import numpy as np\ns = np.array(['7'])\nt = s.astype(str)\nt[0] = '8'\nprint(s, t)\n",
]


@pytest.mark.parametrize("source", STRING_NUMBERS)
def test_a_string_array_astype_a_number_type_equals_numpy(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize(("total", "ok"), [(25, False), (30, True)])
def test_a_string_array_astype_is_charged_as_the_array_it_makes(total: int, ok: bool) -> None:
    # 10 elements each: the string array, then two number arrays made of it
    limits = dataclasses.replace(DEFAULT_LIMITS, max_tensor_elements=10, max_total_elements=total)
    source = "import numpy as np\ns = np.array(['1'] * 10)\nf = s.astype(float)\ng = s.astype(np.int64)\n"
    report = run_program(source, limits=limits)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and report.error.line == 4, report.error


# -- equal constants are one object ------------------------------------------------------------------
IDENTITY = [
    "a = 'banana'\nb = 'banana'\nprint(a is b)\n",   # ThinkPython ch. 9
    "a = 'banana'\nb = 'banana'\na is b\n",
    "a = [1, 2, 3]\nb = [1, 2, 3]\nprint(a is b, a == b)\n",   # ... and the lists after it
    "x = 1000\ny = 1000\nprint(x is y)\ndef f():\n    return 1000\nprint(f() is x)\n",
    "s = 'hello world'\ndef g():\n    return 'hello world'\nprint(g() is s, 'x' + 'y' == 'xy')\n",
    "z = 1\nw = 1.0\nv = True\nprint(z is w, z is v, w is v, -0.0 is 0.0, type(w), type(v))\n",
    "a = 'ab'\nb = ''.join(['a', 'b'])\nprint(a == b, a is b)\n",
]


@pytest.mark.parametrize("source", IDENTITY)
def test_equal_constants_are_one_object_as_in_cpython(source: str) -> None:
    _same_as_plain(source)


# -- the oracle compares a dict view ---------------------------------------------------------------------
def test_the_oracle_compares_dict_views_by_their_text() -> None:
    source = "counter = {'b': 1, 'a': 3}\nitems = counter.items()\nkeys = counter.keys()\n" \
             "vals = counter.values()\ncounter['n'] = 2\n"   # ThinkPython ch. 11 (the views follow the dict)
    _same_as_plain(source)
    report, oracle = run_program(source), run_trusted(source)
    other = run_program(source.replace("counter['n'] = 2", "counter['n'] = 5"))
    assert value_mismatches(other.variables["vals"], oracle.variables["vals"], "vals")   # can fail
    assert not value_mismatches(report.variables["items"], oracle.variables["items"], "items")


# -- f.__doc__ of the program's own def -----------------------------------------------------------------
DOCS = [
    # Made With ML's Python lesson
    "def operations(x):\n    \"\"\"Multiply by two.\n\n    Then add one.\n    \"\"\"\n    return 2 * x + 1\n"
    "operations.__name__, operations.__doc__\n",
    "def f():\n    return 1\ng = lambda: 1\nprint(f.__doc__, g.__doc__)\n",
    "def f():\n    'one line'\nprint(f.__doc__.upper(), len(f.__doc__))\n",
    "import functools\ndef deco(fn):\n    @functools.wraps(fn)\n    def w(*a):\n        return fn(*a)\n"
    "    return w\n@deco\ndef h():\n    \"\"\"H doc.\"\"\"\n    return 2\nprint(h.__doc__, h.__name__)\n",
    "class A:\n    def m(self):\n        \"\"\"m doc\"\"\"\na = A()\nprint(a.m.__doc__, A.m.__doc__)\n",
    "def f():\n    x = 1\n    'not a docstring'\nprint(f.__doc__)\n",
]


@pytest.mark.parametrize("source", DOCS)
def test_a_defs_docstring_equals_python(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize(("source", "line"), [
    ("import numpy as np\nprint(np.sin.__doc__)\n", 2),   # a library's text: refused as before
    ("class A:\n    'A doc'\nA.__doc__ = 'x'\n", 3),   # (reading it runs since session 44: s44 tests)
    ("def f():\n    pass\nf.__doc__ = 'x'\n", 3),
    ("x = 1\nprint(x.__doc__)\n", 2),
])
def test_other_docs_stay_refused(source: str, line: int) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == line, report.error
    assert "__doc__" in report.error.message


# -- a ragged list: NumPy's catchable ValueError ------------------------------------------------------------
RAGGED = [
    "import numpy as np\ntry:\n    np.array([[1], [2, 3]])\nexcept ValueError as e:\n"
    "    print(type(e).__name__, e)\n",
    "import numpy as np\ntry:\n    np.tile([[1], [2, 3]], 2)\nexcept ValueError as e:\n    print(e)\n",
    "import numpy as np\ntry:\n    np.zeros_like([[1, 2], [3]])\nexcept Exception as e:\n"
    "    print(repr(e))\n",
    "import numpy as np\nnp.array([[1, 2], [3]], dtype=float)\n",
    "import numpy as np\nnp.array([1.5, float('nan')], dtype=np.int64)\n",
    "import numpy as np\ntry:\n    np.array([300], dtype=np.int8)\nexcept OverflowError as e:\n"
    "    print(e)\n",
]


@pytest.mark.parametrize("source", RAGGED)
def test_numpy_array_errors_are_numpys_catchable_errors(source: str) -> None:
    _same_as_plain(source)

"""Session 44's breadth corpus (issue 9, part 2; /work/wt/corpus-s44) and session 43's leftovers: what the
cells found different from plain Python or refused, each compared with plain Python / NumPy / PyTorch
(tests/oracle.py run_trusted on the same text).

- `'ban' + 'ana' is 'banana'`: texts joined from constants are folded as CPython's compiler folds them
  (repetitions are not: the run's total of built items counts each; lang/constant_identity.py), then merged
  with equal constants;
- `type(obj).mro()`, `C.mro()`, `type(3).mro()`; `vars(C)` of a program class or a builtin class for
  `name in vars(C)` / `vars(C)[name]` (ThinkPython ch. 17's find_defining_class); `C.__doc__` / `obj.__doc__`
  of a program class; a function returning a class of the program (lang/class_introspection.py);
- `help(A.make)` of a classmethod (lang/user_help.py);
- a comprehension in a class body sees the class's names in its first iterable only (lang/scope.py);
- `a.astype('U5')` of a string or number array (lang/numpy_strings.py);
- `type(val) in (int, float)` (Python-100-Days day 14/16; lang/operands.py);
- `s.encode('gbk')` / `b.decode('gbk')` (Python-100-Days day 11; lang/bytes_values.py).
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.messages import catalogue
from tests.oracle import run_trusted
from tests.unit.test_breadth_corpus_s42 import _refused
from tests.unit.test_breadth_corpus_s43 import _same_as_plain

# -- constant folding of texts -----------------------------------------------------------------------------
FOLDED = [
    "print('ban' + 'ana' is 'banana')\n",
    "a = 'ban' + 'ana'\nprint(a is 'banana', a == 'banana')\n",
    "b = 'a' + 'b' + 'c'\nprint(b is 'abc', 'a' + 'b' + 'c' is 'abc', b'x' + b'y' == b'xy')\n",
    "print(b'x' + b'y', b'ab' * 2, 'q' * -1, 'q' * 0 is '')\n",
    "def f():\n    return 'ba' + 'nana'\na = 'banana'\nprint(f() is a, f() is 'banana')\n",
    "s = 'ban'\nprint(s + 'ana' is 'banana', s + 'ana' == 'banana')\n",   # not constants: not folded
    "print(('a' + 'b') * 2, 'a' + 'b' * 2)\n",
]


@pytest.mark.parametrize("source", FOLDED)
def test_texts_of_constants_are_folded_as_cpython_folds_them(source: str) -> None:
    _same_as_plain(source)


def test_a_folded_repetition_stays_within_the_size_limits() -> None:
    # not folded past 4,096 characters: the size check of `*` still answers for it, as before
    report = run_program("s = 'ab' * 10**9\n")
    assert not report.ok and report.error.kind == "limit", report.error


A60, B40 = "'" + "a" * 60 + "'", "'" + "b" * 40 + "'"


@pytest.mark.parametrize(("source", "ok"), [
    (f"s = {A60} + {B40}\nprint(s is {A60} + {B40})\n", True),   # 100 characters: folded, at the limit
    (f"s = {A60} + {B40} + 'c'\n", False),                       # 101: left to the run's check of `+`
    ("s = 'a' * 101\n", False),
    ("s = 'abc' + 'd' * 97\n", True),
])
def test_a_folded_text_is_never_longer_than_max_sequence_len(source: str, ok: bool) -> None:
    report = run_program(source, limits=dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=100))
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "100" in report.error.message, report.error


def test_a_programs_folded_texts_have_a_total() -> None:
    import ast

    from autogradlab.lang import constant_identity
    half = "'" + "ab" * 1024 + "'"
    tree = ast.parse("".join(f"s{i} = {half} + {half}\n" for i in range(30)))   # 30 * 4,096 characters
    constant_identity.merge_constants(tree, 10**6)
    folded = [node for node in ast.walk(tree) if type(node) is ast.Constant and node.value == "ab" * 2048]
    assert all(not hasattr(node, "left") for node in folded)
    assert len(folded) == constant_identity.MAX_FOLDED_TOTAL // 4096   # the rest stay `half + half`
    assert sum(type(node) is ast.BinOp for node in ast.walk(tree)) == 30 - len(folded)


# -- mro(), vars(C), __doc__ of the program's classes ----------------------------------------------------
FIND_CLASS = (
    "class A:\n    '''The base.\n\n    Two lines.'''\n    def shuffle(self):\n        pass\n"
    "class B(A):\n    def deal(self):\n        pass\n"
    "def find_defining_class(obj, method_name):\n"
    "    \"\"\"Find the class where the given method is defined.\"\"\"\n"
    "    for typ in type(obj).mro():\n        if method_name in vars(typ):\n            return typ\n"
    "    return f'Method {method_name} not found.'\n"
)
CLASSES = [
    FIND_CLASS + "print(find_defining_class(B(), 'shuffle'), find_defining_class(B(), 'deal'))\n"
    "print(find_defining_class(B(), 'x'), find_defining_class(3, 'bit_length'))\n"
    "find_defining_class(B(), 'shuffle')\n",
    FIND_CLASS + "print(type(B()).mro(), B.mro(), A.mro())\nprint(type(True).mro(), int.mro(), list.mro())\n",
    "class E(ValueError):\n    'An error.'\nclass F(E):\n    pass\n"
    "print(E.mro(), F.mro(), E.__doc__, F.__doc__)\n",
    FIND_CLASS + "print(A.__doc__)\nprint(B.__doc__, B().__doc__, A().__doc__)\n",
    FIND_CLASS + "print(vars(B)['deal'] is B.deal, 'deal' in vars(B), 'shuffle' in vars(B))\n"
    "print('append' in vars(list), 'x' in vars(object), 'shuffle' not in vars(A))\n",
    FIND_CLASS + "try:\n    vars(A)['zz']\nexcept KeyError as e:\n    print('KeyError', e)\n",
    "class C:\n    n = 1\n    @staticmethod\n    def s():\n        return 2\n    @property\n"
    "    def p(self):\n"
    "        return 3\nprint('n' in vars(C), 's' in vars(C), 'p' in vars(C), vars(C)['n'])\n",
    FIND_CLASS + "try:\n    A.mro(1)\nexcept TypeError as e:\n    print(e)\ntry:\n    int.mro(1, 2)\n"
    "except TypeError as e:\n    print(e)\n",
    "def make():\n    class Inner:\n        pass\n    return Inner\nK = make()\nprint(K.mro()[1:], K)\n",
]


@pytest.mark.parametrize("source", CLASSES)
def test_class_introspection_equals_python(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize(("source", "line", "key"), [
    ("class A:\n    pass\nprint(vars(A))\n", 3, "errors_s44breadth.vars_shown"),
    ("class A:\n    n = 1\nfor k in vars(A):\n    print(k)\n", 3, "errors_s44breadth.vars_shown"),
    ("class A:\n    n = 1\nprint(sorted(vars(A)))\n", 3, "errors_s44breadth.vars_shown"),
    ("class A:\n    n = 1\nprint(len(vars(A)))\n", 3, "errors_s44breadth.vars_shown"),
    ("class A:\n    pass\nprint('__module__' in vars(A))\n", 3, "errors_s44breadth.vars_dunder"),
    ("class A:\n    pass\nv = vars(list)['append']\n", 3, "errors_s44breadth.vars_member"),
    ("import torch\nprint(torch.Tensor.mro())\n", 2, "errors_s44breadth.mro_of"),
    ("from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int = 0\nprint(P.__doc__)\n", 5,
     "errors_s44breadth.dataclass_doc"),
])
def test_what_python_shows_of_its_internals_stays_refused_by_name(source: str, line: int, key: str) -> None:
    _refused(source, line, key)


def test_a_dataclass_with_its_own_docstring_reads_it() -> None:
    _same_as_plain("from dataclasses import dataclass\n@dataclass\nclass P:\n    'A point.'\n    x: int = 0\n"
                   "print(P.__doc__, P().__doc__)\n")


def test_vars_of_anything_else_is_still_refused() -> None:
    message = _refused("import torch\nvars(torch.ones(2))\n", 2, "errors_s43breadth.vars_only")
    assert "`vars(obj)`" in message


HELP = [
    "class A:\n    @classmethod\n    def make(cls, x, y=2):\n        '''Make one.'''\n        return cls()\n"
    "help(A.make)\nhelp(A().make)\n",
    "class A:\n    @classmethod\n    def make(cls):\n        return cls()\nclass B(A):\n    pass\n"
    "help(B.make)\n",
    "class A:\n    def m(self, k=3):\n        'M.'\nhelp(A().m)\n",
]


@pytest.mark.parametrize("source", HELP)
def test_help_of_a_classmethod_equals_python(source: str) -> None:
    _same_as_plain(source)


# -- a comprehension in a class body ----------------------------------------------------------------------
CLASS_BODY = [
    "class C:\n    xs = [1, 2, 3]\n    ys = [x * 2 for x in xs]\n    k = {x: x for x in xs}\n"
    "    s = sum(x for x in xs)\n    t = {x for x in xs}\nprint(C.ys, C.k, C.s, C.t)\n",
    "m = 10\nclass D:\n    m = 2\n    zs = [x * m for x in range(3)]\n    g = list(x + m for x in range(2))\n"
    "    a = any(x > m for x in range(20))\n    d = {x: m for x in [1]}\nprint(D.zs, D.g, D.a, D.d, D.m)\n",
    ("class E:\n    n = 2\n    zs = [x * n for x in range(3)]\n", 3),
    ("class E:\n    n = 2\n    zs = [y for x in range(3) for y in range(n)]\n", 3),
    ("class E:\n    n = [1]\n    zs = {x: 1 for x in range(3) if x in n}\n", 3),
    ("class E:\n    n = 2\n    zs = list(x * n for x in range(3))\n", 3),
    "def f():\n    n = 5\n    class E:\n        n = 2\n        zs = [x * n for x in range(3)]\n"
    "    return E.zs\n"
    "print(f())\n",
    "class E:\n    xs = [[1, 2], [3]]\n    flat = [y for x in xs for y in x]\nprint(E.flat)\n",
    "ys = [x for x in range(3)]\nclass F:\n    ys = [x + 1 for x in ys]\nprint(F.ys, ys, [x for x in ys])\n",
]


@pytest.mark.parametrize("source", CLASS_BODY)
def test_a_comprehension_in_a_class_body_sees_what_python_sees(source: str | tuple[str, int]) -> None:
    if isinstance(source, tuple):
        source, line = source
        report, oracle = run_program(source), run_trusted(source)
        assert isinstance(oracle.error, NameError)
        assert not report.ok and report.error.line == line and report.error.message == str(oracle.error)
        caught = run_program("try:\n" + "".join("    " + ln + "\n" for ln in source.splitlines())
                             + "except NameError as e:\n    print('caught', e)\n")
        assert caught.ok and caught.printed == f"caught {oracle.error}\n", (caught.error, caught.printed)
    else:
        _same_as_plain(source)


# -- NumPy: astype('U5') ----------------------------------------------------------------------------------
ASTYPE = [
    "import numpy as np\na = np.array(['1', '22', 'abcdefg']).astype('U5')\nprint(a, a.dtype, a[2])\n",
    "import numpy as np\na = np.array(['1', '22', 'abcdefg'])\nb = a.astype('<U2')\nprint(b, b.dtype, a)\n",
    "import numpy as np\nprint(np.array(['ab']).astype('U9').dtype, np.array([1, 2]).astype('U5'))\n",
    "import numpy as np\nc = np.array([1.5, -2.25]).astype('U3')\nprint(c, c.dtype, c.tolist())\n",
    "import numpy as np\nc = np.array([True, False]).astype('U1')\nprint(c)\n",
]


@pytest.mark.parametrize("source", ASTYPE)
def test_astype_a_fixed_width_string_equals_numpy(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize(("width", "ok"), [(999_999, True), (1_000_001, False)])
def test_astype_a_fixed_width_is_weighed_before_numpy_makes_it(width: int, ok: bool) -> None:
    # MAX_STRING_CHARS (1,000,000) characters in all: one element of the width, just below and above
    for source in (f"import numpy as np\na = np.array(['x']).astype('U{width}')\nprint(a.dtype)\n",
                   f"import numpy as np\na = np.array([1]).astype('U{width}')\nprint(a.dtype)\n"):
        report = run_program(source)
        assert report.ok == ok, report.error
        if not ok:
            assert report.error.kind == "limit", report.error


# -- type(x) in (int, float) --------------------------------------------------------------------------
TYPE_IN = [
    # Python-100-Days day 14: 对参数进行了类型检查（数值型的才能求和）
    "def add(*args):\n    total = 0\n    for val in args:\n        if type(val) in (int, float):\n"
    "            total += val\n    return total\nprint(add(), add(1), add(1, 2, 'hello', 3.45, 6))\n",
    "print(type(3) in (int, float), type('a') in [int, str], type(2.0) not in (int,), int in (str,))\n",
    "print(type(None) in [type(None)], type([]) in (list, tuple), type(3) in ())\n",
    "try:\n    3 in int\nexcept TypeError as e:\n    print(e)\n",
    "import torch\nprint(type(torch.ones(1)) in (torch.Tensor,), torch.float32 in (torch.float32,))\n",
]


@pytest.mark.parametrize("source", TYPE_IN)
def test_a_type_in_a_tuple_of_types_equals_python(source: str) -> None:
    _same_as_plain(source)


# -- GBK ------------------------------------------------------------------------------------------------
GBK = [
    "a = '骆昊'\nb = a.encode('utf-8')\nc = a.encode('gbk')\nprint(b)\nprint(c)\nprint(b.decode('utf-8'))\n"
    "print(c.decode('gbk'))\n",
    "a = '骆昊'\nprint(a.encode('GB2312'), a.encode('gb18030'), a.encode('cp936'))\n"
    "print(a.encode('GBK').decode('gbk'))\n",
    "try:\n    '€'.encode('gb2312')\nexcept UnicodeEncodeError as e:\n    print(e)\n",
    "try:\n    b'\\xff\\xff'.decode('gbk')\nexcept UnicodeDecodeError as e:\n    print(e)\n",
    "print(b'\\xff'.decode('gbk', 'replace'), 'x€'.encode('gb2312', 'ignore'))\n"
    "print('中'.encode('gbk', 'strict'))\n",
]


@pytest.mark.parametrize("source", GBK)
def test_gbk_texts_equal_python(source: str) -> None:
    _same_as_plain(source)


def test_other_codecs_stay_refused() -> None:
    report = run_program("print('x'.encode('big5'))\n")
    assert not report.ok and report.error.kind == "unsupported", report.error


def test_the_new_messages_have_both_languages() -> None:
    en, zh = catalogue("en"), catalogue("zh")
    keys = [k for k in en if k.startswith("errors_s44breadth.")]
    assert keys and all(k in zh and zh[k] != en[k] for k in keys)
    for key in keys:   # the same fields and code in both languages
        fields = [sorted(set(re.findall(r"\{(\w+)\}", text))) for text in (en[key], zh[key])]
        assert fields[0] == fields[1], key


# -- name = property(getter, setter) in a class body -------------------------------------------------------
CAR = (
    "class Car:\n    def __init__(self, miles=1000):\n        self._miles = miles\n"
    "        self._kms = miles * 1.61\n"
    "    def set_miles(self, value):\n        self._miles = value\n        self._kms = value * 1.61\n"
    "    def set_kms(self, value):\n        self._kms = value\n        self._miles = value / 1.61\n"
    "    def get_miles(self):\n        return self._miles\n    def get_kms(self):\n        return self._kms\n"
    "    miles = property(get_miles, set_miles)\n    kms = property(get_kms, set_kms)\n"
    "    only = property(get_kms)\n"
)
PROPERTIES = [
    # QuantEcon, "More Language Features": the Car example
    CAR + "car = Car()\nprint(car.miles, car.kms)\ncar.miles = 6000\n"
    "print(car.kms, car.only, car.get_miles())\n",
    CAR + "car = Car()\ntry:\n    car.only = 3\nexcept AttributeError as e:\n    print(e)\n",
    CAR + "car = Car(10)\ncar.kms = 161\nprint(round(car.miles, 6), 'miles' in vars(Car))\n",
]


@pytest.mark.parametrize("source", PROPERTIES)
def test_a_property_call_in_a_class_body_equals_python(source: str) -> None:
    _same_as_plain(source)


@pytest.mark.parametrize("source", [
    "class A:\n    def g(self):\n        return 1\n    x = property(g, doc='d')\n",
    "class A:\n    def g(self):\n        return 1\n    x = property(g, g, g)\n",
    "class A:\n    x = property(len)\n",
    "class A:\n    x = property()\n",
])
def test_other_property_calls_are_refused_by_name(source: str) -> None:
    _refused(source, 4 if "def g" in source else 2, "errors_s44breadth.property_call")

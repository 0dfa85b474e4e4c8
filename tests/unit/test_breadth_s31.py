"""Session 31 (breadth): dataclasses (@dataclass, field, asdict, astuple, replace, is_dataclass,
FrozenInstanceError; lang/dataclass_classes.py, dataclasses_module.py), isinstance with typing's forms and
`int | str` unions (lang/typing_module.py), np.nditer over several operands and with external_loop
(lang/numpy_flat.py), np.emath (lang/numpy_emath.py), each against CPython run on the same trusted
text; limits just below and above."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    "basic": """from dataclasses import dataclass, field
from typing import List
@dataclass
class Point:
    x: float
    y: float = 0.0
    tags: List[str] = field(default_factory=list)
p = Point(1.5)
q = Point(1.5, 0.0)
print(p, p == q, p != q, p is q)
p.tags.append('a')
print(p.tags, q.tags, Point.y)
print(repr(p), str(q), f"{p}")
r = Point(y=2, x=3)
print(r.x, r.y)
""",
    "errors": """from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int = 0
try:
    P()
except TypeError as e:
    print(e)
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
try:
    P(1, z=2)
except TypeError as e:
    print(e)
try:
    P(1, x=2)
except TypeError as e:
    print(e)
try:
    hash(P(1))
except TypeError as e:
    print(e)
""",
    "frozen": """from dataclasses import dataclass, FrozenInstanceError
import dataclasses
@dataclass(frozen=True)
class V:
    a: int
    b: str = 'x'
v = V(1)
try:
    v.a = 2
except FrozenInstanceError as e:
    print('frozen', e, type(e).__name__)
try:
    v.c = 2
except AttributeError as e:
    print('attr', e)
print(hash(v) == hash(V(1)), {v: 1}[V(1)], v in {V(1, 'x')})
print(dataclasses.asdict(v), dataclasses.astuple(v))
""",
    "order": """from dataclasses import dataclass
@dataclass(order=True)
class Card:
    rank: int
    suit: str
cards = [Card(3, 'h'), Card(1, 's'), Card(3, 'c')]
print(sorted(cards))
print(Card(1, 'a') < Card(2, 'a'), Card(2, 'b') >= Card(2, 'a'), max(cards))
try:
    Card(1, 'a') < 3
except TypeError as e:
    print(e)
""",
    "post_init_nested": """from dataclasses import dataclass, field, asdict, astuple, replace, is_dataclass
@dataclass
class Inner:
    v: int
@dataclass
class Outer:
    name: str
    items: list = field(default_factory=list)
    inner: Inner = None
    total: int = field(init=False, default=0)
    secret: str = field(default='s', repr=False)
    def __post_init__(self):
        self.total = len(self.items)
o = Outer('a', [Inner(1), Inner(2)], Inner(3))
print(o)
print(asdict(o))
print(astuple(o))
print(replace(o, name='b'))
print(is_dataclass(o), is_dataclass(Outer), is_dataclass(3))
o2 = Outer('a', [Inner(1), Inner(2)], Inner(3))
print(o == o2, o.total)
""",
    "inherit": """from dataclasses import dataclass
@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 5
    def norm(self):
        return self.x + self.y + self.z
c = Child(1, 2)
print(c, c.norm(), isinstance(c, Base))
print(Base(1) == Child(1))
""",
    "tensors": """import torch
from dataclasses import dataclass, field
@dataclass
class Batch:
    x: torch.Tensor
    y: torch.Tensor
    meta: dict = field(default_factory=dict)
b = Batch(torch.ones(2), torch.zeros(2, requires_grad=True))
print(b)
loss = (b.x * b.y).sum()
loss.backward()
print(b.y.grad)
""",
    "def_errors": """from dataclasses import dataclass, field
try:
    @dataclass
    class A:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class B:
        x: list = []
except ValueError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class C:
        x: int
except ValueError as e:
    print(e)
""",
    "classvar_custom": """from dataclasses import dataclass
from typing import ClassVar
@dataclass
class Counter:
    count: ClassVar[int] = 0
    name: str
    def __repr__(self):
        return 'C<' + self.name + '>'
    def __eq__(self, other):
        return True
c = Counter('a')
print(c, c == 3, Counter.count)
""",
    "eq_false_match": """from dataclasses import dataclass
@dataclass(eq=False)
class Node:
    val: int
    nxt: 'Node' = None
a = Node(1)
b = Node(1)
print(a == b, a == a, len({a, b}))
p = Node(2, a)
match p:
    case Node(2, n):
        print('matched', n)
""",
    "recursive_repr": """from dataclasses import dataclass
@dataclass
class N:
    v: int
    kids: list
n = N(1, [])
n.kids.append(n)
print(n)
""",
    "module_form": """import dataclasses
import torch
@dataclasses.dataclass(frozen=True, order=True)
class Sample:
    score: float
    label: str = dataclasses.field(default='?', compare=False)
    grads: list = dataclasses.field(default_factory=lambda: [0.0] * 2, repr=False)
s = [Sample(0.5, 'b'), Sample(0.25)]
print(sorted(s), s[0] == Sample(0.5, 'z'), s[1].grads, dataclasses.is_dataclass(Sample))
print(dataclasses.replace(s[1], label='c'), Sample.label)
t = Sample(torch.tensor(1.5).item())
print(t, dataclasses.astuple(t))
""",
    "isinstance_typing": """from typing import List, Dict, Optional, Union, Tuple, Set, Any
import typing
import torch
import numpy as np
x = [1, 2]
print(isinstance(x, List), isinstance({}, Dict), isinstance((1,), Tuple), isinstance({1}, Set))
print(isinstance(None, Optional[int]), isinstance(3, Optional[int]), isinstance('a', Union[int, float]))
print(isinstance(torch.ones(2), Optional[torch.Tensor]), isinstance(np.ones(2), Union[np.ndarray, list]))
print(isinstance(1, int | str), isinstance(None, int | None), isinstance(2.5, (str, float | int)))
U = int | str
print(U, int | None, Optional[int] | str, type(U))
print(isinstance(True, U), isinstance([1], (Dict, List)))
for form in (List[int], list[int], Any, typing.Union, Dict[str, int] | None):
    try:
        isinstance(x, form)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    3 | int
except TypeError as e:
    print(e)
""",
    "nditer_multi": """import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.arange(3)
for x, y in np.nditer([a, b]):
    print(f"{x}:{y}", end=' ')
print()
for x in np.nditer(a, flags=['external_loop']):
    print(x, end=' ')
print()
for x in np.nditer(a, flags=['external_loop'], order='F'):
    print(x, end=' ')
print()
c = np.zeros((2, 3))
for x, y, z in np.nditer([a, b, c], op_flags=[['readonly'], ['readonly'], ['writeonly']]):
    z[...] = x * y
print(c)
for x, y in np.nditer([2, [1, 2, 3]]):
    print(int(x) + int(y), end=' ')
print()
for x in np.nditer(np.arange(20.0), flags=['external_loop', 'buffered']):
    print(x.shape, x.sum())
try:
    np.nditer([a, np.arange(4)])
except ValueError as e:
    print(e)
try:
    for x, y in np.nditer([a, b], op_flags=['readwrite']):
        pass
except ValueError as e:
    print(e)
print(list(np.nditer([np.arange(2), 5.0])))
""",
    "emath": """import numpy as np
from numpy import emath
print(np.emath.sqrt(-4), np.emath.sqrt(4), np.emath.sqrt([-1, 4, -9]))
print(np.emath.log(-np.e), np.emath.log10([-10, 100]), np.emath.log2(-8.0))
print(np.emath.logn(2, [4, -8]), np.emath.power([-4, 4], 0.5), np.emath.power(x=2, p=3))
print(np.emath.arcsin(2), np.emath.arccos([0.5, 2]), np.emath.arctanh(np.array([0.5, 2.0])))
print(emath.sqrt(-1), np.sqrt(4.0))
r = np.emath.sqrt(np.array([[-1.0, 1.0], [4.0, -4.0]]))
print(r.dtype, r.shape, r)
try:
    np.emath.sqrt()
except TypeError as e:
    print(e)
try:
    np.emath.logn(2)
except TypeError as e:
    print(e)
""",
    "edge_cases": """from dataclasses import dataclass, field
def make():
    @dataclass
    class Local:
        v: int = 1
    return Local(2), Local() == Local()
print(make())
@dataclass
class A:
    x: int = 1
    y: list = field(default_factory=lambda: [0, 0])
@dataclass
class B(A):
    x: int = 5
    z: str = 'z'
class C(B):
    def extra(self):
        return self.x * 2
print(B(), C(), C().extra(), A() == B(), B() == C(), C(3) == C(3))
b = B()
b.y.append(1)
print(b, B().y, A.x, B.x)
@dataclass(repr=False, eq=False)
class D:
    n: int
d = D(3)
print(d.n, d == D(3), type(d).__name__)
@dataclass
class E:
    items: list = field(default_factory=list)
    count: int = field(default=0, init=False)
    def add(self, v):
        self.items.append(v)
        self.count += 1
        return self
e = E().add(1).add(2)
print(e, len(e.items), len({D(1), D(1)}))
try:
    E(count=3)
except TypeError as err:
    print(err)
print(f"{e!r} {e}", str(e) == repr(e))
""",
    "numpy_typing": """import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray, ArrayLike
def scale(x: npt.NDArray[np.float64], k: ArrayLike = 2) -> NDArray[np.float64]:
    return x * k
print(scale(np.ones(2)), NDArray[np.float64], np.ndarray[int], list[np.ndarray])
print(np.typing.NDArray[np.int32] == NDArray[np.int32], isinstance(np.ones(1), np.ndarray))
try:
    isinstance(np.ones(1), NDArray[np.float64])
except TypeError as e:
    print(e)
""",
    "tensor_fields": """import torch
from dataclasses import dataclass, field, astuple
@dataclass
class Layer:
    w: torch.Tensor = field(default_factory=lambda: torch.zeros(3))
    b: float = 0.0
    def __post_init__(self):
        if self.b < 0:
            raise ValueError(f"b must be >= 0, got {self.b}")
a = Layer()
print(a, a == a)
try:
    print(a == Layer())
except RuntimeError as e:
    print(type(e).__name__, e)
print(Layer(torch.ones(1)) == Layer(torch.ones(1)), Layer(torch.ones(1)) == Layer(torch.zeros(1)))
try:
    Layer(b=-1.0)
except ValueError as e:
    print(e)
t = astuple(Layer(torch.arange(2.0, requires_grad=True)))
print(t, t[0].requires_grad)
""",
}


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_dataclass_program_equals_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


# -- limits: the generated methods keep every limit of the paths they use ------------------------------
def _nested_asdict(levels: int) -> str:
    return ("from dataclasses import dataclass, asdict\n@dataclass\nclass P:\n    x: list\nv = []\n"
            f"for i in range({levels}):\n    v = [v]\nd = asdict(P(v))\nx, n = d['x'], 0\nwhile x:\n"
            "    x, n = x[0], n + 1\nprint(n, d['x'] is v, x)\ndel v, d, x\n")


def test_asdict_depth_just_below_the_limit_equals_python() -> None:
    from autogradlab.lang.dataclasses_module import MAX_ASDICT_DEPTH
    same_as_python(_nested_asdict(MAX_ASDICT_DEPTH - 1))


def test_asdict_depth_just_above_the_limit_is_refused() -> None:
    from autogradlab.lang.dataclasses_module import MAX_ASDICT_DEPTH
    refused(_nested_asdict(MAX_ASDICT_DEPTH), "limit", "nested more than", line=8)


def _fields(count: int) -> str:
    names = "".join(f"    f{i}: int = {i}\n" for i in range(count))
    return f"from dataclasses import dataclass\n@dataclass\nclass Wide:\n{names}w = Wide()\nprint(w.f0, w)\n"


def test_fields_up_to_the_attribute_limit_equal_python() -> None:
    from autogradlab.lang.plain_classes import MAX_ATTRIBUTES
    same_as_python(_fields(MAX_ATTRIBUTES))


def test_one_field_over_the_attribute_limit_is_refused() -> None:
    from autogradlab.lang.plain_classes import MAX_ATTRIBUTES
    refused(_fields(MAX_ATTRIBUTES + 1), "limit", f"more than {MAX_ATTRIBUTES} attributes",
            line=MAX_ATTRIBUTES + 5)


def _text(items: int) -> str:
    return ("from dataclasses import dataclass\n@dataclass\nclass P:\n    xs: list\n"
            f"p = P(['x' * 998] * {items})\ns = repr(p)\nprint(len(s), s[:12])\n")


def test_repr_text_below_the_length_limit_equals_python() -> None:
    same_as_python(_text(99))   # 99 items of 1,002 characters: 99,204 characters (limit 100,000)


def test_repr_text_above_the_length_limit_is_refused() -> None:
    refused(_text(100), "limit", "the text would have", line=6)


def test_dataclass_holding_itself_compared_stops_at_the_call_depth() -> None:
    source = ("from dataclasses import dataclass\n@dataclass\nclass N:\n    v: int\n    kids: list\n"
              "a = N(1, [])\na.kids.append(a)\nb = N(1, [])\nb.kids.append(b)\ntry:\n    print(a == b)\n"
              "except RecursionError:\n    print('caught')\n")
    refused(source, "limit", "levels deep", line=11)


def test_default_factory_runs_under_the_instance_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from autogradlab.lang import plain_classes
    monkeypatch.setattr(plain_classes, "MAX_INSTANCES", 1_000)   # each P() makes two objects
    source = ("from dataclasses import dataclass, field\nclass Leaf:\n    pass\n@dataclass\nclass P:\n"
              "    leaf: Leaf = field(default_factory=Leaf)\nps = []\nfor i in range({n}):\n"
              "    ps.append(P())\nprint(len(ps), ps[-1])\n")
    assert run_program(source.format(n=500)).ok
    refused(source.format(n=501), "limit", "more than 1,000 objects", line=9)


def test_frozen_error_in_post_init_is_caught_as_attribute_error() -> None:
    source = ("from dataclasses import dataclass\n@dataclass(frozen=True)\nclass F:\n    x: int\n"
              "    def __post_init__(self):\n        self.x = 2\ntry:\n    F(1)\n"
              "except AttributeError as e:\n    print(type(e).__name__, e)\n")
    same_as_python(source)


def test_class_decorators_other_than_dataclass_stay_refused() -> None:
    report = run_program("def deco(c):\n    return c\n@deco\nclass A:\n    pass\n")
    assert not report.ok and "a decorator on `class A`" in report.error.message
    report = run_program("from dataclasses import field as dataclass\n@dataclass\nclass A:\n    x: int\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 2, report.error


def test_union_of_types_nests_no_deeper_than_typing_forms() -> None:
    from autogradlab.lang.typing_module import MAX_TYPE_DEPTH
    below = "U = int\nfor i in range({n}):\n    U = str | U\nprint(U)\ndel U\n"
    same_as_python(below.format(n=MAX_TYPE_DEPTH))
    refused(below.format(n=MAX_TYPE_DEPTH + 1), "unsupported", f"nested more than {MAX_TYPE_DEPTH} deep",
            line=3)


def test_nditer_over_broadcast_operands_stops_at_the_loop_budget() -> None:
    source = ("import numpy as np\na = np.zeros((1000, 1))\nb = np.zeros((1, 1000))\n"
              "for x, y in np.nditer([a, b]):\n    pass\n")
    refused(source, "limit", "loop", line=4)


def test_nditer_operands_up_to_the_limit() -> None:
    from autogradlab.lang.numpy_flat import MAX_OPERANDS
    source = "import numpy as np\nprint(len(next(iter(np.nditer([np.arange(2)] * {n})))))\n"
    same_as_python(source.format(n=MAX_OPERANDS))
    refused(source.format(n=MAX_OPERANDS + 1), "unsupported", f"more than {MAX_OPERANDS} operands")


def test_nditer_allocating_an_output_stays_refused_by_name() -> None:
    refused("import numpy as np\nit = np.nditer([np.arange(3), None])\n", "unsupported",
            "np.nditer([a, b], flags=['external_loop'])")


def test_emath_result_sized_before_numpy_makes_it() -> None:
    import dataclasses as dc

    from autogradlab.limits import DEFAULT_LIMITS
    limits = dc.replace(DEFAULT_LIMITS, max_tensor_elements=100)
    source = "import numpy as np\nr = np.emath.power(np.arange(-2, 0).reshape(2, 1), np.arange({n}) / 2)\n"
    assert run_program(source.format(n=50), limits=limits).ok   # 2 x 50 results: the limit
    refused(source.format(n=51), "limit", "102", limits=limits)   # 2 x 51


STAR = """from numpy import *
from math import *
a = arange(6).reshape(2, 3)
print(a, sqrt(16), pi, floor(2.5), tau)
print(sum([1, 2, 3]), abs(-2), round(2.567, 1), all([1, 0]), pow(2, 3), min([3, 1]))
print(type(sum([1, 2])), linspace(0, 1, 5), zeros(3), e, inf, nan)
x = array([1.0, 4.0])
print(exp(0), linalg.norm(x), dot(x, x))
"""


def test_star_imports_of_numpy_and_math_print_as_python() -> None:
    """The printed text as CPython's (the Variables table lists the module constants the engine has)."""
    from tests.oracle import run_trusted
    report, oracle = run_program(STAR), run_trusted(STAR)
    assert report.ok and oracle.error is None, report.error
    assert report.printed == oracle.printed
    assert {"a", "x", "pi", "e"} <= set(report.variables)


def test_star_import_stays_refused_elsewhere_and_inside_a_def() -> None:
    refused("import torch\nfrom torch import *\n", "unsupported", "`from torch import *`")
    report = run_program("def f():\n    from numpy import *\n")
    assert not report.ok and report.error.kind == "syntax" and "module level" in report.error.message


HOSTILE = [   # (program after the imports, the refusal's kind, words of its message)
    ("dataclass(torch)\n", "unsupported", "`dataclass` on anything but a class"),
    ("@dataclass.__call__\nclass A:\n    x: int\n", "unsupported", "a decorator on `class A`"),
    # (a Field's `.default` reads as CPython's since session 32: test_dataclass_fields_s32)
    ("f = field(default=1)\nprint(f.metadata)\n", "unsupported", "`f.metadata` is not supported"),
    ("@dataclass(frozen=True)\nclass A:\n    x: int\nobject.__setattr__(A(1), 'x', 2)\n", "unsupported",
     "`__setattr__`"),
    ("@dataclass(frozen=True)\nclass A:\n    x: int\na = A(1)\na.__dict__['x'] = 3\n", "unsupported",
     "`__dict__`"),
    ("@dataclass\nclass A:\n    x: list\na = A([])\na.x.append(a)\nprint(asdict(a))\n", "limit",
     "nested more than 100 deep"),
    ("@dataclass\nclass A:\n    x: int = field(default_factory=torch.load)\nA()\n", "unsupported",
     "`torch.load`"),
    ("class Box:\n    pass\nb = Box()\nb.dataclass = print\n@b.dataclass\nclass A:\n    x: int\n",
     "unsupported", "the decorator `@b.dataclass` on a class"),
    # slots=True runs since breadth s45 (lang/dataclass_slots.py); weakref_slot stays refused
    ("@dataclass(slots=True, weakref_slot=True)\nclass A:\n    x: int\n", "unsupported",
     "`dataclass(weakref_slot=...)`"),
    ("@dataclass\nclass A:\n    x: int\nprint(A.__dataclass_fields__)\n", "unsupported",
     "`__dataclass_fields__`"),
    ("@dataclass\nclass A:\n    m: object = field(default=torch)\n", "unsupported",
     "the module `torch` cannot be used as a class attribute"),
]


@pytest.mark.parametrize(("program", "kind", "words"), HOSTILE)
def test_dataclass_escapes_are_refused(program: str, kind: str, words: str) -> None:
    report = run_program("from dataclasses import dataclass, field, asdict\nimport torch\n" + program)
    assert not report.ok and report.error.kind == kind and words in report.error.message, report.error


NAMED_TUPLE = """from typing import NamedTuple
import typing
import torch
class Point(NamedTuple):
    '''A point.'''
    x: float
    y: float = 0.0
class Sample(typing.NamedTuple):
    features: torch.Tensor
    label: int
p = Point(1.5)
print(p, Point(1, 2), Point._fields, p._replace(y=5), p._asdict(), Point(y=3, x=1))
print(isinstance(p, tuple), p[0], len(p), type(p), Point, p.x + p.y)
x, y = p
print(x, y, p == (1.5, 0.0))
s = Sample(torch.ones(2), 1)
print(s.features.sum(), s.label)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    class Q(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    class R(NamedTuple):
        _a: int
except ValueError as e:
    print(e)
"""


def test_typed_named_tuple_class_prints_as_python() -> None:
    """`class Point(NamedTuple):` is collections.namedtuple's class with defaults (lang/namedtuple_values.py);
    printed text, errors and the Variables table's names as CPython's (the oracle reads a namedtuple's
    value only as a plain value, as for collections.namedtuple)."""
    from tests.oracle import run_trusted
    report, oracle = run_program(NAMED_TUPLE), run_trusted(NAMED_TUPLE)
    assert report.ok and oracle.error is None, report.error
    assert report.printed == oracle.printed
    assert list(report.variables) == list(oracle.variables)


def test_named_tuple_class_bodies_hold_fields_only() -> None:
    refused("from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    def f(self):\n"
            "        return 1\n", "unsupported", "in the body of `class P(NamedTuple)`", line=4)


def test_named_tuple_called_makes_the_class() -> None:
    same_as_python("""from typing import NamedTuple
import typing
print(NamedTuple)
P = NamedTuple('P', [('x', int), ('y', float)])
Q = typing.NamedTuple('Q', a=int)
print(P(1, 2.0), Q(3), P._fields)
try:
    NamedTuple('R', [('x', int, 3)])
except ValueError as e:
    print(e)
""")

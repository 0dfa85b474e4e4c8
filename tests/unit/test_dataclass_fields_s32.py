"""Session 32: dataclasses.fields() and a Field's attributes, kw_only (`@dataclass(kw_only=True)`,
`field(kw_only=True)`, `_: KW_ONLY`) and InitVar (lang/dataclass_fields.py, dataclass_classes.py,
dataclass_methods.py), each against CPython run on the same trusted text."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    "fields": """from dataclasses import dataclass, field, fields
from typing import List
import dataclasses
@dataclass
class P:
    x: int
    y: float = 0.5
    tags: List[str] = field(default_factory=list, repr=False)
    z: 'int' = field(default=3, init=False, compare=False)
print([(f.name, f.type, f.init, f.repr, f.compare, f.kw_only) for f in fields(P)])
print([f.name for f in fields(P(1))], len(dataclasses.fields(P)), type(fields(P)))
print(fields(P)[1].default, fields(P)[2].default_factory, fields(P)[0].name)
print([f.name for f in fields(P) if f.init])
try:
    fields(3)
except TypeError as e:
    print(e)
""",
    "kw_only": """from dataclasses import dataclass, field, fields
import dataclasses
@dataclass(kw_only=True)
class Q:
    a: int
    b: int = 2
    c: int
print(Q(a=1, c=3), Q(c=0, a=1, b=5))
for call in (lambda: Q(1, 2, 3), lambda: Q(a=1), lambda: Q(), lambda: Q(a=1, c=2, d=3)):
    try:
        call()
    except TypeError as e:
        print(e)
@dataclass
class R:
    a: int
    b: int = field(default=3, kw_only=True)
    c: int = field(kw_only=True)
    d: int = 4
print(R(1, c=2), R(1, 5, b=0, c=1), [f.kw_only for f in fields(R)])
match R(1, c=2):
    case R(a, d):
        print('matched', a, d)
try:
    R(1, 2, 3, c=1)
except TypeError as e:
    print(e)
try:
    R(1, 2, 3)
except TypeError as e:
    print(e)
@dataclass
class S:
    x: int
    _: dataclasses.KW_ONLY
    y: int = 0
    z: int
print(S(1, z=2), S(x=1, y=2, z=3), [f.name for f in fields(S)])
@dataclass
class T(R):
    e: int = 9
print(T(1, c=0), T(1, 2, 3, c=4, b=5))
""",
    "initvar": """from dataclasses import dataclass, field, fields, InitVar, replace, asdict
@dataclass
class Scaled:
    value: float
    scale: InitVar[float] = 2.0
    total: float = field(init=False)
    def __post_init__(self, scale):
        self.total = self.value * scale
s = Scaled(3.0)
t = Scaled(3.0, 10)
print(s, t, s == Scaled(3.0, 2.0), [f.name for f in fields(Scaled)], asdict(t))
print(Scaled.scale)
try:
    s.scale
except AttributeError as e:
    print(e)
match t:
    case Scaled(v, sc):
        print('matched', v, sc)
print(replace(t, value=1.0), replace(t, scale=0.5))
@dataclass
class Db:
    name: str
    conn: InitVar[str]
    def __post_init__(self, conn):
        self.url = conn + '/' + self.name
d = Db('x', conn='sqlite:')
print(d, d.url)
try:
    replace(d, name='y')
except ValueError as e:
    print(e)
try:
    Db('x')
except TypeError as e:
    print(e)
@dataclass
class NoPost:
    a: int
    b: InitVar[int] = 0
print(NoPost(1, 2))
""",
    "inheritance": """from dataclasses import dataclass, field, fields, InitVar, asdict, astuple
@dataclass
class Base:
    x: int
    k: InitVar[int] = 1
    def __post_init__(self, k):
        self.y = self.x * k
@dataclass
class Child(Base):
    z: int = 0
c = Child(2, 3, 4)
print(c, c.y, [f.name for f in fields(c)], astuple(c))
@dataclass(kw_only=True)
class KB:
    a: int = 1
@dataclass
class KC(KB):
    b: int
print(KC(5), KC(5, a=2))
try:
    KC()
except TypeError as e:
    print(e)
@dataclass(order=True)
class O:
    a: int
    s: InitVar[int] = 0
print(O(1) < O(2), O(1, 5) == O(1, 9), sorted([O(3), O(1)]))
@dataclass(frozen=True)
class F:
    a: int
    b: int = field(default=0, kw_only=True)
print(hash(F(1)) == hash(F(1, b=0)), F(1, b=2))
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_as_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


def test_field_attributes_beyond_the_listed_are_refused_or_python_errors() -> None:
    head = ("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: int\n"
            "f = fields(P)[0]\n")
    refused(head + "print(f.default)\n", "unsupported", "`f.default` of a field without one", line=6)
    refused(head + "print(f.metadata)\n", "unsupported", "`f.metadata` is not supported", line=6)
    same_as_python(head.replace("f = ", "g = ") + "try:\n    g.nothing\nexcept AttributeError as e:\n"
                   "    print(e)\ndel g\n")


def test_field_type_evaluates_plain_annotations_only() -> None:
    source = ("from dataclasses import dataclass, fields\n@dataclass\nclass P:\n    x: [print('hi')]\n"
              "t = fields(P)[0].type\n")
    refused(source, "unsupported", "`f.type` of a field whose annotation", line=5)


def test_initvar_subscript_outside_an_annotation_is_refused_by_name() -> None:
    refused("from dataclasses import InitVar\nx = InitVar[int]\n", "unsupported",
            "`InitVar[...]` is supported as a dataclass field's annotation only")


def test_weakref_slot_stays_refused_by_name() -> None:
    """`slots=True` runs since session 45 (lang/dataclass_slots.py, test_breadth_corpus_s45); weakref_slot
    stays refused."""
    report = run_program("from dataclasses import dataclass\n@dataclass(slots=True, weakref_slot=True)\n"
                         "class A:\n    x: int\n")
    assert not report.ok and "`dataclass(weakref_slot=...)` is not supported" in report.error.message

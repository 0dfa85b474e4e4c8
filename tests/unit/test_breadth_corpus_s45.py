"""Session 45's breadth corpus (issue 9, part 2; /work/wt/corpus-s45) and session 44's leftovers: what the
cells found different from plain Python or refused, each compared with plain Python / NumPy / PyTorch
(tests/oracle.py run_trusted on the same text).

- a generator expression handed to a NumPy/PyTorch function (`np.sum(x for x in xs)`) was built as a list,
  so the engine printed a sum where NumPy 2 raises TypeError (lang/library_generators.py);
- a lambda in a class body closes over the scope around the class, not the class (lang/scope.py);
- a bare `vars(C)` is refused by name as print(vars(C)) is (engine/displays.py), no `<mappingproxy>`;
- the refusal of a dtype NumPy knows by name ('S3') no longer says "numbers only" ('U5' runs);
- `s.isidentifier()`, `s.isascii()`, `s.isprintable()` (30 Days of Python, day 4; lang/sequence_methods.py).
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_breadth_corpus_s43 import _same_as_plain

# -- a generator expression given to a library function ---------------------------------------------------
NUMPY_SUM = [
    "import numpy as np\ntry:\n    print(np.sum(x * x for x in range(5)))\nexcept TypeError as e:\n"
    "    print('TypeError', e)\n",
    "import numpy\ntry:\n    s = numpy.sum((i for i in [1.5, 2.5]), axis=0)\nexcept TypeError as e:\n"
    "    print(e)\n",
    "import numpy as np\nprint(np.sum([x * x for x in range(5)]), sum(x * x for x in range(5)))\n",
    "import numpy as np\nprint(np.fromiter((x * 0.5 for x in range(4)), float))\n",
    "import numpy as np\nprint(np.fromiter((x for x in range(4)), dtype=np.int64),\n"
    "      np.mean(list(x for x in [1, 2])))\n",
    "import numpy as np\nxs = np.arange(3)\nprint(np.array([x + 1 for x in xs]), max(x for x in xs))\n",
]


@pytest.mark.parametrize("source", NUMPY_SUM)
def test_numpy_sum_of_a_generator_is_numpys_typeerror(source: str) -> None:
    _same_as_plain(source)


def test_numpy_sum_of_a_generator_uncaught_names_the_line() -> None:
    _same_as_plain("import numpy as np\nprint(1)\ntotal = np.sum(x for x in range(3))\nprint(total)\n")


@pytest.mark.parametrize(("call", "shown"), [
    ("np.max(x for x in xs)", "np.max"), ("np.array(x * 2 for x in xs)", "np.array"),
    ("np.mean(x for x in xs)", "np.mean"), ("torch.tensor(float(x) for x in xs)", "torch.tensor"),
    ("torch.stack(torch.ones(2) * x for x in xs)", "torch.stack"),
    ("np.linalg.norm(x for x in xs)", "np.linalg.norm"),
])
def test_other_library_functions_refuse_a_generator_by_name(call: str, shown: str) -> None:
    """NumPy returns the generator unread (np.max), makes a 0-d object array of it (np.array) or fails on it
    (np.mean, torch.tensor, torch.stack): the list the engine built gave numbers instead."""
    source = f"import numpy as np\nimport torch\nxs = [1, 2, 3]\nprint('before')\ny = {call}\n"
    oracle = run_trusted(source)
    report = run_program(source)
    assert report.printed == "before\n" and report.error.line == 5, report.error
    assert report.error.kind == "unsupported" and f"`{shown}(...)`" in report.error.message
    assert "生成器表达式" in error_text.message("zh", report.error)
    # what the engine gave before (the list's numbers) is not what the libraries give
    assert oracle.error is not None or "generator" in repr(oracle.variables.get("y"))


def test_the_first_iterable_is_read_before_the_refusal() -> None:
    """CPython makes the generator (reading its first iterable) before the call: a NameError there is
    Python's, at its line."""
    _same_as_plain("import numpy as np\ntry:\n    np.sum(x for x in missing)\nexcept NameError as e:\n"
                   "    print(e)\n")


def test_a_program_function_of_the_same_name_still_gets_its_generator() -> None:
    _same_as_plain("def sum_all(g):\n    return sum(g)\nclass np:\n    pass\n"
                   "print(sum_all(x for x in range(4)))\n")


# -- a lambda in a class body --------------------------------------------------------------------------------
LAMBDAS = [
    "class A:\n    x = 1\n    f = lambda self: x\ntry:\n    A().f()\nexcept NameError as e:\n    print(e)\n",
    "x = 5\nclass A:\n    x = 1\n    f = lambda self, y=x: (x, y)\nprint(A().f(), A.x)\n",
    "def make():\n    z = 3\n    class B:\n        z = 4\n        h = lambda self: z\n    return B()\n"
    "print(make().h())\n",
    "class C:\n    k = 2\n    scale = lambda self, v: v * self.k\nprint(C().scale(3))\n",
    "class D:\n    n = 3\n    sq = [i * i for i in range(n)]\n    g = lambda self: len(self.sq)\n"
    "print(D().g(), D.sq)\n",
]


@pytest.mark.parametrize("source", LAMBDAS)
def test_a_lambda_in_a_class_body_does_not_see_the_class_names(source: str) -> None:
    _same_as_plain(source)


# -- vars(C) shown ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("tail", ["vars(A)\n", "v = vars(A)\nv\n", "print(vars(A))\n"])
def test_vars_of_a_class_shown_is_refused_by_name(tail: str) -> None:
    source = "class A:\n    x = 1\nprint('x' in vars(A), vars(A)['x'])\n" + tail
    assert run_trusted(source).error is None
    report = run_program(source)
    assert report.printed == "True 1\n", report.printed
    assert not report.ok and report.error.line == source.count("\n"), report.error
    assert report.error.message.startswith("showing `vars(...)` of a class is not supported")
    assert not report.displayed


# -- a dtype NumPy knows by name --------------------------------------------------------------------------
def test_the_refused_dtype_message_names_text_too() -> None:
    source = "import numpy as np\nb = np.array(['1']).astype('S3')\n"
    report = run_program(source)
    assert report.error.kind == "unsupported" and "numbers only" not in report.error.message
    assert "'U5'" in report.error.message and "'U5'" in error_text.message("zh", report.error)
    assert "文本" in error_text.message("zh", report.error)
    _same_as_plain("import numpy as np\n"
                   "print(np.array(['1', '22']).astype('U5'), np.array([1, 2]).astype('U5'))\n")


# -- str predicates -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("source", [
    "challenge = '30DaysOfPython'\nprint(challenge.isidentifier())\nprint('thirty_days'.isidentifier())\n",
    "print('é'.isascii(), 'abc'.isascii(), ''.isascii(), 'a\\n'.isprintable(), 'ab c'.isprintable())\n",
    "print('变量'.isidentifier(), 'class'.isidentifier(), '_x1'.isidentifier(), ''.isidentifier())\n",
])
def test_str_predicates(source: str) -> None:
    _same_as_plain(source)


# -- collections.abc and typing.TypeAlias in annotations (草根学Python ch. 17) -------------------------------
ANNOTATED = [
    "from collections.abc import Sequence\n\n\ndef first_and_last(items: Sequence[int]) -> tuple[int, int]:\n"
    "    return items[0], items[-1]\n\n\nprint(first_and_last([1, 2, 3]))\n"
    "print(first_and_last((10, 20, 30)))\n",
    "from collections.abc import Callable\n\n\n"
    "def apply(func: Callable[[int, int], int], x: int, y: int) -> int:\n"
    "    return func(x, y)\n\n\nprint(apply(lambda a, b: a + b, 3, 5))\n"
    "print(apply(lambda a, b: a * b, 3, 5))\n",
    "from typing import TypeAlias\n\n\nProfile: TypeAlias = tuple[str, list[str]]\n"
    "EmployeeDB: TypeAlias = dict[str, list[Profile]]\n\n\n"
    "def add_employee(db: EmployeeDB, dept: str, profile: Profile) -> None:\n"
    "    db.setdefault(dept, []).append(profile)\n\n\ndb: EmployeeDB = {}\n"
    "add_employee(db, '做鸭事业部', ('两点水', ['Python']))\nprint(db)\nprint(Profile, EmployeeDB)\n",
    "from collections.abc import Iterable, Iterator, Mapping, Sequence\n"
    "print(Sequence[int], Mapping[str, float])\n"
    "print(Iterable, Iterator[int] == Iterator[int])\nSequence\n",
    "from collections.abc import Callable\ntry:\n    Callable[int]\nexcept TypeError as e:\n"
    "    print('TypeError', e)\n",
]


@pytest.mark.parametrize("source", ANNOTATED)
def test_collections_abc_and_type_alias_forms(source: str) -> None:
    _same_as_plain(source)


def test_isinstance_with_an_abc_form_is_refused_by_name() -> None:
    source = "from collections.abc import Sequence\nprint(isinstance([1], Sequence))\n"
    assert run_trusted(source).printed == "True\n"
    report = run_program(source)
    assert report.error.kind == "unsupported" and "collections.abc.Sequence" in report.error.message


@pytest.mark.parametrize("line", ["from collections.abc import ABCMeta",
                                  "from collections.abc import abstractmethod",
                                  "import collections.abc as c\nc.__dict__", "from collections.abc import *"])
def test_other_collections_abc_names_stay_refused(line: str) -> None:
    report = run_program(line + "\n")
    assert not report.ok and report.error.kind in ("unsupported", "syntax", "name"), report.error


# -- from statistics import * (30 Days of Python, day 12) -------------------------------------------------
def test_star_import_of_statistics() -> None:
    _same_as_plain("from statistics import *  # importing all the statistics modules\n"
                   "ages = [20, 20, 4, 24, 25, 22, 26, 20, 23, 22, 26]\nprint(mean(ages))\n"
                   "print(median(ages))\n"
                   "print(mode(ages))\nprint(stdev(ages), pstdev(ages), variance(ages), multimode(ages))\n")


def test_a_statistics_name_the_engine_lacks_is_refused_by_name_after_the_star() -> None:
    source = "from statistics import *\nprint(mean([1, 2]))\nq = quantiles([1, 2, 3, 4])\n"
    assert run_trusted(source).error is None
    report = run_program(source)
    assert report.printed == "1.5\n" and report.error.line == 3
    assert report.error.message == "`statistics.quantiles` is not supported in Autograd Lab"


@pytest.mark.parametrize("module", ["random", "string", "collections", "itertools", "functools", "os"])
def test_other_star_imports_stay_refused(module: str) -> None:
    report = run_program(f"from {module} import *\n")
    assert not report.ok and report.error.kind == "unsupported", report.error


# -- class X(Protocol) (草根学Python ch. 17) ----------------------------------------------------------------
PROTOCOLS = [
    "from typing import Protocol\n\n\nclass Quacker(Protocol):\n    def quack(self) -> str:\n"
    "        ...\n\n\n"
    "class Duck:\n    def quack(self) -> str:\n        return 'quack'\n\n\n"
    "def let_it_quack(animal: Quacker) -> None:\n    print(animal.quack())\n\n\nlet_it_quack(Duck())\n",
    "from typing import Protocol\n\n\nclass Sized(Protocol):\n    def __len__(self) -> int:\n"
    "        ...\n\n\n"
    "def show_size(obj: Sized) -> None:\n    print(f'size {len(obj)}')\n\n\nshow_size('abc')\n"
    "show_size([1, 2, 3, 4])\nshow_size({'a': 1, 'b': 2})\n",
    "import typing\nclass HasName(typing.Protocol):\n    name: str\nprint(HasName)\nHasName\n",
    "from typing import Protocol\nclass P(Protocol):\n    def f(self) -> int: ...\ntry:\n    P()\n"
    "except TypeError as e:\n    print(e)\n",
    "from typing import Protocol\nclass P(Protocol):\n    def f(self) -> int: ...\nclass Q(P):\n"
    "    def f(self):\n        return 3\nq = Q()\nprint(q.f(), isinstance(q, Q))\n"
    "try:\n    isinstance(q, P)\n"
    "except TypeError as e:\n    print(e)\n",
]


@pytest.mark.parametrize("source", PROTOCOLS)
def test_protocol_classes_as_annotations(source: str) -> None:
    _same_as_plain(source)


def test_mro_of_a_protocol_class_is_refused_by_name() -> None:
    source = "from typing import Protocol\nclass P(Protocol):\n    pass\nprint(P.mro())\n"
    assert "typing.Protocol" in run_trusted(source).printed
    report = run_program(source)
    assert report.error.kind == "unsupported" and report.error.line == 4
    assert report.error.message.startswith("`P.mro()` of a Protocol class is not supported")
    assert "Protocol 类" in error_text.message("zh", report.error)


@pytest.mark.parametrize("source", ["Protocol = 3\nclass P(Protocol):\n    pass\n",
                                    "from typing import List\nclass P(List):\n    pass\n",
                                    "import typing\nclass P(typing.Generic):\n    pass\n"])
def test_other_bases_stay_refused(source: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported"
    assert "a base that is not" in report.error.message


# -- @dataclass(slots=True) (草根学Python ch. 20) -------------------------------------------------------
SLOTTED = [
    'from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    x: float\n'
    '    y: float = 0.0\np = P(1.0)\nprint(p, P(2.0, 3.0))\np.y = 5\nprint(p.y)\ntry:\n    p.z = 3\n'
    'except AttributeError as e:\n    print(e)\n',
    'from dataclasses import dataclass\n@dataclass(slots=True, frozen=True)\nclass Q:\n    x: int\n'
    'q = Q(1)\ntry:\n    q.x = 3\nexcept AttributeError as e:\n    print(type(e).__name__, e)\n'
    'print(hash(q) == hash(Q(1)))\n',
    'from dataclasses import dataclass, field\n@dataclass(slots=True)\nclass R:\n'
    '    xs: list = field(default_factory=list)\nr = R()\nr.xs.append(1)\nprint(r, R())\n',
    'from dataclasses import dataclass\n@dataclass(slots=True)\nclass A:\n    x: int\n'
    '@dataclass(slots=True)\nclass B(A):\n    y: int = 2\nb = B(1)\nprint(b)\ntry:\n    b.w = 1\n'
    'except AttributeError as e:\n    print(e)\n',
    'from dataclasses import dataclass\nclass A:\n    pass\n@dataclass(slots=True)\nclass B(A):\n'
    '    y: int = 2\nb = B()\nb.w = 1\nprint(b, b.w)\n',
    'from dataclasses import dataclass\ntry:\n    @dataclass(slots=True)\n    class S:\n'
    "        __slots__ = ('x',)\n        x: int\nexcept TypeError as e:\n    print(e)\n",
    'from dataclasses import dataclass\nfrom typing import ClassVar\n@dataclass(slots=True)\nclass C:\n'
    '    n: ClassVar[int] = 3\n    x: int = 1\nc = C()\nprint(c, C.n, c.n)\ntry:\n    c.n = 4\n'
    'except AttributeError as e:\n    print(e)\n',
]


@pytest.mark.parametrize("source", SLOTTED)
def test_dataclass_with_slots(source: str) -> None:
    _same_as_plain(source)


def test_a_slot_read_from_the_class_is_refused_by_name() -> None:
    source = "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    x: float = 1.0\n" \
             "print(P.x)\n"
    assert "member 'x'" in run_trusted(source).printed
    report = run_program(source)
    assert report.error.kind == "unsupported" and "slot `x`" in report.error.message


def test_weakref_slot_stays_refused() -> None:
    report = run_program("from dataclasses import dataclass\n@dataclass(slots=True, weakref_slot=True)\n"
                         "class P:\n    x: int\n")
    assert report.error.kind == "unsupported" and "weakref_slot" in report.error.message


# -- an array searched for in a list or tuple (session 44's leftover; lang/array_membership.py) -----------
ARRAY_SEARCHES = [
    'import numpy as np\na = np.array([1, 2])\nprint(a in [a], a not in [a], a in (a,), a in [])\n',
    'import numpy as np\na = np.array([1, 2])\nb = np.array([3, 4])\ntry:\n    print(a in [b, a])\n'
    'except ValueError as e:\n    print(e)\n',
    'import numpy as np\na = np.array([1])\n'
    'print(a in [np.array([1])], a in [np.array([2])], a in [1, 2], a in [5])\n',
    'import numpy as np\na = np.array([1, 2])\nxs = [a, np.zeros(2)]\n'
    'print(xs[1] in xs, np.asarray(a) in [a])\n',
    'import numpy as np\na = np.array([1, 2])\ntry:\n    a in [3]\nexcept ValueError as e:\n'
    '    print(e)\n',
    'import numpy as np\na = np.ones((2, 2))\nseen = []\nfor k in range(3):\n    if a not in seen:\n'
    '        seen.append(a)\nprint(len(seen))\n',
]


@pytest.mark.parametrize("source", ARRAY_SEARCHES)
def test_an_array_in_a_list_as_cpython_searches(source: str) -> None:
    _same_as_plain(source)


def test_an_array_search_is_counted_against_the_loop_budget() -> None:
    source = "import numpy as np\na = np.array([1])\nb = np.array([2])\nprint(a in [b] * 150_000)\n"
    assert run_trusted(source).printed == "False\n"
    report = run_program(source)
    assert report.error.kind == "limit", report.error
    assert run_program(source.replace("150_000", "1_000")).printed == "False\n"


# -- object() as a sentinel (草根学Python ch. 6; lang/object_sentinels.py) ------------------------------
SENTINELS = [
    '_no_value = object()\n\ndef print_info(a, b=_no_value):\n    if b is _no_value:\n'
    "        print('b not given')\n    return a\n\nprint(print_info(1), print_info(2, 3))\n",
    'o = object()\np = object()\n'
    'print(o is o, o is p, o == o, o == p, o != p, bool(o), type(o), isinstance(o, object))\n'
    'print(o in [p, o], [p, o].index(o), o in (p,))\n',
    'o = object()\ntry:\n    o.x\nexcept AttributeError as e:\n    print(e)\ntry:\n    object(1)\n'
    'except TypeError as e:\n    print(e)\n',
    "MISSING = object()\nd = {'a': 1}\nv = d.get('b', MISSING)\n"
    "print(v is MISSING, d.get('a', MISSING))\n",
]


@pytest.mark.parametrize("source", SENTINELS)
def test_a_bare_object_as_a_sentinel(source: str) -> None:
    _same_as_plain(source)


def test_a_bare_object_prints_without_its_address_and_stays_out_of_dict_keys() -> None:
    report = run_program("o = object()\nprint(o)\no\nd = {o: 1}\n")
    assert report.printed == "<object object>\n" and [d.text for d in report.displayed] == ["<object object>"]
    assert report.error.kind == "type" and report.error.line == 4 and "dictionary key" in report.error.message
    assert run_trusted("o = object()\nprint(o)\n").printed.startswith("<object object at 0x")


# -- __reversed__ (草根学Python ch. 7's Countdown; lang/object_protocols.reversing) --------------------------
REVERSED = [
    'class Countdown:\n    def __init__(self, start):\n        self.start = start\n\n'
    '    def __iter__(self):\n        n = self.start\n        while n > 0:\n            yield n\n'
    '            n -= 1\n\n    def __reversed__(self):\n        n = 1\n        while n <= self.start:\n'
    '            yield n\n            n += 1\n\nfor rr in reversed(Countdown(5)):\n    print(rr)\n'
    'for rr in Countdown(3):\n    print(rr)\n',
    'class L:\n    def __init__(self, xs):\n        self.xs = xs\n    def __reversed__(self):\n'
    '        return L(list(reversed(self.xs)))\n    def __repr__(self):\n'
    "        return f'L({self.xs})'\nprint(reversed(L([1, 2, 3])), list(reversed([1, 2])))\n",
    'class A:\n    def __reversed__(self):\n        return iter([3, 2, 1])\n'
    'print(list(reversed(A())), sorted(reversed(A())))\n',
]


@pytest.mark.parametrize("source", REVERSED)
def test_reversed_of_an_object_with_dunder_reversed(source: str) -> None:
    _same_as_plain(source)


def test_reversed_of_an_object_without_it_stays_refused_by_name() -> None:
    source = "class B:\n    pass\ntry:\n    reversed(B())\nexcept TypeError as e:\n    print(e)\n"
    assert run_trusted(source).printed == "'B' object is not reversible\n"
    report = run_program(source)
    assert report.error.kind == "unsupported" and "in `reversed()`" in report.error.message


def test_the_class_hint_names_reversed_and_keeps_its_catalogue_key() -> None:
    """The hint is recognised by its catalogue text only up to error_keys.MAX_CHARS (600): naming
    `__reversed__` must keep it within, or the zh page would show the English."""
    report = run_program("class A:\n    x = 1\n    x + 1\n")
    assert report.error.hint_key == "errors_classes.class_hint" and "`__reversed__`" in report.error.hint
    assert "`__reversed__`" in error_text.hint("zh", report.error)


# -- typing.NewType (草根学Python ch. 17; lang/new_types.py) ----------------------------------------------
NEW_TYPES = [
    "from typing import NewType\n\n\nUserId = NewType('UserId', int)\n"
    "ProductId = NewType('ProductId', int)\n\n\ndef get_user(uid: UserId) -> str:\n"
    "    return f'user {uid}'\n\n\nprint(get_user(UserId(1001)))\n"
    'print(UserId, UserId(5) + ProductId(2), type(UserId(3)))\nUserId\n',
    "from typing import NewType\nU = NewType('U', int)\nfor call in ('U(1, 2)', 'isinstance(3, U)'):\n"
    '    pass\ntry:\n    U(1, 2)\nexcept TypeError as e:\n    print(e)\ntry:\n    isinstance(3, U)\n'
    "except TypeError as e:\n    print(e)\ntry:\n    NewType('V')\nexcept TypeError as e:\n"
    '    print(e)\n',
    "import typing\nScore = typing.NewType('Score', float)\ns = Score(9.5)\nprint(s, s * 2)\n",
]


@pytest.mark.parametrize("source", NEW_TYPES)
def test_new_type(source: str) -> None:
    _same_as_plain(source)


def test_a_new_type_offers_nothing_else() -> None:
    report = run_program("from typing import NewType\nU = NewType('U', int)\nprint(U.__supertype__)\n")
    assert not report.ok and report.error.kind == "unsupported"


# -- class X(TypedDict) (草根学Python ch. 20; lang/protocol_classes.py) -----------------------------------
TYPED_DICTS = [
    'from typing import TypedDict\n\n\nclass UserProfile(TypedDict):\n    name: str\n    age: int\n\n\n'
    "u: UserProfile = {'name': 'a', 'age': 28}\nprint(u)\nprint(u['name'])\n"
    "v = UserProfile(name='b', age=3)\nprint(v, type(v), UserProfile({'name': 'c'}), UserProfile)\n"
    'UserProfile\n',
    'from typing import TypedDict\nclass P(TypedDict):\n    x: int\ntry:\n    isinstance({}, P)\n'
    'except TypeError as e:\n    print(e)\ntry:\n    P(1)\nexcept TypeError as e:\n    print(e)\n',
    "import typing\nclass Movie(typing.TypedDict):\n    title: str\nm = Movie(title='x')\n"
    "m['year'] = 1999\nprint(m)\n",
]


@pytest.mark.parametrize("source", TYPED_DICTS)
def test_typed_dict_classes(source: str) -> None:
    _same_as_plain(source)


def test_mro_of_a_typed_dict_class_is_refused_by_name() -> None:
    report = run_program("from typing import TypedDict\nclass P(TypedDict):\n    x: int\nprint(P.mro())\n")
    assert report.error.kind == "unsupported" and report.error.message.startswith("`P.mro()` of a TypedDict")
    assert "TypedDict 类" in error_text.message("zh", report.error)

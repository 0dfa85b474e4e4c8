"""Session 25 (issue 9 §2): the `match` statement, `__slots__` and positional-only parameters run as
CPython runs them (CPython + PyTorch as the oracle: printed text, variables, error kind, line and
message; CPython's compiler for the pattern SyntaxErrors, with their positions), the captures seen by
the engine's hooks, the limits still enforced (steps, the length of a starred capture, just below and
above), what a pattern may reach no more than the program could reach, and the new texts in Chinese."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab import error_text
from autogradlab.engine.run import run_program
from autogradlab.errors import NotSupported
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.messages import errors_patterns
from tests.diff_compare import compare, engine_run, oracle_batch
from tests.syntax_oracle import assert_accepted_as_cpython_compiles, assert_syntax_error_is_cpythons
from tests.unit.pymatch_s25_programs import MATCH_PROGRAMS, POSITIONAL_ONLY_PROGRAMS, SLOTS_PROGRAMS
from tests.unit.test_interpreter import run
from tests.unit.test_zh_error_corpus import FIELD, english

PROGRAMS = MATCH_PROGRAMS + SLOTS_PROGRAMS + POSITIONAL_ONLY_PROGRAMS


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return dict(zip(PROGRAMS, oracle_batch(PROGRAMS), strict=True))


@pytest.mark.parametrize("source", PROGRAMS, ids=range(len(PROGRAMS)))
def test_program_runs_as_cpython(source: str, oracle: dict[str, dict]) -> None:
    outcome = compare(oracle[source], engine_run(source))
    assert outcome.refused is None, outcome.refused
    assert not outcome.problems, outcome.problems


# CPython's compiler checks of patterns, which ast.parse lets through: same words, line and column.
PATTERN_ERRORS = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: 1, True: 2}:\n        pass\n",
    "match x:\n    case {-1: a, -1: b}:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case C(1, a=1, a=2):\n        pass\n",
    "match x:\n    case f'a':\n        pass\n",
    "match x:\n    case ([x] as x):\n        pass\n",
    "match x:\n    case (x as y):\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [1, 2] | [a]:\n        pass\n",
    "match x:\n    case [a, (1 as a) | (2 as a)]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case (1 | _) | 2:\n        pass\n",
    "match x:\n    case [a, *a]:\n        pass\n",
    "match x:\n    case [a] | (b as a) | [*a]:\n        pass\n    case 3:\n        pass\n",
    "def f():\n    match x:\n        case [q, q]:\n            pass\n",
]
PATTERNS_ACCEPTED = [
    "match x:\n    case y if y:\n        pass\n    case z:\n        pass\n",
    "match x:\n    case [a, b] | [b, a]:\n        print(a, b)\n",
    "match x:\n    case {'a': 1, **r} | {'b': r}:\n        pass\n",
]


@pytest.mark.parametrize("source", PATTERN_ERRORS)
def test_pattern_syntax_error_is_cpythons(source: str) -> None:
    assert_syntax_error_is_cpythons(source)


@pytest.mark.parametrize("source", PATTERNS_ACCEPTED)
def test_pattern_cpython_compiles_is_accepted(source: str) -> None:
    assert_accepted_as_cpython_compiles(source)


# -- what a pattern may reach ----------------------------------------------------------------------
@pytest.mark.parametrize(("source", "named"), [
    ("match 1:\n    case object(__class__=c):\n        pass\n",
     "double-underscore attributes such as `__class__`"),
    ("match 1:\n    case int(_x=1):\n        pass\n", "private attributes such as `._x`"),
    ("match 1:\n    case [*__a__]:\n        pass\n", "double-underscore names such as `__a__`"),
    ("match 1:\n    case {**__r__}:\n        pass\n", "double-underscore names such as `__r__`"),
    ("match 1:\n    case __b__:\n        pass\n", "double-underscore names such as `__b__`"),
    ("__slots__ = ('a',)\n", "double-underscore names such as `__slots__`"),
    ("def f():\n    __match_args__ = ('a',)\n", "double-underscore names such as `__match_args__`"),
])
def test_pattern_refusal_names_the_construct(source: str, named: str) -> None:
    with pytest.raises(NotSupported) as info:
        parse_program(source, DEFAULT_LIMITS)
    assert named in info.value.message and info.value.line is not None


@pytest.mark.parametrize(("source", "line", "named"), [
    ("import torch\nmatch 1:\n    case torch.load():\n        pass\n", 3, "`torch.load`"),
    ("class C:\n    __match_args__ = ('__dict__',)\nmatch C():\n    case C(d):\n        print(d)\n", 4,
     "the attribute `__dict__`"),
    ("import torch\nmatch torch.ones(1):\n    case torch.Tensor(storage=s):\n        print(s)\n", 3,
     "`.storage`"),
])
def test_class_pattern_reaches_nothing_new(source: str, line: int, named: str) -> None:
    report = run_program(source, torchviz=False)
    assert report.error.kind == "unsupported" and named in report.error.message, report.error
    assert report.error.line == line and report.printed == ""


@pytest.mark.parametrize(("source", "named"), [
    ("class P:\n    __slots__ = ('x',)\nprint(P.x)\n", "reading the slot `x` from the class `P`"),
    ("class P:\n    __slots__ = ('x',)\nclass Q(P):\n    pass\nQ.x = 1\n",
     "assigning to the slot `x` of the class `Q`"),
])
def test_slot_of_the_class_itself_is_refused_by_name(source: str, named: str) -> None:
    """CPython's `P.x` is a member descriptor, no value a program can hold."""
    report = run_program(source, torchviz=False)
    assert report.error.kind == "unsupported" and named in report.error.message


def test_private_attribute_of_own_class_is_matched() -> None:
    source = ("class C:\n    __match_args__ = ('_x',)\n    def __init__(self):\n        self._x = 4\n"
              "match C():\n    case C(v):\n        print(v)\n")
    assert run_program(source, torchviz=False).printed == "4\n"


# -- hooks: captures are assignments ----------------------------------------------------------------
def test_captures_reach_the_assign_hook_in_pattern_order() -> None:
    _, hooks = run("import torch\n"
                   "def f(p):\n"
                   "    match p:\n"
                   "        case [t, *rest] if t.sum() > 0:\n"
                   "            return t\n"
                   "match {'w': torch.ones(2), 'b': 1.0}:\n"
                   "    case {'w': w, **extra} as whole:\n"
                   "        y = f([w, 2])\n")
    assert ("w", None) in hooks.assigns and ("extra", None) in hooks.assigns
    names = [name for name, _ in hooks.assigns]
    assert names.index("w") < names.index("extra") < names.index("whole") < names.index("y")
    assert ("t", "f") in hooks.assigns and ("rest", "f") in hooks.assigns


def test_failed_pattern_binds_nothing() -> None:
    _, hooks = run("match [1, 2]:\n    case [a, 3]:\n        pass\n    case _:\n        pass\n")
    assert hooks.assigns == []


# -- limits ----------------------------------------------------------------------------------------
def test_step_limit_stops_a_match_in_while_true() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=5_000)
    report = run_program("n = 0\nwhile True:\n    match n:\n        case [a, b] | {'k': a, 'j': b}:\n"
                         "            pass\n        case 1 | 2 | 3:\n            pass\n", torchviz=False,
                         limits=limits)
    assert report.error.kind == "limit" and "5,000 steps" in report.error.message


@pytest.mark.parametrize(("length", "stopped"), [(100_001, False), (100_002, True)])
def test_starred_capture_is_counted_like_a_list(length: int, stopped: bool) -> None:
    report = run_program(f"match range({length}):\n    case [0, *rest]:\n        print(len(rest))\n",
                         torchviz=False)
    if stopped:
        assert report.error.kind == "limit" and "100,001 items" in report.error.message
        assert "`*rest`" in report.error.message and report.error.line == 2
    else:
        assert report.error is None and report.printed == "100000\n"


@pytest.mark.parametrize(("steps", "stopped"), [(40_000, False), (4_000, True)])
def test_huge_sequence_pattern_stays_bounded(steps: int, stopped: bool) -> None:
    pattern = ",\n          ".join([", ".join(["0"] * 100)] * 50)   # 5,000 items, 50 lines
    source = f"xs = [0] * 5000\nmatch xs:\n    case [{pattern}]:\n        print('all zero')\n"
    report = run_program(source, torchviz=False, limits=dataclasses.replace(DEFAULT_LIMITS, max_steps=steps))
    if stopped:
        assert report.error.kind == "limit" and "steps" in report.error.message
    else:
        assert report.error is None and report.printed == "all zero\n"


def test_range_too_long_for_len_is_cpythons_overflow() -> None:
    report = run_program("match range(10**20):\n    case [0, *_]:\n        pass\n", torchviz=False)
    assert report.error.message.endswith("Python int too large to convert to C ssize_t")


# -- the new texts in Chinese ------------------------------------------------------------------------
@pytest.mark.parametrize("source", [
    *PATTERN_ERRORS[:12],
    "match 1:\n    case print():\n        pass\n",
    "match 5:\n    case int(x, y):\n        pass\n",
    "import torch\nmatch torch.ones(1):\n    case torch.Tensor(z):\n        pass\n",
    "class C:\n    __match_args__ = ['a']\nmatch C():\n    case C(x):\n        pass\n",
    "class C:\n    __match_args__ = (1,)\nmatch C():\n    case C(x):\n        pass\n",
    "class C:\n    __match_args__ = ('a',)\n    a = 1\nmatch C():\n    case C(x, a=y):\n        pass\n",
    "class K:\n    k = 'a'\nmatch {'a': 1, 'b': 2}:\n    case {K.k: v, K.k: w}:\n        pass\n",
    "class P:\n    __slots__ = ('x',)\n    c = 1\nP().c = 2\n",
    "class P:\n    __slots__ = ('x',)\n    x = 1\n",
    "class P:\n    __slots__ = (1,)\n",
    "class P:\n    __slots__ = ('a b',)\n",
    "class P:\n    __slots__ = ('x',)\nprint(P.x)\n",
    "class P:\n    __slots__ = ('x',)\nclass Q(P):\n    pass\nQ.x = 1\n",
    "def f(a, b, /):\n    pass\nf(a=1, b=2)\n",
])
def test_new_error_is_said_in_chinese(source: str) -> None:
    error = run_program(source, torchviz=False).error
    assert error is not None and error.line is not None
    shown = error_text.box("zh", error)
    assert not english(shown) and "原文" not in shown, shown


def test_catalogue_says_the_same_fields_in_both_languages() -> None:
    assert errors_patterns.EN.keys() == errors_patterns.ZH.keys()
    for key, text in errors_patterns.EN.items():
        assert set(FIELD.findall(text)) == set(FIELD.findall(errors_patterns.ZH[key])), key


def test_class_hint_names_slots_and_match_args() -> None:
    with pytest.raises(NotSupported) as info:
        parse_program("class A:\n    __dict__ = 1\n", DEFAULT_LIMITS)
    assert "`__slots__`" in info.value.hint and "`__match_args__`" in info.value.hint
    zh = error_text.box("zh", run_program("class A:\n    __dict__ = 1\n", torchviz=False).error)
    assert "`__slots__`" in zh and "`__match_args__`" in zh


def test_limit_error_is_not_a_pattern_miss() -> None:
    """A limit met while reading a class pattern's attribute is no AttributeError: it stops the run."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=300)
    source = ("class C:\n    @property\n    def x(self):\n        n = 0\n        while True:\n"
              "            n += 1\ntry:\n    match C():\n        case C(x=1):\n            pass\n"
              "except Exception:\n    print('caught')\n")
    report = run_program(source, torchviz=False, limits=limits)
    assert report.error.kind == "limit" and report.printed == ""

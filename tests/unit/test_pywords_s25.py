"""Session 25 (issue 9 §2): a student's mistakes get Python's own words and are caught as in Python.

A missing attribute of a module or a tensor is CPython's / PyTorch's AttributeError (text equal, caught by
`except AttributeError as e`; the did-you-mean stays as the error box's hint); what exists but is refused
stays refused by name, uncatchable. A walrus in a comprehension's iterable is CPython's compile-time
SyntaxError (words, line, column). A `case` capture given a module names the case and its line. A
namedtuple is a dict key; `defaultdict | dict` / `OrderedDict | dict` keep their type. CPython and
PyTorch, run in a child process (tests/diff_compare.py), are the oracle."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine.run import run_program
from tests.diff_compare import compare, engine_run, oracle_batch
from tests.syntax_oracle import assert_accepted_as_cpython_compiles, assert_syntax_error_is_cpythons

_CATCH = "try:\n    {expr}\nexcept AttributeError as e:\n    print(type(e).__name__, e)\n"
MISSING = [   # (imports, expression): Python raises AttributeError
    ("import torch", "torch.dott(torch.ones(2), torch.ones(2))"),
    ("import torch", "torch.linalg.foo"),
    ("import torch", "torch.nn.functional.reluu(torch.ones(2))"),
    ("import torch", "torch.arrange(4)"),
    ("import math", "math.sqr(2)"),
    ("import numpy as np", "np.arang(3)"),
    ("import random", "random.randd()"),
    ("import collections", "collections.Countr()"),
    ("import torch\nx = torch.ones(2)", "x.sizee()"),
    ("import torch\nx = torch.ones(2)", "x.gard"),
    ("import torch\nx = torch.ones(2, requires_grad=True)", "x.backwards()"),
]
CAUGHT = [f"{imports}\n{_CATCH.format(expr=expr)}print('after')\n" for imports, expr in MISSING]
UNCAUGHT = [f"{imports}\ny = 1\n{expr}\n" for imports, expr in MISSING]
DICTS = [
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nd = {P(1, 2): 'a', (3, 4): 'b'}\n"
    "print(d[P(1, 2)], d[(1, 2)], d[P(3, 4)], P(1, 2) in d, len(d))\nd[P(1, 2)] = 'c'\nprint(d)\n",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\nd = {(P(1, 2), 'k'): 1}\n"
    "print(d[((1, 2), 'k')], {P(0, 0): 1} == {(0, 0): 1})\n",
    "from collections import namedtuple\nP = namedtuple('P', 'x y')\ntry:\n    d = {P([1], 2): 1}\n"
    "except TypeError as e:\n    print(e)\n",
    "from collections import defaultdict\ndd = defaultdict(int, a=1)\nr = dd | {'b': 2}\nl = {'c': 3} | dd\n"
    "print(type(r).__name__, r, type(l).__name__, l)\nprint(r['zz'], l['yy'], r, l)\ndd |= {'q': 4}\n"
    "print(type(dd).__name__, dd)\n",
    "from collections import defaultdict, OrderedDict\no = OrderedDict(a=1)\ndd = defaultdict(list)\n"
    "print(o | {'b': 2}, {'b': 2} | o, dd | o, o | dd, type(dd | o).__name__, type(o | dd).__name__)\n",
]
PROGRAMS = CAUGHT + UNCAUGHT + DICTS


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return dict(zip(PROGRAMS, oracle_batch(PROGRAMS), strict=True))


@pytest.mark.parametrize("source", CAUGHT + DICTS, ids=range(len(CAUGHT + DICTS)))
def test_program_runs_as_cpython(source: str, oracle: dict[str, dict]) -> None:
    assert "AttributeError" in oracle[source]["printed"] or source in DICTS
    outcome = compare(oracle[source], engine_run(source))
    assert outcome.refused is None, outcome.refused
    assert not outcome.problems, outcome.problems


@pytest.mark.parametrize("source", UNCAUGHT, ids=range(len(UNCAUGHT)))
def test_uncaught_missing_attribute_is_pythons_error(source: str, oracle: dict[str, dict]) -> None:
    """Python's words and line; the kind the engine gives every AttributeError (operators.python_error)."""
    said = oracle[source]["error"]
    error = run_program(source, torchviz=False).error
    assert said[0] == "AttributeError"
    assert (error.kind, error.message, error.line) == ("value", said[1], said[2])


@pytest.mark.parametrize(("source", "hint"), [
    ("import torch\ntorch.dott(torch.ones(2), torch.ones(2))\n", "did you mean `torch.dot`?"),
    ("import math\nmath.sqr(2)\n", "did you mean `math.sqrt`?"),
    ("import torch\nx = torch.ones(2)\nx.sizee()\n", "did you mean `.size`?"),
    ("import torch\ntorch.linalg.foo\n", None),
])
def test_did_you_mean_stays_as_the_hint(source: str, hint: str | None) -> None:
    assert run_program(source, torchviz=False).error.hint == hint


@pytest.mark.parametrize(("expr", "named"), [
    ("torch.load('f')", "`torch.load`"),
    ("torch.save(x, 'f')", "`torch.save`"),
    ("x.__class__", "`__class__`"),
    ("x.untyped_storage()", "`.untyped_storage()`"),   # (x.storage() runs since session 33)
    ("x.data_ptr()", "`.data_ptr()`"),
    ("torch.onnx", "`torch.onnx`"),
    ("np.fromfile", "`numpy.fromfile`"),   # np.float: NumPy's own AttributeError since session 41
])
def test_refused_attribute_stays_refused_and_uncaught(expr: str, named: str) -> None:
    source = ("import torch\nimport numpy as np\nx = torch.ones(2)\n"
              f"try:\n    {expr}\nexcept AttributeError as e:\n    print('caught')\nexcept Exception:\n"
              "    print('caught')\n")
    report = run_program(source, torchviz=False)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert named in report.error.message and report.printed == ""


def test_missing_attribute_is_said_in_chinese() -> None:
    error = run_program("import torch\ntorch.dott(1)\n", torchviz=False).error
    assert error.key == "errors.module_no_attribute"
    assert error_text.message("zh", error) == "模块 'torch' 没有属性 'dott'"
    error = run_program("import torch\nx = torch.ones(1)\nx.sizee\n", torchviz=False).error
    assert error_text.message("zh", error) == "'Tensor' 对象（张量）没有属性 'sizee'"


# -- CPython's compile-time refusal of `:=` in a comprehension's iterable ------------------------------
WALRUS_REFUSED = [
    "xs = [y for x in (y := [1, 2])]\n",
    "s = {x for x in (y := [1])}\n",
    "d = {k: 1 for k in (y := [1])}\n",
    "g = (x for x in (y := [1]))\n",
    "xs = [x for x in [1] for z in (w := [2])]\n",
    "def f():\n    return [x for x in [1, 2][(z := 0):]]\n",
    "xs = [x for x in (lambda: (z := [1]))()]\n",
    "xs = [x for x in [(w := 1) for q in [1]]]\n",
    "xs = [x for x in (a := [1]) if (b := (c := 2))]\n",
    "xs = [\n    x\n    for x in (\n        a := [1])]\n",
]
WALRUS_ACCEPTED = [
    "xs = [y for x in [1, 2] if (y := x)]\n",
    "xs = [(y := x) for x in [1, 2]]\n",
    "ys = (z := [1, 2])\nxs = [x for x in ys]\n",
]


@pytest.mark.parametrize("source", WALRUS_REFUSED)
def test_walrus_in_comprehension_iterable_is_cpythons_syntax_error(source: str) -> None:
    assert_syntax_error_is_cpythons(source)


@pytest.mark.parametrize("source", WALRUS_ACCEPTED)
def test_walrus_cpython_compiles_is_accepted(source: str) -> None:
    assert_accepted_as_cpython_compiles(source)


def test_walrus_refusal_runs_nothing_and_is_said_in_chinese() -> None:
    report = run_program("print(1)\nxs = [y for x in (y := [1, 2])]\n", torchviz=False)
    assert report.printed == "" and report.error.kind == "syntax" and report.error.line == 2
    assert error_text.message("zh", report.error) == \
        "推导式的可迭代对象表达式（`in` 后面的部分）中不能使用赋值表达式 `:=`"


# -- a `case` capture given a module or a library function --------------------------------------------
@pytest.mark.parametrize(("source", "line", "code"), [
    ("import torch\nmatch torch.nn:\n    case x:\n        print(1)\n", 3, "case x:"),
    ("import torch\nmatch 1:\n    case 2:\n        pass\n    case y if False:\n        pass\n", None, None),
    ("import torch\nmatch torch.sin:\n    case (g as h):\n        pass\n", 3, "case g as h:"),
    ("import math\nif True:\n    match math:\n        case m:\n            pass\n", 4, "case m:"),
])
def test_case_capture_of_a_module_names_the_case(source: str, line: int | None, code: str | None) -> None:
    report = run_program(source, torchviz=False)
    if code is None:
        assert report.error is None
        return
    error = report.error
    assert error.kind == "unsupported" and error.line == line and report.printed == ""
    assert error.message.startswith(f"`{code}` captures `") and "cannot be stored" in error.message
    assert error.key == "errors_more.store_case"
    assert error_text.message("zh", error).startswith(f"`{code}` 把函数或模块捕获到")


def test_plain_assignment_of_a_module_keeps_its_words() -> None:
    error = run_program("import torch\nf = torch.sin\n", torchviz=False).error
    assert error.message.startswith("`f = torch.sin`: functions and modules cannot be stored")
    assert error.line == 2

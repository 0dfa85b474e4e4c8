"""Session 43 (issue 9, session 42's leftovers): Python's own error, catchable with its class and words,
where the engine refused in its own words or named the wrong class.

- a name read on None (`None.foo()`, `x.grad.zero_()` before backward): "'NoneType' object has no
  attribute 'foo'" (was "`x.grad` is None, so it has no `.zero_()`", uncatchable by `except AttributeError`);
  the hint still says which value is None and, for a .grad, why;
- a name an iterator (`iter(xs)`, `reversed(xs)`, map, zip, enumerate, a dict's keys) or bytes lacks:
  "'list_iterator' object has no attribute 'foo'", looked up before the arguments run;
- `torch.Size(...).count(1, 2)`: "tuple.count() takes exactly one argument" (the engine said Size.count());
- `del xs.append`, `del (1).real`, `del s.foo` of a built-in value: CPython's AttributeError ("'list' object
  attribute 'append' is read-only");
- `isinstance(torch.Tensor, type)`, `isinstance(A, type)`, `type(type)`: Python's answers (the engine's
  TypeError "arg 2 must be a type").
Oracle: plain Python in this process (tests/oracle.run_trusted)."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_corpus_s30 import fails_like_python


def _caught(body: str, kinds: str = "AttributeError") -> str:
    return f"try:\n    {body}\nexcept {kinds} as e:\n    print(type(e).__name__, e)\n"


def _print_fails(text: str) -> str:   # an argument that would print if it ran first
    return f"shout({text!r})"


HEAD = "import torch\nimport numpy as np\ndef shout(t):\n    print(t)\n    return t\n"

CAUGHT = {
    "none_method": _caught("None.foo()"),
    "none_attribute": _caught("x = None\nprint(x.shape)".replace("\n", "\n    ")),
    "none_argument_first": _caught(f"None.foo({_print_fails('arg')})"),
    "grad_before_backward": "x = torch.ones(2, requires_grad=True)\n" + _caught("x.grad.zero_()"),
    "grad_of_non_leaf": "x = torch.ones(2, requires_grad=True)\ny = x * 2\ny.sum().backward()\n"
                        + _caught("y.grad.data"),
    "list_iterator": _caught("iter([1]).foo"),
    "list_iterator_call_first": _caught(f"iter([1]).nope({_print_fails('arg')})"),
    "reversed": _caught(f"reversed([1, 2]).foo({_print_fails('arg')})"),
    "map_zip_enumerate": "".join(_caught(f"{it}.x") for it in ("map(str, [1])", "zip([1])",
                                                                "enumerate('a')")),
    "str_range_dict_iterators": "".join(_caught(f"iter({v}).x") for v in ("'ab'", "range(3)", "{1: 2}",
                                                                          "(1,)")),
    "bytes": _caught("b'x'.foo") + _caught(f"b'ab'.nothing({_print_fails('arg')})"),
    "numpy_bytes": "a = np.array([b'ab', b'c'])\n" + _caught("a[0].foo()"),
    "generator_expression": "g = (x for x in [1])\n" + _caught("g.foo"),
    "flatiter": _caught("np.arange(3).flat.foo"),
    "size_count": "s = torch.Size([1, 2, 1])\nprint(s.count(1), s.index(2))\n"
                  + "".join(_caught(c, "(TypeError, ValueError)") for c in (
                      "s.count(1, 2)", "s.count()", "s.index()", "s.index(7)", "[1].count()", "'ab'.count()",
                      "range(3).count()", "(1,).index(1, 2, 3, 4)")),
    "del_builtin": "".join(_caught(f"del {v}.{n}") for v in ("[1]", "(1,)", "{1: 2}", "'a'", "(1)", "1.5",
                                                              "True", "1j", "range(2)", "slice(1)", "b'x'",
                                                              "None", "{1}", "np.float64(1)")
                           for n in ("append", "count", "real", "foo", "start", "upper", "keys")),
    "del_list_method_kept": "xs = [1]\n" + _caught("del xs.append") + "xs.append(2)\nprint(xs)\n",
    "isinstance_type": "class A:\n    pass\nclass B(A):\n    pass\n"
                       "print(isinstance(torch.Tensor, type), isinstance(int, type), isinstance(A, type), "
                       "isinstance(B, (int, type)), isinstance(3, type), isinstance(A(), type))\n"
                       "print(isinstance(type, type), isinstance(np.ndarray, type), "
                       "isinstance('s', (str, type)), isinstance(torch.ones(1), type), "
                       "isinstance(ValueError, type), isinstance(type(3), type))\n"
                       "print(type(type), isinstance(print, type), isinstance(np.float64, type), "
                       "isinstance(torch.float32, type), isinstance(np.float64(1), type), "
                       "isinstance(torch.nn.Parameter, type))\n",
}


@pytest.mark.parametrize("source", CAUGHT.values(), ids=CAUGHT.keys())
def test_prints_as_python(source: str) -> None:
    program = HEAD + source
    report, oracle = run_program(program), run_trusted(program)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert report.printed == oracle.printed


@pytest.mark.parametrize("source", ["None.foo()", "x = None\nx.foo", "iter([1]).foo()", "b'x'.foo",
                                    "del [1].append", "del None.x"])
def test_uncaught_fails_as_python(source: str) -> None:
    fails_like_python(source)


def test_a_none_grad_keeps_its_hint_in_both_languages() -> None:
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\nx.grad.zero_()\n")
    assert report.error.message == "'NoneType' object has no attribute 'zero_'" and report.error.line == 3
    assert "until backward()" in report.error.hint


def test_a_none_value_is_named_in_the_hint_in_both_languages() -> None:
    report = run_program("w = None\nw.foo()\n")
    assert report.error.hint == "`w` is None here", report.error
    assert "`w` 在这里是 None" in error_text.box("zh", report.error)


@pytest.mark.parametrize("source, says", [
    ("b'x'.upper()", "the method `.upper()` of bytes values is not supported"),   # bytes has it: refused
    ("g = (x for x in [1])\ng.send(None)", "the method `.send()` of generator values is not supported"),
    ("print(np.arange(3).flat.coords)", "`.coords` of numpy.flatiter values is not supported"),
    ("del torch.sin", "deleting attributes is not supported"),
    ("x = torch.ones(1)\ndel x.shape", "deleting attributes is not supported"),
])
def test_a_name_the_real_class_has_stays_refused_by_name(source: str, says: str) -> None:
    report = run_program(HEAD + source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert says in report.error.message, report.error

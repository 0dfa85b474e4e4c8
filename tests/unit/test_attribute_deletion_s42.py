"""`del obj.x` (issue 9, session 42): deleting an attribute the program set, as Python does; the engine
refused every `del a.f` ("deleting attributes is not supported"). Objects and classes of the program's own, a
function's own attributes, a tensor's own (`x.g`) and `del x.grad` (PyTorch: x.grad is None after it). A name
missing is Python's AttributeError in Python's words, a property without a deleter, a frozen dataclass's
field, an unset slot too. What is not the program's (a module's member, a tensor's own `.shape`, a list's
method, a custom Function's ctx, a dunder) stays refused, by name.

Oracle: CPython / PyTorch (tests/oracle.py); the same outcome on the general path."""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_call_order_s41 import general  # noqa: F401 - the fixture
from tests.unit.test_compiled_blocks import generic  # noqa: F401 - the fixture
from tests.unit.test_corpus_s30 import fails_like_python
from tests.unit.test_lookup_first_s42 import alike_on_the_general_path

CLASSES = """import torch
from dataclasses import dataclass


class A:
    x = 1

    @property
    def p(self):
        return 1

    def m(self):
        return 'm'


@dataclass(frozen=True)
class F:
    a: int = 1


class S:
    __slots__ = ('u',)


a = A()
"""

RUNS = {
    "instance": "a.f = 1\ndel a.f\nprint(hasattr(a, 'f'))",
    "instance_shadowing_class": "a.x = 5\nprint(a.x)\ndel a.x\nprint(a.x)",
    "class_member": "del A.m\nprint(hasattr(a, 'm'), hasattr(A, 'm'))",
    "class_value": "del A.x\nprint(hasattr(a, 'x'))",
    "several": "a.f = 1\na.g = 2\ndel a.f, a.g\nprint(hasattr(a, 'f'), hasattr(a, 'g'))",
    "in_method": "class B:\n    def __init__(self):\n        self.t = 1\n    def drop(self):\n"
                 "        del self.t\nb = B()\nb.drop()\nprint(hasattr(b, 't'))",
    "private_in_class": "class B:\n    def __init__(self):\n        self._h = 1\n    def drop(self):\n"
                        "        del self._h\n        return hasattr(self, '_h')\nprint(B().drop())",
    "then_set_again": "a.f = 1\ndel a.f\na.f = 2\nprint(a.f)",
    "in_loop": "for i in range(5):\n    a.f = i\n    del a.f\nprint(hasattr(a, 'f'))",
    "slot": "s = S()\ns.u = 2\ndel s.u\nprint(hasattr(s, 'u'))",
    "function": "def f():\n    return 1\nf.calls = 3\ndel f.calls\nprint(hasattr(f, 'calls'))",
    "tensor_grad": "x = torch.ones(2, requires_grad=True)\n(x * 2).sum().backward()\nprint(x.grad)\n"
                   "del x.grad\nprint(x.grad)\n(x * 3).sum().backward()\nprint(x.grad)",
    "tensor_own": "x = torch.ones(2)\nx.g = 3\ndel x.g\nprint(hasattr(x, 'g'))",
    "caught": "try:\n    del a.nothing\nexcept AttributeError as e:\n    print('caught', e)",
}
FAILS = {
    "missing": "a.f = 1\ndel a.f\ndel a.f",
    "class_attribute_from_instance": "del a.x",
    "class_missing": "del A.nothing",
    "property": "del a.p",
    "frozen": "del F().a",
    "frozen_other": "del F().b",
    "unset_slot": "s = S()\ndel s.u",
    "function_missing": "def f():\n    return 1\ndel f.calls",
    "tensor_own_missing": "x = torch.ones(2)\ndel x.g",
    "method_after_class_delete": "del A.m\na.m()",
}
REFUSED = {   # (Python runs or fails these; the engine names the construct: before the run for a module)
    "module": "del torch.sin",
    "tensor_property": "x = torch.ones(2)\ndel x.shape",
    # (`del xs.append`: CPython's AttributeError since session 43, tests/unit/test_python_words_s43.py)
    "exception_args": "e = ValueError(1)\ndel e.args",
}


@pytest.mark.parametrize("name", sorted(RUNS))
def test_deleting_an_attribute_runs_as_in_python(name, general):  # noqa: F811
    source = CLASSES + RUNS[name] + "\n"
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed
    alike_on_the_general_path(source, general)


@pytest.mark.parametrize("name", sorted(FAILS))
def test_deleting_what_is_not_there_fails_as_in_python(name, general):  # noqa: F811
    source = CLASSES + FAILS[name] + "\n"
    fails_like_python(source)   # the line, the words, and `except Exception` catches the same class
    alike_on_the_general_path(source, general)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_deleting_what_is_not_the_programs_stays_refused(name):
    source = CLASSES + "try:\n" + "".join(f"    {line}\n" for line in REFUSED[name].splitlines()) \
        + "except Exception:\n    print('caught')\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.message == "deleting attributes is not supported in Autograd Lab"
    assert error_text.message("zh", report.error) == "Autograd Lab 不支持：删除属性"
    assert report.printed == ""


def test_dunders_stay_refused():
    report = run_program(CLASSES + "del a.__dict__\n")
    assert report.error is not None and report.error.kind == "unsupported"
    assert "`__dict__`" in report.error.message

"""Red team, session 20 (second pass): hostile programs against plain classes and their objects in lists,
the Variables table's texts (the program's own __repr__ run after the run), `in`, format strings,
dunders reached through methods, properties, classmethods, super() and bound methods, recursion in the
dispatched dunders, hand-offs to builtins/torch/NumPy, and class state between runs."""

from __future__ import annotations

import time

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.stored_objects import VARIABLE_TEXT_STEPS
from tests.unit.breakout_helpers import SMALL, Case, check_case

C = "import torch\nimport numpy as np\nclass A:\n    pass\n"   # A's body ends at line 4
OBJ = r"the `A` object cannot be used"
DUNDER = r"double-underscore attributes such as `{}` are not supported"
DEEP = r"functions called each other more than 50 levels deep"


def _method(body: str, name: str = "f", decorator: str = "") -> str:
    """class B with one method (its body at line 3, or 4 after a decorator), B() as `b` after it."""
    head = f"    @{decorator}\n" if decorator else ""
    return f"class B:\n{head}    def {name}(self):\n        {body}\nb = B()\n"


CASES = [
    # format strings and f-strings never walk attributes or indexes of an object
    Case(C + "print('{0.__class__}'.format(A()))\n", "unsupported", 5,
         r"the format field `\{0\.__class__\}`"),
    Case(C + "a = A()\na.x = 1\nprint('{0.x}'.format(a))\n", "unsupported", 7,
         r"the format field `\{0\.x\}`"),
    Case(C + "print('{0[0]}'.format([A()]))\n", "unsupported", 5, r"the format field `\{0\[0\]\}`"),
    Case(C + "print('{a.x}'.format_map({'a': A()}))\n", "unsupported", 5, r"`\.format_map\(\)`"),
    Case(C + "print(f'{A()!r}|{A()!s}|{A()!a}')\n", None, None,
         "<__main__.A object>|<__main__.A object>|<__main__.A object>\n"),
    Case(C + "print(f'{A():>{10}}')\n", "type", 5, r"unsupported format string passed to A\.__format__"),
    Case(C + "print('%s' % A())\n", None, None, "<__main__.A object>\n"),   # session 21: its own text
    # dunders, frames and type internals through objects, methods, properties, classmethods, super()
    Case(_method("return self.__class__"), "unsupported", 3, DUNDER.format("__class__")),
    Case(_method("return self.__dict__", "p", "property") + "b.p\n", "unsupported", 4,
         DUNDER.format("__dict__")),
    Case(_method("return self.__bases__", "f", "classmethod") + "b.f()\n", "unsupported", 4,
         DUNDER.format("__bases__")),
    Case("class B:\n    pass\nclass D(B):\n    def f(self):\n        return super().__getattribute__('x')\n"
         "D().f()\n", "unsupported", 5, DUNDER.format("__getattribute__")),
    Case("class B:\n    def f(self):\n        return 1\nm = B().f\nprint(m.__func__)\n", "unsupported", 5,
         DUNDER.format("__func__")),
    Case("class B:\n    def f(self):\n        return 1\nm = B().f\nprint(m.__self__)\n", "unsupported", 5,
         DUNDER.format("__self__")),
    Case("class B:\n    f = lambda self: self.__globals__\nB().f()\n", "unsupported", 2,
         DUNDER.format("__globals__")),
    Case(C + "print(type(A()).__subclasses__())\n", "unsupported", 5, DUNDER.format("__subclasses__")),
    Case(C + "print(type(A)('X', (), {}))\n", "unsupported", 5, r"calling <class 'type'> is not supported"),
    Case(C + "print(getattr(A(), '__class__'))\n", "unsupported", 5, r"`getattr` is not supported"),
    Case(C + "setattr(A(), 'x', 1)\n", "unsupported", 5, r"`setattr` is not supported"),
    # (session 43: `vars(A())` is Python's dict of the object's own attributes, the ones the program set:
    # test_breadth_corpus_s43; `vars()` of the scope stays refused, test_breakout)
    Case(C + "a = A()\na.__class__ = A\n", "unsupported", 6, DUNDER.format("__class__")),
    Case("class B:\n    def __init__(self):\n        self.x = 1\nb = B()\nb.__init__()\n", "unsupported", 5,
         DUNDER.format("__init__")),
    Case("class B:\n    def __getattribute__(self, name):\n        return 1\n", "unsupported", 2,
         r"defining `__getattribute__` in `class B`"),
    Case("class B:\n    def __del__(self):\n        return True\n", "unsupported", 2,
         r"defining `__del__` in `class B`"),   # (session 22: __eq__ is the program's, object_equality.py)
    Case("class E(SystemExit):\n    pass\n", "unsupported", 1, r"a base that is not `object`"),
    # recursion through the dispatched dunders and properties stops at the call depth
    Case(_method("return repr(self)", "__repr__") + "print(b)\n", "limit", 3, DEEP),
    Case(_method("return str(self)", "__str__") + "print(f'{b}')\n", "limit", 3, DEEP),
    Case(_method("return len(self)", "__len__") + "if b:\n    pass\n", "limit", 3, DEEP),
    Case(_method("return self.p", "p", "property") + "b.p\n", "limit", 4, DEEP),
    Case(_method("return self()", "__call__") + "b()\n", "limit", 3, DEEP),
    Case("class B:\n    def __init__(self):\n        self.b = B()\nB()\n", "limit", 3, DEEP),
    Case("class B:\n    def f(self):\n        return self.g()\n    def g(self):\n        return self.f()\n"
         "B().f()\n", "limit", 5, DEEP),
    # what the dispatched dunders return is checked as Python checks it
    Case(_method("return -1", "__len__") + "print(len(b))\n", "value", 5, r"__len__\(\) should return >= 0"),
    Case(_method("return 1.5", "__len__") + "print(len(b))\n", "type", 5,
         r"'float' object cannot be interpreted as an integer"),
    Case("import torch\n" + _method("return torch.tensor(3)", "__len__") + "print(len(b))\n", "type", 6,
         r"'torch\.Tensor' object cannot be interpreted as an integer"),
    Case(_method("return 2**63 - 1", "__len__") + "print(len(b), bool(b))\n", None, None,
         "9223372036854775807 True\n"),
    Case(_method("return 2**63", "__len__") + "print(len(b))\n", "value", 5,
         r"cannot fit 'int' into an index-sized integer"),
    Case(_method("return 2**63", "__len__") + "if b:\n    pass\n", "value", 5,
         r"cannot fit 'int' into an index-sized integer"),
    Case(_method("return self", "__repr__") + "print(b)\n", "type", 5,
         r"__repr__ returned non-string \(type B\)"),
    # session 22: __getitem__ drives Python's iteration protocol, each item an interpreted call inside the
    # budgets (a __getitem__ that never raises IndexError loops forever in Python: here a limit)
    Case(_method("return 0", "__getitem__").replace("(self)", "(self, i)") + "for x in b:\n    pass\n",
         "limit", 5, r"loop iterations", SMALL),
    Case(_method("return 0", "__getitem__").replace("(self)", "(self, i)") + "print(sum(b))\n",
         "limit", 5, r"steps|loop iterations|max_sequence_len|50", SMALL),
    Case(_method("return 10**9", "__len__") + "print(list(b))\n", "type", 5,
         r"'B' object is not iterable"),
    Case(_method("return 0", "__getitem__").replace("(self)", "(self, i)") + "print(1 in b)\n",
         "limit", 5, r"loop iterations", SMALL),
    Case(C + "a = A()\nprint(a in [a], A() in [a], a not in (a,), a in {1: 2}, a in {1}, a in range(3))\n",
         None, None, "True False False False False False\n"),
    Case(C + "print(A() in 'abc')\n", "unsupported", 5, OBJ + r" before `in`"),
    Case(C + "print(A() in torch.ones(3))\n", "unsupported", 5, OBJ + r" before `in`"),
    Case(C + "print(A() not in np.arange(3))\n", "unsupported", 5, OBJ + r" before `in`"),
    # hand-offs that would call back into program code: refused by name
    Case(C + "print(sorted([A(), A()], key=lambda a: 1))\n", None, None,
         "[<__main__.A object>, <__main__.A object>]\n"),   # session 21: only the keys are compared
    Case(C + "print(sorted([A(), A()]))\n", "type", 5, r"'<' not supported between instances of 'A' and 'A'"),
    Case(C + "print(max(A(), A()))\n", "type", 5, r"'>' not supported between instances of 'A' and 'A'"),
    Case(C + "print(any([A()]))\n", None, None, "True\n"),   # session 22: each object's own truth
    Case(C + "print(hash(A()))\n", "unsupported", 5, r"hash\(\) of the `A` object .*memory address"),
    Case(C + "s = {A()}\nprint(torch.tensor(list(s)))\n", "unsupported", 6, OBJ + r" in `torch\.tensor`"),
    Case(C + "d = {A(): 1}\nnp.array(d)\n", "unsupported", 6, OBJ + r" in `np\.array`"),
    Case(C + "print(A() < A())\n", "type", 5, r"'<' not supported between instances of 'A' and 'A'"),
    Case(C + "print(np.ones(2) + A())\n", "type", 5,
         r"unsupported operand type\(s\) for \+: 'numpy\.ndarray' and 'A'$"),   # not the engine's SafeArray
    Case(C + "print(max(1, np.ones(2)))\n", "type", 5, r"between instances of 'numpy\.ndarray' and 'int'$"),
    Case(C + "print([1][np.ones(2)])\n", "type", 5,
         r"list indices must be integers or slices, not numpy\.ndarray$"),
    Case(C + "print(torch.add(*[A(), A()]))\n", "unsupported", 5, OBJ + r" in `torch\.add`"),
    Case(C + "print(torch.ones(2).sum(**{'dim': A()}))\n", "unsupported", 5, OBJ + r" in `\.sum\(\)`"),
    Case(C + "print(np.full(3, A()))\n", "unsupported", 5,
         r"np\.full: numpy arrays combine only with numbers"),
    Case(C + "print(np.array([A()], dtype=object))\n", "unsupported", 5, OBJ + r" in `np\.array`"),
    Case("import numpy as np\nprint(np.array([1, 2], dtype=object))\n", "type", 2, r"needs a numpy dtype"),
    Case(C + "print(1, 2, sep=A())\n", "unsupported", 5, OBJ + r" in `print\(\)`"),
    Case(C + "print(','.join([A()]))\n", "unsupported", 5, OBJ + r" in `\.join\(\)`"),
]


@pytest.mark.parametrize("case", CASES, ids=range(len(CASES)))
def test_breakout(case: Case) -> None:
    check_case(case)


def _shown(source: str) -> dict[str, str]:
    report = run_program(source, torchviz=False)
    assert report.error is None, report.error
    return {name: value.text for name, value in report.variables.items()}


def _counting_repr(iterations: int) -> str:
    return ("class B:\n    def __repr__(self):\n        n = 0\n        while n < " + str(iterations) + ":\n"
            "            n += 1\n        return 'counted ' + str(n)\nb = B()\n")


def test_variables_table_repr_has_its_step_allowance():
    """Each iteration takes at least 2 steps: just below the allowance the program's text is shown, above
    it Python's default text (the allowance held: it once ran to the run's own max_steps)."""
    assert _shown(_counting_repr(VARIABLE_TEXT_STEPS // 10))["b"] == f"counted {VARIABLE_TEXT_STEPS // 10}"
    assert _shown(_counting_repr(VARIABLE_TEXT_STEPS * 2))["b"] == "<__main__.B object>"


def test_variables_table_repr_has_a_time_allowance():
    """A __repr__ of slow steps stops after VARIABLE_TEXT_SECONDS, not at the run's soft deadline (4 s)."""
    program = ("import torch\nclass B:\n    def __repr__(self):\n        while True:\n"
               "            x = torch.ones(700, 700) @ torch.ones(700, 700)\n        return 'never'\n"
               "a = B()\nb = B()\nc = [B(), B()]\n")
    started = time.perf_counter()
    shown = _shown(program)
    assert time.perf_counter() - started < 2.5
    assert shown == {"a": "<__main__.B object>", "b": "<__main__.B object>",
                     "c": "[<__main__.B object>, <__main__.B object>]"}


def test_variables_table_repr_changes_no_other_part_of_the_report():
    """Python never calls __repr__ at the end: what it does (a backward, an in-place change) is not seen
    by the table's tensors, their grads or the graph."""
    report = run_program("import torch\nx = torch.ones(2, requires_grad=True)\nloss = (x * x).sum()\n"
                         "class B:\n    def __repr__(self):\n        loss.backward()\n"
                         "        x.data.mul_(100)\n        return 'B!'\nb = B()\n", torchviz=False)
    assert report.error is None, report.error
    assert report.variables["b"].text == "B!"
    assert report.variables["x"].text == "tensor([1., 1.], requires_grad=True)"
    assert report.variables["x"].grad is None


def test_class_state_does_not_leak_between_runs():
    program = "class A:\n    n = 0\n    xs = []\nA.n += 1\nA.xs.append(A.n)\nprint(A.n, A.xs)\n"
    first = run_program(program, torchviz=False)
    second = run_program(program, torchviz=False)
    assert first.printed == second.printed == "1 [1]\n"


def test_a_generator_kept_by_the_variables_table_repr_is_closed():
    """A generator its __repr__ starts and keeps (`global g`) is closed with the texts: its greenlet left
    suspended kept the whole run (its tensors) alive in the process after the report, one per run."""
    import gc

    from autogradlab.lang.interpreter import Interpreter
    program = ("import torch\ndef gen():\n    try:\n        yield 1\n    finally:\n        pass\n"
               "class B:\n    def __repr__(self):\n        global g\n        g = gen()\n        next(g)\n"
               "        return 'B!'\nbig = torch.ones(1000)\nb = B()\n")

    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, Interpreter))
    before = alive()
    assert _shown(program)["b"] == "B!"
    assert _shown(program)["b"] == "B!"
    assert alive() == before

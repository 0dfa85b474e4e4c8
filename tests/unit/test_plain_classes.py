"""Plain Python classes (lang/class_checks.py, lang/plain_classes.py, lang/class_dispatch.py): what they
print and compute equals real Python (tests/oracle.py), Python's errors come with Python's words and
line, and what the language refuses is refused by name."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import plain_classes
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted, value_mismatches, without_address
from tests.unit.test_custom_functions import _innermost_line

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"


def corpus_class(program: str, name: str) -> str:
    """The text of class `name` exactly as the corpus program writes it (d2l's own lines: one copy, in
    tests/programs/)."""
    source = (PROGRAMS / program).read_text(encoding="utf-8")
    node = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == name)
    return "".join(source.splitlines(keepends=True)[node.lineno - 1:node.end_lineno])


ACCUMULATOR = corpus_class("tutorial_d2l_zh_softmax_scratch.py", "Accumulator")
# d2l's Timer as written; `import time` is replaced by a class of the program with the same `time.time()`,
# a clock that advances 0.25 s per reading (so the times are exact in both runs).
CLOCK = '''class time:
    now = 0.0
    @staticmethod
    def time():
        time.now += 0.25
        return time.now
'''
TIMER = "import numpy as np\n" + corpus_class("tutorial_d2l_zh_linear_regression.py", "Timer")


def compare(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert without_address(report.printed) == without_address(oracle.printed)
    expected = oracle.variables   # objects of the program's classes by their repr text (tests/oracle.py)
    assert list(report.variables) == list(expected)
    problems = []
    for name, real in expected.items():
        problems += value_mismatches(report.variables[name], real, name)
    assert not problems, "\n".join(problems)


def fails_like_python(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.message == str(oracle.error), (report.error, oracle.error)
    assert report.error.line == _innermost_line(oracle.error)   # the engine names the line inside a method


def refused(source: str, says: str, line: int | None = None, kind: str = "unsupported") -> None:
    report = run_program(source)
    assert report.error is not None and report.error.kind == kind, report.error
    assert says in report.error.message, report.error.message
    if line is not None:
        assert report.error.line == line, report.error


# -- d2l's Accumulator and Timer ---------------------------------------------------------------------
def test_accumulator_adds_and_indexes_like_python():
    compare("import torch\n" + ACCUMULATOR + "metric = Accumulator(3)\nmetric.add(1, 2.0, torch.tensor(3.))\n"
            "metric.add(2, 0.5, torch.tensor([4.]))\n"
            "print(metric[0], metric[1], metric[2], metric[0] / metric[2])\n"
            "m = metric[1:]\nmetric.reset()\nprint(metric.data, m)\n")


def test_accumulator_inside_an_evaluation_function():
    compare("import torch\n" + ACCUMULATOR + "def evaluate(batches):\n    metric = Accumulator(2)\n"
            "    for X, y in batches:\n        metric.add(float((X.argmax(dim=1) == y).sum()), y.numel())\n"
            "    return metric[0] / metric[1]\n"
            "acc = evaluate([(torch.tensor([[0., 1.], [2., 1.]]), torch.tensor([1, 1])),\n"
            "                (torch.tensor([[3., 1.]]), torch.tensor([0]))])\nprint(acc)\n")


def test_timer_with_a_stand_in_clock():
    """All of Timer but cumsum() (ndarray.cumsum is not in the language yet)."""
    compare(CLOCK + TIMER + "timer = Timer()\nfor i in range(3):\n    x = i * i\nt = timer.stop()\n"
            "timer.start()\ntimer.stop()\nprint(f'{t:.5f} sec', timer.avg(), timer.sum())\n"
            "print(len(timer.times), time.now)\n")


# -- the language of classes ---------------------------------------------------------------------------
def test_inheritance_super_and_explicit_base_calls():
    compare("class Base:\n    def __init__(self, n):\n        self.n = n\n    def describe(self):\n"
            "        return 'base ' + str(self.n)\n"
            "class Mid(Base):\n    def __init__(self, n):\n        super().__init__(n * 2)\n"
            "    def describe(self):\n        return 'mid/' + super().describe()\n"
            "class Leaf(Mid):\n    def __init__(self):\n        super(Leaf, self).__init__(5)\n"
            "    def describe(self):\n        return Mid.describe(self) + '/leaf'\n"
            "class Bare:\n    def __init__(self):\n        super().__init__()\n        self.ok = True\n"
            "leaf = Leaf()\nprint(leaf.n, leaf.describe(), isinstance(leaf, Base), isinstance(leaf, Mid))\n"
            "print(isinstance(Base(1), Leaf), type(leaf) is Leaf, type(leaf) == Mid, Bare().ok)\n"
            "print(isinstance(3, Base))\n")


def test_class_attributes_and_instance_shadowing():
    compare("class Counter:\n    '''Counts.'''\n    count = 0\n    step = count + 2\n"
            "    def __init__(self):\n"
            "        Counter.count += 1\n        self.n = 0\n    def inc(self):\n"
            "        self.n += self.step\n"
            "        return self\n"
            "a = Counter()\nb = Counter()\na.inc().inc()\nb.step = 10\nb.inc()\n"
            "print(Counter.count, a.n, b.n, a.step, b.step, Counter.step)\n")


def test_static_class_methods_and_properties():
    compare("class Point:\n    dims = 2\n    def __init__(self, x, y=0, *, scale=1):\n"
            "        self.x, self.y = x * scale, y * scale\n"
            "    @property\n    def norm2(self):\n        return self.x ** 2 + self.y ** 2\n"
            "    @staticmethod\n    def origin_name():\n        return 'O'\n"
            "    @classmethod\n    def diagonal(cls, v):\n        return cls(v, v)\n"
            "    def moved(self, *deltas, **named):\n"
            "        return Point(self.x + sum(deltas), self.y + named.get('dy', 0))\n"
            "p = Point.diagonal(3)\nq = p.moved(1, 2, dy=4)\n"
            "print(p.norm2, q.x, q.y, Point.origin_name(), p.origin_name())\n"
            "print(Point(2, scale=3).x, Point.dims, p.dims)\n")


def test_repr_str_print_and_f_strings():
    compare("class Only:\n    def __repr__(self):\n        return 'Only()'\n"
            "class Both:\n    def __repr__(self):\n        return 'Both-repr'\n    def __str__(self):\n"
            "        return 'Both-str'\n"
            "class Plain:\n    pass\n"
            "o = Only()\nb = Both()\nprint(o, b, str(o), str(b), repr(b))\nprint(f'{o} {b} {b!r} {b!s}')\n"
            "print(Plain, Only, type(b))\nprint(Plain())\ntext = 'x' + str(b)\n"
            "print('{} {!r} {k}'.format(b, b, k=o), format(b), format(o, ''), f'{b=}')\n")


def test_a_class_knows_its_name():
    compare("class Point:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n"
            "        return f'{type(self).__name__}(x={self.x})'\nclass P3(Point):\n    pass\n"
            "print(Point(1), P3(2), Point.__name__)\n")


@pytest.mark.parametrize("tail", ["print(A().__name__)", "A.__name__ = 'B'"])
def test_name_is_read_from_classes_and_functions_only(tail):
    """(Session 35: a function's `__name__` is read as in Python, tests/unit/test_function_names_s35.py;
    an instance has none, and no name is assigned.)"""
    refused("class A:\n    pass\n" + tail + "\n", "`__name__`")


def test_len_call_setitem_and_truth():
    compare("class Bag:\n    def __init__(self):\n        self.items = {}\n    def __setitem__(self, k, v):\n"
            "        self.items[k] = v\n    def __getitem__(self, k):\n        return self.items[k]\n"
            "    def __len__(self):\n        return len(self.items)\n"
            "    def __call__(self, k, default=None):\n"
            "        return self.items.get(k, default)\n"
            "bag = Bag()\nprint(len(bag), bool(bag), 'empty' if not bag else 'full')\nbag['a'] = 1\n"
            "bag['a'] += 2\n"
            "print(len(bag), bool(bag), bag['a'], bag('a'), bag('b', 7))\nclass Any:\n    pass\n"
            "print(bool(Any()))\n")


def test_objects_in_variables_attributes_and_functions():
    compare("import torch\nclass Node:\n    def __init__(self, value, next=None):\n"
            "        self.value = value\n"
            "        self.next = next\n"
            "def build(n):\n    head = None\n    for i in range(n):\n"
            "        head = Node(torch.tensor(float(i)), head)\n"
            "    return head\n"
            "def total(node):\n    s = 0\n    while node is not None:\n        s = s + node.value\n"
            "        node = node.next\n    return s\n"
            "head = build(4)\nprint(total(head), head.next.value, head == head, head != head.next)\n"
            "keep = Node\nprint(keep(1).value)\n")


def test_bound_methods_are_called_and_passed_like_functions():
    compare("import torch\nfrom torch.autograd.functional import jacobian\nclass Model:\n"
            "    def __init__(self, w):\n"
            "        self.w = w\n    def f(self, x):\n        return self.w * x ** 2\n"
            "def apply(g, v):\n    return g(v)\nm = Model(3.0)\nf = m.f\n"
            "print(f(2.0), apply(m.f, 1.0))\nprint(jacobian(m.f, torch.tensor([1., 2.])))\n")


def test_unpacking_a_display_of_new_objects():
    compare("class A:\n    def __init__(self, n):\n        self.n = n\na, b = A(1), A(2)\n[c, d] = A(3), 4\n"
            "x, y = 1, 2\ndef f():\n    p, q = A(5), A(6)\n    return p.n + q.n\n"
            "print(a.n, b.n, c.n, d, x, y, f())\n")


def test_single_underscore_names_are_the_programs_own():
    compare("class Counter:\n    _made = 0\n    def __init__(self):\n        self._n = 0\n"
            "        Counter._made += 1\n    def _bump(self, k):\n        self._n += k\n    def inc(self):\n"
            "        self._bump(2)\n        return self._n\nc = Counter()\nc.inc()\nc._n += 1\n"
            "print(c.inc(), c._n, Counter._made)\n")


@pytest.mark.parametrize("tail", ["x = torch.ones(2)\nprint(x._version)", "print(torch._C)",
                                  "x = torch.ones(2)\nx._foo = 1", "x = torch.ones(2)\nx._version += 1",
                                  "x = torch.ones(2)\nprint(x._is_view())", "a = A()\nprint(a._missing)"])
def test_underscore_names_of_anything_else_stay_refused(tail):
    report = run_program("import torch\nclass A:\n    pass\n" + tail + "\n")
    if tail.startswith("a = A()"):
        assert report.error.message == "'A' object has no attribute '_missing'"
    else:
        assert report.error.kind == "unsupported"
        assert "names starting with `_` are private" in report.error.message


def test_functions_stored_on_a_class_bind_like_methods():
    compare("class A:\n    f = lambda self, k: k * 2\n    def __init__(self):\n"
            "        self.g = lambda k: k + 1\ndef h(self, k):\n    return k - 1\nA.h = h\na = A()\n"
            "print(a.f(3), a.g(3), a.h(3), A.h(None, 5), A.f(a, 1))\n")


def test_class_inside_a_function_and_a_method_named_backward():
    compare("import torch\ndef make():\n    class Function:\n        def backward(self):\n"
            "            return 4\n"
            "    class Module(Function):\n        def forward(self, x):\n"
            "            return x * self.backward()\n"
            "    return Module()\nm = make()\nprint(m.forward(torch.ones(2)))\n")


def test_methods_can_compute_gradients():
    compare("import torch\nclass Linear:\n    def __init__(self):\n"
            "        self.w = torch.tensor([1., 2.], requires_grad=True)\n"
            "    def __call__(self, x):\n        return (self.w * x).sum()\n"
            "net = Linear()\nloss = net(torch.tensor([3., 4.]))\nloss.backward()\nw = net.w\nprint(w.grad)\n")


# -- Python's errors, with Python's words and line ---------------------------------------------------------
@pytest.mark.parametrize("source", [
    "class A:\n    def __init__(self):\n        self.x = 1\na = A()\nprint(a.y)\n",
    "class A:\n    pass\nprint(A.missing)\n",
    "class A:\n    def f(self, x):\n        return x\nA().f(1, 2)\n",
    "class A:\n    def __init__(self, a):\n        self.a = a\nA(1, 2)\n",
    "class A:\n    pass\nA(1)\n",
    "class A:\n    def __init__(self):\n        return 1\nA()\n",
    "class A:\n    @property\n    def p(self):\n        return 1\na = A()\na.p = 3\n",
    "class A:\n    pass\na = A()\na + 1\n",
    "import torch\nclass A:\n    pass\ntorch.ones(2) * A()\n",
    "class A:\n    pass\nA() < A()\n",
    "class A:\n    pass\nx = -A()\n",
    "class A:\n    pass\na = A()\na += 1\n",
    "class A:\n    pass\nA()[0]\n",
    "class A:\n    pass\na = A()\na[0] = 1\n",
    "class A:\n    pass\nA()()\n",
    "class A:\n    pass\nlen(A())\n",
    "class A:\n    def __len__(self):\n        return -1\nlen(A())\n",
    "class A:\n    def __len__(self):\n        return 1.5\nlen(A())\n",
    "class A:\n    def __str__(self):\n        return 3\nstr(A())\n",
    "class A:\n    pass\nprint(f'{A():>4}')\n",
    "class A:\n    pass\nprint('{:>4}'.format(A()))\n",
    "class A:\n    pass\nprint(format(A(), '>4'))\n",
    "def f():\n    return super()\nf()\n",
    "class A:\n    def __init__(self):\n        super().__init__(1)\nA()\n",
    "class A:\n    pass\nclass B(A):\n    def f(self):\n        return super().f()\nB().f()\n",
])
def test_errors_equal_python(source):
    fails_like_python(source)


def test_python_errors_can_be_caught_like_python():
    compare("class A:\n    pass\ntry:\n    A().missing\nexcept AttributeError as e:\n    print('caught', e)\n"
            "try:\n    A(1)\nexcept TypeError as e:\n    print('caught', e)\n")


# -- refused, by name ----------------------------------------------------------------------------------
@pytest.mark.parametrize("dunder", ["__getattribute__", "__del__", "__float__", "__aenter__",
                                    "__torch_function__", "__new__", "__init_subclass__", "__class_getitem__",
                                    "__set_name__", "__setattr__", "__delattr__", "__int__"])
def test_other_dunder_methods_are_refused_at_their_def(dunder):
    refused(f"class A:\n    x = 1\n    def {dunder}(self, *args):\n        return 1\n",
            f"defining `{dunder}` in `class A`", line=3)


@pytest.mark.parametrize(("source", "says"), [
    ("class A:\n    pass\nprint(A().__dict__)\n", "`__dict__`"),
    ("class A:\n    pass\nprint(A().__class__)\n", "`__class__`"),
    ("class A:\n    pass\nprint(A.__bases__)\n", "`__bases__`"),
    ("class A:\n    pass\nprint(A.__subclasses__())\n", "`__subclasses__`"),
    ("class A:\n    pass\nprint(A.__mro__)\n", "`__mro__`"),
    ("class A:\n    def f(self):\n        pass\nprint(A.f.__globals__)\n", "`__globals__`"),
    ("class A:\n    def __init__(self):\n        pass\na = A()\na.__init__()\n", "`__init__`"),
    ("class A:\n    def __init__(self):\n        self.__x = 1\n", "`.__x`"),
    ("class A(metaclass=type):\n    pass\n", "a class keyword such as `metaclass=`"),
    ("def d(c):\n    return c\n@d\nclass A:\n    pass\n", "a decorator on `class A`"),
    ("import torch\nclass A:\n    @torch.no_grad()\n    def f(self):\n        pass\n"
     "", "`@torch.no_grad()` on"),
    ("class A:\n    @staticmethod\n    @classmethod\n    def f(cls):\n        pass\n", "on the method `f`"),
    ("class A:\n    class B:\n        pass\n", "`class B:` in the body of `class A`"),
    ("class A:\n    x.y: int\n", "in the body of `class A`"),   # `x: int` alone is an annotation (s31)
    ("class A(list):\n    pass\n", "a base that is not `object`"),
    ("class A(SystemExit):\n    pass\n", "a base that is not `object`"),
    ("import torch\nclass A(torch.Tensor):\n    pass\n", "a base that is not `object`"),
    ("class B:\n    pass\nclass A(B, object):\n    pass\n", "more than one base"),
    ("B = 3\nclass B:\n    pass\nB = 3\nclass A(B):\n    pass\n", "a base that is not `object`"),
    ("class A:\n    def f(self):\n        return super(A)\nA().f()\n", "`super()` with one argument"),
    ("class A:\n    @property\n    def p(self):\n        return 1\nprint(A.p)\n", "reading the property `p`"),
    # (`help(A().f)`: CPython's help text since session 43, tests/unit/test_introspection_s43.py)
    ("class A:\n    def f(self):\n        pass\ndir(A().f)\n", "dir()/help() of `A.f"),
    ("class A:\n    pass\ndir(A())\n", "supports `dir(x)` for modules"),
    ("import copy\nclass A:\n    def f(self):\n        pass\nb = copy.deepcopy(A().f)\n",
     "`copy.deepcopy` of tensors"),
    # (an object of the program's classes as a default value runs since session 42: test_breadth_corpus_s42;
    # a class itself as one stays refused)
    ("class A:\n    pass\ndef f(x=A):\n    return x\n", "cannot be used as a default value"),
])
def test_outside_the_language_is_refused(source, says):
    refused(source, says)


@pytest.mark.parametrize(("tail", "says"), [
    ("import torch\ntorch.tensor(a)\n", "the `A` object cannot be used in `torch.tensor`"),
    ("import torch\ntorch.ones(2).add(a)\n", "the `A` object cannot be used in `.add()`"),
    ("import torch\ntorch.tensor([a])\n", "the `A` object cannot be used in `torch.tensor`"),
    ("import numpy as np\nnp.array(a)\n", "the `A` object cannot be used in `np.array`"),
    ("for v in a:\n    pass\n", "'A' object is not iterable"),
    ("print(sorted([A, A]))\n", "the class `A` cannot be used"),
    ("print(max(a, a))\n", "'>' not supported between instances of 'A' and 'A'"),
    ("import torch\nprint('%s' % torch.tensor([1.0]).add(a))\n", "the `A` object cannot be used in `.add()`"),
])
def test_objects_never_reach_a_library_call(tail, says):
    kind = "type" if says.startswith("'") else "unsupported"   # session 22: Python's own TypeError
    refused("class A:\n    pass\na = A()\n" + tail, says, kind=kind)


def test_instance_attributes_limit_just_below_and_above():
    def program(n: int) -> str:
        return "class A:\n    def __init__(self):\n" + "".join(f"        self.a{i} = {i}\n"
                                                                "" for i in range(n)) \
            + "a = A()\nprint(a.a0)\n"
    assert run_program(program(plain_classes.MAX_ATTRIBUTES)).ok
    refused(program(plain_classes.MAX_ATTRIBUTES + 1), "would hold more than 100 attributes", kind="limit")


def test_instances_limit_just_below_and_above(monkeypatch):
    monkeypatch.setattr(plain_classes, "MAX_INSTANCES", 50)
    program = "class A:\n    pass\nfor i in range({n}):\n    a = A()\n"
    assert run_program(program.format(n=50)).ok
    refused(program.format(n=51), "created more than 50 objects", kind="limit")


def test_a_million_instances_stop_at_a_limit():
    report = run_program("class A:\n    def __init__(self, n):\n        self.n = n\n"
                         "for i in range(1000000):\n"
                         "    a = A(i)\n")
    assert report.error is not None and report.error.kind == "limit"


def test_recursion_through_methods_stops_at_the_call_depth():
    refused("class A:\n    def f(self, n):\n        return self.f(n + 1)\nA().f(0)\n"
            "", "more than 50 levels deep",
            kind="limit")
    refused("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n"
            "", "more than 50 levels",
            kind="limit")
    refused("class A:\n    def __init__(self):\n        self.child = A()\nA()\n"
            "", "more than 50 levels", kind="limit")


def test_methods_count_against_the_step_budget():
    limits = dataclasses.replace(DEFAULT_LIMITS, max_steps=2_000)
    report = run_program("class A:\n    def f(self):\n        x = 1\n        return x\na = A()\n"
                         "for i in range(2000):\n"
                         "    a.f()\n", limits=limits)
    assert report.error is not None and report.error.kind == "limit" and "steps" in report.error.message


def test_custom_autograd_functions_keep_their_path():
    source = ("import torch\nclass Cube(torch.autograd.Function):\n    @staticmethod\n"
              "    def forward(ctx, x):\n"
              "        ctx.save_for_backward(x)\n        return x ** 3\n    @staticmethod\n"
              "    def backward(ctx, g):\n        x, = ctx.saved_tensors\n        return 3 * x ** 2 * g\n"
              "class Helper:\n    def run(self, x):\n        return Cube.apply(x).sum()\n"
              "x = torch.tensor([1., 2.], requires_grad=True)\ny = Helper().run(x)\ny.backward()\n"
              "g = x.grad\n")
    compare(source)

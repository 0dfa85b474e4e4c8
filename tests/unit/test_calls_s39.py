"""Session 39's short ways for the program's own calls, objects and NumPy scalars (issue 9) against the
general path: a method or function call given its parameters by position (user_functions.call_positional,
compiled_module_calls' object call, compiled_expressions.called), `obj.x = v` (compiled_targets,
plain_classes.set_attribute's short way for an attribute set again to an atom), a name bound to an
object (compiled_targets.bind_object), NumPy scalar operators (tensor_sites._scalar_pair) and
`np.float64(k)` (numpy_ops.make_scalar's short way, planned as the call site's member).

Oracle: the same program through the generic walk with every short way off (outcome(): error kind,
message, line and column, the step count, the variables, the printed text and the op records), and
real Python for the printed values. Limits sit just below and at/above each one (call depth, steps at
every cut, the time check, elements, attributes per object); refusals cover private and dunder
names, modules and library functions stored or passed, CPython's argument errors, properties,
frozen dataclasses, __slots__, and NumPy's own conversion errors."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab.lang import compiled, numpy_ops, plain_classes, user_functions  # noqa: F401 - compiled first
from autogradlab.lang.plain_classes import ProgramObject, storable
from autogradlab.lang.stored_objects import require_storable
from autogradlab.limits import Limits
from tests.unit.site_helpers import assert_every_step_cut_alike, assert_time_check_alike, python_prints
from tests.unit.test_compiled_blocks import generic, outcome, same_both_ways  # noqa: F401

LAYERS = """import numpy as np


class Scale:
    def __init__(self, w):
        self.w = w

    def forward(self, x):
        self.saved = x
        return self.w * x

    def backward(self, grad):
        self.grad = self.saved * grad
        return grad * self.w

    def step(self, lr):
        self.w -= lr * self.grad


class Shift:
    def __init__(self, b):
        self.b = b

    def forward(self, x):
        return x + self.b

    def backward(self, grad):
        self.grad = grad
        return grad

    def step(self, lr):
        self.b = self.b - lr * self.grad


class Net:
    def __init__(self, layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def both(self, x, y):
        return self.forward(x) - y

    def backward(self, grad):
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def step(self, lr):
        for layer in self.layers:
            layer.step(lr)


def square(v):
    return v * v


net = Net([Scale(np.float64(1.5)), Shift(0.5)])
xs = np.arange(0, 1, 0.25)
for i in range(6):
    x = np.float64(i) / 4
    err = net.both(xs[i % 4], np.float64(2.0) * x)
    net.backward(2 * err)
    net.step(0.1)
    loss = square(err)
first = net.layers[0]
print(first.w, net.layers[1].b, loss, type(loss).__name__, np.int64(3) * np.float32(0.5))
"""


@pytest.fixture
def slow(monkeypatch, generic):  # noqa: F811
    """The general path: the generic walk, call_user's general binding, set_attribute's general checks,
    make_scalar's general conversion."""
    def run_slow():
        generic()
        monkeypatch.setattr(user_functions, "POSITIONAL", False)
        monkeypatch.setattr(plain_classes, "HELD_ATOMS", False)
        monkeypatch.setattr(numpy_ops, "SCALAR_CONVERT", False)
    return run_slow



RECURSE_METHOD = ("class R:\n    def down(self, n):\n        if n == 0:\n            return 0\n"
                  "        return self.down(n - 1) + 1\n\n\nprint(R().down({n}))\n")
RECURSE_FUNCTION = ("def down(n, acc):\n    return acc if n == 0 else down(n - 1, acc + 1)\n\n\n"
                    "print(down({n}, 0))\n")


@pytest.mark.parametrize("text", [RECURSE_METHOD, RECURSE_FUNCTION])
@pytest.mark.parametrize(("n", "fails"), [(18, False), (19, False), (20, True), (25, True)])
def test_call_depth_below_and_above_the_limit(text, n, fails, slow):
    # 20 levels allowed: down(19) runs 20 calls deep, down(20) would run 21
    error, *_ = same_both_ways(text.format(n=n), Limits(max_call_depth=20), slow)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 20 levels deep; the limit is 20" in error[1]


def test_python_stack_stops_deep_recursion_with_pythons_words(slow):
    source = RECURSE_FUNCTION.format(n=5000)
    fast = outcome(source, Limits(max_call_depth=100_000, timeout_s=60))
    slow()
    general = outcome(source, Limits(max_call_depth=100_000, timeout_s=60))
    # both stop on Python's stack, as a limit (how deep depends on the frames each way takes per call,
    # so only the error's kind and words are compared)
    assert fast[0][:2] == general[0][:2]
    assert fast[0][0] == "limit" and "nests too deeply" in fast[0][1]


def test_lesson_runs_alike_and_prints_what_python_prints(slow):
    error, steps, _, printed, _ = same_both_ways(LAYERS, Limits(), slow)
    assert error is None and steps > 0
    assert printed == python_prints(LAYERS)


def test_every_step_cut_alike(slow):
    source = LAYERS.replace("range(6)", "range(2)")
    assert_every_step_cut_alike(source, slow)


def test_time_check_alike(slow, monkeypatch):
    assert_time_check_alike(LAYERS, slow, monkeypatch)


@pytest.mark.parametrize(("total", "fails"), [(400, False), (60, True), (20, True)])
def test_element_total_below_and_above(total, fails, slow):
    # every NumPy scalar result counts one element toward max_total_elements
    error, *_ = same_both_ways(LAYERS, Limits(max_total_elements=total), slow)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit"


def _attributes(count: int) -> str:
    lines = "".join(f"        self.a{k} = {k}\n" for k in range(count))
    return (f"class Many:\n    def __init__(self):\n{lines}\n    def again(self, v):\n        self.a0 = v\n"
            f"        return self.a0\n\n\nm = Many()\nprint(m.again(2.5), m.a{count - 1})\n")


@pytest.mark.parametrize(("count", "fails"), [(99, False), (100, False), (101, True)])
def test_attributes_per_object_below_and_above(count, fails, slow):
    error, *_ = same_both_ways(_attributes(count), Limits(), slow)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and "more than 100 attributes" in error[1]


CLASS = "import torch\nimport numpy as np\n\n\nclass A:\n    def __init__(self):\n        self.w = 1.0\n\n" \
        "    def f(self, x):\n        return x\n\n    def g(self, x, y):\n        return y\n\n\na = A()\n"

# name -> (the program's last lines, words of the refusal or error)
REFUSALS = {
    "dunder_method": ("a.__reduce_ex__(2)\n", "__reduce_ex__"),
    "dunder_read": ("print(a.__dict__)\n", "__dict__"),
    "dunder_write": ("a.__class__ = 1.0\n", "__class__"),
    "module_argument": ("a.f(torch)\n", "the module `torch` cannot be used as an argument of A.f"),
    "module_argument_second": ("a.g(1.0, np)\n", "the module `numpy` cannot be used as an argument of A.g"),
    "module_in_attribute": ("a.w = torch\n", "assignment"),
    "module_in_held_attribute": ("a.w = 2.0\na.w = np\n", "assignment"),
    "too_few": ("a.g(1)\n", "missing 1 required positional argument: 'y'"),
    "too_many": ("a.f(1, 2)\n", "takes 2 positional arguments but 3 were given"),
    "function_too_many": ("def h(x):\n    return x\n\n\nh(1, 2)\n",
                          "takes 1 positional argument but 2 were given"),
    "keyword_unknown": ("a.f(z=1)\n", "unexpected keyword argument 'z'"),
    "missing_method": ("a.nothing(1)\n", "'A' object has no attribute 'nothing'"),
    "not_callable": ("a.w(1)\n", "'float' object is not callable"),
    "numpy_big_int": ("x = np.int64(2)\nfor k in range(2):\n    y = x * 2 ** 70\n", "too large"),
    "numpy_convert_big_int": ("for k in range(2):\n    y = np.int64(2 ** 70)\n", "too large"),
    "numpy_overflow": ("for k in range(2):\n    y = np.int8(300 + k)\n", "out of bounds"),
    "numpy_convert_text": ("for k in range(2):\n    y = np.float64('1.5')\n", "np.float64(number)"),
    "numpy_convert_keyword": ("for k in range(2):\n    y = np.float64(x=1.5)\n", "np.float64(number)"),
    "numpy_convert_tensor": ("for k in range(2):\n    y = np.float64(torch.ones(1))\n", "np.float64(number)"),
    "frozen_dataclass": ("from dataclasses import dataclass\n\n\n@dataclass(frozen=True)\nclass P:\n"
                         "    x: float\n\n\np = P(1.0)\np.x = 2.0\n", "cannot assign to field 'x'"),
    "slots": ("class S:\n    __slots__ = ('a',)\n\n    def __init__(self):\n        self.a = 1.0\n\n\n"
              "s = S()\ns.a = 2.0\ns.b = 3.0\n", "'S' object has no attribute 'b'"),
    "property_without_setter": ("class P:\n    @property\n    def x(self):\n        return 1.0\n\n\n"
                                "p = P()\np.x = 2.0\n", "has no setter"),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_refusals_alike(name, slow):
    tail, words = REFUSALS[name]
    error, *_ = same_both_ways(CLASS + tail, Limits(), slow)
    assert error is not None and words in error[1], (name, error)


ALLOWED = {
    "property_setter": ("import numpy as np\n\n\nclass T:\n    def __init__(self):\n        self._c = 0.0\n\n"
                        "    @property\n"
                        "    def c(self):\n        return self._c\n\n    @c.setter\n    def c(self, v):\n"
                        "        self._c = v * 2\n\n\nt = T()\nfor k in range(3):\n    t.c = np.float64(k)\n"
                        "print(t.c)\n"),
    "subclass_and_super": ("class B:\n    def f(self, x):\n        self.seen = x\n        return x + 1\n\n\n"
                           "class C(B):\n    def f(self, x):\n        self.seen = x * 2\n"
                           "        return super().f(x) * 10\n\n\nc = C()\nfor k in range(3):\n"
                           "    print(c.f(k), c.seen)\n"),
    "frozen_subclass_field_free": ("from dataclasses import dataclass\n\n\n@dataclass(frozen=True)\n"
                                   "class P:\n    x: float\n\n\nclass Q(P):\n    pass\n\n\n"
                                   "q = Q(1.0)\nq.y = 1.0\nq.y = 2.0\nprint(q.x, q.y)\n"),
    "function_in_attribute_called": ("def twice(v):\n    return 2 * v\n\n\nclass H:\n    pass\n\n\n"
                                     "h = H()\nh.f = twice\nfor k in range(3):\n    print(h.f(k))\n"),
    "objects_in_names": ("class N:\n    def __init__(self, v):\n        self.v = v\n\n\n"
                         "nodes = [N(1), N(2.5)]\nfor node in nodes:\n    last = node\n"
                         "    node.v = node.v * 2\n"
                         "one = N(3)\nprint(last.v, one.v, nodes[0].v)\n"),
    "tensors_and_scalars": ("import torch\nimport numpy as np\n\n\nclass W:\n    def __init__(self):\n"
                            "        self.t = torch.ones(2)\n        self.s = np.float32(1.0)\n\n"
                            "    def f(self, x, y):\n        self.t = self.t * x\n"
                            "        self.s = self.s + y\n"
                            "        return self.t.sum() + 0\n\n\nw = W()\nfor k in range(3):\n"
                            "    out = w.f(2.0, np.int8(k))\nprint(out, w.s, type(w.s).__name__)\n"),
    "numpy_convert_kinds": ("import numpy as np\nfor k in [1, 2.5, True, np.float32(1.5), np.int8(-3)]:\n"
                            "    print(np.float64(k), np.int32(k), np.float32(k), np.bool_(k),\n"
                            "          np.complex128(k))\n"),
    "closure_and_default": ("def make(a):\n    def inner(x, b=1):\n        return a * x + b\n"
                            "    return inner\n\n\n"
                            "f = make(3)\nfor k in range(3):\n    print(f(k), f(k, 2))\n"),
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_allowed_alike_and_as_python(name, slow):
    source = ALLOWED[name]
    error, _, _, printed, _ = same_both_ways(source, Limits(), slow)
    assert error is None, (name, error)
    assert printed == python_prints(source)


@pytest.mark.parametrize("value", [1, 2.5, True, None, "text", np.float64(1.0), np.int8(3), torch.ones(2),
                                   range(3), [1, 2], (1.0, 2.0), {"a": 1}])
def test_storable_answers_atoms_as_require_storable(value):
    assert storable(value, "in an assignment") is require_storable(value, "in an assignment")


def test_short_ways_are_taken():
    """The lesson's calls and writes go the short ways (else the tests above compare a path with itself)."""
    taken = {"positional": 0, "held": 0}
    original_call, original_set = user_functions.call_positional, plain_classes.set_attribute

    def counted_call(*args):
        taken["positional"] += 1
        return original_call(*args)

    def counted_set(interp, base, name, value, initializing=False):
        if type(base) is ProgramObject and name in base.values:
            taken["held"] += 1
        return original_set(interp, base, name, value, initializing)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(user_functions, "call_positional", counted_call)
        patch.setattr(plain_classes, "set_attribute", counted_set)
        from autogradlab.lang import compiled_targets
        patch.setattr(compiled_targets, "set_object_attribute", counted_set)
        patch.setattr(compiled_targets, "HELD_INLINE", False)   # (its inline copy: test_held_inline_s42.py)
        patch.setattr(compiled_targets, "NEW_ATTRIBUTES", False)   # (its own way: test_object_attributes_s43)
        from autogradlab.lang import positional_sites
        patch.setattr(positional_sites, "SITES", False)   # (its own way: test_call_sites_s44)
        error, *_ = outcome(LAYERS, Limits())
    assert error is None
    assert taken["positional"] > 50 and taken["held"] > 20, taken


APPENDS = ("import numpy as np\nimport torch\nlosses = []\nparts = {{}}\nfor i in range({n}):\n"
           "    losses.append(np.float64(i) / 2)\n    parts.update({{'last': i}})\n"
           "    if i == {bad}:\n        losses.append(torch)\n"
           "print(len(losses), losses[-1], parts)\n")


@pytest.mark.parametrize(("n", "bad"), [(300, -1), (300, 290), (300, 10), (600, 599)])
def test_long_list_appends_alike(n, bad, slow):
    """`losses.append(x)` past checked_containers.MEMO_FROM items (its one-atom-more answer), a module
    appended early or late: refused at the same step and place both ways."""
    error, *_ = same_both_ways(APPENDS.format(n=n, bad=bad), Limits(), slow)
    assert (error is not None) == (bad >= 0), error
    if bad >= 0:
        assert "torch" in error[1] and error[2] == 9, error


def test_one_atom_more_answers_as_the_walk():
    """checked_containers.check's short answer for a list grown by one atom equals its walk's, and
    anything else (a container, an object, a changed end, two more items) goes the usual way."""
    from autogradlab.lang import checked_containers, safe_values
    from autogradlab.lang.checked_containers import MEMO_FROM, STORABLE, _one_atom_more

    checked_containers.forget()
    items = [float(k) for k in range(MEMO_FROM + 3)]
    assert safe_values.is_storable(items)
    for added, short in [(1.5, True), (np.float32(2), True), ([1.0], False), ((1.0, 2.0), False)]:
        items.append(added)
        assert _one_atom_more(items, STORABLE) is short
        assert safe_values.is_storable(items)
        items.pop()
        assert safe_values.is_storable(items)   # (remembered again as it is now)
    items.append(torch)   # a module: never an atom, the walk refuses it
    assert not safe_values.is_storable(items)
    items[-1] = 3.0
    assert safe_values.is_storable(items)
    items[-1] = 9.0   # the remembered last item replaced: the whole walk again
    items.append(4.0)
    assert not _one_atom_more(items, STORABLE)
    assert safe_values.is_storable(items)
    items.extend([5.0, 6.0])   # two more: the usual way
    assert not _one_atom_more(items, STORABLE)
    checked_containers.forget()


MAKERS = ("class Node:\n    def __init__(self, v):\n        self.v = v\n\n    def child(self, v):\n"
          "        return Node(self.v + v)\n\n\nroot = Node(0.0)\nfor k in range(9):\n"
          "    last = root.child(k)\n"
          "print(last.v)\n")


@pytest.mark.parametrize(("most", "fails"), [(10, False), (9, True)])
def test_instances_made_in_methods_below_and_above(most, fails, slow, monkeypatch):
    """Objects made inside a method the short way calls count toward MAX_INSTANCES as before (10 made)."""
    monkeypatch.setattr(plain_classes, "MAX_INSTANCES", most)
    error, *_ = same_both_ways(MAKERS, Limits(), slow)
    assert (error is not None) == fails
    if fails:
        assert error[0] == "limit" and error[2] == 6, error

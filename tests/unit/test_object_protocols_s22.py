"""Session 22: classes with __eq__/__hash__, __bool__, in-place operators, ordering without key=, __abs__,
and the Dataset protocols (__len__/__getitem__/__iter__/__contains__), nested tuple keys and dict-view set
operators with objects (lang/object_equality.py, lang/object_protocols.py). What a program prints and
leaves equals plain Python (tests/oracle.py); errors carry Python's kind and text; every method of the
program runs under the run's limits (recursion, steps), never after the run (the report)."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.breakout_helpers import SMALL
from tests.unit.test_stored_objects import compare

VEC = '''class V:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"V({self.x}, {self.y})"
'''
DATA = '''class Data:
    def __init__(self, n):
        self.items = [i * i for i in range(n)]
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
class Bag:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __iter__(self):
        for x in self.xs:
            yield x
    def __contains__(self, x):
        return x in self.xs
'''


def same_error(source: str) -> None:
    """The run fails like Python: same printed text before, and Python's message."""
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and report.error is not None, (oracle.error, report.error)
    assert str(oracle.error) in report.error.message or report.error.message in str(oracle.error), \
        (report.error.message, oracle.error)
    assert report.printed == oracle.printed


# -- __eq__ / __hash__ -------------------------------------------------------------------------------
@pytest.mark.parametrize("tail", [
    "a, b = V(1, 2), V(1, 2)\nprint(a == b, a != b, a is b, a == 1, 1 == a, a != (1, 2))\n",
    "d = {V(1): 'one'}\nd[V(2)] = 'two'\nd[V(1)] = 'uno'\n"
    "print(d, d[V(1)], V(2) in d, V(3) in d, d.get(V(3)), len(d))\n",
    "d = {}\nfor v in [V(1), V(2), V(1), V(1)]:\n    d[v] = d.get(v, 0) + 1\nprint(d)\nd[V(2)] += 5\n"
    "print(d.pop(V(1)), d)\n",
    "s = {V(1), V(1), V(2)}\ns.add(V(2))\nprint(len(s), V(1) in s, V(5) not in s)\n"
    "s.discard(V(1))\nprint(len(s))\n",
    "xs = [V(1), V(2), V(3), V(2)]\nprint(V(2) in xs, xs.index(V(3)), xs.count(V(2)), V(9) in xs)\n"
    "xs.remove(V(2))\nprint(xs, [V(1)] == [V(1)], (V(1), 2) == (V(1), 2))\n",
    "print({(V(1), 'a'): 1}[(V(1), 'a')], hash(V(1, 2)) == hash((1, 2)))\n",
    "class W(V):\n    pass\nprint(W(1) == V(1), {W(1): 2}[V(1)])\n",   # inherited
])
def test_eq_and_hash_of_the_program_equal_python(tail):
    compare(VEC + tail)


def test_ne_asks_its_own_method_else_inverts_eq():
    compare("class A:\n    def __eq__(self, o):\n        return 'eq'\nclass B:\n    def __ne__(self, o):\n"
            "        return 'ne'\nprint(A() == 1, A() != 1, 1 == A(), B() != 1, 1 != B(), B() == B())\n")


def test_eq_without_hash_makes_the_class_unhashable_as_python():
    for tail in ("s = {A()}\n", "d = {A(): 1}\n", "print(hash(A()))\n", "s = set()\ns.add((1, A()))\n"):
        same_error("class A:\n    def __eq__(self, o):\n        return True\n" + tail)
    compare("class A:\n    def __eq__(self, o):\n        return True\ntry:\n    {A(): 1}\n"
            "except TypeError as e:\n"
            "    print('caught', e)\nprint(A() in [1], [1, 2].index(A()))\n")


def test_hash_of_a_huge_int_is_hashed_again_as_python():
    compare("class H:\n    def __init__(self, k):\n        self.k = k\n    def __hash__(self):\n"
            "        return 10 ** 300 + self.k\n    def __eq__(self, o):\n        return self.k == o.k\n"
            "d = {H(1): 'a', H(2): 'b'}\nprint(d[H(2)], hash(H(1)) == hash(10 ** 300 + 1), H(3) in d)\n")


@pytest.mark.parametrize("tail", ["d = {H(): 1}\n", "print(H() in {1})\n", "print(hash(H()))\n"])
def test_hash_returning_a_non_int_is_pythons_type_error(tail):
    same_error("class H:\n    def __hash__(self):\n        return 'x'\n" + tail)


def test_eq_answer_truth_is_pythons_inside_containers():
    source = ("import torch\nclass E:\n    def __eq__(self, o):\n        return torch.ones(2)\n"
              "print(E() == 1)\nprint(1 in [E()])\n")
    report, oracle = run_program(source), run_trusted(source)
    assert isinstance(oracle.error, RuntimeError) and "ambiguous" in str(oracle.error)
    assert report.error is not None and "ambiguous" in report.error.message and report.error.line == 6
    assert report.printed == oracle.printed


def test_hash_runs_once_per_store_as_python():
    compare("class H:\n    def __init__(self, k):\n        self.k = k\n    def __hash__(self):\n"
            "        print('hash', self.k)\n        return self.k\nd = {}\nd[H(1)] = 1\ns = set()\n"
            "s.add(H(2))\n"
            "print(len(d), len(s))\n")


# -- truth, in-place operators, unary, ordering --------------------------------------------------------
def test_bool_and_len_give_truth_in_if_while_and_or_not():
    compare("class B:\n    def __init__(self, n):\n        self.n = n\n    def __bool__(self):\n"
            "        return self.n > 0\nclass L:\n    def __len__(self):\n        return 0\n"
            "b = B(3)\nk = 0\nwhile b:\n    b.n -= 1\n    k += 1\nprint(k, bool(B(1)), not B(0), bool(L()))\n"
            "x = B(0) or B(5)\ny = B(2) and L()\nprint(x.n, type(y).__name__ == 'L' if False else 0)\n"
            "if B(0) or L():\n    print('no')\nelse:\n    print('neither')\n")


def test_bool_returning_a_non_bool_is_pythons_type_error():
    same_error("class B:\n    def __bool__(self):\n        return 1\nprint('before')\nif B():\n    pass\n")


@pytest.mark.parametrize("tail", [
    "a = A(1)\nb = a\na += A(2)\na -= A(1)\na *= 3\nprint(a.v, a is b)\n",
    "p = P(1)\nq = p\np += P(2)\nprint(p.v, p is q, q.v)\n",   # no __iadd__: __add__, a new object
    "xs = [A(1)]\nxs[0] += A(5)\nprint(xs[0].v)\n",
])
def test_in_place_methods_and_their_fallback_equal_python(tail):
    compare("class A:\n    def __init__(self, v):\n        self.v = v\n    def __iadd__(self, o):\n"
            "        self.v += o.v\n        return self\n    def __isub__(self, o):\n        self.v -= o.v\n"
            "        return self\n    def __imul__(self, k):\n        self.v *= k\n        return self\n"
            "class P:\n    def __init__(self, v):\n        self.v = v\n    def __add__(self, o):\n"
            "        return P(self.v + o.v)\n" + tail)


def test_neg_pos_abs_equal_python_and_missing_abs_is_pythons_error():
    compare("class N:\n    def __init__(self, v):\n        self.v = v\n    def __neg__(self):\n"
            "        return N(-self.v)\n"
            "    def __pos__(self):\n        return self\n    def __abs__(self):\n"
            "        return abs(self.v)\n"
            "print((-N(2)).v, (+N(3)).v, abs(N(-4)))\n")
    same_error("class N:\n    pass\nprint(abs(N()))\n")


@pytest.mark.parametrize("tail", [
    "xs = [V(3), V(1), V(2, 1), V(2)]\nprint(sorted(xs), sorted(xs, reverse=True), min(xs), max(xs))\n"
    "xs.sort()\nprint(xs, min(V(5), V(4)), max(V(5), V(4), V(6)))\n",
    "print(sorted([V(2), V(1)] + [V(0)]), sorted({V(2): 1, V(1): 2}))\n",
])
def test_ordering_without_key_uses_the_programs_lt(tail):
    compare(VEC + tail)


def test_ordering_objects_without_lt_is_pythons_type_error():
    same_error("class A:\n    pass\nprint(sorted([A(), A()]))\n")
    same_error("class A:\n    pass\nprint(max(A(), A()))\n")


# -- Dataset protocols --------------------------------------------------------------------------------
@pytest.mark.parametrize("tail", [
    "d = Data(4)\nfor i in range(len(d)):\n    print(d[i])\nfor x in d:\n    print(x)\n",
    "d = Data(4)\nprint(list(d), tuple(d), sum(d), max(d), sorted(d, reverse=True), 9 in d, 5 in d,\n"
    "      [x + 1 for x in d], list(zip(d, 'abcd')), list(enumerate(d)), bool(d), bool(Data(0)))\n",
    "b = Bag(1, 2, 3)\nprint(2 in b, 7 in b, list(b), sum(b), list(iter(b)), next(iter(b)), sorted(b))\n"
    "for x in b:\n    print(x)\n",
    "it = iter(Data(3))\nprint(next(it), next(it), next(it), next(it, 'end'))\ndel it\n",
])
def test_dataset_protocols_equal_python(tail):
    compare(DATA + tail)


@pytest.mark.parametrize("tail", [
    "class X:\n    def __len__(self):\n        return 3\nprint(list(X()))\n",
    "class X:\n    def __iter__(self):\n        return [1, 2]\nfor v in X():\n    pass\n",
    "class X:\n    pass\nprint(1 in X())\n",
])
def test_objects_that_are_not_iterable_give_pythons_type_error(tail):
    same_error(tail)


# -- keys: nested tuples, dict views -------------------------------------------------------------------
def test_nested_tuple_keys_equal_python():
    compare("d = {(1, (2, 3)): 'a', ((1,), ('x', (None, 2.5))): 'b'}\nd[(1, (2, 3))] += '!'\n"
            "print(d[(1, (2, 3))], ((1,), ('x', (None, 2.5))) in d, {(1, (2,)), (1, (2,))}, len(d))\n")
    same_error("d = {(1, [2]): 1}\n")
    same_error("d = {(1, (2, [3])): 1}\n")
    same_error("s = {(1, (2, {}))}\n")


def test_nested_tuple_keys_past_the_size_or_depth_are_refused():
    key = "(" * 9 + "1" + ",)" * 9
    report = run_program(f"d = {{{key}: 1}}\n")
    assert report.error is not None and report.error.kind == "type", report.error
    ok = run_program("d = {" + "(" * 8 + "1" + ",)" * 8 + ": 1}\nprint(len(d))\n")
    assert ok.ok and ok.printed == "1\n", ok.error


def test_dict_key_views_holding_objects_take_set_operators():
    compare("class A:\n    pass\na, b, c = A(), A(), A()\nd = {a: 1, b: 2}\ne = {b: 3, c: 4}\n"
            "print(len(d.keys() & e.keys()), len(d.keys() | e.keys()), len(d.keys() - e.keys()),\n"
            "      len(d.keys() ^ e.keys()), (d.keys() & {b}) == {b}, len(d.keys() & [a, c]),\n"
            "      len({a} | d.keys()))\n")
    compare(VEC + "d = {V(1): 1, V(2): 2}\nprint(len(d.keys() & {V(2), V(3)}), len(d.keys() - [V(1)]))\n")


# -- hash() -------------------------------------------------------------------------------------------
def test_hash_of_plain_values_equals_python():
    compare("print(hash(1), hash(2.5), hash(True), hash((1, (2, 3))), hash(-1), hash(10 ** 30))\n")


@pytest.mark.parametrize("value", ["A()", "None", "float('nan')", "(1, A())", "print"])
def test_hash_that_would_show_an_address_is_refused(value):
    report = run_program(f"class A:\n    pass\nprint(hash({value}))\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error


# -- limits ---------------------------------------------------------------------------------------------
DEEP = "functions called each other more than"


@pytest.mark.parametrize("tail", [
    "print(R() == R())\n", "print(R() in [R()])\n", "print({R(): 1}[R()])\n", "print(R() in {R()})\n",
])
def test_eq_recursing_forever_ends_at_the_depth_limit(tail):
    report = run_program("class R:\n    def __eq__(self, o):\n        return self == o\n"
                         "    def __hash__(self):\n        return 1\n" + tail)
    assert report.error is not None and report.error.kind == "limit" and DEEP in report.error.message


def _loop_hash(n: int) -> str:
    return (f"class H:\n    def __hash__(self):\n        k = 0\n        while k < {n}:\n            k += 1\n"
            "        return k\nd = {}\ntry:\n    d[H()] = 1\nexcept Exception:\n    print('caught')\n"
            "print(len(d))\n")


def test_step_limit_inside_hash_just_below_and_above_and_never_caught():
    limits = dataclasses.replace(SMALL, max_loop_iterations=1000, max_steps=100_000)
    below = run_program(_loop_hash(999), limits=limits)
    assert below.ok and below.printed == "1\n", below.error
    above = run_program(_loop_hash(1001), limits=limits)
    assert above.error is not None and above.error.kind == "limit" and above.printed == "", above.error


def test_report_runs_no_program_method_after_the_run():
    """The report shows objects by the engine's own text: a __repr__ or __hash__ that never ends is not
    called once the program is over (variables, dict keys and sets of such objects)."""
    source = ("class R:\n    def __repr__(self):\n        while True:\n            pass\n"
              "    def __eq__(self, o):\n        while True:\n            pass\n    def __hash__(self):\n"
              "        return 1\n"
              "r = R()\nrs = [r]\nd = {r: 1}\ns = {r}\nprint(len(d), len(s), r in d)\n")
    report = run_program(source)
    assert report.ok and report.printed == "1 1 True\n", report.error
    assert "R object" in str(report.variables["r"])


def test_subclass_eq_goes_first_and_any_all_max_of_objects_equal_python():
    compare("class A:\n    def __eq__(self, o):\n        return 'A.eq'\n    def __hash__(self):\n"
            "        return 1\nclass B(A):\n    def __eq__(self, o):\n        return 'B.eq'\n"
            "    def __hash__(self):\n        return 1\nclass D:\n    def __hash__(self):\n        return 3\n"
            "class E(D):\n    def __ne__(self, o):\n        return 'E.ne'\nclass Z:\n"
            "    def __bool__(self):\n        return False\n"
            "print(A() == B(), B() == A(), A() != B(), D() == E(), D() != E(),\n"
            "      E() != D())\nprint(any([A(), B()]), all([D(), E()]), any([Z(), Z()]), all([Z()]),\n"
            "      any((Z(), 1)),"
            "      max({B(): 1}) == 0)\n")

"""The Python basics of session 10 (sets, map/filter, starred targets, *args/**kwargs and keyword-only
parameters, global/nonlocal, else after loops): real Python is the oracle (printed text, final
variables, errors and their messages, tests/diff_compare.py), and every construct that builds a set,
list, tuple or dict refuses at the same boundary of each limit, just below and just above it.

Sets of strings: CPython's order changes from run to run with hash randomisation; the engine shows
them sorted (lang/sets.py), so the oracle programs below print such sets through sorted() or test
membership, and test_string_sets_print_sorted checks the engine's own choice against sorted()."""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from autogradlab.errors import LimitExceeded
from tests.unit.basics_helpers import built_total as _built_total
from tests.unit.basics_helpers import engine_matches_python, in_loop, limits, oracle_for
from tests.unit.basics_helpers import interpreter as _interpreter

PROGRAMS = {
    "set_basics": "s = {3, 1, 2, 1}\nt = {x * x for x in range(-3, 4)}\n"
                  "print(s, t, len(s), 2 in s, 5 not in t, set(), set([5, 5, 6]), set(range(4)))\n"
                  "print(s | t, s & t, s - t, t - s, s ^ t, s <= t, s < {1, 2, 3, 4}, s == {1, 2, 3},\n"
                  "      s >= {1}, s != t, {1, 2} > {1})\n"
                  "print(sorted(t), sum(t), min(t), max(t), list(s), tuple(t), [v for v in s], type(s))\n"
                  "print(isinstance(s, set), bool(set()), f'{s}', str(t), repr(s), any(s), all({0, 1}))\n",
    "set_methods": "s = {1, 2}\ns.add(10)\ns.add(2)\ns.update([11, 12], (13,), range(3))\ns.discard(1)\n"
                   "s.discard(99)\ns.remove(13)\nprint(s, s.union([100], {7}), s.intersection(range(5)),\n"
                   "      s.difference([2]), s.symmetric_difference({2, 50}), s.issubset(range(20)),\n"
                   "      s.issuperset([0]), s.isdisjoint({99}))\n"
                   "c = s.copy()\nc.add(-1)\nprint(s, c, c.pop(), c)\n"
                   "s.intersection_update(range(11))\nprint(s)\ns.difference_update([0])\n"
                   "s.symmetric_difference_update({5, 2})\nprint(s)\ns.clear()\nprint(s)\n"
                   "u = {1}\nu |= {2}\nu &= {2, 3}\nu -= {9}\nu ^= {4}\nprint(u)\n",
    "set_tuples_floats": "p = {(1, 2), (0, 0), (1, 2), (-1, 5)}\nq = {0.5, 1, 1.0, True, 2.25, -3}\n"
                         "print(p, q, (0, 0) in p, 1.0 in q, len(q))\nfor x in p:\n    print(x)\n",
    "set_of_strings_membership": "words = 'the cat sat on the mat the end'.split()\nseen = set(words)\n"
                                 "print(len(seen), 'cat' in seen, 'dog' in seen, sorted(seen))\n"
                                 "vowels = {c for c in 'education' if c in 'aeiou'}\nprint(sorted(vowels))\n"
                                 "del seen, vowels\n",
    "set_unique_in_loop": "items = [3, 1, 3, 2, 1, 5]\nunique = set()\ndups = []\nfor v in items:\n"
                          "    if v in unique:\n        dups.append(v)\n    unique.add(v)\n"
                          "print(unique, dups)\n",
    "set_errors_unhashable": "s = {1, [2]}\n",
    "set_errors_unhashable_tuple": "s = {(1, [2])}\n",
    "set_errors_remove": "s = {1}\ns.remove(2)\n",
    "set_errors_pop": "s = set()\ns.pop()\n",
    "set_errors_index": "s = {1}\nx = s[0]\n",
    "set_errors_operand": "s = {1} | [2]\n",
    "set_errors_add_arity": "s = {1}\ns.add(1, 2)\n",
    "set_errors_args": "s = set([1], [2])\n",
    "set_errors_not_iterable": "s = set(5)\n",
    "set_except": "s = {1}\ntry:\n    s.remove(3)\nexcept KeyError as e:\n    print('missing', e)\n",
    "map_filter": "print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))\n"
                  "print(list(filter(None, [0, 1, '', 'a', None, 2.5])),\n"
                  "      list(filter(lambda v: v % 2, range(7))))\n"
                  "def sq(v):\n    return v * v\nprint(list(map(sq, range(5))), sum(map(abs, [-1, -2, 3])))\n"
                  "m = map(abs, [-1, -2, -3])\nprint(next(m), list(m), list(m))\n"
                  "print(tuple(map(int, ['1', '22'])), sorted(map(len, ['aaa', 'b', 'cc'])),\n"
                  "      list(map(float, '123')), max(map(len, ['a', 'bbb'])), set(map(abs, [-1, 1])))\n"
                  "for i, w in enumerate(map(str, [7, 8])):\n    print(i, w)\n"
                  "print(list(map(lambda v: v * 2, {3, 1, 2})), list(filter(None, {0, 5})))\n"
                  "evens = filter(lambda x: x % 2 == 0, [1, 2, 3, 4])\nprint(list(evens), list(evens))\n"
                  "print(list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))),\n"
                  "      dict(map(lambda k: (k, k * 2), 'ab')), ' '.join(map(str, [1, 2])))\n"
                  "x = [0]\nx.extend(filter(None, [0, 3]))\n"
                  "print(x, any(map(bool, [0, 1])), all(map(bool, [1, 0])))\n"
                  "del m, evens\n",
    "map_lazy_order": "def show(v):\n    print('called', v)\n    return v\nm = map(show, [1, 2, 3])\n"
                      "print('before')\nfor v in m:\n    print('got', v)\n    if v == 2:\n        break\n"
                      "print(list(m))\nf = filter(show, [0, 4])\nprint('made')\nprint(list(f))\n"
                      "print(any(map(show, [0, 5, 6])), all(map(show, [1, 0, 7])))\ndel m, f\n",
    "map_tensors": "import torch\nxs = [torch.tensor(1.0), torch.tensor(2.0)]\n"
                   "ys = list(map(lambda t: t * 2, xs))\nprint(ys, list(filter(lambda t: t > 1, xs)))\n",
    "map_errors_not_callable": "m = list(map(1, [1]))\n",
    "map_errors_not_iterable": "m = map(str, 5)\n",
    "map_errors_one_arg": "m = map(str)\n",
    "filter_errors_args": "f = filter(None)\n",
    "map_errors_inside": "m = list(map(lambda v: 1 / v, [1, 0]))\n",
    "starred_targets": "a, *rest = [1, 2, 3]\nfirst, *_, last = range(10)\n*init, end = 'abc'\n"
                       "h, *t = (9,)\n[p, *q] = 1, 2\nx, *y, z = 1, 2\n"
                       "print(a, rest, first, _, last, init, end, h, t, p, q, x, y, z)\n"
                       "for k, *vs in [(1, 2, 3), (4,), 'xy']:\n    print(k, vs)\n"
                       "print([m for m, *n in [[1, 2], [3]]], {k: v for k, *v in ['ab', 'cd']})\n"
                       "def g():\n    yield 1\n    yield 2\n    yield 3\nu, *w = g()\nprint(u, w)\n"
                       "(a1, b1), *cs = [(1, 2), 3, 4]\nprint(a1, b1, cs)\n"
                       "a, *b = {'k': 1, 'j': 2}\nprint(a, b)\n",
    "starred_short": "a, *b, c = [1]\n",
    "starred_non_iterable": "a, *b = 5\n",
    "starred_twice": "a, *b, *c = [1, 2, 3]\n",
    "starred_alone": "for *a in [[1]]:\n    pass\n",
    "star_params": "def f(a, *args, k=2, **kwargs):\n    return a, args, k, kwargs\n"
                   "print(f(1), f(1, 2, 3, k=4, z=5), f(a=0, q=1), f(*[1, 2]))\n"
                   "g = lambda *a, **kw: (a, kw)\nprint(g(), g(1, x=2))\n"
                   "def total(*nums):\n    s = 0\n    for n in nums:\n        s += n\n    return s\n"
                   "print(total(), total(1, 2, 3), total(*range(10)))\n"
                   "def kw_only(a, *, b, c=3):\n    return a + b + c\n"
                   "print(kw_only(1, b=2), kw_only(1, c=0, b=1))\n"
                   "def opts(**o):\n    return sorted(o.items())\nprint(opts(x=1, y=2), opts())\n"
                   "def gen(*xs):\n    for x in xs:\n        yield x * 2\nprint(list(gen(1, 2)))\n",
    "star_params_too_many": "def f(a, b=1):\n    return a\nf(1, 2, 3)\n",
    "star_params_missing": "def f(a, *r, b):\n    return a\nf(1)\n",
    "star_params_missing_two": "def f(a, b, *r):\n    return a\nf()\n",
    "star_params_missing_three": "def f(a, b, c, **k):\n    return a\nf()\n",
    "star_params_unexpected": "def f(a, *r):\n    return a\nf(1, z=2)\n",
    "star_params_multiple": "def f(a, **k):\n    return a\nf(1, a=2)\n",
    "star_params_kwonly_positional": "def f(a, *, b=1):\n    return a\nf(1, 2)\n",
    "global_nonlocal": "count = 0\ndef inc(by=1):\n    global count\n    count += by\n    return count\n"
                       "inc()\ninc(5)\nprint(count)\n"
                       "def outer():\n    n = 0\n    def bump():\n        nonlocal n\n        n += 1\n"
                       "        return n\n    bump()\n    bump()\n    return n\nprint(outer())\n"
                       "def make():\n    global made\n    made = [1, 2]\nmake()\nprint(made)\n"
                       "def counter():\n    c = 0\n    def step():\n        nonlocal c\n        c = c + 1\n"
                       "        return c\n    step()\n    return step() + c\nprint(counter())\n"
                       "total = 0\ndef add_all(xs):\n    global total\n    for x in xs:\n        total += x\n"
                       "add_all(range(5))\nprint(total)\n"
                       "def drop():\n    global made\n    del made\ndrop()\n"
                       "try:\n    print(made)\nexcept NameError as e:\n    print(e)\n"
                       "def loop_global():\n    global i\n    for i in range(3):\n        pass\n"
                       "loop_global()\nprint(i)\n",
    "global_unbound": "def f():\n    global nothing\n    return nothing\nf()\n",
    "nonlocal_no_binding": "def f():\n    nonlocal q\n",
    "nonlocal_module": "nonlocal q\n",
    "global_after_assignment": "def f():\n    g = 1\n    global g\n",
    "loop_else": "for i in range(3):\n    if i == 5:\n        break\nelse:\n    print('no break', i)\n"
                 "for i in range(3):\n    if i == 1:\n        break\nelse:\n    print('not here')\n"
                 "n = 0\nwhile n < 3:\n    n += 1\nelse:\n    print('while done', n)\n"
                 "while True:\n    break\nelse:\n    print('not here')\n"
                 "for p in [2, 3, 4, 5, 6, 7]:\n    for d in range(2, p):\n        if p % d == 0:\n"
                 "            print(p, 'equals', d, '*', p // d)\n            break\n    else:\n"
                 "        print(p, 'is a prime number')\n"
                 "for j in []:\n    pass\nelse:\n    print('empty loop else')\n"
                 "for a in range(2):\n    for b in range(2):\n        pass\n    else:\n        continue\n"
                 "    print('skipped')\nprint(a, b)\n",
    "loop_else_break_outside": "for i in range(2):\n    pass\nelse:\n    break\n",
    "reduce": "from functools import reduce\nimport functools\n"
              "print(reduce(lambda out, x: out + x, range(10)),\n"
              "      functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))\n"
              "print(reduce(max, map(abs, [3, -9, 2])), reduce(lambda a, b: a + b, ['a', 'b'], ''))\n",
    "reduce_empty": "from functools import reduce\nx = reduce(lambda a, b: a, [])\n",
    "keyword_spread": "def f(a, b=2, **kw):\n    return a, b, kw\nopts = {'b': 5, 'c': 6}\n"
                      "print(f(1, **opts), f(**{'a': 0}), f(1, **{}))\nbase = {'x': 1, 'y': 2}\n"
                      "print({**base, 'y': 3, **{'z': 4}}, dict(**base),\n"
                      "      '{a}-{b}'.format(**{'a': 1, 'b': 2}))\n"
                      "def g(*args, **kwargs):\n    return f(*args, **kwargs)\nprint(g(7, c=1))\n",
    "keyword_spread_repeat": "def f(**k):\n    return k\nx = f(**{'a': 1}, a=2)\n",
    "keyword_spread_not_mapping": "def f(**k):\n    return k\nx = f(**[1])\n",
    "keyword_spread_not_strings": "x = print(**{1: 2})\n",
    "dict_spread_not_mapping": "d = {**[1]}\n",
    # docs.python.org/3/tutorial 5.4 "Sets" (string sets shown through sorted(): lang/sets.py) and
    # 7.1.2's `**table`
    "tutorial_sets": "basket = {'apple', 'orange', 'apple', 'pear', 'orange', 'banana'}\n"
                     "print(sorted(basket), 'orange' in basket, 'crabgrass' in basket)\n"
                     "a = set('abracadabra')\nb = set('alacazam')\n"
                     "print(sorted(a), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))\n"
                     "a = {x for x in 'abracadabra' if x not in 'abc'}\nprint(sorted(a))\n"
                     "table = {'Sjoerd': 4127, 'Jack': 4098, 'Dcab': 8637678}\n"
                     "print('Jack: {Jack:d}; Sjoerd: {Sjoerd:d}; Dcab: {Dcab:d}'.format(**table))\n"
                     "del basket, a, b\n",
}


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return oracle_for(PROGRAMS)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program_does_what_python_does(name: str, oracle: dict[str, dict]) -> None:
    source = PROGRAMS[name]
    engine = engine_matches_python(source, oracle[source])
    if oracle[source]["error"] is not None:   # Python's own message, word for word
        said = oracle[source]["error"][1]
        if oracle[source]["error"][0] == "SyntaxError":   # str() adds "(<program>, line 2)"
            said = said.rsplit(" (<program>", 1)[0]
        if name != "loop_else_break_outside":   # the checker's own words: "`break` outside a loop"
            assert engine["error"][1] == said


def test_string_sets_print_sorted() -> None:
    """The engine's fixed order for sets holding strings (CPython's depends on PYTHONHASHSEED):
    sorted, the same text on every run; membership and size are CPython's."""
    source = ("s = {'pear', 'apple', 'fig', 'kiwi'}\nprint(s)\nfor w in s:\n    print(w)\n"
              "m = {3, 'b', 1, 'a', None, (1, 'x')}\nprint(m, list(m))\n")
    report = run_program(source, torchviz=False)
    assert report.error is None, report.error
    words = sorted(["pear", "apple", "fig", "kiwi"])
    mixed = [1, 3, "a", "b", (1, "x"), None]   # numbers, strings, then the rest by their text
    expected = "{" + ", ".join(map(repr, words)) + "}\n" + "".join(w + "\n" for w in words)
    expected += "{" + ", ".join(map(repr, mixed)) + "} " + repr(mixed) + "\n"
    assert report.printed == expected


# (program whose last line builds the set/list/tuple/dict, fits max_sequence_len = 100)
BOUNDARIES = [
    ("s = set(range(100))", True), ("s = set(range(101))", False),
    ("s = {x for x in range(100)}", True), ("s = {x for x in range(101)}", False),
    ("s = {x % 100 for x in range(100)}", True),
    ("s = {*range(100)}", True), ("s = {*range(101)}", False),
    ("s = set(range(60))\ns.update(range(100))", True), ("s = set(range(60))\ns.update(range(101))", False),
    ("s = set(range(99))\ns.add(99)", True), ("s = set(range(100))\ns.add(100)", False),
    ("a = set(range(50))\nb = set(range(50, 100))\nc = a | b", True),
    ("a = set(range(50))\nb = set(range(50, 101))\nc = a | b", False),
    ("a = set(range(50))\nb = set(range(50, 100))\nc = a.union(b)", True),
    ("a = set(range(50))\nb = set(range(50, 101))\nc = a.union(b)", False),
    ("a = set(range(50))\nb = set(range(50, 100))\na |= b", True),
    ("a = set(range(50))\nb = set(range(50, 101))\na |= b", False),
    ("s = list(map(abs, range(100)))", True), ("s = list(map(abs, range(101)))", False),
    ("s = list(map(abs, range(10**12)))", False),
    ("s = list(filter(None, range(101)))", True), ("s = list(filter(None, range(102)))", False),
    ("a, *b = range(100)", True), ("a, *b = range(101)", False),
    ("def f(*a):\n    return a\nt = f(*range(100))", True),
    ("def f(*a):\n    return a\nt = f(*range(101))", False),
    ("def f(*a):\n    return a\nt = f(*range(10**12))", False),
    ("d = dict(zip(range(100), range(100)))\ne = {**d}", True),
    ("d = dict(zip(range(100), range(100)))\ne = {**d, 'x': 1}", False),
    ("def f(**k):\n    return k\nd = {str(i): i for i in range(99)}\ne = f(x=1, **d)", True),
    ("def f(**k):\n    return k\nd = {str(i): i for i in range(100)}\ne = f(x=1, **d)", False),
]


@pytest.mark.parametrize("where", ["top", "loop"])
@pytest.mark.parametrize(("program", "fits"), BOUNDARIES)
def test_sequence_limit_boundaries(program: str, fits: bool, where: str) -> None:
    source = in_loop(program) if where == "loop" else program + "\n"
    report = run_program(source, torchviz=False, limits=limits(max_sequence_len=100, max_steps=10**6))
    if fits:
        assert report.error is None, report.error
        return
    assert report.error is not None and report.error.kind == "limit", report.error
    assert "the limit is 100" in report.error.message, report.error
    assert report.error.line == len(source.splitlines()), report.error


def test_a_set_bomb_is_refused_before_it_is_built() -> None:
    """set(range(10**9)), a set comprehension over it, a union of two sets each at the limit, map
    over a huge range fed to list(), *args of a huge range: each stops at max_sequence_len."""
    n = 1000
    for source in ["s = set(range(10**9))", "s = {x for x in range(10**9)}",
                   f"a = set(range({n}))\nb = set(range({n}, {2 * n}))\nc = a | b",
                   "s = list(map(str, range(10**9)))",
                   "def f(*a):\n    return len(a)\nn = f(*range(10**9))"]:
        report = run_program(source + "\n", torchviz=False, limits=limits(max_sequence_len=n))
        assert report.error is not None and report.error.kind == "limit", (source, report.error)
        assert "the limit is 1,000" in report.error.message, report.error


def test_the_runs_total_counts_sets() -> None:
    """A loop building a 100-item set each pass stops at the run's total like a loop of lists."""
    source = "for k in range(10):\n    s = set(range(100))\n"
    total = _built_total(source)
    assert total >= 1000
    at = run_program(source, torchviz=False, limits=limits(max_total_sequence_items=total, max_steps=10**6))
    assert at.error is None, at.error
    above = run_program(source, torchviz=False, limits=limits(max_total_sequence_items=total - 1,
                                                              max_steps=10**6))
    assert above.error is not None and above.error.kind == "limit" and "in all" in above.error.message


def test_map_items_count_as_loop_iterations() -> None:
    source = "m = list(map(abs, range(50)))\n"
    at = run_program(source, torchviz=False, limits=limits(max_loop_iterations=50))
    assert at.error is None, at.error
    above = run_program(source, torchviz=False, limits=limits(max_loop_iterations=49))
    assert above.error is not None and above.error.kind == "limit", above.error


STEP_PROGRAMS = [
    "s = {1, 2, 3}\nt = {x for x in s if x > 1}\nu = s | t\ns.add(4)",
    "m = list(map(lambda v: v + 1, [1, 2, 3]))\nf = list(filter(None, m))",
    "a, *b = [1, 2, 3]\nfirst, *_, last = range(5)",
    "def f(*a, k=1, **o):\n    return len(a) + k\nx = f(1, 2, k=3, z=4)",
    "n = 0\ndef g():\n    global n\n    n += 1\ng()",
    "for i in range(2):\n    pass\nelse:\n    j = 1",
]


@pytest.mark.parametrize("where", ["top", "loop"])
@pytest.mark.parametrize("program", STEP_PROGRAMS)
def test_step_budget_boundary(program: str, where: str) -> None:
    """At its own step count the program runs; one step fewer stops it with the step limit."""
    source = in_loop(program) if where == "loop" else program + "\n"
    interp = _interpreter(source, max_steps=10**6)
    interp.run()
    steps = interp._steps
    assert steps > 0
    _interpreter(source, max_steps=steps).run()
    with pytest.raises(LimitExceeded, match="steps; the limit is"):
        _interpreter(source, max_steps=steps - 1).run()


def test_set_items_are_plain_values() -> None:
    """No tensor (hashed by identity), no type object as a set item (functions: s26, test_pyb_s26)."""
    for source, kind in [("import torch\ns = {torch.ones(1)}", "unsupported"), ("s = {int}", "type")]:
        report = run_program(source + "\n", torchviz=False)
        assert report.error is not None and report.error.kind == kind, (source, report.error)


def test_sets_are_reported_as_variables() -> None:
    report = run_program("s = {3, 1, 2}\n", torchviz=False)
    assert report.error is None
    assert report.variables["s"].text == repr({3, 1, 2})

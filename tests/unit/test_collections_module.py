"""collections.Counter and defaultdict (session 24, issue 9: d2l's `Counter(tokens).most_common(3)`,
`defaultdict(list)`), with CPython as the oracle: printed text and variables. Their sizes stop at the
dict length limit, just above and just below; namedtuple, deque and OrderedDict are refused by name."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab.engine import run_program as _run_program
from autogradlab.lang.namedtuple_values import MAX_NAME_CHARS
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

C = "from collections import Counter, defaultdict, OrderedDict\n"
LIMIT = DEFAULT_LIMITS.max_sequence_len
# These runs test the size limits, not the time limit: 100,000-item dicts take ~1-2 s alone and reached
# the 5 s time limit first (kind 'timeout') when the machine was loaded (sessions 28, 29)
UNHURRIED = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)


def run_program(source: str, **options):  # noqa: ANN003, ANN201
    return _run_program(source, **{"limits": UNHURRIED, **options})

SNIPPETS = {
    "counter_tokens": C + """tokens = "the cat the dog the end a cat".split()
c = Counter(tokens)
print(c.most_common(3), c.most_common(), c.most_common(0))
print(c, c['zebra'], len(c))
c.update(['a', 'a'])
c.subtract({'the': 1})
print(c, c.total(), Counter('hello'), Counter(), Counter(a=2, b=3))
print(dict(c), sorted(c.items()), c.get('cat'), 'cat' in c)
k = c.copy()
k['new'] += 5
print(k, c)
""",
    "defaultdict_list_int": C + """tokens = "the cat the dog the end a cat".split()
d = defaultdict(list)
for w in tokens:
    d[len(w)].append(w)
print(d, dict(d), d.get(99), len(d))
e = defaultdict(int)
for w in tokens:
    e[w] += 1
print(e, defaultdict(int), defaultdict(float)['x'], defaultdict(str))
s = defaultdict(set)
s['a'].add(1)
print(s)
""",
    "defaultdict_program_function": C + """def zero():
    return [0]
f = defaultdict(zero)
f['x'][0] += 1
g = defaultdict(lambda: 'n/a')
print(f, g['y'], len(g))
h = defaultdict(None, {'a': 1})
print(h, h['a'])
""",
    "types": C + """c = Counter('abracadabra')
d = defaultdict(list, {'a': [1]})
print(type(c), type(d), isinstance(c, dict), isinstance(c, Counter), isinstance(d, Counter))
print(type(c) == Counter)
print(Counter, defaultdict, defaultdict(Counter)['x'], str(c), repr(d), f"{c}", list(c), {**c})
del c['a']
print(c, c.pop('b'), c.keys(), c == {'r': 2, 'c': 1, 'd': 1})
""",
}
PRINTED_ONLY = {   # printed text as Python's; the Variables table shows them as a tuple or list (their text)
    "deque": """from collections import deque
d = deque(maxlen=3)
for i in range(5):
    d.append(i)
print(d, len(d), d[0], d[-1], list(d), d.maxlen)
d.appendleft(9)
e = deque([1, 2, 3])
e.extend([4, 5])
e.extendleft([0, -1])
print(d, e.pop(), e.popleft(), e)
e.rotate(2)
print(e)
e.rotate(-1)
print(e, 3 in e, e.count(3), deque(), deque('ab'), deque([1], 0))
f = deque([1, 2], maxlen=3)
f += [3, 4]
print(f, f + deque([7]), f * 2, deque(range(10), maxlen=2), e.copy(), type(f), isinstance(f, deque))
g = deque(maxlen=10**12)
g.append(1)
print(g, [x * 2 for x in f], sum(f))
""",
    "namedtuple": """from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
q = Point(x=3, y=[4])
print(p, q, p.x, q.y, p[0], len(p), p == (1, 2), tuple(p), list(q))
a, b = p
print(a, b, type(p), isinstance(p, Point), isinstance(p, tuple), Point)
P3 = namedtuple('P3', 'a, b c')
print(P3(1, 2, 3), [Point(i, i) for i in range(3)], {'k': p}, p + (5,), max(p), p.count(1))
""",
}
SNIPPETS |= {
    "ordered_dict": """from collections import OrderedDict
o = OrderedDict()
o['b'] = 1
o['a'] = 2
print(o, OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict(a=1))
o.move_to_end('b')
print(o)
o.move_to_end('b', last=False)
print(o)
print(o.popitem(), o.popitem(last=False), o)
p = OrderedDict([(1, 2), (3, 4)])
q = OrderedDict([(3, 4), (1, 2)])
print(p == q, p == dict(q), p != q, dict(p) == dict(q), list(p.items()), p.copy(), type(p), len(p))
p.update({5: 6})
print(p, p.get(1), p.pop(1), p, isinstance(p, OrderedDict), isinstance(p, dict))
""",
    "module_import": """import collections
c = collections.Counter([1, 1, 2])
print(c, collections.defaultdict(list))
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_python(name: str) -> None:
    compare(SNIPPETS[name])


SHOWN = {"namedtuple": ("p", "Point(x=1, y=2)"), "deque": ("d", "deque([9, 2, 3], maxlen=3)")}


@pytest.mark.parametrize("name", sorted(PRINTED_ONLY))
def test_prints_like_python(name: str) -> None:
    report, oracle = run_program(PRINTED_ONLY[name]), run_trusted(PRINTED_ONLY[name])
    assert report.ok and oracle.error is None, report.error
    assert report.printed == oracle.printed
    variable, text = SHOWN[name]
    assert "Point" not in report.variables and report.variables[variable].text == text


@pytest.mark.parametrize("source, words", [
    (C + "h = defaultdict()\nh['a']", "index 'a'"),   # a dict's KeyError
    (C + "Counter([[1]])", "unhashable"),
    (C + "Counter(1, 2)", "at most 1 argument"),
])
def test_errors_like_python(source: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and words in f"{report.error.kind} {report.error.message}", report.error


@pytest.mark.parametrize("name", ["ChainMap", "UserDict"])
def test_the_others_are_refused_by_name(name: str) -> None:
    report = run_program(f"from collections import {name}\n{name}('ab')")
    assert not report.ok and f"`collections.{name}` is not supported" in report.error.message


def test_factory_must_be_a_type_or_a_program_function() -> None:
    report = run_program(C + "import math\nd = defaultdict(math.sqrt)")
    assert not report.ok and "default factory" in report.error.message


@pytest.mark.parametrize("source", [
    "Counter(range({n}))", "Counter({{i: 1 for i in range({n})}})",
    "d = defaultdict(int, {{i: 0 for i in range(99_998)}})\nfor i in range(99_998, {n}):\n    d[i] += 1",
    "c = Counter()\nc.update(range({n}))",
    "OrderedDict([(i, 1) for i in range({n})])",
    "o = OrderedDict({{i: 0 for i in range(99_999)}})\nfor i in range(99_999, {n}):\n    o[i] = 1",
])
def test_sizes_stop_at_the_length_limit(source: str) -> None:
    assert run_program(C + source.format(n=LIMIT)).ok
    report = run_program(C + source.format(n=LIMIT + 1))
    assert not report.ok and report.error.kind == "limit" and f"{LIMIT:,}" in report.error.message


@pytest.mark.parametrize("make", ["Counter({d})", "defaultdict(int, {d})"])
def test_printing_is_weighed_like_a_dict(make: str) -> None:
    source = C + "d = {str(i) * 50: i for i in range(99_999)}\nprint(" + make.format(d="d") + ")"
    report = run_program(source)
    plain = run_program(C + "d = {str(i) * 50: i for i in range(99_999)}\nprint(d)")
    assert not report.ok and report.error.message == plain.error.message
    assert "would print more than" in report.error.message


@pytest.mark.parametrize("source, words", [
    ("namedtuple('P', ['x', 'x'])", "duplicate field name: 'x'"),
    ("namedtuple('P', ['_x'])", "cannot start with an underscore"),
    ("namedtuple('P', ['def'])", "cannot be a keyword: 'def'"),
    ("namedtuple('P', ['a b'])", "valid identifiers: 'a b'"),
    ("namedtuple('P', [1])", "must be strings"),
    ("namedtuple('P', ['x'], defaults=[1])", "defaults=...)` is not supported"),
    ("P = namedtuple('P', 'x y')\nP(1)", "missing 1 required positional argument: 'y'"),
    ("P = namedtuple('P', 'x y')\nP(1, 2, 3)", "takes 3 positional arguments but 4 were given"),
    ("P = namedtuple('P', 'x y')\nP(1, z=2)", "unexpected keyword argument 'z'"),
    ("P = namedtuple('P', 'x y')\nP(1, 2).z", "'P' object has no attribute 'z'"),
])
def test_namedtuple_errors_like_python(source: str, words: str) -> None:
    report = run_program("from collections import namedtuple\n" + source)
    assert not report.ok and words in report.error.message, report.error


def test_namedtuple_names_are_short() -> None:
    ok = "a" * MAX_NAME_CHARS
    assert run_program(f"from collections import namedtuple\nP = namedtuple('{ok}', ['{ok}'])\nP(1)").ok
    report = run_program(f"from collections import namedtuple\nnamedtuple('P', ['{ok}b'])")
    assert not report.ok and f"at most {MAX_NAME_CHARS} characters" in report.error.message


def test_namedtuple_fields_stop_at_the_length_limit() -> None:
    source = "from collections import namedtuple\nP = namedtuple('P', ['f' + str(i) for i in range({n})])"
    assert run_program(source.format(n=LIMIT)).ok
    report = run_program(source.format(n=LIMIT + 1))
    assert not report.ok and report.error.kind == "limit" and f"{LIMIT:,}" in report.error.message


@pytest.mark.parametrize("body", ["Counter(range(10**6))", "c = Counter()\n    c.update(range(10**6))",
                                  "namedtuple('P', ['f' + str(i) for i in range(10**5 + 1)])"])
def test_limits_stay_uncatchable(body: str) -> None:
    report = run_program("from collections import Counter, namedtuple\ntry:\n    " + body +
                         "\nexcept Exception:\n    print('caught')")
    assert not report.ok and report.error.kind == "limit" and report.printed == ""


@pytest.mark.parametrize("source, words", [
    ("deque([1, 2])[0:1]", "sequence index must be integer, not 'slice'"),
    ("deque().pop()", "pop from an empty deque"),
    ("d = deque([1], maxlen=1)\nd[0:1] = [1, 2, 3]", "sequence index must be integer, not 'slice'"),
    ("deque(maxlen=-1)", "maxlen must be non-negative"),
    ("deque(maxlen=1.5)", "an integer is required"),
    ("deque([1], maxlen=1).insert(0, 2)", "deque already at its maximum size"),
    ("deque([1]) + [2]", 'can only concatenate deque (not "list") to deque'),
])
def test_deque_errors_like_python(source: str, words: str) -> None:
    report = run_program("from collections import deque\n" + source)
    assert not report.ok and words in report.error.message, report.error


@pytest.mark.parametrize("source", [
    "deque(range({n}))", "d = deque(range(99_999))\nd.extend(range({n} - 99_999))",
    "d = deque(range(99_999))\nfor i in range({n} - 99_999):\n    d.appendleft(i)"])
def test_deque_stops_at_the_length_limit(source: str) -> None:
    assert run_program("from collections import deque\n" + source.format(n=LIMIT)).ok
    report = run_program("from collections import deque\n" + source.format(n=LIMIT + 1))
    assert not report.ok and report.error.kind == "limit" and f"{LIMIT:,}" in report.error.message

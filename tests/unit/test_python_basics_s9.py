"""The Python basics of session 9 (del x[i], comprehensions with several for/if clauses and dict
comprehensions, f-string conversions and `{x=}`, the format-spec mini-language in f-strings and
str.format, str.center/zfill/title/partition/splitlines..., sort/sorted/min/max with key= and
reverse=): real Python is the oracle (printed text, final variables, errors and their messages,
tests/diff_compare.py), and every construct that builds a string, list or dict refuses at the same
boundary of each limit (string length, the run's total of built items, the step budget), just
below and just above it, at the top level and inside a loop body."""

from __future__ import annotations

import ast

import pytest

from autogradlab.engine.run import run_program
from autogradlab.errors import LimitExceeded, ProgramError
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.basics_helpers import built_total as _built_total
from tests.unit.basics_helpers import engine_matches_python, in_loop, limits, oracle_for
from tests.unit.basics_helpers import interpreter as _interpreter

PROGRAMS = {
    "del": "x = [1, 2, 3, 4, 5, 6]\ndel x[1]\ndel x[1:3]\ndel x[::2]\nd = {'a': 1, 'b': 2}\ndel d['a']\n"
           "a, b = 1, [7, 8]\ndel a, b[0]\nprint(x, d, b)\n",
    "del_in_loop": "x = list(range(6))\nfor i in range(3):\n    del x[0]\n    del x[-1:]\nprint(x)\n",
    "del_index_error": "x = [1, 2]\ndel x[10]\n",
    "del_key_error": "d = {'a': 1}\ndel d['k']\n",
    "del_tuple": "t = (1, 2)\ndel t[0]\n",
    "del_str": "s = 'ab'\ndel s[0]\n",
    "del_tensor": "import torch\nt = torch.ones(3)\ndel t[0]\n",
    "del_name_twice": "a = 1\ndel a\ndel a\n",
    "del_bad_index": "x = [1]\ndel x['a']\n",
    "comprehensions": "a = [1, 2, 3]\nb = [2, 3]\n"
                      "print([x * y for x in a for y in b if x != y])\n"
                      "print([(x, y) for x in a if x > 1 for y in b if y < 3 if x + y > 3])\n"
                      "print({k: k * k for k in a if k > 1}, {k: v for k, v in zip('abc', a)})\n"
                      "print(sum(x * y for x in a for y in b), any(x > y for x in a for y in b),\n"
                      "      all(x < 9 for x in a for y in b), max(x - y for x in a for y in b),\n"
                      "      min(x + y for x in a for y in b if y > 2))\n"
                      "m = [[i * 3 + j for j in range(3)] for i in range(2)]\n"
                      "flat = [v for row in m for v in row]\n"
                      "d = {i: [j for j in range(i)] for i in range(4)}\n",
    "dict_comprehension_overwrites": "d = {k % 3: k for k in range(10)}\nprint(d)\n",
    "dict_comprehension_bad_key": "d = {k: 1 for k in [[1]]}\n",
    "fstring_conversions": "x = 3.14159\ns = 'hi'\nn = 255\n"
                           "print(f'{x!r} {x!s} {s!r} {s!a} {x=} {x = :.3f} {n=:#x} {s=!s:>6}',\n"
                           "      f'{[1, 2]!r:>9}')\n"
                           "print(f'{(1, \"a\")=}', f'{None!s:5}|', f'{\"é\"!a}', f'{x=!r:^12}|')\n",
    "format_specs": "n = 255\nx = 3.14159\ns = 'hi'\nw, p = 10, 3\n"
                    "print(f'{n:x} {n:X} {n:b} {n:o} {n:#b} {n:#o} {n:0>60} {s:^20}| {s:<10}| {1234567:,}')\n"
                    "print(f'{1234567:_} {x:e} {0.25:%} {x:{w}.{p}f}|{x:>{w}}|',\n"
                    "      f'{s:*^{w}}|{n:+d}|{-n: d}|{n:=+8}')\n"
                    "print(f'{x:.0e} {x:g} {x:10.2%} {n:c} {12345.678:,.1f} {-0.0:z.1f} {n:_b} {s:.1}')\n",
    "format_method": "x = 3.14159\n"
                     "print('{!r} {:>{}} {:{w}.{p}f} {k!s:^7}'.format('a', 'b', 5, x, w=8, p=2, k=[1, 2]))\n"
                     "print('{0:{1}}|{2}'.format(3, 5, 'z'), '{:{}.{}f}|{}'.format(x, 10, 2, 'next'))\n"
                     "print('{:x} {:0>8b} {:,} {:e} {:%} {:^9}|'.format(255, 5, 10**6, x, 0.5, 'mid'))\n",
    "format_errors_unknown_code": "s = f'{1:q}'\n",
    "format_errors_list_spec": "s = f'{[1]:>4}'\n",
    "format_errors_auto_then_manual": "s = '{}{0}'.format(1, 2)\n",
    "format_errors_manual_then_auto": "s = '{0}{}'.format(1, 2)\n",
    "format_errors_recursion": "s = '{:{:{}}}'.format(1, 2, 3)\n",
    "format_errors_missing_index": "s = '{:{}}{}'.format(1, 2)\n",
    "str_methods": "s = 'hello world'\n"
                   "print(s.center(21, '*'), s.ljust(14) + '|', s.rjust(14), '42'.zfill(6), '-7'.zfill(5))\n"
                   "print(s.title(), s.capitalize(), 'AbC'.swapcase(), 'Straße'.casefold(), s.istitle())\n"
                   "print(s.partition(' '), s.rpartition('o'), s.partition('z'),\n"
                   "      'a\\nb\\r\\nc'.splitlines())\n"
                   "print('a\\nb'.splitlines(keepends=True), s.startswith('he'), s.endswith(('x', 'ld')))\n"
                   "print(' '.join(['a', 'b']), s.split(maxsplit=1), s.rsplit('o', 1),\n"
                   "      s.index('o'), s.rindex('o'))\n"
                   "print('x'.center(0), 'ab'.center(5), 'ab'.center(6, '-'), '12'.isdecimal())\n",
    "str_index_error": "s = 'abc'.index('z')\n",
    "str_center_fill_error": "s = 'a'.center(5, 'xy')\n",
    "sorting": "words = ['pear', 'fig', 'apple', 'kiwi']\na = [3, 1, 2, 3, -1]\na.sort(reverse=True)\n"
               "print(a, sorted(a), sorted(a, reverse=True), sorted(words, key=len))\n"
               "print(sorted(words, key=len, reverse=True), sorted(words, key=lambda w: w[-1]))\n"
               "pairs = [(1, 'b'), (0, 'z'), (1, 'a')]\n"
               "print(sorted(pairs, key=lambda p: p[1]), sorted(pairs), max(words, key=len),\n"
               "      min(words, key=len))\n"
               "def second(p):\n    return p[1]\npairs.sort(key=second, reverse=True)\n"
               "print(pairs, max([], key=len, default=0), sorted('banana'), sorted({'b': 1, 'a': 2}))\n"
               "print(sorted([3, -1], key=abs), sorted(['b', 'A'], key=str), sorted([(2, 'a'), (1, 'b')]))\n"
               "words.sort(key=len)\n",
    "sort_mixed_types": "a = [1, 'b', 2]\na.sort(reverse=True)\n",
    "sort_bad_keyword": "a = [1]\na.sort(cmp=1)\n",
    "max_empty_key": "x = max([], key=len)\n",
}


# Cells as the Python tutorial writes them (docs.python.org/3/tutorial: 5.1 "More on Lists", 5.5
# "Dictionaries"/5.6 "Looping Techniques", 7.1 "Fancier Output Formatting"), and a lesson-style
# strings cell; sets (5.4) and `{0[Jack]:d}` / `**table` fields (7.1.2) stay outside the language.
TUTORIAL = {
    "tutorial_tut51": """\
fruits = ['orange', 'apple', 'pear', 'banana', 'kiwi', 'apple', 'banana']
print(fruits.count('apple'), fruits.count('tangerine'), fruits.index('banana'), fruits.index('banana', 4))
fruits.reverse()
print(fruits)
fruits.append('grape')
fruits.sort()
print(fruits, fruits.pop())
vec = [-4, -2, 0, 2, 4]
print([x*2 for x in vec], [x for x in vec if x >= 0], [abs(x) for x in vec])
freshfruit = ['  banana', '  loganberry ', 'passion fruit  ']
print([weapon.strip() for weapon in freshfruit], [(x, x**2) for x in range(6)])
vec = [[1,2,3], [4,5,6], [7,8,9]]
print([num for elem in vec for num in elem])
matrix = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
print([[row[i] for row in matrix] for i in range(4)], list(zip(*matrix)))
print([(x, y) for x in [1,2,3] for y in [3,1,4] if x != y])
a = [-1, 1, 66.25, 333, 333, 1234.5]
del a[0]
print(a)
del a[2:4]
print(a)
del a[:]
print(a)
del a
t = 12345, 54321, 'hello!'
print(t[0], t)
u = t, (1, 2, 3, 4, 5)
print(u)
""",
    "tutorial_tut55": """\
tel = {'jack': 4098, 'sape': 4139}
tel['guido'] = 4127
print(tel, tel['jack'])
del tel['sape']
tel['irv'] = 4127
print(tel, list(tel), sorted(tel), 'guido' in tel, 'jack' not in tel)
print({x: x**2 for x in (2, 4, 6)})
knights = {'gallahad': 'the pure', 'robin': 'the brave'}
for k, v in knights.items():
    print(k, v)
for i, v in enumerate(['tic', 'tac', 'toe']):
    print(i, v)
questions = ['name', 'quest', 'favorite color']
answers = ['lancelot', 'the holy grail', 'blue']
for q, a in zip(questions, answers):
    print('What is your {0}?  It is {1}.'.format(q, a))
for i in reversed(range(1, 10, 2)):
    print(i)
""",
    "tutorial_tut71": """\
year = 2016
event = 'Referendum'
print(f'Results of the {year} {event}')
yes_votes = 42_572_654
total_votes = 85_705_149
percentage = yes_votes / total_votes
print('{:-9} YES votes  {:2.2%}'.format(yes_votes, percentage))
table = {'Sjoerd': 4127, 'Jack': 4098, 'Dcab': 7678}
for name, phone in table.items():
    print(f'{name:10} ==> {phone:10d}')
animals = 'eels'
print(f'My hovercraft is full of {animals}.')
print(f'My hovercraft is full of {animals!r}.')
bugs = 'roaches'
count = 13
area = 'living room'
print(f'Debugging {bugs=} {count=} {area=}')
print('{0} and {1}'.format('spam', 'eggs'), '{1} and {0}'.format('spam', 'eggs'))
print('This {food} is {adjective}.'.format(food='spam', adjective='absolutely horrible'))
print('The story of {0}, {1}, and {other}.'.format('Bill', 'Manfred', other='Georg'))
for x in range(1, 11):
    print('{0:2d} {1:3d} {2:4d}'.format(x, x*x, x*x*x))
for x in range(1, 11):
    print(repr(x).rjust(2), repr(x*x).rjust(3), end=' ')
    print(repr(x*x*x).rjust(4))
print('12'.zfill(5), '-3.14'.zfill(7), '3.14159265359'.zfill(5))
s = 'Hello, world.'
print(str(s), repr(s), str(1/7))
x = 10 * 3.25
y = 200 * 200
s = 'The value of x is ' + repr(x) + ', and y is ' + repr(y) + '...'
print(s)
hello = 'hello, world\\n'
hellos = repr(hello)
print(hellos, repr((x, y, ('spam', 'eggs'))))
""",
    "tutorial_strings": """\
word = 'Python'
print(word[0], word[-1], word[0:2], word[:2] + word[2:], len(word))
s = 'supercalifragilisticexpialidocious'
print(len(s), s.upper().center(40, '='), s.title(), s.count('i'), s.find('cali'))
text = 'line one\\nline two\\nline three'
for i, line in enumerate(text.splitlines(), start=1):
    print(f'{i:>3}: {line}')
head, sep, tail = 'key=value'.partition('=')
print(head, sep, tail, 'a,b,,c'.split(','), ' x '.strip().capitalize())
names = ['Ann', 'bob', 'Carl', 'dave']
print(sorted(names), sorted(names, key=len), sorted(names, reverse=True))
print(max(names, key=len), min(names, key=len))
scores = {'ann': 3, 'bob': 5, 'carl': 4}
print(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print({name: len(name) for name in names if len(name) > 3})
print(f'{"name":<10}|{"score":>6}')
for name, score in sorted(scores.items()):
    print(f'{name:<10}|{score:>6.1f}')
print(f'{3.14159:.2f} {1e-5:.2e} {0.756:.1%} {1234567.891:,.2f} {42:08b} {255:#06x}')
""",
}
PROGRAMS.update(TUTORIAL)
PROGRAMS["star_args"] = ("m = [[1, 2, 3], [4, 5, 6]]\nprint(list(zip(*m)), *m[0], [*m[1], *'ab'])\n"
                         "def f(a, b, c):\n    return a * b + c\nprint(f(*m[0]), f(1, *[2, 3]))\n")
PROGRAMS["number_builtins"] = ("print(divmod(7, 2), divmod(-7.5, 2), pow(2, 10), pow(3, 4, 5), pow(2, -1))\n"
                               "print(hex(255), bin(5), oct(8), chr(65), ord('A'), hex(-2**70))\n"
                               "d = dict(a=1, b=2)\n"
                               "print(d, dict([('x', 1), ('y', 2)]), dict(d, c=3), dict())\n"
                               "print(dict(zip('ab', [1, 2])), type(dict()), isinstance(d, dict))\n")
PROGRAMS["dict_methods"] = ("d = {'a': 1}\nprint(d.setdefault('b', 2), d.setdefault('a', 5), d)\n"
                            "d.update({'c': 3})\nd.update([('e', 5)])\ne = d.copy()\ne['z'] = 0\n"
                            "print(d, e, e.popitem())\nd.clear()\ncounts = {}\n"
                            "for w in 'the cat the hat'.split():\n    counts[w] = counts.get(w, 0) + 1\n"
                            "    counts.setdefault('n', 0)\nprint(d, counts)\n")
PROGRAMS["divmod_zero"] = "x = divmod(1.0, 0)\n"
PROGRAMS["dict_bad_pairs"] = "d = dict([(1, 2, 3)])\n"
PROGRAMS["pow_zero_modulus"] = "x = pow(2, 5, 0)\n"
PROGRAMS["tensor_float_index"] = "import torch\nx = torch.ones(3)\ny = x[1.5]\n"   # found by the fuzzer
PROGRAMS["star_args_error"] = "def f(a):\n    return a\nprint(f(*[1, 2]))\n"


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return oracle_for(PROGRAMS)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program_does_what_python_does(name: str, oracle: dict[str, dict]) -> None:
    source = PROGRAMS[name]
    engine = engine_matches_python(source, oracle[source])
    if oracle[source]["error"] is not None:   # Python's own message, word for word
        assert engine["error"][1] == oracle[source]["error"][1]


# (program whose last line builds the string/list/dict, fits max_sequence_len = 100)
BOUNDARIES = [
    ('s = f"{1:>100}"', True), ('s = f"{1:>101}"', False),
    ('s = f"ab{1:>98}"', True), ('s = f"ab{1:>99}"', False),
    ('s = f"{1:>98}ab"', True), ('s = f"{1:>99}ab"', False),
    ('w = 100\ns = f"{1:{w}}"', True), ('w = 101\ns = f"{1:{w}}"', False),
    ('w = 10**8\ns = f"{1:{w}}"', False),
    ('s = f"{1.5:.98f}"', True), ('s = f"{1.5:.99f}"', False),
    ('s = f"{0.5:.96%}"', True), ('s = f"{0.5:.97%}"', False),
    ("s = f\"{'a'!r:>100}\"", True), ("s = f\"{'a'!r:>101}\"", False),
    ('x = 1\ns = f"{x=:>98}"', True), ('x = 1\ns = f"{x=:>99}"', False),
    ('s = f"{1:0>100}"', True), ('s = f"{1:0>101}"', False),
    ('s = f"{1:0000000000000000000000000000100}"', True), ('s = f"{1:00000000000000000000000000101}"', False),
    ('s = "{:>100}".format(1)', True), ('s = "{:>101}".format(1)', False),
    ('s = "{:{}}".format(1, 100)', True), ('s = "{:{}}".format(1, 101)', False),
    ('s = "{!r:>100}".format(1)', True), ('s = "{!r:>101}".format(1)', False),
    ('s = "{:.98f}".format(1.5)', True), ('s = "{:.99f}".format(1.5)', False),
    ('s = "ab".center(100)', True), ('s = "ab".center(101)', False),
    ('s = "7".zfill(100)', True), ('s = "7".zfill(101)', False),
    ('s = "ab".ljust(100, "-")', True), ('s = "ab".rjust(101)', False),
    ('d = {i: 0 for i in range(100)}', True), ('d = {i: 0 for i in range(101)}', False),
    ('a = [x * y for x in range(10) for y in range(10)]', True),
    ('a = [x * y for x in range(11) for y in range(10)]', False),
    ('a = [x for x in range(200) if x % 2 if x > 0]', True),
    ('a = [x for x in range(202) if x >= 0 if x < 101]', False),
    ('d = {}\nd.update(zip(range(100), range(100)))', True),
    ('d = {-1: 0}\nd.update(zip(range(100), range(100)))', False),
    ('d = dict(zip(range(100), range(100)))', True), ('d = dict(zip(range(101), range(101)))', False),
    ('s = "ß" * 50\nt = s.upper()', True), ('s = "ß" * 51\nt = s.upper()', False),   # 'SS'
    ('s = "ß" * 50\nt = s.swapcase()', True), ('s = "ß" * 51\nt = s.casefold()', False),
    ('a = [0] * 50\nb = [1] * 50\nprint(*a, *b, sep="")', True),
    ('a = [0] * 50\nb = [1] * 51\nprint(*a, *b, sep="")', False),
]


@pytest.mark.parametrize("where", ["top", "loop"])
@pytest.mark.parametrize(("program", "fits"), BOUNDARIES)
def test_string_and_sequence_limit_boundaries(program: str, fits: bool, where: str) -> None:
    source = in_loop(program) if where == "loop" else program + "\n"
    report = run_program(source, torchviz=False, limits=limits(max_sequence_len=100, max_steps=10**6))
    if fits:
        assert report.error is None, report.error
        return
    assert report.error is not None and report.error.kind == "limit", report.error
    assert "would have" in report.error.message and "the limit is 100" in report.error.message
    assert report.error.line == len(source.splitlines()), report.error


def test_a_padding_bomb_is_refused_before_it_is_built() -> None:
    """With the default limits: the string limit's message, naming the padded length."""
    for source, what in [('s = f"{1:>100000000}"', "the f-string"),
                         ('s = "{:>100000000}".format(1)', "the formatted string"),
                         ('s = f"{2.0:.100000000f}"', "the f-string"),
                         ('s = "x".center(100000000)', "the result of .center()")]:
        report = run_program(source + "\n", torchviz=False)
        assert report.error.kind == "limit", report.error
        assert report.error.message.startswith(f"{what} would have 100,000,0"), report.error.message


# (the statement repeated in a loop, characters or items it builds on each pass)
TOTALS = [
    ('s = f"{1:>100}"', 100), ('s = "{:>100}".format(1)', 100), ('s = "a".center(100)', 100),
    ('s = "a".zfill(100)', 100), ('d = {i: 0 for i in range(100)}', 100),
    ('a = [x for x in range(10) for y in range(10)]', 100), ('s = "ab" * 50\nt = s.title()', 200),
]


@pytest.mark.parametrize(("statement", "per_pass"), TOTALS)
def test_the_runs_total_of_built_items(statement: str, per_pass: int) -> None:
    """The run's total (max_total_sequence_items) stops a loop of these at the same pass as a loop of
    list appends: the pass that would take it past the limit."""
    passes = 10
    source = f"for k in range({passes}):\n" + "".join(f"    {line}\n" for line in statement.splitlines())
    base = run_program(source, torchviz=False, limits=limits(max_steps=10**6))
    assert base.error is None, base.error
    total = _built_total(source)
    assert total >= passes * per_pass
    at = run_program(source, torchviz=False, limits=limits(max_total_sequence_items=total, max_steps=10**6))
    assert at.error is None, at.error
    above = run_program(source, torchviz=False,
                        limits=limits(max_total_sequence_items=total - 1, max_steps=10**6))
    assert above.error is not None and above.error.kind == "limit" and "in all" in above.error.message


STEP_PROGRAMS = [
    "x = [1, 2, 3]\ndel x[0]\nd = {'a': 1}\ndel d['a']",
    "a = [x * y for x in range(3) for y in range(3) if x != y]",
    "d = {k: k * k for k in range(4) if k}",
    "x = 2.5\nw = 6\ns = f'{x!r} {x=} {x:{w}.2f} {x:>8}'",
    "s = '{!r:>{}} {:x}'.format('a', 5, 255)",
    "s = 'ab'.center(9, '*').title()\nt = s.partition('*')",
    "a = sorted([3, 1, 2], key=lambda v: -v, reverse=True)\nb = max(['a', 'bcd'], key=len)",
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


def test_sorting_compares_plain_values_only() -> None:
    """No tensor code runs inside Python's sort: tensors as items or keys are refused by name (one-element
    tensors of one dtype sort by their values, read before the sort: test_corpus6_s26.py)."""
    for source, named in [("import torch\na = sorted([torch.ones(2), torch.zeros(2)])", "`sorted()` of "
                           "`torch.Tensor` items"),
                          ("import torch\na = [1, 2]\na.sort(key=lambda v: torch.ones(2) * v)",
                           "`list.sort()` of `torch.Tensor` keys"),
                          ("import torch\na = max([1, 2], key=lambda v: torch.ones(2))",
                           "`max()` with key= of `torch.Tensor` keys"),
                          # a shared long list would be walked by every comparison inside the sort
                          ("a = [0] * 1000\nb = sorted([a] * 1000)", "`sorted()` of `list` items"),
                          ("a = [1, 2]\na.sort(key=lambda v: [v])", "`list.sort()` of `list` keys")]:
        report = run_program(source + "\n", torchviz=False)
        assert report.error.kind == "unsupported" and named in report.error.message, report.error


def test_key_function_errors_are_the_programs() -> None:
    report = run_program("a = sorted([1, 2], key=lambda v: v[0])\n", torchviz=False)
    assert report.error.kind == "type" and "not subscriptable" in report.error.message, report.error
    report = run_program("a = sorted([1], key=1)\n", torchviz=False)
    assert report.error.kind == "type" and report.error.message == "'int' object is not callable"


def test_deleting_attributes_stays_refused() -> None:
    with pytest.raises(ProgramError, match="deleting attributes"):
        parse_program("import torch\ndel torch.sin\n", DEFAULT_LIMITS)   # (`del obj.x` runs: session 42)
    assert isinstance(ast.parse("del x[0]").body[0], ast.Delete)

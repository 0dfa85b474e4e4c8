"""Lesson-style Python (session 12, issue 9): 30+ short programs of the kind beginner lessons
write (string methods, f-strings and format specs, comprehensions, slicing, sorted with key=,
zip/enumerate/reversed, star unpacking, loop else, number formatting, math, divmod, round,
isinstance with tuples, try/except) run by the engine and by CPython, compared
(tests/diff_compare.py); plus what session 12 added for them: format(), `str.lower` and the other
string methods read from the type (lang/unbound_methods.py), math.factorial/comb/perm/gcd/lcm/isqrt
sized before they are computed (lang/math_ints.py), repr() of a caught KeyError, and the limits
of each just below and above."""

from __future__ import annotations

import math

import pytest

from autogradlab.engine.run import run_program
from autogradlab.limits import Limits
from tests.unit.basics_helpers import engine_matches_python, oracle_for

PROGRAMS = [
    """\
s = "Hello, World"
print(s.lower(), s.upper(), s.title(), s.swapcase())
print(s.split(", "), s.replace("l", "L", 2), s.find("o"), s.rfind("o"), s.count("l"))
print(s.startswith("He"), s.endswith(("x", "ld")), s.strip("Hd"), "  pad ".strip())
print("-".join(["a", "b", "c"]), "a,b,,c".split(","), "x".center(7, "*"), "7".zfill(3))
print("abc".ljust(5) + "|", "abc".rjust(5) + "|", "Ab1".isalnum(), "12".isdigit(), " ".isspace())
""",
    """\
name, score = "Ana", 93.4567
print(f"{name:>8}|{score:.2f}|{score:10.3f}|{score:<10.1f}|{score:e}|{score:.0%}")
print(f"{42:05d} {42:x} {42:o} {42:b} {255:#x} {1234567:,} {1234567.891:,.2f} {3:+d}")
print(f"{'hi':^10}|{'hi':*^10}|{7!r}|{'q'!r}|{name=}|{score=:.1f}")
""",
    """\
nums = [5, 3, 8, 1, 9, 2]
print(nums[1:4], nums[::-1], nums[::2], nums[-2:], nums[:-3], nums[1::3])
s = "abcdefgh"
print(s[2:5], s[::-1], s[-3:], s[::3])
""",
    """\
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)), max(words, key=len), min(words, key=lambda w: w[-1]))
""",
    """\
pairs = [(1, 'b'), (3, 'a'), (2, 'c')]
pairs.sort(key=lambda p: p[1])
print(pairs)
pairs.sort()
print(pairs, sorted(pairs, key=lambda p: -p[0]))
""",
    """\
names = ["a", "b", "c"]
ages = [30, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
print(list(zip(names, ages)), dict(zip(names, ages)), list(enumerate("xy")))
print(list(reversed(names)), list(reversed(range(4))))
""",
    """\
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
a, (b, c) = 1, (2, 3)
head, *mid, tail = range(6)
print(first, rest, init, last, a, b, c, head, mid, tail)
x, y = 1, 2
x, y = y, x
print(x, y, [*rest, *"ab"], (*rest,), {**{'a': 1}, 'b': 2})
""",
    """\
n = 10
while n > 0:
    n -= 3
    if n == 5:
        break
else:
    print("no break", n)
for i in range(3):
    if i == 7:
        break
else:
    print("loop finished", i)
for i in range(5):
    if i == 2:
        print("found", i)
        break
else:
    print("not found")
""",
    """\
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1, divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), round(3.14159, 3))
print(int("42"), int(3.9), int(-3.9), float("1e3"), abs(-4), abs(-2.5), pow(2, 10, 1000), 10 ** 20)
""",
    """\
import math
print(math.sqrt(16), math.pi, math.e, math.floor(2.7), math.ceil(2.1), math.factorial(6))
print(math.log(math.e), math.log10(1000), math.log2(8), math.exp(1), math.sin(0), math.cos(math.pi))
print(math.gcd(12, 18), math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3), math.inf, -math.inf, math.fabs(-3))
print(math.trunc(-2.5), math.isnan(float('nan')), math.degrees(math.pi), math.radians(180), math.comb(5, 2))
""",
    """\
squares = [x * x for x in range(10) if x % 2 == 0]
table = [[i * j for j in range(1, 4)] for i in range(1, 4)]
flat = [v for row in table for v in row]
d = {w: len(w) for w in ["aa", "b", "ccc"]}
s = {c for c in "mississippi"}
print(squares, table, flat, d, sorted(s))
inv = {v: k for k, v in d.items()}
print(inv, {k: v for k, v in d.items() if v > 1})
del s
""",
    """\
d = {"x": 1, "y": 2}
d["z"] = 3
print(d.get("w", 0), d.get("x"), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("y"), d, "x" in d, len(d), d.setdefault("q", 9), d)
for k, v in sorted(d.items(), key=lambda kv: kv[1], reverse=True):
    print(k, v)
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
""",
    """\
a = [3, 1, 2]
a.append(5)
a.extend([7, 8])
a.insert(0, 0)
print(a, a.pop(), a.pop(0), a.index(2), a.count(1), len(a))
a.remove(1)
a.reverse()
print(a, sorted(a), a + [1], a * 2, min(a), max(a), sum(a))
b = a.copy()
b.clear()
print(a, b, [0] * 5, list(range(2, 11, 3)))
""",
    """\
print("%d items cost $%.2f" % (3, 4.5), "%s|%5s|%-5s|" % ("a", "b", "c"), "%03d" % 7, "%x" % 255)
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("a", "b"), "{:>6.2f}".format(3.14159))
print("{name} is {age}".format(name="Bo", age=3), "{:,}".format(10**6), "{:.3e}".format(12345.678))
""",
    """\
t = (1, 2, 3)
print(t + (4,), t * 2, t[1], t.index(2), t.count(3), len(t), 2 in t, tuple("ab"), (5,))
print(1 < 2 < 3, 1 < 3 < 2, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2), None is None, not [])
""",
    """\
def greet(name, greeting="Hello", *args, punct="!", **kw):
    return f"{greeting}, {name}{punct} {args} {kw}"
print(greet("Ann"), greet("Bo", "Hi", 1, 2, punct="?", x=1))
def stats(*nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, mean = stats(4, 8, 15, 16, 23, 42)
print(lo, hi, f"{mean:.3f}")
""",
    """\
fib = [0, 1]
while len(fib) < 15:
    fib.append(fib[-1] + fib[-2])
print(fib, sum(fib), fib[-1] / fib[-2])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
""",
    """\
print(bool(0), bool(""), bool([0]), bool(None), 0 or "x", "" and 1, 3 and 4, None or 0)
print(chr(65), ord("a"), str(3.0), repr("x"), str([1, 'a']), hex(255), bin(5), oct(8))
print(1e-5, 1e16, 123456789.0, 0.1 + 0.2, 1/3, 2.0, -0.0, 3 * 0.1, 100.0, 1e22, float('inf'))
""",
    """\
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = list(zip(*matrix))
print(transposed, [list(r) for r in transposed], list(map(sum, matrix)), list(map(lambda r: r[0], matrix)))
print(list(filter(lambda v: v % 2, range(10))), any(v > 5 for v in range(3)), all([]), sum([[1], [2]], []))
""",
    """\
text = "the quick brown fox jumps over the lazy dog"
words = text.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top, len(set(words)), max(words, key=len), " ".join(w.capitalize() for w in words))
print(text.count("the"), text.index("fox"), text.partition(" ")[0], text.rsplit(" ", 2))
""",
    """\
balance = 100.0
rate = 0.05
for year in range(1, 4):
    balance *= 1 + rate
    print(f"Year {year}: ${balance:,.2f}")
print(f"{balance:.2f}", round(balance, 2), int(balance))
""",
    """\
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 1
print(alias)
nested = {"a": [1, 2], "b": {"c": 3}}
print(nested["b"]["c"], nested["a"][-1], len(nested))
""",
    """\
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
""",
    """\
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(fact(10), gcd(48, 18), fact(20))
""",
    """\
try:
    x = [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
finally:
    print("done")
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
""",
    """\
x = 5
result = "big" if x > 3 else "small"
print(result, x if x % 2 else -x, [("even" if v % 2 == 0 else "odd") for v in range(3)])
print(max(3, 7, 2), min([4, 1]), sum(range(101)), sum([0.1] * 10), len("héllo"))
""",
    """\
s = "a-b-c"
print(s.split("-", 1), s.upper().lower().replace("-", ""), "".join(reversed(s)), s[::-1] == s)
print("Hello World".split(), "x=1;y=2".split(";"), [p.split("=") for p in "x=1;y=2".split(";")])
print("tab\\tsep", "new\\\\nline", 'quote"s', "it's", len("\\n"))
""",
    """\
i = 0
total = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    total += i
    if i > 10:
        break
print(i, total)
""",
    """\
data = [("alice", 88), ("bob", 72), ("carol", 95)]
best = max(data, key=lambda p: p[1])
avg = sum(score for _, score in data) / len(data)
print(best, f"{avg:.2f}", [n for n, s in data if s > avg], {n: s >= 80 for n, s in data})
print(sorted(data, key=lambda p: p[1], reverse=True)[0][0].title())
""",
    """\
print(list(range(10))[2:8:2], list(range(10, 0, -2)), range(5)[-1], len(range(0, 100, 7)), 5 in range(3))
print(str(range(3)), list(range(0)), sum(range(1, 5)) * 2)
""",
    """\
x = 0.1 + 0.2
print(x == 0.3, abs(x - 0.3) < 1e-9, f"{x:.20f}", format(x, ".3g"), format(12345, "08,d"), format(0.5, "%"))
print(f"{3.0:g} {1e-7:g} {123456789:g} {0.000123:.2e} {-5:5d} {5:<5d}| {True} {None}")
""",
    """\
def count_down(n):
    while n > 0:
        yield n
        n -= 1
print(list(count_down(5)), sum(count_down(4)), [v * 2 for v in count_down(3)])
g = count_down(2)
print(next(g), next(g), next(g, 'end'))
del g
""",
    """\
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(max(words, key=str.lower), list(map(str.upper, words)), list(map(str.strip, [" a ", "b "])))
print(str.upper("x"), str.replace("aaa", "a", "b", 2), str.split("a b"), str.join("-", ["a", "b"]))
words.sort(key=str.lower)
print(words)
""",
    """\
print(str.lower(5))
""",
    """\
print(str.lower())
""",
    """\
x = 0.1 + 0.2
print(x == 0.3, abs(x - 0.3) < 1e-9, f"{x:.20f}", format(x, ".3g"), format(12345, "08,d"), format(0.5, "%"))
print(f"{3.0:g} {1e-7:g} {123456789:g} {0.000123:.2e} {-5:5d} {5:<5d}| {True} {None}")
print(format(3), format("ab", ">5"), format(True), format(2.5), format([1, 2]), format(None))
""",
    """\
import torch
t = torch.tensor(2.5)
print(format(t, ".3f"), format(t))
""",
    """\
print(format(3, 5))
""",
    """\
print(format(3, "q"))
""",
    """\
print(format([1], ">5"))
""",
    """\
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e, repr(e))
d = {1: 2}
try:
    d[(1, 'a')]
except KeyError as e:
    print(repr(e), str(e))
""",
    """\
def g():
    yield 1
    return 5
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print(repr(e), e)
del it
""",
    """\
import math
print(math.sqrt(16), math.pi, math.e, math.floor(2.7), math.ceil(2.1), math.factorial(6))
print(math.log(math.e), math.log10(1000), math.log2(8), math.exp(1), math.sin(0), math.cos(math.pi))
print(math.gcd(12, 18), math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3), math.inf, -math.inf, math.fabs(-3))
print(math.trunc(-2.5), math.isnan(float('nan')), math.degrees(math.pi), math.radians(180), math.comb(5, 2))
print(math.perm(5, 2), math.perm(4), math.lcm(4, 6), math.isqrt(17), math.factorial(0))
print(math.comb(3, 5), math.gcd())
print(math.factorial(500) % 1000003, math.comb(1000, 500) % 97)
""",
    """\
import math
math.factorial(-1)
""",
    """\
import math
math.factorial(2.5)
""",
    """\
import math
math.comb(5)
""",
    """\
import math
math.comb(-1, 2)
""",
    """\
print(3.0, 1/3, 2/3, 10/4, 1e100, 1.5e-10, 123456789012345678, 0.1*3, 5e-324, 1.0e16, 12345678901234567.0)
print(int('0x1f', 16), int('101', 2), float('  2.5 '), str(1_000), 7.0 // 2, 7 % 2.5, -7 // 2.0, 2 ** 0.5)
""",
    """\
s = "Python"
for i, ch in enumerate(s):
    if ch in "aeiou":
        print(i, ch, s.index(ch), s[i:].upper())
print(s * 2, "-" * 10, s[1], s[-1], len(s), s.lower().count("o"), list(s)[:3], sorted(s))
""",
    """\
x = [1, 2, 3]
y = x
y.append(4)
z = x[:]
z.append(5)
print(x, y, z, x is y, x == z[:4], id(x) == id(y))
""",
    """\
print([1, 2] * 3, [[]] * 2, list("abc") + ["d"], [i for i in range(3)] == [0, 1, 2], [3, 1, 2].sort())
print(sum([1.5, 2.5]), max("hello"), min([3, 1, 2], default=0), max([], default=None),
      sorted({3: 'a', 1: 'b'}))
""",
    """\
def describe(n):
    match = {0: "zero", 1: "one"}
    return match.get(n, "many")
print([describe(i) for i in range(3)])
""",
    """\
i = 10
while i:
    i //= 2
    print(i, end=" ")
print()
print("a", "b", sep="-", end="!\\n")
print("x", 1, 2.5, None, True, [1], (2,), {'k': 1}, sep=" | ")
""",
    """\
word = "racecar"
print(word == word[::-1], "".join(sorted(word)), word.replace("r", ""), word.upper().center(11, "."))
vowels = sum(1 for c in word if c in "aeiou")
print(vowels, {c: word.count(c) for c in sorted(set(word))})
""",
    """\
a = [5, 2, 9]
b = sorted(a)
a.sort(reverse=True)
print(a, b, a[::-1] == b, list(map(lambda v: v * 10, a)), [v for v in a if v % 2])
""",
    """\
total = 0
for i in range(1, 11):
    if i % 2:
        continue
    total += i
print(total, sum(range(2, 11, 2)), sum(i * i for i in range(5)), round(sum([0.1] * 3), 2))
""",
    """\
x = 42
print(f"{x}", f"{x!s}", f"{x:>{6}}", f"{x:{'<'}6}|", f"{3.14159:.{2}f}", f"{'a' + 'b'}", f"{[1, 2]}",
      f"{x * 2 = }")
""",
    """\
nums = [4, 8, 15, 16, 23, 42]
evens = list(filter(lambda n: n % 2 == 0, nums))
print(evens, len(nums) // 2, nums[len(nums) // 2], sum(nums) / len(nums), sorted(nums, reverse=True)[:2])
""",
    """\
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float('inf')
    finally:
        print("checked", a, b)
print(safe_div(1, 0), safe_div(6, 3))
""",
    """\
t = (3, 'x', [1])
n, s, l = t
l.append(2)
print(t, n, s, len(t[2]))
a = b = 0
a += 1
print(a, b)
""",
    """\
matrix = [[1, 2], [3, 4]]
for row in matrix:
    print(" ".join(str(v) for v in row))
print([[row[i] for row in matrix] for i in range(2)], sum(sum(r) for r in matrix))
""",
    """\
print(abs(-3), abs(3.5), pow(2, 3), round(7 / 3, 3), divmod(100, 7), 17 // 5 * 5 + 17 % 5, int(True),
      3 == 3.0)
print(min(1, 2.5), max(-1, -1.0), sorted([3, 1.5, 2]), 0.1 + 0.7, 1 - 0.9, 9 ** 0.5, 8 ** (1/3))
""",
    """\
s = set([1, 2, 2, 3])
s.add(4)
s.remove(1)
print(s, 2 in s, len(s), s | {9}, s & {2, 3, 7}, s - {2}, {1, 2} <= {1, 2, 3})
""",
    """\
count = 0
def bump():
    global count
    count += 1
for _ in range(3):
    bump()
print(count)
""",
    """\
x = None
print(x is None, x == None, type(None), str(None), bool(x), [None] * 2)
v = [] or "empty"
print(v, 0 == False, "" == False, [] == [])
""",
    """\
scores = {"math": 90, "art": 75}
scores.update({"music": 85})
for subject in scores:
    print(subject, scores[subject])
print(max(scores, key=scores.get), sorted(scores.values()), len(scores), dict(sorted(scores.items())))
print(sorted(scores, key=scores.get, reverse=True), min(scores, key=scores.get),
      list(map(scores.get, ["art", "x"])))
del scores["art"]
print(scores, list(scores))
""",
    """\
text = "one two three two one"
print(list(dict.fromkeys(text.split())), dict.fromkeys("ab", 0), dict.fromkeys([]),
      dict.fromkeys(range(3), [1]))
""",
    """\
d = dict.fromkeys([[1]])
""",
    """\
d = dict.fromkeys(1)
""",
    """\
print(dict.fromkeys(range(3), 1, 2))
""",
]


@pytest.fixture(scope="module")
def oracle() -> dict[str, dict]:
    return oracle_for({str(i): source for i, source in enumerate(PROGRAMS)})


@pytest.mark.parametrize("index", range(len(PROGRAMS)))
def test_lesson_program_does_what_python_does(index: int, oracle: dict[str, dict]) -> None:
    source = PROGRAMS[index]
    engine = engine_matches_python(source, oracle[source])
    if oracle[source]["error"] is not None and oracle[source]["error"][0] != "StopIteration":
        assert engine["error"][1] == oracle[source]["error"][1]   # Python's own message, word for word


def _largest(fn, bits: int = 4_096) -> int:
    return max(n for n in range(6_000) if fn(n).bit_length() <= bits)


@pytest.mark.parametrize(("call", "fn"), [
    ("math.factorial({n})", math.factorial),
    ("math.comb({n}, {n} // 2)", lambda n: math.comb(n, n // 2)),
    ("math.perm({n}, 400)", lambda n: math.perm(n, 400) if n >= 400 else 1),
])
def test_math_integer_functions_at_the_int_limit(call: str, fn) -> None:
    """Just below max_int_bits the exact value; just above, the limit's refusal naming the function."""
    n = _largest(fn)
    below = run_program(f"import math\nx = {call.format(n=n)}\nprint(x % 1000003)\n", torchviz=False)
    assert below.error is None and below.printed == f"{fn(n) % 1000003}\n"
    above = run_program(f"import math\nx = {call.format(n=n + 1)}\n", torchviz=False)
    assert above.error is not None and above.error.kind == "limit"
    assert f"{call.split('(')[0]}() would be an integer of about" in above.error.message
    assert "the limit is 4,096 bits" in above.error.message


def test_math_lcm_checks_each_step_and_huge_arguments_are_refused_without_computing() -> None:
    report = run_program("import math\nx = math.lcm(2**3000, 3**1000, 5**1000, 7)\n", torchviz=False)
    assert report.error.kind == "limit" and "math.lcm() would be an integer" in report.error.message
    report = run_program("import math\nx = math.factorial(10**100)\n", torchviz=False)
    assert report.error.kind == "limit" and "math.factorial() would be an integer" in report.error.message


@pytest.mark.parametrize("width", [99, 100, 101])
def test_format_builtin_at_the_string_limit(width: int) -> None:
    report = run_program(f"s = format(1.5, '>{width}')\nprint(len(s))\n", torchviz=False,
                         limits=Limits(max_sequence_len=100))
    if width <= 100:
        assert report.error is None and report.printed == f"{width}\n"
    else:
        assert report.error.kind == "limit"
        assert report.error.message == f"the formatted string would have {width} items; the limit is 100"


@pytest.mark.parametrize(("source", "words"), [
    ("f = str.lower\n", "cannot be stored in variables"),   # a library function like len: not a value
    ("print(str.maketrans)\n", "the attribute `.maketrans` of type values is not supported"),
    ("print(str.__class__)\n", "double-underscore attributes"),
    ("print(int.bit_length)\n", "the attribute `.bit_length` of type values is not supported"),
    ("d = {}\ng = d.get\n", "cannot be stored in variables"),
    ("d = {}\nprint(d.pop)\n", "the attribute `.pop` of dict values is not supported"),
])
def test_methods_read_from_types_stay_narrow(source: str, words: str) -> None:
    report = run_program(source, torchviz=False)
    assert report.error is not None and report.error.kind == "unsupported"
    assert words in report.error.message


@pytest.mark.parametrize("count", [100, 101])
def test_dict_fromkeys_at_the_length_limit(count: int) -> None:
    report = run_program(f"d = dict.fromkeys(range({count}))\nprint(len(d))\n", torchviz=False,
                         limits=Limits(max_sequence_len=100))
    if count <= 100:
        assert report.error is None and report.printed == f"{count}\n"
    else:
        assert report.error.kind == "limit" and "the limit is 100" in report.error.message

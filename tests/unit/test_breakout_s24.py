"""Red team, session 24: what session 23 taught the language (raise and the program's own exception
classes, the object protocols, torch.Generator, F.one_hot, np.meshgrid), tried as a hostile student
would. One hostile input per case, asserting the refusal's kind, message and line, or the outcome
CPython gives (the printed text below is CPython 3.11's)."""

from __future__ import annotations

import time

import pytest

from autogradlab.engine import run_program
from tests.unit.breakout_helpers import Case, check_case

SHARED = "a = [0] * 100\nb = [a] * 100\nc = [b] * 100\n"   # 3M characters as text, 30,000 list items
WEIGHT = r"^the text would print more than 100,000 values$"
OWN = "class E(Exception):\n    pass\n"


@pytest.mark.parametrize("case", [
    Case(SHARED + "raise ValueError(c)\n", "limit", 4, WEIGHT),
    Case(SHARED + "raise ValueError(c, 1)\n", "limit", 4, WEIGHT),
    Case(SHARED + "raise KeyError(c)\n", "limit", 4, WEIGHT),
    Case(SHARED + OWN + "raise E(c)\n", "limit", 6, WEIGHT),
    Case(SHARED + "try:\n    raise ValueError(c)\nexcept ValueError as e:\n    print(str(e)[:10])\n",
         "limit", 5, WEIGHT),
    Case('s = "a" * 99000\n' + OWN + "raise E(*[s] * 400)\n", "limit", 4, WEIGHT),
    Case('s = "a" * 99000\n' + OWN + "raise E([s] * 400)\n", "limit", 4, WEIGHT),
], ids=["builtin", "builtin-two-args", "key-error", "own-class", "caught-str", "own-class-400-args",
        "own-class-list-of-strings"])
def test_an_exception_holding_a_huge_shared_list_is_weighed_before_its_text(case):
    """An exception's args were turned into text item by item (exception_objects._text), without the
    weight check print() makes first: [[[0]*100]*100]*100 took 5-10 s to build 3M characters before
    the length check refused it (past the 5 s time limit), and an instance of the program's own class
    skipped even that check: `raise E(*[s] * 400)` made a 40-million-character error message, sent as
    it was to the browser. Each is now refused at once, as print(c) is."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("case", [
    Case("class P:\n    def __repr__(self):\n        return 'P!'\n" + OWN +
         "try:\n    raise E([P(), (1, 'a')], (P(),))\nexcept E as e:\n    print(str(e), repr(e))\n"
         "print(ValueError([P()], 2), repr(ValueError((P(),))))\n", None, None,
         "([P!, (1, 'a')], (P!,)) E([P!, (1, 'a')], (P!,))\n([P!], 2) ValueError((P!,))\n"),
    Case(OWN + "print(KeyError([1, 'a']), ValueError([ValueError('x'), E('y', 2)]))\n", None, None,
         "[1, 'a'] [ValueError('x'), E('y', 2)]\n"),
    Case(OWN + "l = [1]\nl.append(l)\nprint(ValueError(l), E(l), ValueError(l, 1))\n", None, None,
         "[1, [...]] [1, [...]] ([1, [...]], 1)\n"),
    Case(OWN + "l = [1]\nl.append(l)\nraise E(l, (2,))\n", "value", 5, r"^E: \(\[1, \[\.\.\.\]\], \(2,\)\)$"),
    Case(SHARED.replace("100", "30") + OWN + "raise E(b)\n", "value", 6, r"^E: \[\[0, 0, .*0\]\]$"),
], ids=["objects-inside", "exceptions-inside", "list-inside-itself", "raised-list-inside-itself",
        "just-below-the-weight"])
def test_an_exception_text_of_lists_is_pythons(case):
    """The same text as CPython for lists and tuples in an exception's args: objects by their own
    __repr__, exceptions by theirs, a list inside itself `[...]` (it was 'the program nests too
    deeply')."""
    check_case(case)


@pytest.mark.parametrize("handler, line", [("except 5:", 3), ("except (ZeroDivisionError, 5):", 3),
                                           ("except print:", 3)], ids=["int", "tuple", "function"])
def test_an_except_naming_no_class_is_refused_at_its_line(handler, line):
    """`except 5:` is Python's TypeError at the except clause's line (it said line 1, the `try`)."""
    check_case(Case(f"try:\n    1/0\n{handler}\n    pass\n", "type", line,
                    "^catching classes that do not inherit from BaseException is not allowed$"))


def test_an_except_naming_no_class_in_a_function_is_refused_at_its_line():
    program = "def f():\n    try:\n        1/0\n    except 5:\n        pass\nf()\n"
    report = run_program(program, torchviz=False)
    assert report.error is not None and report.error.line == 4, report.error


REPEATED = r"^the repeated sequence would have {} items; the limit is 100,000$"


@pytest.mark.parametrize("case", [
    Case("import torch\ns = [0] * torch.tensor(100000000)\n", "limit", 2, REPEATED.format("100,000,000")),
    Case("import torch\ns = 'a' * torch.tensor(100000000)\n", "limit", 2, REPEATED.format("100,000,000")),
    Case("import torch\ns = torch.tensor(100000000) * (0,)\n", "limit", 2, REPEATED.format("100,000,000")),
    Case("import torch\ns = [0]\nfor i in range(2):\n    s *= torch.tensor(100000000)\n", "limit", 4,
         REPEATED.format("100,000,000")),
    Case("import torch\ndef f(n):\n    return (1, 2) * n\nt = f(torch.tensor(60000000))\n", "limit", 3,
         REPEATED.format("120,000,000")),
    Case("import torch\nprint(len('%400000000s' % torch.tensor(2)))\n", "limit", 2,
         r"^the %-formatted string would have 400,000,013 items; the limit is 100,000$"),
    Case("import torch\nprint(len([0] * torch.tensor(100001)))\n", "limit", 2, REPEATED.format("100,001")),
], ids=["list", "str", "tensor-first", "in-place-in-a-loop", "in-a-function", "percent-width", "just-above"])
def test_a_sequence_repeated_by_a_tensor_is_sized_before_python_builds_it(case):
    """`[0] * torch.tensor(10**8)` repeats the list by the tensor's __index__, and `'%400000000s' % t`
    pads its text: with a tensor operand the sequence checks were skipped, so Python built the whole
    result and only then was it refused (base: 800 MB and 5-7 s for the list, 460 MB and 3-4 s for the
    text, in-process; 2 * 10**8 passes the worker's 1.5 GB). Now the tensor counts as the int it
    stands for, before anything is built (0.01 s, +2 MB)."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("case", [
    Case("import torch\nprint(len([0] * torch.tensor(100000)), len('ab' * torch.tensor(50000)), "
         "len(torch.tensor(3, dtype=torch.uint8) * [1]))\n", None, None, "100000 100000 3\n"),
    Case("import torch\nprint([0] * torch.tensor([2]), [0] * torch.tensor(True))\n", None, None,
         "[0, 0] [0]\n"),
    Case("import torch\ns = [0]\ns *= torch.tensor(3)\nprint(s)\n", None, None, "[0, 0, 0]\n"),
    Case("import torch\nprint('%5s|' % torch.tensor(2), '%s' % torch.tensor([1, 2]))\n", None, None,
         "tensor(2)| tensor([1, 2])\n"),
    Case("import torch\nprint([0] * torch.tensor(2.0))\n", "type", 2,
         "^only integer tensors of a single element can be converted to an index$"),
], ids=["just-at-the-limit", "one-element-and-bool", "in-place", "percent", "float-tensor"])
def test_a_sequence_repeated_by_a_tensor_is_pythons(case):
    """What PyTorch and Python give, up to the limit."""
    check_case(case)


PADDED = r"^the result of \.{}\(\) would have {} items; the limit is 100,000$"


@pytest.mark.parametrize("case", [
    Case("import torch\ns = 'x'.ljust(torch.tensor(100000000))\n", "limit", 2,
         PADDED.format("ljust", "100,000,000")),
    Case("import torch\ns = 'x'.center(torch.tensor(100000000), 'y')\n", "limit", 2,
         PADDED.format("center", "100,000,000")),
    Case("import numpy as np\ns = []\nfor i in range(8):\n    s.append('x'.center(np.int64(300000000)))\n",
         "limit", 4, PADDED.format("center", "300,000,000")),
    Case("import torch\ns = 'x'.zfill(torch.tensor(100001))\n", "limit", 2,
         PADDED.format("zfill", "100,001")),
    Case("import torch\nprint(len('x'.rjust(torch.tensor(100000))), 'x'.center(torch.tensor(5), '-'), "
         "'7'.zfill(torch.tensor(3)), 'x'.ljust(True) + '|')\n", None, None, "100000 --x-- 007 x|\n"),
    Case("import torch\nprint('x'.ljust(torch.tensor(2.0)))\n", "type", 2,
         "^only integer tensors of a single element can be converted to an index$"),
], ids=["tensor-ljust", "tensor-center", "numpy-int-in-a-loop", "just-above", "at-the-limit-and-below",
        "float-tensor"])
def test_a_padded_string_is_sized_by_its_width_whatever_gives_it(case):
    """str.center/ljust/rjust/zfill were sized only for an int width: a tensor or NumPy int skipped
    the check, so 'x'.center(np.int64(3 * 10**8)) ran and held a 300 MB string (base: ok, +286 MB
    in-process; eight of them in a list ran the sandbox's worker out of memory at 1.6 GB). The width is
    read by __index__, as Python reads it, before the string is built."""
    check_case(case)


BITS = r"^math\.{}\(\) would be an integer of about {} bits; the limit is 4,096 bits$"


@pytest.mark.parametrize("case", [
    Case("import math\nimport numpy as np\nx = math.comb(np.int64(10**6), np.int64(5 * 10**5))\n", "limit", 3,
         BITS.format("comb", "999,992")),
    Case("import math\nimport torch\nx = math.factorial(torch.tensor(100000))\n", "limit", 3,
         BITS.format("factorial", "1,516,707")),
    Case("import math\nimport torch\nx = math.perm(torch.tensor(10**5), 50000)\n", "limit", 3,
         BITS.format("perm", "[0-9,]+")),
], ids=["comb-numpy", "factorial-tensor", "perm-tensor"])
def test_an_integer_function_of_index_values_is_sized_before_cpython_computes_it(case):
    """math.comb/factorial/perm estimated their result's size only for int arguments; a NumPy int or
    an integer tensor (both index like ints, and CPython takes them) was computed first and refused
    after: math.comb(np.int64(10**6), np.int64(5 * 10**5)) ran 28 s in one C call the time check
    cannot see (base, in-process; comb(3*10**5, 1.5*10**5): 2.0-2.8 s, now 0.00-0.01 s)."""
    started = time.perf_counter()
    check_case(case)
    assert time.perf_counter() - started < 1


def test_an_integer_function_of_index_values_is_pythons():
    check_case(Case("import math\nimport numpy as np\nimport torch\n"
                    "print(math.comb(np.int64(10), torch.tensor(3)), "
                    "math.factorial(np.int64(20)), math.perm(torch.tensor(5), 2), "
                    "math.gcd(np.int64(12), torch.tensor(18)), math.isqrt(np.int64(99)))\n", None, None,
                    "120 2432902008176640000 20 6 9\n"))


def _repr_of(chars: int) -> str:
    return f"class F:\n    def __repr__(self):\n        return 'x' * {chars}\n"


@pytest.mark.parametrize("case", [
    Case(_repr_of(99000) + "s = str([F()] * 50)\n", "limit", 4, r"^the text would have 4,950,100 items"),
    Case(_repr_of(99000) + "d = {i: F() for i in range(50)}\ns = str(d)\n", "limit", 5,
         r"^the text would have 4,950,2\d\d items"),
    Case(_repr_of(99000) + OWN + "raise E([F()] * 40)\n", "limit", 6,
         r"^the text would have 3,960,080 items"),
    Case(_repr_of(99000) + OWN + "raise E(F(), F(), F())\n", "limit", 6,
         r"^the text would have 297,006 items"),
    Case(_repr_of(49999) + "print(len(str([F(), F()])))\n", "limit", 4,
         r"^the text would have 100,002 items; the limit is 100,000$"),
    Case(_repr_of(49998) + "print(len(str([F(), F()])))\n", None, None, "100000\n"),
    Case(_repr_of(99997) + "print(len(str((F(),))), len(str({F()})), len(str([F()])))\n", None, None,
         "100000 99999 99999\n"),
    Case(_repr_of(99998) + "print(len(str((F(),))))\n", "limit", 4, r"^the text would have 100,001 items"),
], ids=["list", "dict", "own-exception-of-a-list", "own-exception-three-args", "just-above", "at-the-limit",
        "one-item-containers-at-the-limit", "one-tuple-just-above"])
def test_the_text_of_a_container_of_objects_is_a_string_under_the_limit(case):
    """str([F()] * 50) of a 99,000-character __repr__ made a 4.95M-character string (the string limit
    is 100,000; each object's text was counted, their joined text never), and an own exception class's
    message of such objects was sent whole (raise E([F()] * 40): 3.96M characters). The joined length
    is checked before it is built, exactly: Python's text of 100,000 characters still runs."""
    check_case(case)

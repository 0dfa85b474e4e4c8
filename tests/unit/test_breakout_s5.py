"""Session 5 red-team: holes found in the newer parts of the engine (try/finally, printf-style `%`
formatting, NumPy totals, tolist(), print volume, link numbers), one case per line.

Each case asserts the precise safe outcome: refused with which kind and message, quickly, nothing
leaked, no file written. Kept in its own file so it also checks the compiled-block rewrite after a
merge. Boundary cases sit just below and above each limit.
"""

from __future__ import annotations

import gc
import re
import time
from typing import NamedTuple

import pytest

from autogradlab import links
from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits

LIMIT = ("limit",)
SEQUENCE = r"would have [\d,]+ items; the limit is 100,000|would print more than 100,000 values"
TOTAL = r"hold more than 5,000,000 tensor elements \(4 bytes each\) in memory at once"
SMALL_TOTAL = Limits(max_tensor_elements=1_000_000, max_total_elements=5_000_000)
FAST_S = 2.0  # CPU s per refusal (CPU, not wall: a busy machine stays green)
LEAKS = re.compile(r"0x[0-9a-fA-F]{4,}|<module|<class|<function|<built-in|<bound|Traceback|File \"|"
                   r"/usr/|/work/|/tmp/|site-packages")


class Case(NamedTuple):
    program: str
    kinds: tuple[str, ...]
    message: str
    line: int | None = None
    limits: Limits = DEFAULT_LIMITS


def fn_with_finally(body: str, final: str = "return 1") -> str:
    return f"import torch\ndef g():\n    try:\n        {body}\n    finally:\n        {final}\nx = g()\n"


BIG_LIST = "l = [[0] * 100000] * 1000\n"
NP = "import numpy as np\n"
A = NP + "a = np.ones(900_000)\nl = []\nfor i in range(1000):\n"

CASES = [
    # try/finally: a `return`/`break`/`continue` in `finally` must not swallow a limit or a refusal.
    Case(fn_with_finally("t = torch.ones(10**10)"), LIMIT, r"result of ones would have", 4),
    Case(fn_with_finally("x = 10**10**10"), LIMIT, r"bits; the limit is 4,096 bits", 4),
    Case("def h(n):\n    return h(n + 1)\n" + fn_with_finally("h(0)").removeprefix("import torch\n"),
         LIMIT, r"more than 50 levels deep", 2),
    Case(fn_with_finally("x = torch.ones(3).storage().from_file('x', False, 1)"), ("unsupported",),
         r"from_file", 4),
    Case(fn_with_finally("s = 'a' * 10**9", "return 2"), LIMIT, SEQUENCE, 4),
    Case("for i in range(3):\n    try:\n        s = 'a' * 10**9\n    finally:\n        continue\n",
         LIMIT, SEQUENCE, 3),
    Case("while True:\n    try:\n        s = 'a' * 10**9\n    finally:\n        break\n", LIMIT, SEQUENCE, 3),
    Case("def g():\n    try:\n        while True:\n            pass\n    finally:\n        return 5\n"
         "x = g()\n", LIMIT, r"steps", None, Limits(max_steps=2_000)),
    Case("for i in range(10**6):\n    try:\n        pass\n    finally:\n        continue\n", LIMIT,
         r"steps|loop iterations", None, Limits(max_steps=2_000)),
    # printf-style `%`: widths, precisions and shared lists sized before formatting.
    Case("x = '%099999999d' % 1", LIMIT, r"%-formatted string would have 100,000,0\d\d items", 1),
    Case("x = '%*d' % (10**9, 1)", LIMIT, r"%-formatted string would have 1,000,000,0\d\d items", 1),
    Case("x = '%*d' % (2**31 - 2, 1)", LIMIT, r"%-formatted string would have", 1),
    Case("x = '%.*f' % (10**9, 1.0)", LIMIT, r"%-formatted string would have", 1),
    Case("x = '%.99999999f' % 1.0", LIMIT, r"%-formatted string would have", 1),
    Case("x = '%" + "9" * 30 + "d' % 1", LIMIT, r"%-formatted string would have", 1),
    Case("s = '%d'\ns %= 1\ns = '%0200000d'\ns %= 1", LIMIT, r"%-formatted string would have", 4),
    Case(BIG_LIST + "x = '%s' % (l,)", LIMIT, r"%-formatted string would print more than 100,000 values", 2),
    Case(BIG_LIST + "x = '%r' % (l,)", LIMIT, r"%-formatted string would print more", 2),
    Case(BIG_LIST + "x = '%(a)s' % {'a': l}", LIMIT, r"%-formatted string would print more", 2),
    Case(BIG_LIST + "x = '%s' % {'a': l, 'b': l}", LIMIT, r"%-formatted string would print more", 2),
    Case("s = 'x' * 99999\nx = ('%s' * 12000) % ((s,) * 12000)", LIMIT, r"%-formatted string would print", 2),
    Case("s = 'x' * 99999\nx = ('%(a)s' * 19000) % {'a': s}", LIMIT, r"%-formatted string would print", 2),
    Case("l = [0] * 5000\nx = ('%(a)s' * 19000) % {'a': l}", LIMIT, r"%-formatted string would print", 2),
    Case("x = ('%(a)d' * 19000) % {'a': 2**4095}", LIMIT, r"%-formatted string would print", 1),
    Case("x = ('%d' * 30000) % ((2**4095,) * 30000)", LIMIT, r"%-formatted string would print", 1),
    # NumPy arrays count towards max_total_elements like tensors (each one was checked alone only).
    Case(NP + "l = []\nfor i in range(1000):\n    l.append(np.zeros(900_000))", LIMIT,
         TOTAL + r".*np\.zeros", 4, SMALL_TOTAL),
    Case(A + "    l.append(a.copy())", LIMIT, TOTAL + r".*copy", 5, SMALL_TOTAL),
    Case(A + "    l.append(-a)", LIMIT, TOTAL, 5, SMALL_TOTAL),
    Case(A + "    l.append(np.exp(a))", LIMIT, TOTAL + r".*np\.exp", 5, SMALL_TOTAL),
    Case(A + "    l.append(a.astype(np.complex128))", LIMIT, TOTAL + r".*astype", 5, SMALL_TOTAL),
    Case(A + "    l.append(a + 1)", LIMIT, TOTAL, 5, SMALL_TOTAL),
    Case(A + "    l.append(np.add(a, a))", LIMIT, TOTAL, 5, SMALL_TOTAL),
    Case(NP + "l = []\nfor i in range(1000):\n    l.append(np.arange(900_000))", LIMIT, TOTAL, 4,
         SMALL_TOTAL),
    Case(NP + "l = []\nfor i in range(1000):\n    l.append(np.linspace(0, 1, 900_000))", LIMIT, TOTAL, 4,
         SMALL_TOTAL),
    Case(NP + "b = [1.0] * 90_000\nl = []\nfor i in range(1000):\n    l.append(np.array([b] * 10))", LIMIT,
         TOTAL + r".*np\.array", 5, SMALL_TOTAL),
    Case("import torch\na = torch.ones(900_000)\nl = []\nfor i in range(1000):\n"
         "    l.append(a.numpy().copy())", LIMIT, TOTAL, 5, SMALL_TOTAL),
    # tolist() builds a Python list of every element: a list like any other.
    Case("import torch\nx = torch.ones(4_900_000).tolist()", LIMIT,
         r"the list tolist\(\) builds would have 4,900,000 items; the limit is 100,000", 2),
    Case(NP + "x = np.ones(4_900_000).tolist()", LIMIT, r"tolist\(\) builds would have 4,900,000", 2),
    Case("import torch\nx = torch.ones(1000, 1000).tolist()", LIMIT,
         r"tolist\(\) builds would have 1,000,000", 2),
    # print(): all its output goes to the browser; bounded per run.
    Case("for i in range(1000):\n    print('中' * 99999)", LIMIT,
         r"the program printed more than 1,000,000 characters; the limit is 1,000,000", 2),
    Case("s = 'x' * 99999\nprint(" + ", ".join(["s"] * 20) + ")", LIMIT, r"printed more than 1,000,000", 2),
    Case("for i in range(100000):\n    print('x' * 1000)", LIMIT, r"printed more than 1,000,000", 2),
    Case("print('ab', 'cd', sep='x' * 99999, end='y' * 99999)\n" * 6, LIMIT, r"printed more than 1,000,000",
         5),
]


def case_id(case: Case) -> str:
    text = case.program if len(case.program) < 70 else case.program[:50] + "..."
    return text.encode("unicode_escape").decode("ascii")


@pytest.fixture(scope="module", autouse=True)
def warm_engine() -> None:
    assert run_program("import torch\nimport numpy as np\nx = torch.ones(3, requires_grad=True)\n"
                       "y = (x * x).sum()\ny.backward()\na = np.ones(3) + 1\nprint('%5.2f' % 1.0)\n").ok


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_program_is_refused(case: Case, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    gc.collect()   # memory in use at the start is the run's baseline, as in a fresh sandbox job
    start = time.process_time()
    report = run_program(case.program, limits=case.limits, torchviz=False)
    elapsed = time.process_time() - start
    assert not report.ok and report.error is not None
    assert report.error.kind in case.kinds, report.error
    assert re.search(case.message, report.error.message), report.error.message
    if case.line is not None:
        assert report.error.line == case.line, report.error
    assert elapsed < FAST_S, f"took {elapsed:.2f} s of CPU"
    assert not LEAKS.search(report.printed + report.error.message)
    assert list(tmp_path.iterdir()) == []


# -- what still works, exactly as Python/NumPy/PyTorch do it ----------------------------------------
def value(report, name):
    return report.variables[name].value


@pytest.mark.parametrize("program, expected", [
    ("x = '%5.2f and %d and %s %%' % (3.14159, 42, 'hi')", " 3.14 and 42 and hi %"),
    ("x = '%*d|%-*s|' % (5, 42, 4, 'ab')", "   42|ab  |"),
    ("x = '%(a)s=%(b)08.3f' % {'a': 'k', 'b': 2.5}", "k=0002.500"),
    ("x = 'v=%d'\nx %= 7", "v=7"),
    ("x = '%099990d' % 1", "%099990d" % 1),  # noqa: UP031 - just below the limit
    ("x = '%s' % ([0] * 5000,)", "%s" % ([0] * 5000,)),  # noqa: UP031
    ("x = '%.3e' % 12345.678", "%.3e" % 12345.678),  # noqa: UP031
    ("x = '%(a)s=%(b)08.3f %(a)s' % {'a': 'k', 'b': 2.5}", "k=0002.500 k"),
    ("x = '%s' % {'a': 1}", "{'a': 1}"),
    ("x = '%d%%' % 5", "5%"),
])
def test_percent_formatting_within_the_limits_is_python_s(program, expected) -> None:
    report = run_program(program, torchviz=False)
    assert report.ok, report.error
    assert value(report, "x") == expected


def test_percent_width_just_above_the_limit_is_refused() -> None:
    report = run_program("x = '%0100000d' % 1", torchviz=False)
    assert report.error is not None and report.error.kind == "limit"
    assert re.search(r"would have 100,0\d\d items", report.error.message)


@pytest.mark.parametrize("program, printed", [
    ("def g():\n    try:\n        return 1\n    finally:\n        print('fin')\nx = g()\nprint(x)",
     "fin\n1\n"),
    ("for i in range(3):\n    try:\n        break\n    finally:\n        print('f', i)", "f 0\n"),
    ("try:\n    1/0\nexcept ZeroDivisionError:\n    x = 1\nelse:\n    x = 2\nfinally:\n    print('done', x)",
     "done 1\n"),
    # a catchable error is still swallowed by `return` in `finally`, as in Python
    ("def g():\n    try:\n        1/0\n    finally:\n        return 3\nprint(g())", "3\n"),
    ("def g():\n    try:\n        [1][5]\n    except IndexError as e:\n        return str(e)\n    finally:\n"
     "        print('f')\nprint(g())", "f\nlist index out of range\n"),
])
def test_try_finally_keeps_python_s_order_for_catchable_errors(program, printed) -> None:
    report = run_program(program, torchviz=False)
    assert report.ok, report.error
    assert report.printed == printed


def test_a_limit_in_try_skips_finally_and_keeps_what_was_printed_before() -> None:
    report = run_program("print('before')\ntry:\n    s = 'a' * 10**9\nfinally:\n    print('finally')\n",
                         torchviz=False)
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 3
    assert report.printed == "before\n"


def test_numpy_arrays_within_the_total_are_numpy_s() -> None:
    report = run_program(NP + "a = np.ones((3, 4))\nb = (a + 1).reshape(4, 3) * 2 - np.exp(a).T.sum()\n"
                         "c = a.copy().astype(np.float32)\nd = np.array([[1, 2]]).tolist()\n", torchviz=False)
    assert report.ok, report.error
    import numpy as np
    a = np.ones((3, 4))
    assert np.allclose(np.asarray(value(report, "b")), (a + 1).reshape(4, 3) * 2 - np.exp(a).T.sum())
    assert report.variables["d"].text == "[[1, 2]]"


def test_tolist_at_the_sequence_limit_works_and_one_more_is_refused() -> None:
    ok = run_program("import torch\nx = torch.ones(100, 1000).tolist()\ny = len(x)", torchviz=False)
    assert ok.ok and value(ok, "y") == 100
    over = run_program("import torch\nx = torch.ones(100_001).tolist()", torchviz=False)
    assert over.error is not None and "100,001 items" in over.error.message


def test_printing_up_to_the_limit_works_and_the_error_keeps_earlier_output() -> None:
    limits = Limits(max_printed_chars=1_000)
    ok = run_program("for i in range(10):\n    print('x' * 99)", limits=limits, torchviz=False)
    assert ok.ok and len(ok.printed) == 1_000
    over = run_program("for i in range(11):\n    print('x' * 99)", limits=limits, torchviz=False)
    assert over.error is not None and over.error.kind == "limit" and over.error.line == 2
    assert over.printed == ("x" * 99 + "\n") * 10
    assert over.error.key == "errors.printed_limit" and dict(over.error.params) == {"limit": "1,000"}
    assert over.error.hint_key == "errors.hint_printed"


@pytest.mark.parametrize("call", [
    lambda: links.parse_matrix("[[1" + "0" * 400 + ",1],[1,1]]"),
    lambda: links.parse_direction("x=[1" + "0" * 400 + ", 2]"),
    lambda: links.parse_direction("x=-1" + "0" * 400),
])
def test_a_link_number_too_large_for_a_float_is_a_link_error(call) -> None:
    with pytest.raises(links.LinkError, match=r"must hold finite numbers"):
        call()


# -- already safe, kept that way (checked while attacking the newer features) ----------------------
@pytest.mark.parametrize("program, kind, message", [
    ("import torch\nfrom torch.autograd.functional import jacobian\ndef f(x):\n    return jacobian(f, x)\n"
     "J = jacobian(f, torch.ones(3))", "limit", r"more than 50 levels deep|nests too deeply"),
    ("import torch\nx = torch.ones(3)\nw = x.type('torch.nn.Module')", "type", r"invalid type"),
    ("import torch\ng = torch.manual_seed(0)\ns = g.graphsafe_get_state()", "unsupported",
     r"graphsafe_get_state"),
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\nf = y.grad_fn\n"
     "f.register_hook(torch)", "unsupported", r"register_hook"),   # (a function runs since session 36)
    # (the wrapper's field is never read: Python's AttributeError since session 42's lookup-first for types)
    ("try:\n    1/0\nexcept Exception as e:\n    t = type(e)\n    print(t.py_type)", "value",
     r"^type object 'ZeroDivisionError' has no attribute 'py_type'$"),
    ("x = '%c' % 0x110000", "value", r"range"),
    ("x = '%s' % print", "unsupported", r"function `print`"),
    # a nested field's value is text, never parsed again: Python's own ValueError
    ("x = '{:{}}'.format('a', '{:{}}')", "value", r"Invalid format specifier '\{:\{\}\}'"),
])
def test_newer_doors_stay_shut(program, kind, message) -> None:
    report = run_program(program, torchviz=False)
    assert report.error is not None and report.error.kind == kind, report.error
    assert re.search(message, report.error.message), report.error.message


def test_a_generator_prints_without_its_address() -> None:
    report = run_program("import torch\ng = torch.manual_seed(0)\nprint(g)", torchviz=False)
    assert report.ok and not re.search(r"0x(?!7f0000000000)[0-9a-f]{6,}", report.printed), report.printed


def test_program_strings_in_the_graph_drawing_are_escaped() -> None:
    from autogradlab.render import export
    from autogradlab.render.dot import annotated_dot

    evil = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    report = run_program(f"import torch\na = torch.ones(2, requires_grad=True)\nd = {{{evil!r}: a}}\n"
                         f"e = d[{evil!r}] * 2\nf = e.sum()\nf.backward()\n")
    assert report.ok, report.error
    svg = export.svg_for_web(annotated_dot(report.graph))   # what the page inlines as HTML
    assert "onerror=alert(1)" in svg and "&lt;script&gt;" in svg
    assert "<script" not in svg and "<img" not in svg

"""Session 23: `raise` and the program's own exception classes (lang/exception_objects.py). What a program
prints equals plain Python (tests/oracle.py); an uncaught raise is the program's error with Python's class
name, text and line; limits, timeouts and memory errors stay uncatchable however the handler is written."""

from __future__ import annotations

import traceback

import pytest

from autogradlab.engine import run_program
from autogradlab.limits import Limits
from tests.oracle import PROGRAM_FILENAME, run_trusted


def innermost_line(error: BaseException) -> int:
    """The last line of Python's traceback: where the error happened (a re-raised `raise e` ends with the
    line it was first raised at); the report names that line (session 24)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == PROGRAM_FILENAME]
    return frames[-1].lineno


def same_output(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert report.printed == oracle.printed


def same_error(source: str, kind: str = "value") -> None:
    """Fails as Python does: same printed text before, `Name: text` of Python's exception, its line."""
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is not None and report.error is not None, (oracle.error, report.error)
    assert report.printed == oracle.printed
    name, text = type(oracle.error).__name__, str(oracle.error)
    assert report.error.message == (f"{name}: {text}" if text else name), report.error.message
    assert report.error.line == innermost_line(oracle.error)
    assert report.error.kind == kind


MY_ERROR = '''class MyError(ValueError):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
'''


@pytest.mark.parametrize("source", [
    'try:\n    raise ValueError("bad")\nexcept ValueError as e:\n    print(repr(e), e, e.args, type(e))\n',
    'try:\n    raise ValueError\nexcept Exception as e:\n    print(repr(e), str(e) == "", e.args)\n',
    'try:\n    raise Exception("spam", "eggs")\nexcept Exception as inst:\n    print(inst.args, inst)\n'
    '    x, y = inst.args\n    print(x, y)\n',
    'try:\n    raise KeyError("k")\nexcept LookupError as e:\n    print(repr(e), e, e.args)\n',
    'try:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        print("in")\n        raise\n'
    'except ArithmeticError as e:\n    print("out", e)\n',
    'def f():\n    try:\n        int("x")\n    except ValueError as err:\n'
    '        raise RuntimeError("wrapped") from err\n'
    'try:\n    f()\nexcept RuntimeError as e:\n'
    '    print(e, isinstance(e, Exception), type(e) is RuntimeError)\n',
    'e = TypeError("stored")\ntry:\n    raise e\nexcept TypeError as f:\n    print(f is e)\n',
    'try:\n    raise ValueError("a") from None\nexcept (TypeError, ValueError) as e:\n'
    '    print("tuple", e)\n',
    'try:\n    raise NotImplementedError\nexcept BaseException as e:\n    print(repr(e))\n',
    'try:\n    raise 5\nexcept TypeError as e:\n    print(e)\n',
    'try:\n    raise ValueError("a") from 3\nexcept TypeError as e:\n    print(e)\n',
    'try:\n    raise\nexcept RuntimeError as e:\n    print(e)\n',
    'try:\n    ValueError("x", k=1)\nexcept TypeError as e:\n    print(e)\n',
    'print(str(KeyError("k")), repr(ValueError()), repr(Exception(1, "a")), str(Exception(1, "a")))\n',
    'e = ValueError("x")\ntry:\n    e.code\nexcept AttributeError as a:\n    print(a)\n',
])
def test_builtin_raises_print_as_python(source):
    same_output(source)


@pytest.mark.parametrize("tail", [
    'try:\n    raise MyError("boom", 7)\nexcept MyError as e:\n'
    '    print(repr(e), e, e.args, e.code, isinstance(e, ValueError), type(e).__name__)\n',
    'try:\n    raise MyError("boom")\nexcept ValueError as e:\n    print("as ValueError", e)\n',
    'class Two(Exception):\n    def __init__(self, a, b):\n        super().__init__(a, b)\n'
    'try:\n    raise Two(1, [2])\nexcept Two as e:\n    print(repr(e), e)\n',
    'class Plain(Exception):\n    pass\ntry:\n    raise Plain(1, 2)\nexcept Exception as e:\n'
    '    print(repr(e), e, e.args, isinstance(e, Plain))\n',
    'class NoSuper(RuntimeError):\n    def __init__(self, a):\n        self.a = a\n'
    'try:\n    raise NoSuper(3)\nexcept NoSuper as e:\n    print(repr(e), e.args, e.a)\n',
    'class S(Exception):\n    def __str__(self):\n        return "custom " + super().__str__()\n'
    'try:\n    raise S("x")\nexcept S as e:\n    print(e, repr(e), f"{e}")\n',
    'class R(Exception):\n    def __repr__(self):\n        return "R!"\nprint(str(R("x")), repr(R("x")))\n',
    'class B(Exception):\n    pass\nclass C(B):\n    pass\nclass D(C):\n    pass\n'
    'for cls in [B, C, D]:\n    try:\n        raise cls()\n    except D:\n        print("D")\n'
    '    except C:\n        print("C")\n    except B:\n        print("B")\n',
    'class A(Exception):\n    def __init__(self):\n        super().__init__()\n'
    '        self.args = ("set", 1)\n'
    'print(A().args, str(A()))\n',
    'try:\n    raise MyError("k", code=1)\nexcept (KeyError, MyError) as e:\n    print(e.code)\n',
])
def test_program_exception_classes_act_as_python(tail):
    same_output(MY_ERROR + tail)


@pytest.mark.parametrize(("source", "kind"), [
    ('print(1)\nraise ValueError("the message")\n', "value"),
    ('raise TypeError\n', "type"),
    ('raise KeyError("k")\n', "index"),
    (MY_ERROR + 'x = 1\nraise MyError("mine", 2)\n', "value"),
    ('class E(Exception):\n    pass\nraise E\n', "value"),
    ('e = ValueError("x")\ntry:\n    raise e\nexcept ValueError:\n    pass\nraise e\n', "value"),
    ('try:\n    raise ValueError("x")\nexcept ValueError:\n    raise\n', "value"),
    ('try:\n    raise ValueError("x")\nexcept ValueError:\n    raise TypeError("y")\n', "type"),
    ('try:\n    raise ValueError("v")\nexcept ValueError as e:\n    err = e\n'
     'print("x")\nraise err\n', "value"),
    ('def f():\n    try:\n        raise KeyError("k")\n    except KeyError as e:\n'
     '        raise e\nf()\n', "index"),
    ('def f():\n    try:\n        x = 1 / 0\n    except ZeroDivisionError as e:\n'
     '        raise ValueError("b") from e\nf()\n', "value"),
    ('raise RuntimeError("y") from ValueError("x")\n', "value"),
])
def test_an_uncaught_raise_is_the_programs_error(source, kind):
    same_error(source, kind)


@pytest.mark.parametrize("source", [
    'try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    err = e\nprint("x")\nraise err\n',
    'def f():\n    try:\n        x = {}["k"]\n    except KeyError as e:\n        raise e\nf()\n',
    'err = None\ndef f():\n    global err\n    try:\n        [][1]\n    except IndexError as e:\n'
    '        err = e\n'
    'f()\ndef g():\n    raise err\ng()\n',
])
def test_raise_e_again_names_the_line_it_happened_at(source):
    report, oracle = run_program(source), run_trusted(source)
    assert report.error is not None and report.error.line == innermost_line(oracle.error), report.error


def test_a_generator_raising_stop_iteration_is_a_runtime_error():
    source = 'def g():\n    yield 1\n    raise StopIteration\ntry:\n    list(g())\n' \
             'except RuntimeError as e:\n' \
             '    print(e)\nprint(list(g()))\n'
    report, oracle = run_program(source), run_trusted(source)
    assert report.printed == oracle.printed
    assert report.error.message == str(oracle.error) and report.error.line == oracle.error_line


@pytest.mark.parametrize("source", [
    'n = 0\nfor i in range(5000):\n    try:\n        raise ValueError(i)\n    except ValueError as e:\n'
    '        n += e.args[0]\nprint(n)\n',
    'err = None\nfor i in range(5000):\n    try:\n        raise RuntimeError(i) from err\n'
    '    except RuntimeError as e:\n        err = e\nprint(err)\n',
    'import torch\ntry:\n    raise ValueError(torch.ones(1000, 1000))\nexcept ValueError as e:\n'
    '    print(e.args[0].shape)\n',
    'def gen():\n    yield 1\n    raise KeyError("g")\ntry:\n    for x in gen():\n        print(x)\n'
    'except KeyError as e:\n    print("gen", e)\n',
    'try:\n    [1 / 0 for i in range(3)]\nexcept ZeroDivisionError as e:\n    print("comp", e)\n',
    'import torch\ntry:\n    with torch.no_grad():\n        raise ValueError("in with")\n'
    'except ValueError as e:\n'
    '    print(e, torch.is_grad_enabled())\n',
])
def test_red_team_raises_within_limits_act_as_python(source):
    same_output(source)


@pytest.mark.parametrize("handler", ["except:", "except BaseException:", "except Exception:",
                                     "except (ValueError, BaseException) as e:"])
def test_limits_stay_uncatchable_by_any_handler(handler):
    source = f"try:\n    while True:\n        pass\n{handler}\n    print('caught')\n"
    report = run_program(source, limits=Limits(max_steps=10_000))
    assert report.error.kind == "limit" and report.printed == ""
    deep = f"def f(n):\n    return f(n + 1)\ntry:\n    f(0)\n{handler}\n    print('caught')\n"
    report = run_program(deep)
    assert report.error.kind == "limit" and report.printed == ""


def test_raising_in_a_loop_stops_at_the_step_limit():
    source = 'for i in range(10 ** 6):\n    try:\n        raise ValueError(i)\n' \
             '    except ValueError:\n        pass\n'
    report = run_program(source, limits=Limits(max_steps=50_000))
    assert report.error.kind == "limit" and "steps" in report.error.message


@pytest.mark.parametrize(("source", "says"), [
    ("raise MemoryError\n", "MemoryError"),
    ("raise RecursionError('x')\n", "RecursionError"),
    ("raise SystemExit\n", "SystemExit"),
    ("class L(LimitExceeded):\n    pass\n", "a base that is not `object`"),
    ("class K(KeyboardInterrupt):\n    pass\n", "a base that is not `object`"),
])
def test_the_engines_errors_cannot_be_named_or_raised(source, says):
    report = run_program(source)
    assert report.error is not None and report.error.kind in ("name", "unsupported"), report.error
    assert says in report.error.message


def test_an_exception_too_many_arguments_is_charged():
    source = "e = ValueError(*range(10 ** 7))\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "limit"


GENERATOR_HANDLERS = """def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield 1
        yield 2
try:
    raise KeyError("outer")
except KeyError:
    it = g()
    print(next(it))
    try:
        raise
    except KeyError as e:
        print("caller re-raised", repr(e))
try:
    raise
except RuntimeError as e:
    print(e)
def h():
    try:
        raise ValueError("v")
    except ValueError:
        yield 1
        raise
try:
    for x in h():
        print(x)
except ValueError as e:
    print("gen re-raise", e)
"""
RED_TEAM = """class H:
    def __hash__(self):
        raise ValueError("no hash")
try:
    d = {H(): 1}
except ValueError as e:
    print("hash", e)
try:
    try:
        raise ValueError("x")
    except int:
        pass
except TypeError as e:
    print(e)
def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)
try:
    deep(30)
except KeyError as e:
    print("deep", e)
class E(Exception):
    def __str__(self):
        return 5
try:
    raise E()
except E as e:
    print("caught E")
try:
    print(str(E()))
except TypeError as e:
    print(e)
x = [ValueError(i) for i in range(3)]
print(x, [str(v) for v in x])
try:
    sorted([3, 1], key=lambda v: 1 / 0)
except ZeroDivisionError as e:
    print("key", e)
"""


@pytest.mark.parametrize("source", [GENERATOR_HANDLERS, RED_TEAM])
def test_handlers_in_generators_and_raises_inside_library_calls(source):
    same_output(source)


def test_a_chain_of_exceptions_holding_each_other_stops_at_the_text_limit():
    source = "err = None\nfor i in range(100000):\n    err = RuntimeError(err)\n"
    report = run_program(source)
    assert report.error is not None and report.error.kind == "limit", report.error


def test_an_exception_whose_str_fails_is_reported_as_python_does():
    report = run_program("class E(Exception):\n    def __str__(self):\n        return 5\nraise E()\n")
    assert report.error.message == "E: <exception str() failed>" and report.error.line == 4


def test_a_memory_limit_is_not_caught_by_base_exception():
    report = run_program("import torch\ntry:\n    x = torch.ones(10 ** 10)\nexcept BaseException:\n"
                         "    print('caught')\n")
    assert report.error.kind == "limit" and report.printed == ""


@pytest.mark.parametrize("source", ['e = ValueError("x")\nf = e.add_note\n',
                                    'e = ValueError("x")\ne.add_note("n")\n',
                                    'e = ValueError("x")\ne.with_traceback(None)\n'])
def test_traceback_and_note_methods_are_refused_by_name(source):
    report = run_program(source)
    assert report.error.kind == "unsupported" and report.error.line == 2

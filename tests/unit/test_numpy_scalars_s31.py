"""Session 31: NumPy scalars in loops (lang/numpy_scalar_ops.py, item_access's int-index paths).

NumPy is the oracle for what a program sees: values, dtypes, reprs, printed text, and the class and
text of errors caught with try/except (trusted lesson-like snippets, exec'd by tests/oracle.py). The
general path is the oracle for what the engine refuses and counts: every pair of operand kinds and
every operator goes through apply_binary with the fast path on and off, and the answers (value, type,
repr or error class and text), the element count charged and NumPy's warnings must be the same.
"""

from __future__ import annotations

import ast
import dataclasses
import operator
import warnings

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang import item_access, numpy_ops, numpy_scalar_ops
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.operators import BINARY, COMPARE, UNARY
from autogradlab.lang.parse import parse_program
from autogradlab.lang.safe_values import SafeArray
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

SNIPPETS = {
    "float64_with_numbers": (
        "import numpy as np\nx = np.float64(0.3)\ny = np.float64(-2.5)\n"
        "for r in [x + 1, 1 + x, x * 0.5, 0.5 * x, x - y, y / x, x / 0, -x / 0, 0 * x / 0, y // x, y % x,\n"
        "          x ** 2, 2 ** x, y ** 0.5, x ** y, x * True, x + 1j, x * y, x - 3, 7 / y]:\n"
        "    print(repr(r), type(r))\n"
        "print(x < 0.5, x == 0.3, y >= -2.5, x != y, type(x < y), x > 1, 0.2 < x)\n"),
    "float32_int_kinds": (
        "import numpy as np\nf = np.float32(0.1)\ni = np.int32(7)\nk = np.int64(-9)\nu = np.uint8(200)\n"
        "for r in [f + 0.2, f * 3, f + np.float64(0.2), i + 1, i * 2.5, i / 2, i // 2, k % 4, k // 4,\n"
        "          i + k, u + 100, u + np.uint8(100), u - 201, u * 2, np.int64(2 ** 62) * 4, k ** 2,\n"
        "          np.int8(-128) // -1, np.int64(7) // 0, np.int64(7) % 0, i << 3, k >> 1, i & 3, i | 8,\n"
        "          np.bool_(True) + 1, np.bool_(True) & False, np.complex128(1 + 2j) * 2,\n"
        "          np.int64(2) ** 62, np.uint8(255) + 1, np.int64(3) + 2 ** 40]:\n"
        "    print(repr(r), type(r))\n"),
    "unary_and_builtins": (
        "import numpy as np\nx = np.float64(-1.25)\ni = np.int8(-128)\n"
        "for r in [-x, +x, abs(x), -i, abs(i), ~np.int64(5), -np.uint8(3), ~np.bool_(True), -np.float32(2),\n"
        "          round(x), round(x, 1), float(x), int(x), x.item()]:\n"
        "    print(repr(r), type(r))\n"),
    "ufuncs_on_scalars": (
        "import numpy as np\nx = np.float64(0.7)\ni = np.int64(4)\n"
        "for r in [np.exp(x), np.exp(-0.5 * x * x / 4.0), np.sqrt(i), np.sqrt(-1.0), np.log(0.0),\n"
        "          np.log(x), np.abs(np.int8(-128)), np.abs(-x), np.sin(x), np.cos(i), np.tan(0.5),\n"
        "          np.tanh(x), np.square(i), np.negative(x), np.exp(1000.0), np.exp(True), np.sqrt(4),\n"
        "          np.exp(np.float32(1)), np.maximum(x, 0.0), np.minimum(i, 2), np.power(i, 3),\n"
        "          np.power(2, 0.5), np.add(x, i), np.subtract(3, x), np.multiply(np.float32(2), 3),\n"
        "          np.divide(i, 0), np.abs(1j + x)]:\n"
        "    print(repr(r), type(r))\n"),
    "array_items": (
        "import numpy as np\na = np.array([1.5, -2.0, 3.25])\nm = np.arange(12).reshape(3, 4)\n"
        "b = np.array([True, False])\nu = np.zeros((2, 2), dtype=np.uint8)\n"
        "for r in [a[0], a[-1], m[1, 2], m[-1, -1], m[2], m[2][3], b[1], u[1, 0], a[1] * m[0, 1]]:\n"
        "    print(repr(r), type(r))\n"
        "row = m[1]\nrow[0] = 100\nprint(m)\n"
        "a[0] = np.float64(9.5)\na[1] = 4\na[2] = True\nm[0, 0] = 2.9\nm[0, 1] = np.float64(-3.7)\n"
        "m[0, 2] = np.int64(-5)\nu[0, 0] = np.int64(300)\nu[0, 1] = 255\nb[0] = 0\n"
        "print(a, m, u, b)\n"),
    "lesson_loop": (
        "import numpy as np\n\n"
        "def loss(phi0, phi1):\n"
        "    height = np.exp(-0.5 * (phi1 * phi1) * 4.0)\n"
        "    height = height * np.exp(-0.5 * (phi0 - 0.7) * (phi0 - 0.7) / 4.0)\n"
        "    return 1.0 - height\n\n"
        "grid = np.arange(-1.0, 1.0, 0.25)\nsurface = np.zeros((grid.size, grid.size))\n"
        "for i, p0 in enumerate(grid):\n"
        "    for j, p1 in enumerate(grid):\n"
        "        surface[i, j] = loss(p1, p0)\n"
        "g = np.zeros((2, 1))\ng[0] = (loss(0.1 + 1e-5, 0.2) - loss(0.1 - 1e-5, 0.2)) / 2e-5\n"
        "total = np.float64(0)\ncount = np.int64(0)\n"
        "for k in range(20):\n"
        "    total += surface[k % 8, 3] / (k + 1)\n"
        "    count += surface[k % 8, k % 5] > 0.5\n"
        "print(surface.sum(), g, total, count, type(total), type(count))\n"),
}

ERRORS = {   # each caught and printed: the class and NumPy's own text
    "negative_int_power": "np.int64(2) ** -1",
    "int_too_big_for_c_long": "np.int64(1) + 2 ** 63",
    "index_out_of_bounds": "a[10]",
    "index_out_of_bounds_2d": "m[1, 4]",
    "too_many_indices": "a[1, 2]",
    "write_out_of_bounds": "m[3, 0] = 1.0",
    "uint8_write_overflow": "u[1] = 300",
    "int64_write_overflow": "n = np.zeros(2, dtype=np.int64)\n    n[0] = 2 ** 63",
    "matmul_of_scalars": "np.float64(1.0) @ 2.0",
}
ERROR_HEAD = ("import numpy as np\na = np.array([1.5, 2.5, 3.5])\nm = np.zeros((3, 4))\n"
              "u = np.zeros(3, dtype=np.uint8)\n")


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_numpy_scalars_like_numpy(name: str) -> None:
    with np.errstate(all="ignore"):   # the oracle's overflow warnings: the engine prints none either
        compare(SNIPPETS[name])


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_numpy_scalar_errors_like_numpy(name: str) -> None:
    body = "".join(f"    {line}\n" for line in ERRORS[name].split("\n    "))
    source = ERROR_HEAD + f"try:\n{body}except Exception as e:\n    print(type(e).__name__, e)\n"
    report = run_program(source)
    oracle = run_trusted(source)
    assert oracle.error is None and oracle.printed.strip(), oracle.error
    assert report.ok, report.error
    assert report.printed == oracle.printed


# -- the fast paths answer what the general paths answer ------------------------------------------
OPERANDS = [np.float64(0.5), np.float64(-0.0), np.float64(1e308), np.float64("nan"), np.float32(0.1),
            np.int64(7), np.int64(-2 ** 63), np.int32(-5), np.int8(-128), np.uint8(200),
            np.uint64(2 ** 64 - 1), np.bool_(True), np.complex128(1 + 2j), np.float16(1.5),
            0, 3, -1, 2 ** 63 - 1, 2 ** 63, 2 ** 64, 2 ** 70, 0.0, 2.5, 1e300, True, 1j, "s", None]
OPERATORS = [(name, fn) for name, fn, *_ in BINARY.values()] + list(COMPARE.values())[:6]


def _interpreter(**changes: int) -> Interpreter:
    limits = dataclasses.replace(DEFAULT_LIMITS, **changes)
    return Interpreter(parse_program("a = 0\n", limits), "a = 0\n", limits=limits,
                       generator=torch.Generator().manual_seed(0), hooks=NullHooks())


def _answer(interp: Interpreter, work) -> tuple:  # noqa: ANN001
    before = interp.sizes.total_elements
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - the exception is the answer compared
            answer = ("raised", type(exc).__name__, str(exc))
        else:
            shown = repr(result.array) if type(result) is SafeArray else repr(result)
            answer = ("value", type(result).__name__, shown)
    return answer, interp.sizes.total_elements - before, [str(w.message) for w in caught]


def _general(patch: pytest.MonkeyPatch) -> None:
    """The fast paths off: operators, ufuncs and array items take the general paths."""
    patch.setattr(numpy_scalar_ops, "SCALAR_PAIRS", frozenset())
    patch.setattr(numpy_scalar_ops, "SCALAR_TYPES", frozenset())
    patch.setattr(numpy_ops, "is_scalar_operand", lambda value: False)
    patch.setattr(item_access, "_int_index", lambda index: False)


def test_operators_answer_as_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    node = ast.parse("a + b", mode="eval").body
    checked = fast = 0
    for name, fn in OPERATORS:
        for left in OPERANDS:
            for right in OPERANDS:
                if not (numpy_ops.is_numpy_operand(left) or numpy_ops.is_numpy_operand(right)):
                    continue
                interp = _interpreter()
                got = _answer(interp, lambda: interp.apply_binary(name, fn, left, right, node))  # noqa: B023
                with monkeypatch.context() as patch:
                    _general(patch)
                    want = _answer(interp, lambda: interp.apply_binary(name, fn, left, right, node))  # noqa: B023
                assert got == want, (name, left, right)
                assert not got[2], got   # NumPy's warnings stay off stderr on both paths
                checked += 1
                fast += numpy_scalar_ops.takes_pair(name, left, right)
    assert checked > 5000 and fast > 3000   # both paths were really compared, the fast one often


@pytest.mark.parametrize("ufunc", [*numpy_ops.UFUNCS1, *numpy_ops.UFUNCS2])
def test_ufuncs_answer_as_the_general_path(ufunc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    impl = numpy_ops.numpy_members()[ufunc].impl
    arity = 1 if ufunc in numpy_ops.UFUNCS1 else 2
    cases = [[v] for v in OPERANDS] if arity == 1 else [[a, b] for a in OPERANDS[::2] for b in OPERANDS[1::2]]
    fast = 0
    for args in cases:
        interp = _interpreter()
        got = _answer(interp, lambda: impl(interp, list(args), {}, None))  # noqa: B023
        with monkeypatch.context() as patch:
            _general(patch)
            want = _answer(interp, lambda: impl(interp, list(args), {}, None))  # noqa: B023
        assert got == want, (ufunc, args)
        fast += all(numpy_scalar_ops.is_scalar_operand(v) for v in args)
    assert fast > 10


def test_unary_operators_answer_as_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    node = ast.parse("-a", mode="eval").body
    for name, fn in UNARY.values():
        for value in OPERANDS[:14]:
            interp = _interpreter()
            got = _answer(interp, lambda: interp.apply_unary(name, fn, value, node))  # noqa: B023
            with monkeypatch.context() as patch:
                _general(patch)
                want = _answer(interp, lambda: interp.apply_unary(name, fn, value, node))  # noqa: B023
            assert got == want, (name, value)
            assert got[1] == 1 or got[0][0] == "raised"


INDEXES = [0, -1, 2, 5, (0, 1), (1, -2), (2, 3), (0, 9), (1,), (0, 0, 0), True, (0, True), ()]
VALUES = [np.float64(2.75), np.int64(-3), 7, 2 ** 63, True, 1.5e300, np.complex128(1j), 1j, np.uint8(9)]


def test_array_items_answer_as_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    node = ast.parse("a[0]", mode="eval").body
    arrays = [np.arange(6.0), np.arange(12).reshape(3, 4), np.zeros((2, 3), dtype=np.uint8),
              np.array([True, False, True])]
    for array in arrays:
        for index in INDEXES:
            interp = _interpreter()

            def read() -> object:
                return item_access.get_item(interp, SafeArray(array.copy()), index, node)  # noqa: B023
            got = _answer(interp, read)
            with monkeypatch.context() as patch:
                _general(patch)
                want = _answer(interp, read)
            assert got == want, (array, index)
            for value in VALUES:
                fast_base, general_base = SafeArray(array.copy()), SafeArray(array.copy())
                got = _answer(interp, lambda: item_access.set_item(interp, fast_base, index, value, node))  # noqa: B023
                with monkeypatch.context() as patch:
                    _general(patch)
                    want = _answer(interp, lambda: item_access.set_item(  # noqa: B023
                        interp, general_base, index, value, node))  # noqa: B023
                assert got == want, (array, index, value)
                assert np.array_equal(fast_base.array, general_base.array), (array, index, value)


LOOP = ("import numpy as np\nx = np.float64(0.5)\ntotal = np.float64(0.0)\na = np.zeros(4)\n"
        "for k in range(400):\n    total = total + x * k\n    a[k % 4] = np.exp(-x)\nprint(total)\n")


@pytest.mark.parametrize("changes", [{"max_total_elements": 300}, {"max_total_elements": 1000},
                                     {"max_tensor_elements": 0}, {"max_steps": 2000}])
def test_limits_stop_the_same_loop_at_the_same_place(changes: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    """The elements each scalar result is charged (max_total_elements below live_memory.RELIEF_FROM: the
    exact running count) and the step budget stop a NumPy scalar loop where the general path stops it."""
    limits = dataclasses.replace(DEFAULT_LIMITS, **changes)
    fast = run_program(LOOP, limits=limits)
    with monkeypatch.context() as patch:
        _general(patch)
        general = run_program(LOOP, limits=limits)
    assert fast.error is not None and general.error is not None
    assert (fast.error.kind, fast.error.message, fast.error.line) == \
        (general.error.kind, general.error.message, general.error.line)
    assert fast.printed == general.printed


@pytest.mark.parametrize("text", ["np.int64(1) + 2 ** 70", "2 ** 64 * np.int64(3)", "np.exp(2 ** 65)",
                                  "np.maximum(np.int64(1), -2 ** 80)", "a[0] = 1j",
                                  "np.float64(2.0) + [1, 2]", "np.float64(2.0) * 'ab'"])
def test_refusals_stay_as_the_general_path_words_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    source = f"import numpy as np\na = np.zeros(3)\nb = {text}\n" if "=" not in text else \
        f"import numpy as np\na = np.zeros(3)\n{text}\n"
    fast = run_program(source)
    with monkeypatch.context() as patch:
        _general(patch)
        general = run_program(source)
    assert fast.error is not None, text
    assert (fast.error.kind, fast.error.message) == (general.error.kind, general.error.message)


def test_quiet_state_is_numpys_ignore_state() -> None:
    """The error state the fast paths set is the one np.errstate(all="ignore") sets, and it is left as
    it was after each operation (also after an error)."""
    before = np.geterr()
    with np.errstate(all="ignore"):
        quiet = np.geterr()
    token = numpy_scalar_ops._STATE.set(numpy_scalar_ops._QUIET)
    try:
        assert np.geterr() == quiet
    finally:
        numpy_scalar_ops._STATE.reset(token)
    interp = _interpreter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert numpy_scalar_ops.binary(interp, "mul", operator.mul, np.float64(1e308), 10.0) == np.inf
        with pytest.raises(Exception, match="Integers to negative integer powers"):
            numpy_scalar_ops.binary(interp, "pow", operator.pow, np.int64(2), -1)
    assert np.geterr() == before
    with pytest.warns(RuntimeWarning):   # NumPy's own state outside: its warning, as before
        _ = np.float64(1e308) * 10.0

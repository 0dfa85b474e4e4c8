"""Session 36 (breadth, issue 9 part 2): what session 35's corpus and reviews left refused although lessons
use it, each compared with plain PyTorch / NumPy / CPython on the same text (printed text, displays,
variables), with the limits just below and above.

- torch.chain_matmul (deprecated, still in tutorials): linalg.multi_dot's checks (contraction_work.py)
- np.binary_repr / base_repr / format_float_positional / format_float_scientific, np.compress, np.put,
  np.cumulative_sum / cumulative_prod, np.seterr / np.geterr (the run's own), the window functions
  (lang/numpy_breadth_s36.py)
- bytes: `+`, `*`, comparisons, `bytes(...)` (lang/bytes_values.py); a multi-field view's tobytes() shows
  the left-out fields' bytes as NumPy does (lang/padding_bytes.py)
- a function's own attributes, `f.calls += 1` (lang/function_attributes.py)
"""

from __future__ import annotations

import numpy as np
import pytest

from autogradlab.engine import run_program
from tests.unit.test_breadth import compare
from tests.unit.test_corpus_s35 import refused
from tests.unit.test_corpus_s35 import sized as corpus_sized

N = "import numpy as np\n"
T = "import torch\n"


def sized(source: str, ok: bool, words: str = "") -> None:
    """The program runs (ok) or stops at a limit (with `words` in the message: any limit's by default)."""
    corpus_sized(source, ok, words)


# -- torch.chain_matmul -------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "a = torch.arange(6.).reshape(2, 3)\nb = torch.arange(12.).reshape(3, 4)\n"
    "c = torch.arange(8.).reshape(4, 2)\n"
    "print(torch.chain_matmul(a, b, c))\nprint(torch.linalg.multi_dot([a, b, c]))\n"
    "d = torch.chain_matmul(a, b)\nd\n",
    "a = torch.randn(2, 3, requires_grad=True)\n"
    "y = torch.chain_matmul(a, torch.ones(3, 4), torch.ones(4, 2))\ny.sum().backward()\nprint(a.grad)\n"
    "print(type(y.grad_fn).__name__, type(torch.chain_matmul(a).grad_fn).__name__)\n",
    "a = torch.ones(2, 2, dtype=torch.int64)\nprint(torch.chain_matmul(a, a, a))\n",
    "try:\n    torch.chain_matmul()\nexcept RuntimeError as e:\n    print(e)\n"
    "try:\n    torch.chain_matmul(torch.ones(2, 3), torch.ones(2, 2))\n"
    "except RuntimeError as e:\n    print(e)\n"
    "try:\n    torch.chain_matmul(torch.ones(3))\nexcept RuntimeError as e:\n    print(e)\n",
])
def test_chain_matmul_runs_like_pytorch(snippet: str) -> None:
    compare(T + snippet)


def test_chain_matmul_is_checked_as_multi_dot() -> None:
    chain = T + "m = torch.zeros({n}, {n})\ny = torch.chain_matmul(m, m, m)\n"
    sized(chain.format(n=1990), True)
    sized(chain.format(n=2000), False, "the limit is 1,000,000,000 per call")
    # its intermediate: (2000 x 1) @ (1 x 2000) would hold 4,000,000 elements; then 4,000,000 x 2 more
    big = T + "a = torch.ones(3000, 1)\nb = torch.ones(1, 3000)\ny = torch.chain_matmul(a, b, a, b)\n"
    sized(big, False)
    chain_of = T + "ms = [torch.ones(2, 2)] * {n}\ny = torch.chain_matmul(*ms)\n"
    sized(chain_of.format(n=64), True)
    sized(chain_of.format(n=65), False, "the limit is 64 matrices")


# -- NumPy's functions ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "print(np.binary_repr(10), np.binary_repr(-3, width=8), np.binary_repr(-3))\n"
    "print(np.binary_repr(np.int8(-3)))\n"
    "print(np.binary_repr(2**100), np.binary_repr(0), np.binary_repr(5, width=10))\n",
    "print(np.base_repr(255, 16), np.base_repr(10, base=3, padding=2), np.base_repr(-10, 3))\n"
    "print(np.base_repr(2**100, 36), np.base_repr(1.5), np.base_repr(0))\n",
    "print(np.format_float_positional(3.14159, precision=3), np.format_float_positional(np.float32(0.1)))\n"
    "print(np.format_float_positional(np.float16(0.1)), np.format_float_positional(5))\n"
    "print(np.format_float_positional(np.float32(0.1), unique=False, precision=12, pad_left=4, sign=True))\n"
    "print(np.format_float_scientific(12345.678, precision=2), np.format_float_scientific(np.float32(0.1), "
    "exp_digits=3))\n"
    "s = np.format_float_positional(1/3, precision=10000, unique=False)\nprint(len(s))\n",
    "a = np.arange(6)\nprint(np.compress([0, 1, 1], a))\n"
    "b = np.array([[1, 2], [3, 4], [5, 6]])\nprint(np.compress([False, True, True], b, axis=0))\n"
    "print(np.compress([False, True], b, axis=1), np.compress([True], b))\n",
    "a = np.arange(6)\nnp.put(a, [0, 2], [-44, -55])\nprint(a)\n"
    "r = np.put(a, 22, -5, mode='clip')\nprint(a, r)\n"
    "np.put(a, [7, 8], [1, 2], mode='wrap')\na\n",
    "a = np.array([[1, 2, 3], [4, 5, 6]])\nprint(np.cumulative_sum(np.array([1, 2, 3])))\n"
    "print(np.cumulative_sum(a, axis=0), np.cumulative_prod(a, axis=1, include_initial=True))\n"
    "print(np.cumulative_sum([1, 2, 3], dtype=float), np.cumulative_prod(np.array([1., 2., 3.])))\n",
    "old = np.seterr(all='ignore')\nprint(old)\nprint(np.geterr())\nprint(np.seterr(divide='warn'))\n"
    "print(np.geterr())\nnp.seterr(**old)\nprint(np.geterr())\nx = np.array([1.0]) / 0\nprint(x)\n",
    "print(np.hanning(5))\nprint(np.hamming(5))\nprint(np.bartlett(5))\nprint(np.blackman(5))\n"
    "print(np.kaiser(5, 14))\nprint(np.hanning(1), np.hanning(0), np.hanning(-2), np.hamming(2.5))\n"
    "w = np.kaiser(12, 5)\nw\n",
])
def test_numpy_functions_run_like_numpy(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("snippet", [
    "try:\n    np.binary_repr(-3, width=1)\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.base_repr(5, 37)\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.binary_repr(1.5)\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    np.put([1, 2], [0], [5])\nexcept TypeError as e:\n    print(e)\n",
    "a = np.arange(3)\ntry:\n    np.put(a, [7], [1])\nexcept IndexError as e:\n    print(e)\n",
    "try:\n    np.seterr(divide='bad')\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.seterr(foo='ignore')\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    np.cumulative_sum(np.ones((2, 2)))\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.hanning(float('inf'))\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.format_float_positional(1.0, precision=-1)\nexcept ValueError as e:\n    print(e)\n",
    "try:\n    np.format_float_positional(1.0, pad_left=100000)\nexcept RuntimeError as e:\n    print(e)\n",
])
def test_numpy_function_errors_read_as_numpy_s(snippet: str) -> None:
    compare(N + snippet)


def test_seterr_settings_do_not_leak_into_the_next_run() -> None:
    assert run_program(N + "np.seterr(all='ignore')\n").ok
    report = run_program(N + "print(np.geterr())\n")
    assert report.printed == "{'divide': 'warn', 'over': 'warn', 'under': 'ignore', 'invalid': 'warn'}\n"


@pytest.mark.parametrize("snippet", ["np.seterr(all='raise')", "np.seterr(over='call')",
                                     "np.seterr(call=print)"])
def test_seterr_modes_that_change_the_program_are_refused_by_name(snippet: str) -> None:
    error = refused(N + snippet + "\n")
    assert error.kind == "unsupported" and "np.seterr" in error.message


@pytest.mark.parametrize(("source", "ok"), [
    ("s = np.binary_repr(1, width=100000)", True), ("s = np.binary_repr(1, width=100001)", False),
    ("s = np.binary_repr(-1, width=10**9)", False),
    ("s = np.base_repr(1, padding=99990)", True), ("s = np.base_repr(1, padding=100000)", False),
    ("w = np.hanning(4999999)", True), ("w = np.hanning(5000000)", False),
    ("w = np.kaiser(5000000, 2.0)", False), ("w = np.hanning(1e300)", False),
    ("c = np.cumulative_sum(np.zeros((1, 2500000)), axis=0, include_initial=True)", True),
    ("c = np.cumulative_sum(np.zeros((1, 2500001)), axis=0, include_initial=True)", False),
    ("c = np.cumulative_sum(np.zeros((0, 10**7)), axis=0, include_initial=True)", False),
])
def test_numpy_results_are_sized_before_numpy_makes_them(source: str, ok: bool) -> None:
    sized(N + source + "\n", ok)


def test_put_writes_the_array_it_is_given_and_no_other_value() -> None:
    assert refused(N + "np.put(np.arange(3), [0], [1], mode=5)\n").kind == "unsupported"
    error = refused(N + "import torch\nnp.put(np.arange(3), [0], torch.ones(1))\n")
    assert error.kind in ("unsupported", "type")


# -- bytes ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "x = b'a' + b'b'\nprint(x, b'ab' * 3, 3 * b'ab', b'ab' * 0, b'ab' * -1)\n"
    "print(type(x), type(x) is bytes, isinstance(x, bytes), len(x * 4))\n"
    "print(b'a' < b'b', b'ab' == b'a' + b'b', b'b' >= b'a')\nx += b'c'\nx *= 2\ny = x[1:3] + b'!'\nx\n",
    "print(bytes([65, 66]), bytes(3), bytes(), bytes('h\\u00e9llo', 'utf-8'), bytes(b'xy'), bytes((1, 2)))\n"
    "print(bytes([True, False]), bytes(range(65, 70)), bytes('abc', 'ascii', 'strict'))\n",
    "try:\n    b'a' + 'b'\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    b'a' * 2.5\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    1 + b'a'\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    bytes([300])\nexcept ValueError as e:\n    print(e)\n"
    "try:\n    bytes('abc')\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    bytes([1.5])\nexcept TypeError as e:\n    print(e)\n",
    # ordered as CPython orders bytes; sum() refuses bytes and str starts as CPython does
    "print(max(b'a', b'b'), sorted([b'b', b'a', b'ab']), min([b'z', b'y']))\n"
    "try:\n    max(b'a', 1)\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    b'a' < 'a'\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    sum([b'a', b'b'], b'')\nexcept TypeError as e:\n    print(e)\n"
    "try:\n    sum(['a', 'b'], '')\nexcept TypeError as e:\n    print(e)\nprint(sum([[1], [2]], []))\n",
    N + "a = np.array([(1, 2.0), (3, 4.0)], dtype=[('f1', 'i4'), ('f2', 'f8')])\nprint(a[['f1']].tobytes())\n"
    "print(a[['f2']].tobytes(), a[1:][['f1']].tobytes())\n"
    "print(a[0])\nprint(repr(a[0]))\nprint(np.void(b'ab'))\nprint(repr(np.void(b'ab')))\n",
])
def test_bytes_run_like_python(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize(("source", "ok"), [
    ("x = b'ab' * 50000", True), ("x = b'ab' * 50001", False), ("x = 50001 * b'ab'", False),
    ("x = b'a' * 10**18", False), ("x = b'a' * 99999 + b'b'", True), ("x = b'a' * 99999 + b'bc'", False),
    ("x = bytes(100000)", True), ("x = bytes(100001)", False), ("x = bytes(10**12)", False),
    ("x = bytes([0] * 100001)", False), ("x = bytes('a' * 25000, 'utf-8')", True),
    ("x = bytes(range(10**12))", False),
    # the run's total, as for str: 200,000 items a pass (the repeat and the join)
    ("for i in range(240):\n    x = b'a' * 99999 + b'b'", True),
    ("for i in range(260):\n    x = b'a' * 99999 + b'b'", False),
    ("for i in range(240):\n    x = 'a' * 99999 + 'b'", True),
    ("for i in range(260):\n    x = 'a' * 99999 + 'b'", False),
])
def test_bytes_are_counted_as_strings_are(source: str, ok: bool) -> None:
    sized(source + "\n", ok)


def test_bytes_operands_other_than_data_are_refused() -> None:
    assert refused("import torch\nx = b'ab' * torch.tensor(3)\n").kind == "unsupported"
    assert refused("import torch\nx = b'%d' % torch.tensor(3)\n").kind == "unsupported"   # (b'%d' % 3: s37)


def test_padding_of_the_array_stays_zero_in_a_view_s_bytes() -> None:
    """The left-out fields are the array's values; its own padding (align=True) is not shown."""
    source = (N + "b = np.array([(1, 2.0)], dtype=np.dtype([('x', 'i1'), ('y', 'f8')], align=True))\n"
              "print(b[['y']].tobytes())\nprint(b[['x']].copy().tobytes())\n")
    report = run_program(source)
    assert report.ok, report.error
    assert report.printed == (repr(b"\x01" + b"\x00" * 13 + b"\x00@") + "\n"
                              + repr(b"\x01" + b"\x00" * 15) + "\n")


def test_a_strided_view_s_gaps_stay_zero() -> None:
    """NumPy copies a strided view field by field: its gaps hold heap bytes there (they differ run to
    run); here they are 0."""
    source = (N + "a = np.array([(1, 2.0), (3, 4.0)], dtype=[('f1', 'i4'), ('f2', 'f8')])\n"
              "print(a[::-1][['f2']].tobytes())\n")
    report = run_program(source)
    assert report.ok, report.error
    assert report.printed == repr(b"\x00" * 10 + b"\x10@" + b"\x00" * 11 + b"@") + "\n"


# -- a function's own attributes -----------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "def f():\n    f.calls += 1\n    return f.calls\nf.calls = 0\nf()\nf()\nprint(f.calls)\nf.calls\n",
    "def fib(n):\n    if n in fib.cache:\n        return fib.cache[n]\n"
    "    r = n if n < 2 else fib(n - 1) + fib(n - 2)\n"
    "    fib.cache[n] = r\n    return r\nfib.cache = {}\nprint(fib(30), len(fib.cache))\n",
    "g = lambda x: x\ng.tag = 'id'\nprint(g.tag)\ntry:\n    print(g.missing)\nexcept AttributeError as e:\n"
    "    print(e)\n",
    "def counted(fn):\n    def wrapper(*args):\n        wrapper.calls += 1\n        return fn(*args)\n"
    "    wrapper.calls = 0\n    return wrapper\n@counted\ndef sq(x):\n    return x * x\n"
    "print(sq(3), sq(4), sq.calls)\n",
])
def test_function_attributes_run_like_python(snippet: str) -> None:
    compare(snippet)


def test_function_attributes_are_bounded_and_public_only() -> None:
    many = "def f():\n    pass\n" + "".join(f"f.a{i} = {i}\n" for i in range(100))
    sized(many, True)
    sized(many + "f.a100 = 1\n", False, "more than 100 attributes")
    for line in ("f.__dict__ = {}", "f.__code__ = 1", "f._x = 1", "print(f.__globals__)"):
        assert refused("def f():\n    pass\n" + line + "\n").kind == "unsupported", line
    assert refused("import numpy as np\nnp.sin.calls = 0\n").kind == "unsupported"
    assert refused("import torch\ntorch.sin.calls = 0\n").kind == "unsupported"


# -- print options -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    N + "np.set_printoptions(precision=20)\nprint(np.array([1/3, 2/3]))\n"
    "np.set_printoptions(precision=30, floatmode='fixed')\nprint(np.array([1/3, 1e-5]))\n"
    "x = np.array([0.1])\nx\n",
    N + "np.set_printoptions(threshold=np.inf)\nprint(np.arange(1500))\n"
    "print(np.arange(1200.).reshape(40, 30))\n"
    "print(np.get_printoptions()['threshold'])\nnp.set_printoptions(threshold=9223372036854775807)\n"
    "print(np.arange(2000) % 7)\n",
    N + "np.set_printoptions(threshold=5, edgeitems=4)\nprint(np.arange(20))\n"
    "with np.printoptions(threshold=10, edgeitems=100):\n    print(np.arange(300))\nprint(np.arange(20))\n",
    N + "np.set_printoptions(threshold=np.inf)\ntry:\n"
    "    np.testing.assert_allclose(np.zeros(20), np.ones(20))\nexcept AssertionError as e:\n    print(e)\n",
    T + "torch.set_printoptions(precision=20)\nprint(torch.tensor([1/3], dtype=torch.float64))\n"
    "torch.set_printoptions(precision=100)\nprint(torch.tensor([1/3], dtype=torch.float64))\n",
])
def test_unusual_print_options_print_as_numpy_and_torch(snippet: str) -> None:
    compare(snippet)


@pytest.mark.parametrize(("call", "ok"), [
    ("precision=100", True), ("precision=101", False), ("threshold=np.inf", True),
    ("threshold=9223372036854775807", True), ("threshold=9223372036854775808", False),
    ("edgeitems=1000", True), ("edgeitems=1001", False), ("threshold=float('nan')", False),
])
def test_numpy_print_options_at_their_new_bounds(call: str, ok: bool) -> None:
    report = run_program(N + f"np.set_printoptions({call})\n")
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "value"


def test_a_whole_array_is_weighed_before_numpy_writes_it() -> None:
    """threshold=np.inf: print() of 34,000 floats is refused before NumPy formats them (~1.2 s); 33,000 are
    formatted and refused by the text's length (the string limit, as for a tensor); the Variables table
    says too large."""
    whole = N + "np.set_printoptions(threshold=np.inf)\na = np.random.rand({n})\n"
    sized(whole.format(n=34000) + "print(a)\n", False, "would print more than 100,000 values")
    sized(whole.format(n=33000) + "print(a)\n", False, "the limit is 100,000")
    sized(whole.format(n=5000) + "s = str(a)\n", True)
    report = run_program(whole.format(n=5_000_000))
    assert report.ok and "too large to show" in report.variables["a"].text


def test_np_testing_s_mismatch_text_stays_summarised() -> None:
    source = (N + "np.set_printoptions(threshold=np.inf)\ntry:\n"
              "    np.testing.assert_allclose(np.zeros(3000), np.ones(3000))\nexcept AssertionError as e:\n"
              "    print(len(str(e)) < 2000)\n")
    report = run_program(source)
    assert report.ok and report.printed == "True\n", report.error


# -- hooks on a grad_fn (lang/graph_hooks.py) ----------------------------------------------------------------
G = T + "x = torch.tensor([2.0, 3.0], requires_grad=True)\ny = x * 3\nz = y.sin().sum()\n"


@pytest.mark.parametrize("tail", [
    "def pre(go):\n    print('pre', go)\n    return (go[0] * 2,)\n"
    "h1 = y.grad_fn.register_prehook(pre)\n"
    "def post(gi, go):\n    print('post', gi, go)\n    return (gi[0] * 10, None)\n"
    "h2 = y.grad_fn.register_hook(post)\n"
    "z.backward(retain_graph=True)\nprint(x.grad)\nh1.remove()\nh2.remove()\nx.grad = None\n"
    "z.backward()\n"
    "print(x.grad)\n",
    "a = x * 2\nacc = a.grad_fn.next_functions[0][0]\n"
    "acc.register_hook(lambda gi, go: print('acc', gi, go))\n"
    "acc.register_prehook(lambda go: print('accpre', go))\na.sum().backward()\nprint(x.grad)\n",
    "seen = []\nz.grad_fn.register_hook(lambda gi, go: seen.append(len(gi)))\n"
    "g, = torch.autograd.grad(z, x)\nprint(g, seen)\n",
    "z.grad_fn.register_prehook(print)\nz.backward()\nprint(x.grad)\n",
])
def test_grad_fn_hooks_equal_pytorch(tail: str) -> None:
    compare(G + tail)


@pytest.mark.parametrize(("tail", "kind", "line"), [
    ("y.grad_fn.register_hook(lambda gi, go: 5)\nz.backward()\n", "type", 6),   # expected tuple, ...
    ("y.grad_fn.register_prehook(lambda go: ('a',))\nz.backward()\n", "type", 6),   # expected Variable
    ("y.grad_fn.register_hook(lambda gi, go: (gi[0],))\nz.backward()\n", "value", 6),   # incorrect number
    ("y.grad_fn.register_prehook(lambda go: (torch.ones(3),))\nz.backward()\n", "value", 6),   # the size
    ("def bad(gi, go):\n    return gi[0].foo\ny.grad_fn.register_hook(bad)\nz.backward()\n", "value", 6),
])
def test_grad_fn_hook_errors_say_what_pytorch_says(tail: str, kind: str, line: int) -> None:
    from tests.oracle import run_trusted
    source = G + tail
    report, oracle = run_program(source), run_trusted(source)
    assert report.error is not None and oracle.error is not None
    assert (report.error.kind, report.error.line) == (kind, line), report.error
    assert report.error.message == str(oracle.error)


def test_grad_fn_hooks_keep_the_run_s_limits() -> None:
    from autogradlab.limits import Limits
    looping = G + ("def hook(gi, go):\n    for i in range({n}):\n        pass\n"
                   "y.grad_fn.register_hook(hook)\n"
                   "try:\n    z.backward()\nexcept Exception as e:\n    print('caught', e)\n")
    small = Limits(max_loop_iterations=200)
    assert run_program(looping.format(n=200), limits=small).ok
    report = run_program(looping.format(n=201), limits=small)
    assert report.error.kind == "limit" and report.error.line == 6, report.error   # the hook's line
    deep = G + "def f(gi, go):\n    return f(gi, go)\ny.grad_fn.register_hook(f)\nz.backward()\n"
    assert run_program(deep).error.kind == "limit"


@pytest.mark.parametrize(("tail", "words"), [
    ("y.grad_fn.register_hook(3)\n", "takes a function"),
    ("y.grad_fn.register_prehook(torch)\n", "takes a function"),
    ("y.grad_fn.register_hook()\n", "takes exactly one argument (0 given)"),
    ("y.grad_fn.register_hook(print, print)\n", "takes exactly one argument (2 given)"),
    ("from torch.autograd.functional import jacobian\ndef f(v):\n    w = v * 2\n"
     "    w.grad_fn.register_hook(lambda gi, go: None)\n    return w\nJ = jacobian(f, x, vectorize=True)\n",
     "vectorize=True"),
    ("with torch.autograd.graph.disable_saved_tensors_hooks('x'):\n    pass\n", "torch.autograd.graph"),
    ("with torch.autograd.graph.save_on_cpu():\n    pass\n", "torch.autograd.graph"),   # multi-grad: s38
])
def test_grad_fn_hook_refusals(tail: str, words: str) -> None:
    error = refused(G + tail)
    assert words in error.message, error.message


def test_np_geterr_inside_errstate_reads_as_numpy_s() -> None:
    with np.errstate():   # the oracle's own np.seterr(all='ignore') ends here (it stayed in the test process,
        _np_geterr_compare()   # and test_numpy_scalars_s31 after it in one worker saw no overflow warning)


def _np_geterr_compare() -> None:
    compare(N + "with np.errstate(divide='ignore'):\n    print(np.geterr())\n"
            "    x = np.log(np.array([0.0]))\n"
            "with np.errstate(all='ignore', over='warn'):\n    print(np.geterr())\nprint(np.geterr())\n"
            "old = np.seterr(all='ignore')\nwith np.errstate(divide='warn'):\n    print(np.geterr())\n"
            "print(np.geterr())\ntry:\n    with np.errstate(divide='ignore'):\n        raise KeyError('k')\n"
            "except KeyError:\n    pass\nprint(np.geterr(), x)\n")

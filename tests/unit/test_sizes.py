"""Boundary tests for every size and work limit (security.md item 4 and "How it is tested").

Small custom Limits make "just below" and "just above" cheap: just below runs and gives the values
plain PyTorch gives for the same text; just above is refused with kind "limit", a message that
names the limit, at once (sizes are checked before anything is allocated or computed).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import time

import numpy as np
import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.lang.sizes import nested_length_product, warm_up
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import Report

SMALL = Limits(max_tensor_elements=100, max_int_bits=64, max_sequence_len=50)


@pytest.fixture(scope="module", autouse=True)
def _meta_kernels_loaded():
    """The first meta-device op of a process costs ~1.5 s; the engine pays it at worker start."""
    warm_up()


def run(source: str, limits: Limits) -> Report:
    return run_program(source, limits=limits, torchviz=False)


def plain(source: str) -> dict:
    """The oracle: the same trusted text in plain Python + PyTorch, seeded like run_program."""
    torch.manual_seed(0)
    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(source, namespace)  # noqa: S102 - test text only
    return namespace


def assert_ok_like_pytorch(source: str, limits: Limits) -> Report:
    report = run(source, limits)
    assert report.ok, report.error
    expected = plain(source)
    for name, value in report.variables.items():
        want = expected[name]
        if isinstance(want, torch.Tensor):
            np.testing.assert_array_equal(value.value, want.detach().numpy(), err_msg=name)
            assert value.shape == tuple(want.shape), name
        else:
            assert value.text == repr(want), name
    return report


def assert_refused(source: str, limits: Limits, limit_name: str, line: int) -> str:
    started = time.process_time()
    report = run(source, limits)
    elapsed = time.process_time() - started
    assert not report.ok
    assert (report.error.kind, report.error.line) == ("limit", line), report.error
    assert limit_name in (report.error.hint or ""), report.error
    assert elapsed < 1.0, f"refusal took {elapsed:.2f} s of CPU: it tried the work first"
    return report.error.message


# -- max_tensor_elements (limit 100) ------------------------------------------------------------
# (what, program just at the limit: 100 elements, program just above: 101+ elements)
TENSOR_CASES = [
    ("ones", "import torch\nr = torch.ones(100)", "import torch\nr = torch.ones(101)"),
    ("zeros", "import torch\nr = torch.zeros(10, 10)", "import torch\nr = torch.zeros(10, 11)"),
    ("zeros", "import torch\nr = torch.zeros(size=(4, 25))", "import torch\nr = torch.zeros(size=(3, 34))"),
    ("full", "import torch\nr = torch.full((10, 10), 2.5)", "import torch\nr = torch.full((10, 11), 2.5)"),
    ("arange", "import torch\nr = torch.arange(100)", "import torch\nr = torch.arange(101)"),
    ("arange", "import torch\nr = torch.arange(0.0, 10.0, 0.1)",
     "import torch\nr = torch.arange(0.0, 10.1, 0.1)"),
    ("randn", "import torch\nr = torch.randn(4, 25)",
     "import torch\nr = torch.randn(101)"),
    ("add", "import torch\na = torch.ones(10, 1)\nb = torch.arange(10.)\nr = a + b",
     "import torch\na = torch.ones(11, 1)\nb = torch.arange(10.)\nr = a + b"),
    ("mul", "import torch\na = torch.ones(4, 1, 5)\nb = torch.ones(5, 1)\nr = a * b",
     "import torch\na = torch.ones(4, 1, 6)\nb = torch.ones(5, 1)\nr = a * b"),
    ("outer", "import torch\na = torch.arange(10.)\nb = torch.arange(10.)\nr = torch.outer(a, b)",
     "import torch\na = torch.arange(10.)\nb = torch.arange(11.)\nr = torch.outer(a, b)"),
    ("kron", "import torch\na = torch.arange(10.).reshape(2, 5)\nb = torch.ones(5, 2)\nr = torch.kron(a, b)",
     "import torch\na = torch.arange(10.).reshape(2, 5)\nb = torch.ones(6, 2)\nr = torch.kron(a, b)"),
    ("repeat", "import torch\na = torch.arange(2.)\nr = a.repeat(50)",
     "import torch\na = torch.arange(2.)\nr = a.repeat(51)"),
    ("repeat", "import torch\na = torch.arange(4.).reshape(2, 2)\nr = a.repeat(5, 5)",
     "import torch\na = torch.arange(4.).reshape(2, 2)\nr = a.repeat(5, 6)"),
    ("expand", "import torch\na = torch.ones(1, 1)\nr = a.expand(10, 10).sum()",
     "import torch\na = torch.ones(1, 1)\nr = a.expand(10, 11).sum()"),
    ("matmul", "import torch\na = torch.ones(10, 1)\nb = torch.arange(10.).reshape(1, 10)\nr = a @ b",
     "import torch\na = torch.ones(11, 1)\nb = torch.arange(10.).reshape(1, 10)\nr = a @ b"),
    ("mm", "import torch\na = torch.ones(10, 1)\nb = torch.ones(1, 10)\nr = torch.mm(a, b)",
     "import torch\na = torch.ones(10, 1)\nb = torch.ones(1, 11)\nr = torch.mm(a, b)"),
    ("cat", "import torch\na = torch.ones(50)\nb = torch.zeros(50)\nr = torch.cat((a, b))",
     "import torch\na = torch.ones(50)\nb = torch.zeros(51)\nr = torch.cat((a, b))"),
    ("cartesian_prod", "import torch\na = torch.arange(5.)\nr = torch.cartesian_prod(a, torch.arange(10.))",
     "import torch\na = torch.arange(6.)\nr = torch.cartesian_prod(a, torch.arange(10.))"),
    ("tensor", "import torch\nr = torch.tensor([[1.0] * 10] * 10)",
     "import torch\nr = torch.tensor([[1.0] * 10] * 11)"),
]


@pytest.mark.parametrize(("what", "below", "above"), TENSOR_CASES)
def test_tensor_result_at_the_limit_is_computed_like_pytorch(what, below, above):
    assert_ok_like_pytorch(below, SMALL)


@pytest.mark.parametrize(("what", "below", "above"), TENSOR_CASES)
def test_tensor_result_above_the_limit_is_refused_naming_the_limit(what, below, above):
    message = assert_refused(above, SMALL, "max_tensor_elements", above.count("\n") + 1)
    assert message.startswith(f"result of {what} would have ") and message.endswith("the limit is 100")


def test_tensor_refusal_message_gives_the_exact_count():
    report = run("import torch\nr = torch.ones(10**10)", DEFAULT_LIMITS)
    assert report.error.message == ("result of ones would have 10,000,000,000 elements; the limit is "
                                    "5,000,000")


@pytest.mark.parametrize("source", [
    "import torch\ntorch.ones(10**10)",
    "import torch\na = torch.ones(100000)\ntorch.outer(a, a)",
    "import torch\na = torch.ones(1, 1)\na.expand(10**6, 10**6).sum()",
    "import torch\na = torch.ones(2000, 2000)\ntorch.kron(a, a)",
    "import torch\na = torch.ones(3)\na.repeat(10**5, 10**5)",
    "import torch\na = torch.arange(3000.)\ntorch.cartesian_prod(a, a)",
    "import torch\na = torch.ones(5000, 1)\nb = torch.ones(1, 5000)\na + b",
    "import torch\ntorch.randn(100000, 100000)",
    "import torch\ntorch.arange(0, 10**12)",
    "import torch\ntorch.full((10**5, 10**5), 1.0)",
    "import torch\ntorch.tensor([[0.0] * 100000] * 100000)",
    "import torch\nx = torch.ones(1000, 1000)\nx[torch.zeros(10000, dtype=torch.long)]",
])
def test_huge_results_with_default_limits_are_refused_without_trying(source):
    assert_refused(source, DEFAULT_LIMITS, "max_tensor_elements", source.count("\n") + 1)


# -- max_total_elements ------------------------------------------------------------------------
TOTAL = Limits(max_tensor_elements=100, max_total_elements=1000)


def test_running_total_exactly_at_the_limit_is_accepted():
    # ones: 100, then 9 additions of 100 elements each: 1,000 in total.
    assert_ok_like_pytorch("import torch\na = torch.ones(100)\nfor i in range(9):\n    a = a + 1", TOTAL)


def test_running_total_just_above_the_limit_is_refused():
    message = assert_refused("import torch\na = torch.ones(100)\nfor i in range(10):\n    a = a + 1",
                             TOTAL, "max_total_elements", 4)
    assert message == ("the program would create more than 1,000 tensor elements in total (at add); "
                       "the limit is 1,000")


# -- max_int_bits (limit 64) -------------------------------------------------------------------
@pytest.mark.parametrize(("below", "above"), [
    ("r = 2 ** 63", "r = 2 ** 64"),
    ("r = -2 ** 63", "r = -2 ** 64"),
    ("r = 3 ** 40", "r = 3 ** 41"),
    ("r = 1 << 63", "r = 1 << 64"),
    ("r = (2 ** 32) * (2 ** 31)", "r = (2 ** 32) * (2 ** 32)"),
    ("r = 2 ** 62\nr *= 2", "r = 2 ** 63\nr *= 2"),
    ("r = 2\nr **= 63", "r = 2\nr **= 64"),
])
def test_int_results_up_to_max_int_bits_are_exact_and_above_refused(below, above):
    assert_ok_like_pytorch(below, SMALL)
    message = assert_refused(above, SMALL, "max_int_bits", above.count("\n") + 1)
    assert message.endswith("would be an integer of about 65 bits; the limit is 64 bits")


def test_huge_integer_power_with_default_limits_returns_at_once():
    message = assert_refused("x = 4000000**4000000", DEFAULT_LIMITS, "max_int_bits", 1)
    assert message.startswith("4000000 ** 4000000 would be an integer of about ")


def test_default_limit_accepts_a_2048_bit_power_like_python():
    assert_ok_like_pytorch("r = 2 ** 2048\ns = 7 ** 1000", DEFAULT_LIMITS)


# -- max_sequence_len (limit 50) ---------------------------------------------------------------
@pytest.mark.parametrize(("below", "above"), [
    ("r = 'ab' * 25", "r = 'ab' * 26"),
    ("r = 25 * 'ab'", "r = 26 * 'ab'"),
    ("r = [1, 2] * 25", "r = [1, 2] * 26"),
    ("r = (0,) * 50", "r = (0,) * 51"),
    ("r = 'a' * 25 + 'b' * 25", "r = 'a' * 25 + 'b' * 26"),
    ("r = [0] * 25\nr = r + r", "r = [0] * 26\nr = r + r"),
    ("r = list(range(50))", "r = list(range(51))"),
    ("r = [i for i in range(50)]", "r = [i for i in range(51)]"),
    ("r = [0] * 49\nr.append(1)", "r = [0] * 50\nr.append(1)"),
    ("r = 'x' * 50\nr *= 1", "r = 'x' * 26\nr *= 2"),
])
def test_sequences_up_to_max_sequence_len_are_built_and_above_refused(below, above):
    assert_ok_like_pytorch(below, SMALL)
    assert_refused(above, SMALL, "max_sequence_len", above.count("\n") + 1)


@pytest.mark.parametrize("source", ["'a' * 10**9", "[0] * 10**9", "x = [1] * 100000\ny = x + x",
                                    "list(range(10**12))", "x = [[0] * 100000] * 100000\nprint(x)"])
def test_huge_python_sequences_with_default_limits_are_refused_at_once(source):
    assert_refused(source, DEFAULT_LIMITS, "max_sequence_len", source.count("\n") + 1)


# -- max_total_sequence_items (limit 100 over the whole run) ----------------------------------
SEQUENCES = Limits(max_total_sequence_items=100)


@pytest.mark.parametrize(("below", "above", "line"), [
    ("a = [0] * 49\nb = [1] * 49", "a = [0] * 49\nb = [1] * 50", 2),   # a display [0] counts 1
    ("r = []\nfor i in range(100):\n    r.append(i)", "r = []\nfor i in range(101):\n    r.append(i)", 3),
    ("r = [i for i in range(50)]\ns = 'x' * 50", "r = [i for i in range(51)]\ns = 'x' * 50", 2),
    ("s = 'ab' * 15\nt = s + s", "s = 'ab' * 15\nt = s + s + 'abcdefghijk'", 2),
])
def test_lists_and_strings_built_in_all_up_to_the_limit_run_and_above_are_refused(below, above, line):
    assert_ok_like_pytorch(below, SEQUENCES)
    message = assert_refused(above, SEQUENCES, "max_total_sequence_items", line)
    assert message.startswith("the program built more than 100 list and string items in all")


def test_a_loop_building_big_lists_stops_at_the_total_not_at_the_time_limit():
    source = "x = []\nfor i in range(100000):\n    x.append([0] * 100000)\n"
    # A generous time limit: on a loaded machine the default 5 s can run out first, and this test is
    # about which limit stops the loop (the total stops it after ~500 appends, well under a second).
    report = run(source, dataclasses.replace(DEFAULT_LIMITS, timeout_s=60.0))
    assert (report.error.kind, report.error.line) == ("limit", 3), report.error
    assert "max_total_sequence_items" in report.error.hint
    assert report.variables["x"].truncated   # what was built is kept, shortened for the report


# -- max_loop_iterations (limit 10, in total over all loops) -----------------------------------
LOOPS = Limits(max_loop_iterations=10)


@pytest.mark.parametrize(("below", "above", "line"), [
    ("n = 0\nfor i in range(10):\n    n += i", "n = 0\nfor i in range(11):\n    n += i", 2),
    ("n = 0\nfor i in range(4):\n    n += 1\nfor j in range(6):\n    n += 1",
     "n = 0\nfor i in range(4):\n    n += 1\nfor j in range(7):\n    n += 1", 4),
    ("n = 0\nwhile n < 10:\n    n += 1", "n = 0\nwhile n < 11:\n    n += 1", 2),
    ("n = 0\nfor i in range(2):\n    for j in range(4):\n        n += 1",
     "n = 0\nfor i in range(2):\n    for j in range(5):\n        n += 1", 3),
])
def test_loop_iterations_up_to_the_limit_run_and_above_are_refused(below, above, line):
    assert_ok_like_pytorch(below, LOOPS)
    message = assert_refused(above, LOOPS, "max_loop_iterations", line)
    assert "loop iterations in total; the limit is 10" in message


def test_endless_loop_is_refused_by_the_loop_budget():
    assert_refused("while True:\n    pass", Limits(max_loop_iterations=1000), "max_loop_iterations", 1)


def test_endless_loop_with_default_limits_stops_at_a_named_limit_at_once():
    report = run("n = 0\nwhile True:\n    n += 1", DEFAULT_LIMITS)
    assert report.error.kind == "limit" and report.error.line in (2, 3), report.error
    assert "max_steps" in report.error.hint or "max_loop_iterations" in report.error.hint
    assert report.variables["n"].value > 1000  # it ran until the budget, and kept what it computed


# -- max_steps ---------------------------------------------------------------------------------
def test_steps_count_statements_and_expressions_up_to_the_limit():
    # `x = 1` is one statement and one expression: 50 lines are exactly 100 steps.
    source = "x = 1\n" * 50
    assert_ok_like_pytorch(source, Limits(max_steps=100))
    message = assert_refused(source, Limits(max_steps=99), "max_steps", 50)
    assert message == "the program took more than 99 steps; the limit is 99"


# -- max_call_depth (limit 5) ------------------------------------------------------------------
DEPTH = Limits(max_call_depth=5)
RECURSION = "def f(n):\n    if n == 0:\n        return 0\n    return 1 + f(n - 1)\nr = f({n})"


def test_calls_nested_up_to_max_call_depth_run_like_python():
    assert_ok_like_pytorch(RECURSION.format(n=4), DEPTH)  # f(4) .. f(0): 5 nested calls


def test_calls_nested_one_deeper_than_max_call_depth_are_refused():
    message = assert_refused(RECURSION.format(n=5), DEPTH, "max_call_depth", 4)
    assert message == "functions called each other more than 5 levels deep; the limit is 5"


def test_unbounded_recursion_with_default_limits_is_a_limit_not_a_crash():
    assert_refused("def f(n):\n    return f(n + 1)\nf(0)", DEFAULT_LIMITS, "max_call_depth", 2)


# -- helpers -----------------------------------------------------------------------------------
def test_nested_length_product_does_not_build_anything():
    shared = [[0.0] * 100000] * 100000
    assert nested_length_product(shared, cap=10**12) == 10**10


# -- sizes that used to slip past the prediction (red-team findings) ---------------------------
@pytest.mark.parametrize(("source", "what"), [
    ("import torch\nn = torch.tensor(7000)\ntorch.ones(n, n)", "ones"),           # 0-d tensor as a size
    ("import torch\nn = torch.tensor(100000)\ntorch.zeros(n, n)", "zeros"),
    ("import torch\nm = torch.ones(100000, 1)\nk = torch.ones(1, 100000) > 0\ntorch.masked_select(m, k)",
     "masked_select"),                                                              # no meta kernel
    ("import torch\nx = torch.ones(1000000, 1, 1, 1, 1, 1, 1, 1, 1, 1)\nx.nonzero()", "nonzero"),
    ("import torch\nN = 100000\ntorch.clamp(torch.zeros(N, 1), min=torch.zeros(1, N))", "clamp"),
    ("import torch\nN = 100000\ntorch.max(torch.zeros(N, 1), torch.zeros(1, N))", "max"),  # broadcasts
    ("import torch\ntorch.zeros(0, 300000000).sum(0)", "sum"),                    # empty reduction grows
    ("import torch\nx = torch.ones(3000, 1)\nx @= torch.ones(1, 3000)", "matmul"),  # in-place falls back
    ("import torch\nM = [[0] * 100000] * 100000\ntorch.add(torch.ones(2), M)", "add"),  # list argument
    ("import torch\ntorch.tensor(range(10**8))", "tensor"),
    ("import numpy as np\nnp.array(range(10**7))", "np.array"),
    ("import numpy as np\nnp.array(['a' * 100000] * 100000)", "np.array"),
])
def test_results_sized_by_data_or_broadcasting_are_refused_before_they_exist(source, what):
    message = assert_refused(source, DEFAULT_LIMITS, "max_tensor_elements", source.count("\n") + 1)
    assert message.startswith(f"result of {what} would have ")


@pytest.mark.parametrize("source", [
    "import torch\nn = torch.tensor(3)\nr = torch.ones(n, 2)\ns = torch.arange(n)\ne = torch.eye(n)",
    "import torch\nx = torch.tensor([1., 0., 2.])\nr = x.nonzero()\ns = torch.masked_select(x, x > 0)",
    "import torch\nx = torch.arange(3000.)\nr = x[x > 0]",
    "import torch\na = torch.rand(3000)\nb = torch.rand(3000)\nr = torch.allclose(a, b)",
    "import torch\nx = torch.ones(3, 1)\nr = torch.clamp(x, min=torch.zeros(1, 3))",
])
def test_the_same_ops_at_lesson_sizes_run_like_pytorch(source):
    assert_ok_like_pytorch(source, DEFAULT_LIMITS)


def test_a_loop_past_the_time_budget_stops_at_its_line_and_keeps_what_it_computed():
    limits = Limits(timeout_s=0.5, max_steps=10**9, max_loop_iterations=10**9)
    report = run("n = 0\nwhile True:\n    n += 1\n", limits)
    assert report.error.kind == "timeout" and report.error.line in (2, 3), report.error
    assert report.error.message.startswith("the program ran for more than 0.4 s and was stopped here")
    assert report.variables["n"].value > 0


@pytest.mark.parametrize(("source", "what"), [
    ("import torch\nx = torch.zeros(5000000)\nx.split(1)", "split"),
    ("import torch\nx = torch.zeros(200000, 2)\nx.unbind()", "unbind"),
    ("import torch\nx = torch.zeros(300000)\ntorch.chunk(x, 200000)", "chunk"),
])
def test_splitting_into_more_pieces_than_a_list_may_hold_is_refused_first(source, what):
    message = assert_refused(source, DEFAULT_LIMITS, "max_sequence_len", 3)
    assert message.startswith(f"the pieces of {what} would have ")


def test_splitting_at_lesson_sizes_gives_pytorch_pieces():
    assert_ok_like_pytorch("import torch\nx = torch.arange(6.)\na, b = x.split(4)\nc, d, e = x.chunk(3)",
                           DEFAULT_LIMITS)


def test_doubling_an_int_by_addition_stops_at_max_int_bits_with_a_readable_message():
    report = run("n = 3\nfor i in range(15000):\n    n = n + n\n", DEFAULT_LIMITS)
    assert (report.error.kind, report.error.line) == ("limit", 3)
    assert report.error.message == ("<an int of 4,096 bits> + <an int of 4,096 bits> would be an integer "
                                    "of about 4,097 bits; the limit is 4,096 bits")
    assert_ok_like_pytorch("n = 2 ** 4095 - 1\nm = n + n\nk = m - n", DEFAULT_LIMITS)

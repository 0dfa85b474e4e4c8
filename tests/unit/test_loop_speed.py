"""Issue 9, part 1: the fast paths of long loops keep every limit, and recording stays bounded.

shapes.py answers size checks by shape arithmetic (and a per-run cache of meta runs); each case
here checks the answer against the element count plain PyTorch really produces, and that a limit
is refused just above its boundary and accepted just below, exactly as the meta-device path did.
The recorder keeps a window of the op trace and lets go of graphs the program frees: max_ops
bounds op results alive at once, so a loop that rebinds its variables never hits it.
"""

from __future__ import annotations

import operator

import pytest
import torch

from autogradlab.engine import run_program, skim
from autogradlab.engine.grads import KEPT_BACKWARDS
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.trace import RECORD_WINDOW
from autogradlab.lang import shapes
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.lang.sizes import warm_up
from autogradlab.limits import Limits
from autogradlab.report import Report

LIMIT = Limits(max_tensor_elements=1_000)


@pytest.fixture(scope="module", autouse=True)
def _meta_kernels_loaded():
    warm_up()


def run(source: str, limits: Limits = LIMIT) -> Report:
    """The program after an `import torch` line: line numbers below count from that line as 1."""
    return run_program("import torch\n" + source, limits=limits, torchviz=False)


def refused(report: Report, line: int, limit: str = "max_tensor_elements") -> bool:
    return (report.error is not None and report.error.kind == "limit" and report.error.line == line
            and limit in ((report.error.hint or "") + report.error.message))


# ---- shape arithmetic agrees with PyTorch ------------------------------------------------------

A, B, C = torch.ones(3, 1, 4), torch.ones(5, 1), torch.ones(2, 3, 4, 5)
CASES = [
    (operator.add, [A, B]), (operator.mul, [A, 2.5]), (operator.pow, [2, B]), (operator.lt, [A, B]),
    (torch.add, [torch.ones(4), torch.ones(1)]), (torch.Tensor.pow, [B, 2]),
    (torch.maximum, [A, torch.ones(4)]), (operator.iadd, [torch.ones(2, 3), torch.ones(3)]),
    (operator.matmul, [torch.ones(3), torch.ones(3)]), (operator.matmul, [torch.ones(2, 3), torch.ones(3)]),
    (operator.matmul, [torch.ones(3), torch.ones(3, 4)]), (operator.matmul, [C, torch.ones(5, 6)]),
    (torch.matmul, [torch.ones(7, 1, 2, 3), torch.ones(4, 3, 2)]),
    (torch.mm, [torch.ones(2, 3), torch.ones(3, 9)]),
    (torch.mv, [torch.ones(2, 3), torch.ones(3)]), (torch.dot, [torch.ones(3), torch.ones(3)]),
    (torch.bmm, [torch.ones(4, 2, 3), torch.ones(4, 3, 5)]), (torch.reshape, [C, (-1,)]),
    (torch.Tensor.view, [C, 6, 20]), (torch.Tensor.t, [torch.ones(2, 3)]), (torch.transpose, [C, 0, 3]),
    (torch.cat, [[A, A]]), (torch.stack, [(B, B, B)]), (torch.Tensor.flatten, [C]),
]


@pytest.mark.parametrize(("fn", "args"), CASES, ids=lambda v: getattr(v, "__name__", None))
def test_fast_count_is_the_element_count_pytorch_gives(fn, args):
    assert shapes.fast_count(fn, args, {}) == fn(*args).numel()


@pytest.mark.parametrize(("fn", "args", "kwargs"), [
    (torch.add, [torch.ones(2), [1, 2]], {}),            # a list operand: the meta device decides
    (torch.Tensor.repeat, [torch.ones(2), 3], {}),       # not a family with shape arithmetic
    (torch.add, [torch.ones(2), torch.ones(2)], {"alpha": 2}),
    (operator.add, [torch.ones(2)], {}),
    (torch.Tensor.view, [torch.ones(2), torch.int8], {}),   # a dtype view has more elements
])
def test_fast_count_leaves_what_it_does_not_know_to_the_meta_device(fn, args, kwargs):
    assert shapes.fast_count(fn, args, kwargs) is None


def test_a_dtype_view_is_sized_by_what_it_really_makes():
    ok = run("x = torch.ones(250)\ny = x.view(torch.int8)\n")
    assert ok.ok and ok.variables["y"].shape == (1000,)
    assert refused(run("x = torch.ones(251)\ny = x.view(torch.int8)\n"), 3)


def test_shapes_that_do_not_broadcast_are_left_to_the_real_call():
    assert shapes.broadcast((2, 3), (4, 3)) is None
    report = run("a = torch.ones(2, 3)\nb = torch.ones(4, 3)\nc = a + b\n")
    assert report.error.kind == "shape" and report.error.line == 4


def test_cache_keys_separate_argument_values_and_int_tensors():
    x = torch.ones(3)
    assert shapes.cache_key(torch.Tensor.repeat, [x, 2], {}, False) != \
        shapes.cache_key(torch.Tensor.repeat, [x, 3], {}, False)
    assert shapes.cache_key(torch.ones, [torch.tensor(4)], {}, True) != \
        shapes.cache_key(torch.ones, [torch.tensor(5)], {}, True)
    assert shapes.cache_key(torch.ones, [[1] * 100], {}, True) is None   # long lists: no key


# ---- limits just below and just above, through the fast paths -----------------------------------

@pytest.mark.parametrize(("below", "above"), [
    ("c = torch.ones(10, 1) + torch.ones(1, 100)", "c = torch.ones(10, 1) + torch.ones(1, 101)"),
    ("c = torch.ones(10, 1) * 2.0 * torch.ones(100)", "c = torch.ones(11, 1) * 2.0 * torch.ones(100)"),
    ("c = torch.ones(40, 1) @ torch.ones(1, 25)", "c = torch.ones(40, 1) @ torch.ones(1, 26)"),
    ("c = torch.mm(torch.ones(40, 1), torch.ones(1, 25))",
     "c = torch.mm(torch.ones(41, 1), torch.ones(1, 25))"),
    ("c = torch.ones(10, 1).pow(torch.ones(100))", "c = torch.ones(10, 1).pow(torch.ones(101))"),
    ("c = torch.cat([torch.ones(500), torch.ones(500)])",
     "c = torch.cat([torch.ones(500), torch.ones(501)])"),
    ("c = torch.stack([torch.ones(500), torch.ones(500)])", "c = torch.stack([torch.ones(500)] * 3)"),
    ("c = torch.ones(10, 1) < torch.ones(100)", "c = torch.ones(10, 1) < torch.ones(101)"),
])
def test_fast_paths_refuse_just_above_the_limit_and_run_just_below(below, above):
    ok = run(f"{below}\n")
    assert ok.ok, ok.error
    assert refused(run(f"{above}\n"), 2)


def test_a_cached_prediction_still_refuses_a_larger_argument():
    source = "x = torch.ones(500)\nfor k in [1, 2, 1, 3]:\n    y = x.repeat(k)\n"
    report = run(source)
    assert refused(report, 4) and "1,500" in report.error.message


def test_a_cached_prediction_refuses_a_larger_size_tensor():
    source = "for n in [torch.tensor(10), torch.tensor(10), torch.tensor(1001)]:\n    y = torch.ones(n)\n"
    assert refused(run(source), 3)


def test_the_run_wide_total_still_counts_fast_path_results():
    limits = Limits(max_tensor_elements=1_000, max_total_elements=10_000)
    loop = "x = torch.ones(1000)\nfor i in range({n}):\n    y = x + 1\n"
    assert run(loop.format(n=8), limits).ok
    assert refused(run(loop.format(n=10), limits), 4, "max_total_elements")


# ---- max_ops: results alive, not ops run ------------------------------------------------------------

OPS = Limits(max_ops=50)


def test_a_loop_that_lets_its_results_go_runs_past_max_ops():
    report = run("x = torch.ones(3, requires_grad=True)\nfor i in range(200):\n    y = (x * 2).sum()\n"
                 "    y.backward()\n", OPS)
    assert report.ok, report.error
    assert report.ops[-1].index > 50 * 4


def test_a_loop_that_keeps_its_results_stops_at_max_ops():
    report = run("x = torch.ones(3)\nkept = []\nfor i in range(200):\n    kept.append(x * 2)\n", OPS)
    assert refused(report, 5, "max_ops")


# ---- bounded recording --------------------------------------------------------------------------

TRAIN = """x = torch.linspace(-1, 1, 50)
y = x ** 3
w = torch.zeros(3, requires_grad=True)
for step in range({n}):
    loss = ((w[0] + w[1] * x + w[2] * x ** 2 - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        w.grad.zero_()
"""


LONG = Limits(timeout_s=60)   # long loops on a loaded test machine: timing is the bench's job


def recorder_after(n: int) -> tuple[Recorder, Interpreter]:
    source = "import torch\n" + TRAIN.format(n=n)
    recorder = Recorder(source, LONG)
    interp = Interpreter(parse_program(source, LONG), source, limits=LONG,
                         generator=torch.Generator().manual_seed(0), hooks=recorder)
    interp.run()
    return recorder, interp


def test_what_the_recorder_holds_does_not_grow_with_the_iterations():
    small, _ = recorder_after(60)
    large, interp = recorder_after(600)
    sizes = lambda r: (len(r._ids), len(r._origins), len(r._created_by), len(r._saved),  # noqa: E731
                       len(r.grads._hooked), len(r.grads.completed), len(r.ops), r.trace.dropped > 0)
    assert sizes(large) == sizes(small)
    # the pass-aware window (skim.py): the op that made w and the last KEEP_PASSES passes in full
    per_pass = sum(op.op == "mean" for op in large.ops)
    assert len(large.grads.completed) == KEPT_BACKWARDS and per_pass == skim.KEEP_PASSES
    assert len(large.ops) == 1 + skim.KEEP_PASSES * 14 <= RECORD_WINDOW + 1   # 14 ops per pass
    assert large.trace.total > 10 * RECORD_WINDOW
    w = interp.globals.vars["w"]
    # every backward is captured (engine/captured_backward.py): w is never hooked, let alone once per
    # backward (the hooked path's own count: test_steady_pass_paths, test_engine_grads)
    assert not w._backward_hooks


def test_a_long_loop_reports_its_last_ops_and_says_so():
    report = run(TRAIN.format(n=300), LONG)
    assert report.ok, report.error
    made_w, *window = report.ops   # the op that made the leaf w stays, for the graph's leaf line
    assert (made_w.op, made_w.line, made_w.var) == ("zeros", 4, "w")
    indices = [op.index for op in window]   # the last KEEP_PASSES passes, whole (skim.py)
    assert len(indices) == skim.KEEP_PASSES * 14 and indices == list(range(indices[0], indices[-1] + 1))
    assert window[0].op == "getitem" and sum(op.op == "mean" for op in window) == skim.KEEP_PASSES
    assert any("keeps the last" in note for note in report.notes)
    assert any(f"shows its last {skim.KEEP_PASSES} passes in full" in note for note in report.notes)
    assert report.ops[-1].op == "zero_"
    leaf = next(node for node in report.graph.nodes if node.kind == "leaf" and node.var == "w")
    assert leaf.line == 4 and leaf.op_index == made_w.index


def test_a_long_loop_graph_has_pytorchs_gradients():
    report = run(TRAIN.format(n=300), LONG)
    torch.manual_seed(0)
    namespace: dict = {"torch": torch}
    exec(compile("import torch\n" + TRAIN.format(n=299), "<oracle>", "exec"), namespace)  # trusted text
    x, y, w = namespace["x"], namespace["y"], namespace["w"]
    loss = ((w[0] + w[1] * x + w[2] * x ** 2 - y) ** 2).mean()
    loss.backward()
    leaf = next(node for node in report.graph.nodes if node.kind == "leaf" and node.var == "w")
    assert torch.allclose(torch.from_numpy(leaf.grad.value), w.grad, rtol=0, atol=0)
    out = next(node for node in report.graph.nodes if node.kind == "output")
    assert float(out.value.value) == loss.item()


def test_op_outputs_are_values_when_the_op_ran_even_if_changed_in_place_later():
    report = run("w = torch.zeros(2)\nfor i in range(3):\n    v = w + 1\n    w += v\n", Limits())
    adds = [op for op in report.ops if op.op == "add"]
    assert [list(op.outputs[0].value) for op in adds] == [[1.0, 1.0], [2.0, 2.0], [4.0, 4.0]]


@pytest.mark.parametrize(("below", "above"), [
    ("x = 2**4000 * 2**95", "x = 2**4000 * 2**96"),
    ("x = 3**2584", "x = 3**2585"),          # 3**2584 has 4,096 bits
    ("x = 1 << 4095", "x = 1 << 4096"),
    ("x = 2**4095 + (2**4095 - 1)", "x = 2**4095 + 2**4095"),
])
def test_int_arithmetic_fast_path_keeps_max_int_bits(below, above):
    ok = run(f"{below}\n", Limits())
    assert ok.ok, ok.error
    assert refused(run(f"{above}\n", Limits()), 2, "max_int_bits")

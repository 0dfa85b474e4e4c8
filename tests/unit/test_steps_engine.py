"""The steps engine (engine/steps.py & co.) against plain PyTorch: adjoints by torch.autograd.grad,
the engine's order by Node hooks, tangents by forward_ad and by finite differences (float64)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from tests.unit.steps_oracle import Case

FAN_OUT = Case((("a", 2.0),), "b = a * a\nc = b + a\nd = c * b\nd.backward()\n", "d")
CASES = {
    "fan_out": FAN_OUT,
    "broadcast": Case((("x", [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), ("w", [0.5, -1.0])),
                      "y = x * w\nz = y + w\ns = z.sum()\ns.backward()\n", "s"),
    "expand": Case((("w", [0.5, -1.0]),), "e = w.expand(3, 2)\nq = e * e\ns = q.sum()\ns.backward()\n", "s"),
    "loop": Case((("a", 1.5),), "b = a\nfor i in range(3):\n    b = b * a + 1\nb.backward()\n", "b"),
    "function": Case((("t", [0.3, -0.7, 1.1]),),
                     "def f(u):\n    v = u.sin() * u\n    return v.exp()\n"
                     "y = f(t)\ns = y.mean()\ns.backward()\n",
                     "s"),
    "linear_algebra": Case((("A", [[1.0, 2.0], [3.0, -1.0]]), ("v", [0.5, 2.0])),
                           "B = torch.mm(A, A.t())\nu = torch.mv(B, v)\nk = torch.dot(u, v)\n"
                           "n = k / v.norm()\nn.backward()\n", "n"),
    "unary": Case((("x", [0.2, 0.9, -0.4]),),
                  "p = torch.tanh(x) + torch.sigmoid(x) * torch.relu(x)\nq = torch.log(p.exp() + 1) ** 2\n"
                  "r = torch.cat((q, x), 0)\ns = r[1:].sum() - r[0]\ns.backward()\n", "s"),
    "matmul_pow": Case((("M", [[1.0, 0.5], [-0.5, 2.0]]),),
                       "P = M @ M\nQ = P.pow(3)\nm = Q.mean()\nm.backward()\n", "m"),
}


def named_steps(steps, kind):
    return {s.var: s for s in getattr(steps, kind) if s.var and "," not in s.var}


@pytest.mark.parametrize("name", list(CASES))
def test_every_adjoint_equals_autograd_grad(name):
    case = CASES[name]
    report = case.run()
    assert report.ok, report.error
    named = named_steps(report.steps, "reverse")
    assert named, "no named reverse steps"
    oracle = case.adjoints(list(named))
    for var, step in named.items():
        np.testing.assert_allclose(step.adjoint.value, oracle[var], rtol=1e-10, atol=1e-12, err_msg=var)


@pytest.mark.parametrize("name", list(CASES))
def test_contributions_sum_to_the_adjoint(name):
    report = CASES[name].run()
    for step in report.steps.reverse:
        total = sum(np.asarray(c.value.value, dtype=np.float64) for c in step.contributions)
        np.testing.assert_allclose(total, step.adjoint.value, rtol=1e-12, atol=1e-12, err_msg=step.node)


@pytest.mark.parametrize("name", list(CASES))
def test_reverse_order_is_the_autograd_engines(name):
    case = CASES[name]
    report = case.run()
    assert [s.grad_fn for s in report.steps.reverse] == case.engine_order()


@pytest.mark.parametrize("name", list(CASES))
def test_every_tangent_equals_forward_ad_and_finite_differences(name):
    case = CASES[name]
    rng = np.random.default_rng(0)
    direction = {n: rng.standard_normal(np.shape(v)).tolist() for n, v in case.leaves}
    report = case.run(direction=tuple(direction.items()))
    assert report.ok and report.steps.tangent is not None, report.steps.notes
    top_level = case.namespace()
    named = {e.var: e for e in report.steps.tangent.entries if e.var in top_level}
    assert named
    as_tensors = {n: torch.tensor(v, dtype=torch.float64) for n, v in direction.items()}
    by_forward_ad = case.tangents(as_tensors, list(named))
    by_differences = case.finite_differences(as_tensors, list(named))
    for var, entry in named.items():
        got = entry.tangent.value
        np.testing.assert_allclose(got, by_forward_ad[var], rtol=1e-10, atol=1e-12, err_msg=var)
        np.testing.assert_allclose(got, by_differences[var], rtol=1e-5, atol=1e-6, err_msg=var)


@pytest.mark.parametrize("name", list(CASES))
def test_output_tangent_matches_reverse_mode(name):
    """J·v (forward mode) and (uᵀJ)·v (reverse mode) answer the same question for a scalar root."""
    case = CASES[name]
    direction = tuple((n, np.ones(np.shape(v)).tolist()) for n, v in case.leaves)
    trace = case.run(direction=direction).steps.tangent
    np.testing.assert_allclose(trace.output_tangent.value, trace.vjp.value, rtol=1e-10)


def test_fan_out_sums_what_each_consumer_sent():
    steps = FAN_OUT.run().steps
    b = named_steps(steps, "reverse")["b"]
    sources = {steps.forward[[f.node for f in steps.forward].index(c.source)].var: float(c.value.value)
               for c in b.contributions}
    assert sources == {"d": 6.0, "c": 4.0} and float(b.adjoint.value) == 10.0
    d = named_steps(steps, "reverse")["d"]
    assert [c.source for c in d.contributions] == [None] and float(d.contributions[0].value.value) == 1.0
    assert "ḡ·b" in d.rule and "1.·4. = 4." in d.numbers


def test_leaf_steps_show_grad_before_and_after():
    steps = FAN_OUT.run().steps
    leaf = steps.reverse[-1]
    assert leaf.grad_fn == "AccumulateGrad" and leaf.grad_before is None
    assert float(leaf.grad_after.value) == 44.0 and float(leaf.adjoint.value) == 44.0


def test_second_backward_accumulates_into_grad():
    case = Case((("a", [1.0, 2.0]),), "y = (a * a).sum()\ny.backward(retain_graph=True)\ny.backward()\n", "y")
    steps = case.run().steps
    leaf = steps.reverse[-1]
    assert steps.backward_line == 5
    np.testing.assert_array_equal(leaf.grad_before.value, [2.0, 4.0])
    np.testing.assert_array_equal(leaf.grad_after.value, [4.0, 8.0])
    np.testing.assert_array_equal(leaf.adjoint.value, [2.0, 4.0])


def test_broadcast_rule_names_sum_to_shape():
    steps = CASES["broadcast"].run().steps
    y = named_steps(steps, "reverse")["y"]
    assert "sum-to-shape" in y.rule and "(2,)" in y.rule
    sent_to_w = [v for node, v in y.sends if v.shape == (2,)]
    assert sent_to_w and sent_to_w[0].shape == (2,)
    e = named_steps(CASES["expand"].run().steps, "reverse")["e"]
    assert e.grad_fn == "ExpandBackward0" and "sum-to-shape" in e.rule


def test_detach_cuts_the_reverse_steps():
    body = "y = x * x\nu = y.detach()\nz = u * x\ns = z.sum()\ns.backward()\n"
    case = Case((("x", [1.0, 2.0]),), body, "s")
    report = case.run()
    names = [s.var for s in report.steps.reverse]
    assert "y" not in names and "u" not in names and "x" in names
    np.testing.assert_array_equal(named_steps(report.steps, "reverse")["x"].adjoint.value, [1.0, 4.0])


def test_forward_steps_follow_execution_order_with_inputs():
    steps = FAN_OUT.run().steps
    assert [(f.op, f.var) for f in steps.forward] == [("mul", "b"), ("add", "c"), ("mul", "d")]
    by_var = {f.var: f.node for f in steps.forward}
    assert steps.forward[2].inputs == (by_var["c"], by_var["b"])
    assert steps.forward[0].rule == "b = a · a" and float(steps.forward[2].value.value) == 24.0


def test_no_backward_gives_forward_and_tangent_steps_and_a_note():
    report = Case((("a", 2.0),), "b = a * a\n", "b").run()
    steps = report.steps
    assert steps.reverse == () and steps.backward_line is None and len(steps.forward) == 1
    assert any("b.backward()" in note for note in steps.notes)
    assert float(steps.tangent.output_tangent.value) == 4.0     # default direction: e₁ of a


def test_backward_if_missing_runs_a_summed_backward():
    report = Case((("a", [1.0, 2.0]),), "b = a * a\n", "b").run(backward_if_missing=True)
    steps = report.steps
    assert steps.synthetic_backward and steps.reverse
    np.testing.assert_array_equal(steps.reverse[-1].adjoint.value, [2.0, 4.0])
    np.testing.assert_array_equal(steps.reverse[0].contributions[0].value.value, [1.0, 1.0])
    assert any("sum" in note for note in steps.notes)


@pytest.mark.parametrize("direction, says", [
    ((("zz", 1.0),), "not a named leaf"),
    ((("a", [1.0, 2.0, 3.0]),), "shape"),
    ((("a", "x"),), "number"),
])
def test_bad_direction_is_refused_with_a_message(direction, says):
    case = Case((("a", [1.0, 2.0]),), "b = (a * a).sum()\nb.backward()\n", "b")
    steps = case.run(direction=direction).steps
    assert steps.tangent is None and says in steps.direction_error


def test_mode_cost_counts_inputs_outputs_and_bytes():
    cost = CASES["linear_algebra"].run().steps.cost
    assert (cost.n_inputs, cost.m_outputs, cost.forward_passes, cost.reverse_passes) == (6, 1, 6, 1)
    assert cost.saved_bytes > 0 and cost.tangent_extra_bytes > 0
    assert cost.forward_pass_ms >= 0 and cost.reverse_pass_ms >= 0


def test_full_programs_are_unchanged_by_steps():
    case = CASES["function"]
    from autogradlab.engine.run import run_program
    from autogradlab.jsonout import report_to_json
    plain, stepped = report_to_json(run_program(case.program)), report_to_json(case.run())
    plain.pop("timing_ms"), stepped.pop("timing_ms")
    assert plain == stepped


@pytest.mark.parametrize("body", [
    "with torch.no_grad():\n    y = x * 2\nz = (x * y).sum()\nz.backward()\n",
    "y = x.detach() * 2\nz = (x * y).sum()\nz.backward()\n",
])
def test_constants_carry_no_tangent_in_forward_mode(body):
    """Values reverse mode treats as constants (no_grad, detach) get no tangent either."""
    trace = Case((("x", [1.0, 2.0]),), body, "z").run(direction=(("x", [1.0, 1.0]),)).steps.tangent
    assert float(trace.output_tangent.value) == float(trace.vjp.value) == 6.0


def test_leaf_made_by_attribute_assignment_gets_its_tangent():
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    source = ("import torch\nx = torch.ones(3)\nw = x * 5\nx.requires_grad = True\n"
              "y = (x * x + w).sum()\ny.backward()\n")
    trace = run_program(source, steps=StepOptions(direction=(("x", [1.0, 0.0, 0.0]),))).steps.tangent
    assert float(trace.output_tangent.value) == float(trace.vjp.value) == 2.0


def test_backward_past_the_output_arrives_through_the_output_node():
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    source = ("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * 3\nz = (y * y).sum()\n"
              "z.backward()\n")
    report = run_program(source, output="y", steps=StepOptions())
    first = report.steps.reverse[0]
    assert first.var == "y" and [c.source for c in first.contributions] == [report.graph.output_node]
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x * 3
    (expected,) = torch.autograd.grad((y * y).sum(), y)
    np.testing.assert_allclose(first.adjoint.value, expected.numpy())
    assert any("past the output" in note for note in report.steps.notes)


def test_root_contribution_is_the_gradient_argument():
    body = "y = x * x\ny.backward(torch.tensor([1.0, 3.0], dtype=torch.float64))\n"
    case = Case((("x", [1.0, 2.0]),), body, "y")
    steps = case.run().steps
    root = steps.reverse[0]
    assert root.var == "y" and [c.source for c in root.contributions] == [None]
    np.testing.assert_array_equal(root.contributions[0].value.value, [1.0, 3.0])
    np.testing.assert_array_equal(steps.reverse[-1].adjoint.value, [2.0, 12.0])


def test_a_leaf_kept_only_in_an_object_or_a_list_is_seeded_by_its_path():
    """A model kept in a list of objects has no leaf a variable of its own holds: forward mode seeds
    the first one by the path the graph labels it by (session 21; tests/unit/test_container_tangents.py
    compares the tangents with torch.func.jvp), and no note says there is nothing to seed."""
    from autogradlab.engine.run import run_program
    from autogradlab.step_records import StepOptions

    program = ("import torch\n"
               "class Layer:\n"
               "    def __init__(self):\n"
               "        self.w = torch.ones(2, requires_grad=True)\n"
               "    def __call__(self, x):\n"
               "        return x * self.w\n"
               "layers = [Layer(), Layer()]\n"
               "x = torch.ones(2)\n"
               "for layer in layers:\n"
               "    x = layer(x)\n"
               "y = x.sum()\n")
    report = run_program(program, steps=StepOptions())
    assert report.ok, report.error
    assert not [n for n in report.steps.notes if n.startswith("no forward-mode steps")], report.steps.notes
    assert [name for name, _ in report.steps.tangent.direction] == ["layers[0].w"]
    # y = Σ x·w₀·w₁ with ones: ∂y/∂w₀[0] = w₁[0] = 1
    assert float(report.steps.tangent.output_tangent.value) == 1.0
    leaves = {n.label for n in report.graph.nodes if n.kind == "leaf"}
    assert {"layers[0].w", "layers[1].w"} <= leaves, leaves

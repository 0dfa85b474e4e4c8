"""The Report of a run stays small and quick to build whatever the program holds.

Aliases share one value, full tensor values have a report-wide budget, every text the report makes
of a program value is weighed before it is made, and run_program returns a Report even when
building it fails. Small programs' reports are compared with plain PyTorch.
"""

from __future__ import annotations

import json
import pickle
import re
import time

import numpy as np
import pytest
import torch

import autogradlab.engine.run as run_module
from autogradlab.engine import run_program
from autogradlab.engine.recorder import _constant_text
from autogradlab.engine.report_values import ReportValues, to_value
from autogradlab.engine.value_text import BUDGET_SPENT, bounded_repr, sequence_weight
from autogradlab.engine.values import MAX_SEQUENCE_ITEMS, REPORT_MAX_ITEMS, REPORT_MAX_TENSOR_ELEMENTS
from autogradlab.jsonout import report_to_json, value_to_json
from autogradlab.report import PlainValue, SequenceValue, TensorValue

QUICK_S = 10.0   # every run below takes well under a second; 10 s leaves room for a busy machine


def run(source: str):
    started = time.perf_counter()
    report = run_program(source, torchviz=False)
    elapsed = time.perf_counter() - started
    assert elapsed < QUICK_S, f"the run took {elapsed:.1f} s"
    return report


# -- 1. aliases share one value; a report-wide budget for full tensor values ---------------------

def test_forty_aliases_of_a_big_tensor_share_one_value_and_the_json_stays_small():
    source = "import torch\nx = torch.rand(5000000, dtype=torch.float16)\n" + "".join(
        f"a{i} = x\n" for i in range(40))
    report = run(source)
    assert report.ok, report.error
    values = list(report.variables.values())
    assert len(values) == 41 and all(v is values[0] for v in values)
    x = values[0]
    assert isinstance(x, TensorValue)
    # 41 places x 5,000,000 values is above the budget: the values are left out, the rest stays
    assert 41 * 5_000_000 > REPORT_MAX_TENSOR_ELEMENTS
    assert x.value is None and x.grad is None
    assert (x.shape, x.dtype, x.requires_grad, x.grad_fn) == ((5_000_000,), "float16", False, None)
    assert x.text.startswith("tensor([") and "..." in x.text
    assert any(note.startswith("'x' (shown 41 times") and re.search(r"mean 0\.(5|4\d{3}),", note)
               for note in report.notes)   # rand's mean, about 0.5 (4 significant digits)
    assert len(pickle.dumps(report)) < 1_000_000
    text = json.dumps(report_to_json(report), allow_nan=False)
    assert len(text) < 1_000_000
    assert json.loads(text)["variables"]["a39"]["value"] is None


def test_aliases_within_the_budget_are_one_value_equal_to_pytorch():
    source = ("import torch\nx = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\nb = x\n"
              "L = [x, x]\ny = (x * x).sum()\ny.backward()\n")
    report = run(source)
    assert report.ok, report.error
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    (x * x).sum().backward()
    v = report.variables
    assert v["x"] is v["b"] is v["L"].items[0] is v["L"].items[1]
    np.testing.assert_array_equal(v["x"].value, x.detach().numpy())
    np.testing.assert_array_equal(v["x"].grad, x.grad.numpy())
    assert v["x"].text == repr(x)
    written = json.loads(json.dumps(report_to_json(report)))
    assert written["variables"]["b"]["grad"] == [[2.0, 4.0], [6.0, 8.0]]


def test_budget_keeps_what_fits_in_order_and_counts_each_place_shown():
    small = torch.arange(4.0)
    big = torch.ones(10, requires_grad=True)
    (big * 3).sum().backward()
    values = ReportValues(tensor_budget=4 + 10 + 10)
    named = {"small": small, "big": big, "again": small}
    values.plan(named)
    out = {name: values.value(obj) for name, obj in named.items()}
    # small is shown twice (8 elements), big's value (10) fits, its grad (10) does not
    np.testing.assert_array_equal(out["small"].value, small.numpy())
    np.testing.assert_array_equal(out["big"].value, big.detach().numpy())
    assert out["big"].grad is None and out["big"].shape == (10,) and out["big"].requires_grad
    assert out["big"].text == repr(big)
    assert len(values.notes) == 1 and values.notes[0].startswith("'big': its gradient is not kept")
    assert "grad: [3., 3., 3." in values.notes[0]
    assert value_to_json(out["big"])["grad"] is None


def test_a_left_out_tensor_still_fills_the_variables_table():
    table = pytest.importorskip("components.variables_table")
    t = torch.arange(6.0).reshape(2, 3)
    values = ReportValues(tensor_budget=0)
    value = values.value(t)
    assert value.value is None
    row = table.row("t", value)
    assert row["value"] == "[[0., 1., 2.], [3., 4., 5.]]" and row["shape"] == "2 × 3"


def test_a_left_out_numpy_array_becomes_an_object_with_its_text():
    report = run("import numpy as np\na = np.array([0.0, 0.0, 0.0])\n")
    assert report.variables["a"].kind == "array" and report.variables["a"].text == repr(np.zeros(3))
    values = ReportValues(tensor_budget=2)
    value = values.value(np.zeros(3))
    assert isinstance(value, PlainValue) and (value.kind, value.value) == ("object", None)
    assert value.text == repr(np.zeros(3))


def test_lists_and_strings_share_a_report_wide_budget_counted_per_variable():
    a, c = [1.0] * 10, [3.0] * 10
    named = {"a": a, "b": a, "c": c, "s": "x" * 100, "n": 7}
    values = ReportValues(item_budget=25)
    values.plan(named)
    out = {name: values.value(obj) for name, obj in named.items()}
    assert out["a"] is out["b"] and not out["a"].truncated and out["a"].text == repr(a)
    assert out["c"].truncated and [item.value for item in out["c"].items] == [3.0] * 5
    assert out["c"].text == (f"<list of 10 items not shown in full: the report keeps at most "
                             f"{REPORT_MAX_ITEMS:,} values of all variables; the first 5 items are kept>")
    assert (out["s"].kind, out["s"].value) == ("object", None)
    assert out["s"].text == f"<str of 100 characters: {BUDGET_SPENT}>"
    assert (out["n"].kind, out["n"].value, out["n"].text) == ("number", 7, "7")


def test_displays_share_a_total_budget_and_small_values_are_always_shown():
    report = run("L = [0.5] * 100000\n" + "L\n" * 11 + "1\n")
    assert report.ok, report.error
    texts = [d.text for d in report.displayed]
    assert texts[:10] == [repr([0.5] * 100000)] * 10
    assert texts[10:] == [f"<list of 100,000 items: {BUDGET_SPENT}>", "1"]


# -- 2. a list's weight does not depend on where it was first met --------------------------------

def test_weight_of_a_list_first_met_deep_is_its_full_weight():
    inner = [0] * 100_000
    shared = [inner] * 4000
    deep: list = shared
    for _ in range(18):
        deep = [deep]
    memo: dict[int, int] = {}
    assert sequence_weight([deep, shared], MAX_SEQUENCE_ITEMS, memo) > MAX_SEQUENCE_ITEMS
    assert sequence_weight(shared, MAX_SEQUENCE_ITEMS, memo) > MAX_SEQUENCE_ITEMS


def test_weight_counts_shared_lists_each_time_and_empty_lists_as_one():
    row = [1.0, 2.0, 3.0]
    assert sequence_weight([row] * 5, 10**6) == 15
    assert sequence_weight([[]] * 7, 10**6) == 7
    memo: dict[int, int] = {}
    assert sequence_weight([[row]], 10**6, memo) == 3 and sequence_weight(row, 10**6, memo) == 3


def test_memo_bypass_program_is_truncated_at_once():
    source = ("C = [0] * 100000\nB = [C] * 4000\nD = B\nfor i in range(18):\n    D = [D]\nM = [D, B]\n")
    report = run(source)
    assert report.ok, report.error
    m = report.variables["M"]
    assert isinstance(m, SequenceValue) and m.truncated and m.items == ()
    assert len(json.dumps(report_to_json(report))) < 1_000_000


def test_deeply_nested_lists_are_weighed_without_recursion():
    nested: list = [1.0]
    for _ in range(10_000):
        nested = [nested]
    assert sequence_weight(nested, 100) > 100
    assert bounded_repr(nested) == "<list of 1 items: too large to show>"


# -- 3. displays and op-argument texts are weighed first -----------------------------------------

def test_display_of_a_huge_shared_list_is_a_short_text():
    report = run("M = [[0] * 100000] * 100000\nM\nn = [1, 2]\nn\n")
    assert report.ok, report.error
    assert [(d.line, d.text) for d in report.displayed] == [
        (2, "<list of 100,000 items: too large to show>"), (4, "[1, 2]")]


def test_display_of_small_values_is_exactly_the_repr():
    report = run("import torch\nx = torch.arange(3.0, requires_grad=True)\nx * 2\n(1, 'a', [2.5])\n")
    x = torch.arange(3.0, requires_grad=True)
    assert [d.text for d in report.displayed] == [repr(x * 2), repr((1, "a", [2.5]))]


def test_op_argument_text_of_a_huge_list_is_short_and_quick():
    huge = [[0] * 100_000] * 100_000
    started = time.perf_counter()
    text = _constant_text(huge)
    assert time.perf_counter() - started < 1.0
    assert text == "<list of 100,000 it…"
    assert _constant_text(tuple(range(100))) == "(0, 1, 2, 3, 4, 5, 6, 7, …)"
    assert _constant_text((slice(0, 2), 1)) == "(0:2, 1)"


# -- 4. a tensor weighs what its repr prints ----------------------------------------------------

def test_a_list_of_tensors_weighs_their_elements():
    x = torch.rand(1000)
    assert sequence_weight([x] * 10_000, MAX_SEQUENCE_ITEMS) > MAX_SEQUENCE_ITEMS
    assert sequence_weight([x] * 3, MAX_SEQUENCE_ITEMS) == 3000
    big = torch.zeros(5_000_000)       # printed as 6 numbers and "..."
    assert sequence_weight([big], MAX_SEQUENCE_ITEMS) == 6


def test_tensor_weight_is_the_number_of_elements_its_repr_prints():
    t = torch.zeros((2,) * 11)         # 2,048 elements, more than torch's threshold, yet all printed
    assert repr(t).count("0.") == 2048 == sequence_weight(t, 10**6)


def test_a_tensor_whose_repr_is_megabytes_gets_a_short_text():
    report = run("import torch\nt = torch.zeros(" + ", ".join(["2"] * 20) + ")\nt\n")
    assert report.ok, report.error
    t = report.variables["t"]
    assert t.text == "<tensor of shape (2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2) with " \
                     "1,048,576 values: too large to show>"
    assert t.value.shape == (2,) * 20
    assert report.displayed[0].text == t.text


def test_a_list_of_tensors_in_a_variable_is_truncated():
    report = run("import torch\nx = torch.rand(1000)\nL = [x] * 10000\n")
    assert report.ok, report.error
    lst = report.variables["L"]
    assert lst.truncated and len(lst.items) == 10 and all(item is report.variables["x"] for item in lst.items)


# -- 5. run_program never raises ----------------------------------------------------------------

SMALL = "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 3).sum()\nprint('hi')\ny.backward()\n"


def test_memory_error_while_building_variables_is_a_memory_error_and_the_rest_is_kept(monkeypatch):
    def fail(self, obj):
        raise MemoryError

    monkeypatch.setattr(run_module.ReportValues, "value", fail)
    report = run(SMALL)
    assert not report.ok
    assert (report.error.kind, report.error.line) == ("memory", 5)
    assert report.printed == "hi\n" and len(report.ops) == 3 and report.graph is not None


def test_any_other_failure_while_building_the_report_is_internal(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(run_module, "_graph_of", fail)
    report = run(SMALL)
    assert (report.error.kind, report.error.line) == ("internal", 5)
    assert "RuntimeError" in report.error.message
    assert report.graph is None and set(report.variables) == {"x", "y"} and report.printed == "hi\n"


def test_a_failure_before_anything_ran_still_returns_a_report(monkeypatch):
    def fail(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(run_module, "Recorder", fail)
    report = run(SMALL)
    assert (report.ok, report.error.kind, report.source) == (False, "memory", SMALL)


def test_a_program_error_is_kept_when_building_the_report_also_fails(monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(run_module, "_graph_of", fail)
    report = run(SMALL + "z = 1 / 0\n")
    assert (report.error.kind, report.error.line) == ("value", 6)
    assert "part of this report could not be built (RuntimeError)" in report.notes


def test_printing_a_long_text_many_times_returns_a_report():
    report = run('s = "a" * 100000\nfor i in range(60000):\n    print(s)\n')
    assert report.error is not None and report.error.kind == "limit"


# -- small programs: the report is what plain PyTorch says --------------------------------------

def test_small_program_report_matches_plain_pytorch():
    source = ("import torch\nw = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)\n"
              "x = torch.tensor([1.0, 2.0])\nh = w @ x\nh.retain_grad()\nloss = (h ** 2).mean()\n"
              "loss.backward()\nshapes = [tuple(w.shape), list(x.shape)]\nname = 'net'\nk = 3\n"
              "nested = [[1, 2], [3, [4.5, True]], None]\n")
    report = run(source)
    assert report.ok, report.error
    w = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
    x = torch.tensor([1.0, 2.0])
    h = w @ x
    h.retain_grad()
    loss = (h ** 2).mean()
    loss.backward()
    expected = {"w": w, "x": x, "h": h, "loss": loss}
    for name, tensor in expected.items():
        value = report.variables[name]
        assert value.text == repr(tensor)
        np.testing.assert_array_equal(value.value, tensor.detach().numpy())
        grad = tensor.grad if tensor.is_leaf or tensor.retains_grad else None
        if grad is None:
            assert value.grad is None
        else:
            np.testing.assert_array_equal(value.grad, grad.numpy())
        assert (value.shape, value.requires_grad, value.is_leaf) == (
            tuple(tensor.shape), tensor.requires_grad, tensor.is_leaf)
    plain = {"shapes": [(2, 2), [2]], "name": "net", "k": 3, "nested": [[1, 2], [3, [4.5, True]], None]}
    for name, obj in plain.items():
        assert report.variables[name].text == repr(obj)
        assert report.variables[name] == to_value(obj)
    assert not report.notes


def test_when_joining_the_printed_text_fails_its_start_is_kept():
    start = run_module._printed_start(["ab\n"] * 10 + ["x" * (2 * run_module.PRINTED_KEPT_ON_FAILURE)])
    assert start.startswith("ab\nab\n") and start.endswith("missing: out of memory]\n")
    assert len(start) < run_module.PRINTED_KEPT_ON_FAILURE + 100

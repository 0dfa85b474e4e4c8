"""report_to_json: exactly the CLI contract of issue §5, always strict JSON."""

from __future__ import annotations

import json
import math
import sys

import numpy as np
import pytest
import torch

from autogradlab.jsonout import array_to_json, int_to_json, number_to_json, report_to_json
from autogradlab.report import (
    ErrorInfo,
    Graph,
    GraphNode,
    PlainValue,
    Report,
    SequenceValue,
    TensorValue,
)

TOP_KEYS = {"source", "ok", "output", "variables", "printed", "graph", "timing_ms", "error"}
TENSOR_KEYS = {"kind", "shape", "dtype", "value", "requires_grad", "grad", "grad_fn"}


def tensor_value(t: torch.Tensor) -> TensorValue:
    return TensorValue(shape=tuple(t.shape), dtype=str(t.dtype).removeprefix("torch."),
                       value=t.detach().numpy().copy(), requires_grad=t.requires_grad,
                       grad=None if not t.is_leaf or t.grad is None else t.grad.numpy().copy(),
                       grad_fn=None if t.grad_fn is None else type(t.grad_fn).__name__,
                       is_leaf=t.is_leaf, text=repr(t))


def make_report(variables=None, graph=None, error=None, timing_ms=12.5) -> Report:
    return Report(source="y = 2 * x\n", ok=error is None, seed=0, output="y", candidates=("y",),
                  variables=variables or {}, printed="hi\n", graph=graph, error=error,
                  timing_ms=timing_ms)


def strict(obj) -> object:
    return json.loads(json.dumps(obj, allow_nan=False))


def test_top_level_keys_are_exactly_the_contract():
    assert set(report_to_json(make_report())) == TOP_KEYS


def test_tensor_with_grad_matches_pytorch_values():
    x = torch.arange(4.0, requires_grad=True)
    (2 * torch.dot(x, x)).backward()
    out = report_to_json(make_report({"x": tensor_value(x)}))["variables"]["x"]
    assert set(out) == TENSOR_KEYS
    assert out == {"kind": "tensor", "shape": [4], "dtype": "float32", "value": x.tolist(),
                   "requires_grad": True, "grad": x.grad.tolist(), "grad_fn": None}


def test_non_leaf_tensor_has_null_grad_and_grad_fn_name():
    x = torch.ones(2, requires_grad=True)
    y = x * 3
    out = report_to_json(make_report({"y": tensor_value(y)}))["variables"]["y"]
    assert out["grad"] is None
    assert out["grad_fn"] == "MulBackward0"


def test_nan_and_infinities_become_strings_in_values_and_grads():
    t = torch.tensor([[math.nan, math.inf], [-math.inf, 1.5]])
    value = TensorValue((2, 2), "float32", t.numpy(), True, t.numpy(), None, True, "")
    out = report_to_json(make_report({"t": value}))
    assert out["variables"]["t"]["value"] == [["nan", "inf"], ["-inf", 1.5]]
    assert out["variables"]["t"]["grad"] == [["nan", "inf"], ["-inf", 1.5]]
    assert strict(out) == out


def test_complex_tensor_becomes_re_im_pairs():
    t = torch.tensor([1 + 2j, complex(math.nan, -math.inf)], dtype=torch.complex64)
    out = report_to_json(make_report({"z": tensor_value(t)}))["variables"]["z"]
    assert out["dtype"] == "complex64"
    assert out["value"] == [[1.0, 2.0], ["nan", "-inf"]]


def test_zero_dim_tensor_value_is_a_scalar():
    y = torch.tensor(28.0)
    assert report_to_json(make_report({"y": tensor_value(y)}))["variables"]["y"]["value"] == y.item()


@pytest.mark.parametrize("dtype", [torch.int64, torch.bool, torch.float64, torch.float16, torch.uint8])
def test_tensor_dtypes_keep_torch_names_and_tolist_values(dtype):
    t = torch.tensor([[0, 1], [1, 0]], dtype=dtype)
    out = report_to_json(make_report({"t": tensor_value(t)}))["variables"]["t"]
    assert out["dtype"] == str(dtype).removeprefix("torch.")
    assert out["value"] == t.tolist()


@pytest.mark.parametrize(("value", "expected"), [
    (PlainValue("number", 3, "3"), {"kind": "number", "value": 3}),
    (PlainValue("number", 2.5, "2.5"), {"kind": "number", "value": 2.5}),
    (PlainValue("number", float("nan"), "nan"), {"kind": "number", "value": "nan"}),
    (PlainValue("number", float("-inf"), "-inf"), {"kind": "number", "value": "-inf"}),
    (PlainValue("number", 1 + 2j, "(1+2j)"), {"kind": "number", "value": [1.0, 2.0]}),
    (PlainValue("number", np.float32(0.5), "0.5"), {"kind": "number", "value": 0.5}),
    (PlainValue("bool", True, "True"), {"kind": "bool", "value": True}),
    (PlainValue("string", "abc", "'abc'"), {"kind": "string", "value": "abc"}),
    (PlainValue("none", None, "None"), {"kind": "none", "value": None}),
    (PlainValue("dtype", "torch.float32", "torch.float32"), {"kind": "dtype", "value": "float32"}),
    (PlainValue("object", None, "<object>"), {"kind": "object", "value": None}),
    (PlainValue("function", None, "<function f>"), {"kind": "object", "value": None}),
])
def test_plain_values(value, expected):
    assert report_to_json(make_report({"v": value}))["variables"]["v"] == expected


def test_numpy_array_value():
    arr = np.array([[1, 2], [3, 4]])
    out = report_to_json(make_report({"A": PlainValue("array", arr, "")}))["variables"]["A"]
    assert out == {"kind": "array", "shape": [2, 2], "dtype": "int64", "value": [[1, 2], [3, 4]]}


def test_sequences_nest_their_items():
    size = SequenceValue((PlainValue("number", 2, "2"), PlainValue("number", 3, "3")),
                         "torch.Size([2, 3])", "Size")
    nested = SequenceValue((size, PlainValue("bool", False, "False")), "", "list")
    out = report_to_json(make_report({"s": nested}))["variables"]["s"]
    assert out == {"kind": "sequence", "items": [
        {"kind": "sequence", "items": [{"kind": "number", "value": 2}, {"kind": "number", "value": 3}]},
        {"kind": "bool", "value": False}]}


def test_graph_nodes_and_edges():
    graph = Graph(nodes=(GraphNode("n0", "leaf", "x", var="x"), GraphNode("n1", "op", "dot", op="dot"),
                         GraphNode("n2", "output", "y", var="y")),
                  edges=(("n0", "n1"), ("n1", "n2")), output="y", output_node="n2", backward_done=False)
    out = report_to_json(make_report(graph=graph))["graph"]
    assert out == {"nodes": [{"id": "n0", "kind": "leaf", "label": "x", "var": "x"},
                             {"id": "n1", "kind": "op", "label": "dot", "var": None},
                             {"id": "n2", "kind": "output", "label": "y", "var": "y"}],
                   "edges": [["n0", "n1"], ["n1", "n2"]]}


def test_no_graph_is_an_empty_graph_object():
    assert report_to_json(make_report())["graph"] == {"nodes": [], "edges": []}


def test_error_has_all_fields():
    error = ErrorInfo("value", "dimension out of range: cat of 2-D tensors accepts dim -2..1, got 2",
                      line=3, column=5, hint=None)
    out = report_to_json(make_report(error=error))
    assert out["ok"] is False
    assert out["error"] == {"kind": "value", "message": error.message, "line": 3, "column": 5,
                            "hint": None}


def test_nan_timing_is_still_strict_json():
    out = report_to_json(make_report(timing_ms=float("nan")))
    assert strict(out) == out


def test_helpers_reject_what_the_contract_cannot_carry():
    with pytest.raises(TypeError):
        number_to_json("3")
    with pytest.raises(TypeError):
        array_to_json(np.array(["a"]))


def test_real_report_from_run_program_is_strict_json():
    from autogradlab.engine.run import run_program

    source = "import torch\nx = torch.tensor([1.0, 0.0], requires_grad=True)\ny = x / 0\n" \
             "z = y.sum()\nn = 3\nshape = x.shape\n"
    out = report_to_json(run_program(source))
    assert strict(out) == out
    assert out["variables"]["y"]["value"] == ["inf", "nan"]
    assert out["variables"]["n"] == {"kind": "number", "value": 3}
    assert out["variables"]["shape"] == {"kind": "sequence", "items": [{"kind": "number", "value": 2}]}


# -- huge ints: never break the line ---------------------------------------------------------------

def number(value: object) -> PlainValue:
    return PlainValue("number", value, "<int>")


def bits_id(value: object) -> str:
    """pytest ids: str() of these ints is what raises."""
    return f"{'-' if value < 0 else ''}{value.bit_length()}bits" if isinstance(value, int) else str(value)


@pytest.mark.parametrize("n", [0, -1, 2 ** 63, -(2 ** 64), 10 ** 300, 2 ** 4096, 2 ** 13_000 - 1,
                               -(2 ** 13_000 - 1), 10 ** 3_900], ids=bits_id)
def test_ints_up_to_13000_bits_stay_exact_json_ints(n):
    out = report_to_json(make_report({"n": number(n)}))["variables"]["n"]
    assert out == {"kind": "number", "value": n}
    assert type(out["value"]) is int
    assert json.loads(json.dumps(out, allow_nan=False))["value"] == n


@pytest.mark.parametrize("n", [2 ** 13_000, int("f" * 4000, 16), -(2 ** 15_000) + 1, 2 ** 65_535],
                         ids=bits_id)
def test_larger_ints_are_their_exact_hex_text(n):
    out = report_to_json(make_report({"n": number(n)}))["variables"]["n"]
    assert out == {"kind": "number", "value": hex(n)}
    assert int(strict(out)["value"], 16) == n


@pytest.mark.parametrize(("n", "text"), [(2 ** 65_536, "<int with 65,537 bits>"),
                                         (-(2 ** 10 ** 6), "<int with 1,000,001 bits>")], ids=bits_id)
def test_giant_ints_are_only_their_size(n, text):
    assert int_to_json(n) == text


def test_huge_ints_inside_sequences_and_complex_numbers_stay_strict_json():
    items = SequenceValue((number(2 ** 20_000), number(7), PlainValue("number", complex(1, math.inf), "")),
                          "", "list")
    out = report_to_json(make_report({"s": items}))
    assert strict(out) == out
    assert [item["value"] for item in out["variables"]["s"]["items"]] == [hex(2 ** 20_000), 7, [1.0, "inf"]]


def test_normal_numbers_keep_the_contract_exactly():
    assert [number_to_json(x) for x in (3, True, 2.5, math.nan, -math.inf, np.int64(4), np.float32(0.5))] \
        == [3, True, 2.5, "nan", "-inf", 4, 0.5]
    assert type(number_to_json(True)) is bool and type(number_to_json(np.int64(4))) is int


def test_an_int_python_refuses_to_write_in_decimal_becomes_hex():
    """If the process lowered sys.set_int_max_str_digits, an int under 13,000 bits may still fail."""
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        n = 10 ** 700
        assert int_to_json(n) == hex(n)
        assert int_to_json(10 ** 600) == 10 ** 600
    finally:
        sys.set_int_max_str_digits(old)


def test_int_from_a_real_run_past_the_digit_limit_is_strict_json():
    from autogradlab.engine.run import run_program

    report = run_program("n = 1\nfor i in range(15000):\n    n = n + n\n", torchviz=False)
    out = report_to_json(report)
    assert strict(out) == out
    if report.ok:   # additions are not sized by max_int_bits (yet): the int reaches the report
        assert out["variables"]["n"]["value"] == hex(2 ** 15000)

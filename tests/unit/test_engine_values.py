"""values.py: tensors and Python values become plain report data, compared with plain PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from autogradlab.engine.report_values import to_value
from autogradlab.engine.values import snapshot, summarize
from autogradlab.report import PlainValue, SequenceValue, TensorValue


def test_tensor_text_is_exactly_what_print_shows():
    x = torch.arange(4.0, requires_grad=True)
    y = 2 * torch.dot(x, x)
    value = to_value(y)
    assert isinstance(value, TensorValue)
    assert value.text == repr(y) == "tensor(28., grad_fn=<MulBackward0>)"


def test_tensor_value_fields_match_pytorch():
    x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    value = to_value(x)
    assert value.shape == (2, 2) and value.dtype == "float32"
    assert value.requires_grad and value.is_leaf and value.grad_fn is None
    np.testing.assert_array_equal(value.value, x.detach().numpy())


def test_leaf_grad_is_pytorchs_grad():
    x = torch.arange(4.0, requires_grad=True)
    (x * x).sum().backward()
    np.testing.assert_array_equal(to_value(x).grad, x.grad.numpy())


def test_non_leaf_grad_is_none_without_retain_grad():
    x = torch.arange(3.0, requires_grad=True)
    y = x * 2
    y.sum().backward()
    assert to_value(y).grad is None


def test_non_leaf_grad_is_kept_with_retain_grad():
    x = torch.arange(3.0, requires_grad=True)
    y = x * 2
    y.retain_grad()
    (y * y).sum().backward()
    np.testing.assert_array_equal(to_value(y).grad, y.grad.numpy())


def test_grad_is_a_copy_not_a_view_of_the_live_gradient():
    x = torch.ones(2, requires_grad=True)
    (3 * x).sum().backward()
    value = to_value(x)
    x.grad.zero_()
    np.testing.assert_array_equal(value.grad, [3.0, 3.0])


def test_complex_tensor_stays_complex():
    z = torch.tensor([1 + 2j, 3 - 1j])
    value = to_value(z)
    assert value.value.dtype.kind == "c" and value.dtype == "complex64"
    np.testing.assert_array_equal(value.value, z.numpy())


def test_conjugate_view_gives_conjugated_values():
    z = torch.tensor([1 + 2j]).conj()
    np.testing.assert_array_equal(to_value(z).value, np.array([1 - 2j], dtype=np.complex64))


@pytest.mark.parametrize("tensor", [torch.tensor([True, False]), torch.tensor([1, 2], dtype=torch.int64)])
def test_bool_and_int_tensors_keep_their_dtype(tensor):
    assert to_value(tensor).value.dtype == tensor.numpy().dtype


@pytest.mark.parametrize(("obj", "kind", "text"), [
    (3, "number", "3"), (2.5, "number", "2.5"), (1 + 2j, "number", "(1+2j)"), (True, "bool", "True"),
    ("hi", "string", "'hi'"), (None, "none", "None"), (torch.float32, "dtype", "torch.float32"),
])
def test_plain_values_have_kind_and_repr(obj, kind, text):
    value = to_value(obj)
    assert isinstance(value, PlainValue) and (value.kind, value.text) == (kind, text)


def test_dtype_value_is_name_without_torch_prefix():
    assert to_value(torch.float64).value == "float64"


@pytest.mark.parametrize(("obj", "type_name"), [
    (torch.Size([2, 3]), "Size"), ((1, 2), "tuple"), ([1, 2], "list")])
def test_sequences_keep_their_type_and_text(obj, type_name):
    value = to_value(obj)
    assert isinstance(value, SequenceValue)
    assert value.type_name == type_name and value.text == repr(obj)
    assert [item.value for item in value.items] == list(obj)


def test_numpy_array_is_an_array_value():
    arr = np.array([[1.0, 2.0], [3.0, 4.0]])
    value = to_value(arr)
    assert value.kind == "array" and value.text == repr(arr)
    np.testing.assert_array_equal(value.value, arr)


def test_unknown_object_text_has_no_memory_address():
    y = torch.ones(1, requires_grad=True) * 2
    value = to_value(y.grad_fn)
    assert "0x" not in value.text and value.text == "<MulBackward0 object>"


def test_deeply_nested_list_does_not_crash():
    nested: list = []
    for _ in range(5000):
        nested = [nested]
    assert to_value(nested).kind in ("sequence", "object")


def test_small_snapshot_keeps_full_values():
    t = torch.arange(100.0)
    snap = snapshot(t, 7)
    assert snap.id == 7 and snap.shape == (100,)
    np.testing.assert_array_equal(snap.value, t.numpy())


def test_big_snapshot_keeps_only_a_summary():
    t = torch.arange(10_001.0)
    snap = snapshot(t, 0)
    assert snap.value is None and snap.summary.startswith("mean 5000.")


@pytest.mark.parametrize(("values", "summary"), [
    (np.float32(28.0), "28."),
    (np.array([0.0, 4.0, 8.0, 12.0], dtype=np.float32), "[0., 4., 8., 12.]"),
    (np.array([[1.0, 2.0], [3.0, 4.0]]), "[[1., 2.], [3., 4.]]"),
    (np.array(0.5), "0.5"),
    (np.array([True, False]), "[True, False]"),
    (np.array([], dtype=np.float32), "[]"),
])
def test_summary_texts(values, summary):
    assert summarize(np.asarray(values)) == summary


def test_long_vector_summary_is_cut_with_ellipsis():
    text = summarize(np.arange(100.0))
    assert text.startswith("[0., 1., 2.,") and text.endswith("…]") and len(text) <= 40


def test_big_tensor_summary_names_mean_min_max():
    text = summarize(np.linspace(-1.0, 3.0, 1000).reshape(10, 100))
    assert text == "mean 1., min -1., max 3."


def test_interpreter_array_wrapper_is_an_array_value():
    from autogradlab.lang.safe_values import SafeArray
    arr = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    value = to_value(SafeArray(arr))
    assert value.kind == "array" and value.text == repr(arr)
    np.testing.assert_array_equal(value.value, arr)


def test_interpreter_grad_fn_wrapper_prints_without_address():
    from autogradlab.lang.safe_values import SafeGradFn
    y = torch.ones(1, requires_grad=True) * 2
    assert to_value(SafeGradFn.wrap(y.grad_fn)).text == "<MulBackward0 object>"


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float8_e4m3fn])
def test_dtypes_without_numpy_equivalent_are_widened(dtype):
    t = torch.tensor([1.5, -2.0]).to(dtype)
    value = to_value(t)
    assert value.dtype == str(dtype).removeprefix("torch.")
    np.testing.assert_array_equal(value.value, t.float().numpy())

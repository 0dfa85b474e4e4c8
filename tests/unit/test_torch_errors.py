"""translate(): real PyTorch exceptions, triggered here, retold in plain words."""

from __future__ import annotations

import re

import pytest
import torch

from autogradlab.errors import (
    AutogradError,
    MemoryLimitExceeded,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
    ShapeMismatch,
)
from autogradlab.lang.torch_errors import translate


def translated(op, call, *args) -> ProgramError:
    with pytest.raises(BaseException) as info:
        call()
    error = translate(info.value, op, args)
    assert "Exception raised from" not in error.message
    assert not re.search(r"0x[0-9a-fA-F]+", error.message)
    assert "Traceback" not in error.message and ".cpp" not in error.message
    return error


def test_cat_dim_out_of_range_names_the_accepted_range():
    X, Y, Z = torch.ones(3, 4), torch.ones(3, 4), torch.zeros(3, 4)
    error = translated("cat", lambda: torch.cat((X, Y, Z), dim=2), (X, Y, Z))
    assert isinstance(error, ProgramValueError)
    assert error.message == "dimension out of range: cat of 2-D tensors accepts dim -2..1, got 2"


def test_dim_out_of_range_uses_the_tensor_rank_for_other_ops():
    X = torch.ones(3, 4)
    error = translated("unsqueeze", lambda: X.unsqueeze(5), X, 5)
    assert error.message == "dimension out of range: unsqueeze of 2-D tensors accepts dim -3..2, got 5"


def test_mm_shape_mismatch_names_both_shapes():
    a, b = torch.ones(5, 4), torch.ones(3, 3)
    error = translated("mm", lambda: torch.mm(a, b), a, b)
    assert isinstance(error, ShapeMismatch)
    assert error.message == "mm: cannot multiply a 5×4 matrix by a 3×3 matrix (inner sizes 4 and 3 differ)"


def test_matmul_operator_shape_mismatch_names_the_operator():
    a, b = torch.ones(5, 4), torch.ones(3, 3)
    assert translated("@", lambda: a @ b, a, b).message.startswith("@: cannot multiply a 5×4 matrix")


def test_mv_shape_mismatch_names_matrix_and_vector():
    a, v = torch.ones(5, 4), torch.ones(3)
    error = translated("mv", lambda: torch.mv(a, v), a, v)
    assert isinstance(error, ShapeMismatch) and "5×4 matrix" in error.message and "length 3" in error.message


def test_dot_of_different_lengths_names_both_lengths():
    u, v = torch.ones(4), torch.ones(3)
    error = translated("dot", lambda: torch.dot(u, v), u, v)
    assert isinstance(error, ShapeMismatch) and "4 and 3" in error.message


def test_dot_of_matrices_asks_for_vectors():
    m = torch.ones(2, 2)
    error = translated("dot", lambda: torch.dot(m, m), m, m)
    assert isinstance(error, ShapeMismatch) and "1-D" in error.message


def test_batched_matmul_mismatch_names_both_shapes():
    a, b = torch.ones(2, 5, 4), torch.ones(2, 3, 3)
    error = translated("matmul", lambda: torch.matmul(a, b), a, b)
    assert "[2, 5, 4] and [2, 3, 3]" in error.message


def test_broadcast_mismatch_names_both_shapes():
    p, q = torch.ones(3, 4), torch.ones(2, 4)
    error = translated("+", lambda: p + q, p, q)
    assert isinstance(error, ShapeMismatch) and "[3, 4] and [2, 4]" in error.message


def test_in_place_broadcast_names_both_shapes():
    p, q = torch.ones(3, 1), torch.ones(3, 4)
    error = translated("add_", lambda: p.add_(q), p, q)
    assert isinstance(error, ShapeMismatch) and "[3, 4]" in error.message and "[3, 1]" in error.message


def test_backward_on_a_vector_explains_the_gradient_argument():
    x = torch.arange(4.0, requires_grad=True)
    y = x * x
    error = translated("backward", lambda: y.backward(), y)
    assert isinstance(error, AutogradError)
    assert error.message == (
        "backward() on a tensor with 4 elements needs a gradient argument of the same shape")
    assert error.hint == "call y.sum().backward() or y.backward(torch.ones_like(y))"


def test_backward_twice_explains_retain_graph():
    x = torch.arange(4.0, requires_grad=True)
    y = (x * x).sum()
    y.backward()
    error = translated("backward", lambda: y.backward(), y)
    assert isinstance(error, AutogradError) and "second time" in error.message
    assert error.hint == "call backward(retain_graph=True) the first time, or recompute y"


def test_in_place_change_of_a_leaf_says_so():
    x = torch.arange(4.0, requires_grad=True)
    error = translated("add_", lambda: x.add_(1), x, 1)
    assert isinstance(error, AutogradError)
    assert error.message.startswith("in-place change of a leaf tensor that requires grad")
    assert "x.data" in error.hint and "with torch.no_grad():" in error.hint


def test_setitem_on_a_leaf_says_so():
    x = torch.arange(4.0, requires_grad=True)

    def assign():
        x[0] = 5.0

    assert "leaf tensor that requires grad" in translated("setitem", assign, x).message


def test_backward_without_requires_grad_explains_the_missing_graph():
    y = torch.arange(4.0).sum()
    error = translated("backward", lambda: y.backward(), y)
    assert error.message.startswith("this tensor has no autograd graph")
    assert "requires_grad=True" in error.hint and "torch.no_grad()" in error.hint


@pytest.mark.parametrize(("op", "call"), [
    ("arange", lambda: torch.arange(4, requires_grad=True)),
    ("requires_grad_", lambda: torch.arange(4).requires_grad_()),
    ("mean", lambda: torch.arange(4).mean()),
    ("norm", lambda: torch.norm(torch.arange(4))),
    ("dot", lambda: torch.dot(torch.ones(3), torch.arange(3))),
    ("mm", lambda: torch.mm(torch.ones(2, 2), torch.ones(2, 2, dtype=torch.long))),
])
def test_integer_dtype_problems_hint_a_float_tensor(op, call):
    error = translated(op, call)
    assert isinstance(error, ProgramTypeError)
    assert "float" in error.hint


def test_mean_of_integers_uses_the_documented_hint():
    error = translated("mean", lambda: torch.arange(4).mean())
    assert error.hint == "use torch.arange(4.0) or dtype=torch.float32"


def test_index_out_of_range_is_an_index_error_with_valid_range():
    x = torch.arange(4)
    error = translated("getitem", lambda: x[10], x, 10)
    assert isinstance(error, ProgramIndexError) and "size 4" in error.message and "0..3" in error.hint


def test_too_many_indices_is_an_index_error():
    x = torch.ones(3, 4)
    assert isinstance(translated("getitem", lambda: x[1, 2, 3], x), ProgramIndexError)


def test_reshape_to_wrong_element_count_is_a_shape_mismatch():
    x = torch.arange(12)
    error = translated("reshape", lambda: x.reshape(5, 4), x)
    assert isinstance(error, ShapeMismatch) and "12 elements" in error.message and "[5, 4]" in error.message


def test_allocation_failure_is_a_memory_error_without_allocator_internals():
    error = translated("ones", lambda: torch.ones(10**6, 10**6))
    assert isinstance(error, MemoryLimitExceeded)
    assert "enforce" not in error.message and "DefaultCPUAllocator" not in error.message


def test_python_memory_error_is_a_memory_error():
    assert isinstance(translate(MemoryError(), "repeat", ()), MemoryLimitExceeded)


def test_item_of_a_vector_is_a_value_error():
    x = torch.ones(3)
    assert isinstance(translated("item", lambda: x.item(), x), ProgramValueError)


def test_ragged_nested_lists_are_a_value_error():
    error = translated("tensor", lambda: torch.tensor([[1, 2], [3]]))
    assert isinstance(error, ProgramValueError) and "different lengths" in error.message


def test_wrong_argument_types_are_a_type_error_on_one_line():
    error = translated("mm", lambda: torch.mm(torch.ones(2, 2)))
    assert isinstance(error, ProgramTypeError) and "\n" not in error.message


def test_unknown_runtime_error_keeps_only_the_first_line_of_torchs_message():
    raw = RuntimeError(
        "something odd at 0x7f3a2b1c\nException raised from foo at /src/aten/x.cpp:12\nframe #0")
    error = translate(raw, "op", ())
    assert isinstance(error, ProgramValueError)
    assert error.message == "something odd"


def test_unknown_index_error_keeps_its_kind():
    assert isinstance(translate(IndexError("bad index"), "getitem", ()), ProgramIndexError)


def test_program_errors_pass_through_unchanged():
    original = ShapeMismatch("already friendly")
    assert translate(original, "op", ()) is original

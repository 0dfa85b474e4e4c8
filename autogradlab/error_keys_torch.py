"""Message keys for PyTorch's errors as the engine retells them (autogradlab/lang/torch_errors.py), so
the error box can say them in Chinese too; recognised from the wording like error_keys.MESSAGES.
PyTorch's own text (a message no rule retells) carries its key from the raise site
(`errors_torch.said`): it stays as PyTorch wrote it, inside a sentence of the page's language.
tests/unit/test_error_keys_torch.py makes each message with real programs through the engine."""

from __future__ import annotations

from autogradlab.error_keys import _rules

_OP = r"(?P<op>\S+?)"
_SHAPES = r"(?P<a>\[[^\]]*\]) and (?P<b>\[[^\]]*\])"

TORCH = _rules(
    (_OP + r": the computation is nested too deeply", "errors_torch.nested"),
    # PyTorch's own words when the Steps page's forward mode runs a program that uses forward mode itself
    # (torch.func.jvp / jacfwd / hessian)
    (r"Nested forward mode AD is not supported at the moment", "errors_torch.nested_forward"),
    (r"dimension out of range: " + _OP + r" of (?P<ndim>\d+)-D tensors accepts dim (?P<low>-?\d+)\.\."
     r"(?P<high>-?\d+), got (?P<got>-?\d+)", "errors_torch.dim_range"),
    (_OP + r": cannot multiply a (?P<a>\S+) matrix by a (?P<b>\S+) matrix \(inner sizes (?P<i>\d+) and "
     r"(?P<j>\d+) differ\)", "errors_torch.mm"),
    (_OP + r": cannot multiply a (?P<matrix>\S+) matrix by a vector of length (?P<length>\d+) \(sizes "
     r"(?P<columns>\d+) and (?P=length) differ\)", "errors_torch.mv"),
    (_OP + r": the vectors have different lengths \((?P<a>\d+) and (?P<b>\d+)\)", "errors_torch.dot"),
    (_OP + r": needs two 1-D tensors \(vectors\), got (?P<a>\d+)-D and (?P<b>\d+)-D", "errors_torch.dot_1d"),
    (_OP + r": needs two 2-D tensors \(matrices\), got shapes " + _SHAPES + r"$",
     "errors_torch.mm_2d_shapes"),   # two shapes: "and" in the page's language
    (_OP + r": needs two 2-D tensors \(matrices\), got shapes (?P<got>.+)", "errors_torch.mm_2d"),
    (_OP + r": cannot multiply shapes " + _SHAPES + r" \(inner sizes (?P<i>\d+) and (?P<j>\d+) differ\)",
     "errors_torch.matmul"),
    (_OP + r": the batched matrix shapes do not fit together", "errors_torch.bmm"),
    (_OP + r": shapes " + _SHAPES + r" cannot be broadcast together \(sizes (?P<i>\d+) and (?P<j>\d+) "
     r"differ at dimension (?P<dim>\d+)\)", "errors_torch.broadcast"),
    (_OP + r": the shapes cannot be broadcast together \(sizes (?P<i>\d+) and (?P<j>\d+) differ at "
     r"dimension (?P<dim>\d+)\)", "errors_torch.broadcast_unknown"),
    (_OP + r": the result would have shape \[(?P<result>[^\]]*)\], but the tensor changed in place has "
     r"shape \[(?P<shape>[^\]]*)\]", "errors_torch.inplace_shape"),
    (_OP + r": cannot reshape (?P<total>\d+) elements into shape \[(?P<shape>[^\]]*)\] \((?P=total) is not "
     r"divisible by (?P<known>\d+)\)", "errors_torch.reshape_divisible"),
    (_OP + r": cannot reshape (?P<total>\d+) elements into shape \[(?P<shape>[^\]]*)\] \(which holds "
     r"(?P<holds>\d+)\)", "errors_torch.reshape_holds"),
    (r"backward\(\) on a tensor with (?P<count>\d+) elements needs a gradient argument of the same shape",
     "errors_torch.backward_scalar"),
    (r"backward\(\) on a tensor with more than one element needs a gradient argument of the same shape",
     "errors_torch.backward_scalar_some"),
    (r"torch\.autograd\.grad\(\) of an output with more than one element needs grad_outputs of the same "
     r"shape", "errors_torch.grad_scalar"),
    (r"backward through the same graph a second time: PyTorch frees the values it saved for the backward "
     r"pass after the first backward\(\) unless you pass retain_graph=True to keep them",
     "errors_torch.backward_twice"),
    (r"in-place change of a view of a leaf tensor that requires grad \((?P<op>.+)\)",
     "errors_torch.inplace_leaf_view"),
    (r"in-place change of a leaf tensor that requires grad \((?P<op>.+)\)", "errors_torch.inplace_leaf"),
    (r"this tensor has no autograd graph: nothing that requires grad was recorded on the way to it",
     "errors_torch.no_graph"),
    (r"input (?P<index>\d+) was not used to compute the output", "errors_torch.unused"),
    (r"numpy\(\) cannot be called on a tensor that requires grad", "errors_torch.numpy_grad"),
    (r"only floating-point \(or complex\) tensors can require gradients; this one holds integers",
     "errors_torch.int_grad"),
    (_OP + r": the tensors have different dtypes \(expected (?P<expected>\w+), found (?P<found>\w+)\)",
     "errors_torch.dtypes"),
    (_OP + r"\(\) needs a floating-point tensor, got dtype (?P<dtype>\w+)", "errors_torch.float_call"),
    (_OP + r": needs a floating-point tensor, got dtype (?P<dtype>\w+)", "errors_torch.float"),
    (_OP + r": both tensors need the same dtype, got (?P<a>.+) and (?P<b>.+)", "errors_torch.same_dtype"),
    (r"index (?P<index>-?\d+) is out of range for dimension (?P<dim>\d+) of size (?P<size>\d+)",
     "errors_torch.index"),
    (r"too many indices: the tensor has (?P<ndim>\d+) dimensions", "errors_torch.too_many_indices"),
    (_OP + r": an index is out of range", "errors_torch.index_in_self"),
    (_OP + r": not enough memory for the result \(it needs (?P<bytes>[\d,]+) bytes\)", "errors_torch.memory"),
    (_OP + r": not enough memory for the result", "errors_torch.memory_short"),
    (r"ZeroTensors are immutable\. Please use the materialized zero tensor obtained using \.clone\(\) if "
     r"you want a mutable tensor\.", "errors_torch.zero_tensor"),
    (_OP + r"\(\) needs a tensor with exactly one element; this one has (?P<count>\d+)",
     "errors_torch.one_element_count"),
    (_OP + r"\(\) needs a tensor with exactly one element", "errors_torch.one_element"),
    (r"the truth value of a tensor with more than one element is ambiguous", "errors_torch.ambiguous"),
    (_OP + r": the nested lists have different lengths \(a list at depth (?P<dim>\d+) has (?P<got>\d+) "
     r"items, expected (?P<length>\d+)\)", "errors_torch.ragged"),
    (_OP + r"\(\) does not accept these arguments: \((?P<args>.*)\)", "errors_torch.arguments"),
    (_OP + r": division by zero", "errors_torch.zero_division"),
)

TORCH_HINTS = _rules(
    (r"use a dim between (?P<low>-?\d+) and (?P<high>-?\d+) \(negative dims count from the end\)",
     "errors_torch.hint_dim"),
    (r"the first matrix needs as many columns as the second has rows; maybe transpose one with \.T",
     "errors_torch.hint_mm"),
    (r"the vector needs as many elements as the matrix has columns", "errors_torch.hint_mv"),
    (r"both vectors need the same number of elements", "errors_torch.hint_dot"),
    (r"for matrices use torch\.mm or @", "errors_torch.hint_dot_1d"),
    (r"use torch\.mv for a matrix times a vector, or the @ operator", "errors_torch.hint_mm_2d"),
    (r"the last size of the first must equal the second-to-last size of the second",
    "errors_torch.hint_matmul"),
    (r"elementwise operations need each size, counted from the right, to be equal or 1",
     "errors_torch.hint_broadcast"),
    (r"an in-place operation cannot change a tensor's shape; write x = x \+ y instead",
     "errors_torch.hint_inplace_shape"),
    (r"the new shape must hold exactly as many elements as the tensor", "errors_torch.hint_reshape"),
    (r"call y\.sum\(\)\.backward\(\) or y\.backward\(torch\.ones_like\(y\)\)", "errors_torch.hint_backward"),
    (r"pass grad_outputs=torch\.ones_like\(y\), or take the gradient of y\.sum\(\)",
     "errors_torch.hint_grad"),
    (r"call backward\(retain_graph=True\) the first time, or recompute y", "errors_torch.hint_twice"),
    (r"do the update inside `with torch\.no_grad\(\):`, change x\.data instead \(x\.data \+= 1\), or make a "
     r"new tensor: x = x \+ 1", "errors_torch.hint_inplace_leaf"),
    (r"create the input with requires_grad=True \(or call x\.requires_grad_\(\)\), and compute it outside "
     r"`with torch\.no_grad\(\):`", "errors_torch.hint_no_graph"),
    (r"pass allow_unused=True, or differentiate with respect to a used input", "errors_torch.hint_unused"),
    (r"use x\.detach\(\)\.numpy\(\)", "errors_torch.hint_numpy"),
    (r"use torch\.arange\(4\.0\) or dtype=torch\.float32", "errors_torch.hint_float"),
    (r"convert one with \.float\(\), or create both with dtype=torch\.float32",
    "errors_torch.hint_same_dtype"),
    (r"valid indices are 0\.\.(?P<last>\d+) \(or -(?P<size>\d+)\.\.-1 from the end\)",
    "errors_torch.hint_index"),
    (r"use one index per dimension", "errors_torch.hint_indices"),
    (r"check the indices against the shape", "errors_torch.hint_index_shape"),
    (r"use smaller sizes", "errors_torch.hint_smaller"),
    (r"index one element first, e\.g\. x\[0\]\.item\(\)", "errors_torch.hint_item"),
    (r"index one element first, e\.g\. x\[0\]", "errors_torch.hint_one"),
    (r"use \.any\(\) or \.all\(\), or compare a single element", "errors_torch.hint_ambiguous"),
    (r"every row of a tensor needs the same number of items", "errors_torch.hint_ragged"),
    (r"check the argument types and keyword names", "errors_torch.hint_arguments"),
)

"""The message families of PyTorch's exceptions, each retold in plain words with a hint
(torch_errors.translate tries them in the order they are written here; the first match wins).
Shapes come from the call's arguments, read by duck typing: this module does not need torch."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from autogradlab.errors import (
    AutogradError,
    ProgramError,
    ProgramIndexError,
    ProgramTypeError,
    ProgramValueError,
    ShapeMismatch,
)
from autogradlab.lang.torch_error_text import first_line, memory_error, said

_DTYPE_HINT = "use torch.arange(4.0) or dtype=torch.float32"
_MATMUL_OPS = frozenset({"mm", "matmul", "@", "mv", "dot", "bmm", "inner", "vdot"})
_Rule = Callable[[re.Match[str], str, list[tuple[int, ...]]], ProgramError]
RULES: list[tuple[re.Pattern[str], _Rule]] = []


def _rule(pattern: str) -> Callable[[_Rule], _Rule]:
    def register(handler: _Rule) -> _Rule:
        RULES.append((re.compile(pattern, re.DOTALL), handler))
        return handler
    return register


def _fmt(shape: Sequence[int]) -> str:
    return "[" + ", ".join(str(size) for size in shape) + "]"


def _cross(sizes: str) -> str:
    return "×".join(part.strip() for part in sizes.split("x"))


@_rule(r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], but got (-?\d+)\)")
def _dim_range(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    low, high, got = m.group(1), m.group(2), m.group(3)
    ndim = len(shapes[0]) if shapes else int(high) + 1
    return ProgramValueError(
        f"dimension out of range: {op} of {ndim}-D tensors accepts dim {low}..{high}, got {got}",
        hint=f"use a dim between {low} and {high} (negative dims count from the end)")


@_rule(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")
def _mm_shapes(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    rows, inner1, inner2, cols = m.groups()
    return ShapeMismatch(
        f"{op}: cannot multiply a {rows}×{inner1} matrix by a {inner2}×{cols} matrix "
        f"(inner sizes {inner1} and {inner2} differ)",
        hint="the first matrix needs as many columns as the second has rows; maybe transpose one with .T")


@_rule(r"size mismatch, got input \((\d+)\), mat \((\d+x\d+)\), vec \((\d+)\)")
def _mv_shapes(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    matrix, length = _cross(m.group(2)), m.group(3)
    columns = m.group(2).split("x")[1]
    return ShapeMismatch(
        f"{op}: cannot multiply a {matrix} matrix by a vector of length {length} "
        f"(sizes {columns} and {length} differ)",
        hint="the vector needs as many elements as the matrix has columns")


@_rule(r"inconsistent tensor size, expected tensor \[(\d+)\] and src \[(\d+)\]")
def _vector_lengths(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ShapeMismatch(
        f"{op}: the vectors have different lengths ({m.group(1)} and {m.group(2)})",
        hint="both vectors need the same number of elements")


@_rule(r"1D tensors expected, but got (\d+)D and (\d+)D tensors")
def _dot_needs_vectors(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ShapeMismatch(
        f"{op}: needs two 1-D tensors (vectors), got {m.group(1)}-D and {m.group(2)}-D",
        hint="for matrices use torch.mm or @")


@_rule(r"self must be a matrix|mat2 must be a matrix|must be a matrix")
def _mm_needs_matrices(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    got = " and ".join(_fmt(s) for s in shapes) or "other shapes"
    return ShapeMismatch(f"{op}: needs two 2-D tensors (matrices), got shapes {got}",
                         hint="use torch.mv for a matrix times a vector, or the @ operator")


@_rule(r"Expected size for first two dimensions of batch2 tensor to be: \[[^\]]*\] but got: \[[^\]]*\]")
def _batched_matmul(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    if len(shapes) >= 2:
        first, second = shapes[0], shapes[1]
        return ShapeMismatch(
            f"{op}: cannot multiply shapes {_fmt(first)} and {_fmt(second)} "
            f"(inner sizes {first[-1]} and {second[-2]} differ)",
            hint="the last size of the first must equal the second-to-last size of the second")
    return ShapeMismatch(f"{op}: the batched matrix shapes do not fit together")


@_rule(r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
       r"at non-singleton dimension (\d+)")
def _broadcast(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    a, b, dim = m.groups()
    both = f"shapes {_fmt(shapes[0])} and {_fmt(shapes[1])}" if len(shapes) >= 2 else "the shapes"
    return ShapeMismatch(
        f"{op}: {both} cannot be broadcast together (sizes {a} and {b} differ at dimension {dim})",
        hint="elementwise operations need each size, counted from the right, to be equal or 1")


@_rule(r"output with shape \[([^\]]*)\] doesn't match the broadcast shape \[([^\]]*)\]")
def _inplace_broadcast(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ShapeMismatch(
        f"{op}: the result would have shape [{m.group(2)}], but the tensor changed in place "
        f"has shape [{m.group(1)}]",
        hint="an in-place operation cannot change a tensor's shape; write x = x + y instead")


@_rule(r"shape '\[([^\]]*)\]' is invalid for input of size (\d+)")
def _reshape(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    sizes = [int(s) for s in m.group(1).split(",") if s.strip()]
    total = int(m.group(2))
    if -1 in sizes:
        known = math.prod(s for s in sizes if s != -1)
        detail = f"{total} is not divisible by {known}"
    else:
        detail = f"which holds {math.prod(sizes)}"
    return ShapeMismatch(
        f"{op}: cannot reshape {total} elements into shape [{m.group(1)}] ({detail})",
        hint="the new shape must hold exactly as many elements as the tensor")


@_rule(r"grad can be implicitly created only for scalar outputs")
def _non_scalar_backward(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    if op == "autograd.grad":   # (it said "backward() ... needs a gradient argument" for grad() too)
        return AutogradError(
            "torch.autograd.grad() of an output with more than one element needs grad_outputs of the same "
            "shape", hint="pass grad_outputs=torch.ones_like(y), or take the gradient of y.sum()")
    count = f"{math.prod(shapes[0])} elements" if shapes else "more than one element"
    return AutogradError(
        f"backward() on a tensor with {count} needs a gradient argument of the same shape",
        hint="call y.sum().backward() or y.backward(torch.ones_like(y))")


@_rule(r"Trying to backward through the graph a second time")
def _backward_twice(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return AutogradError(
        "backward through the same graph a second time: PyTorch frees the values it saved for "
        "the backward pass after the first backward() unless you pass retain_graph=True to keep them",
        hint="call backward(retain_graph=True) the first time, or recompute y")


@_rule(r"a (view of a )?leaf Variable that requires grad is being used in an in-place operation")
def _leaf_in_place(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    what = "a view of a leaf tensor" if m.group(1) else "a leaf tensor"
    return AutogradError(f"in-place change of {what} that requires grad ({op})",
                         hint="do the update inside `with torch.no_grad():`, change x.data instead "
                              "(x.data += 1), or make a new tensor: x = x + 1")


@_rule(r"element \d+ of tensors does not require grad and does not have a grad_fn")
def _no_graph(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return AutogradError("this tensor has no autograd graph: nothing that requires grad was recorded "
                         "on the way to it",
                         hint="create the input with requires_grad=True (or call x.requires_grad_()), "
                              "and compute it outside `with torch.no_grad():`")


@_rule(r"differentiated Tensor at index (\d+) appears to not have been used in the graph")
def _unused_input(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return AutogradError(f"input {m.group(1)} was not used to compute the output",
                         hint="pass allow_unused=True, or differentiate with respect to a used input")


@_rule(r"Can't call numpy\(\) on Tensor that requires grad")
def _numpy_of_grad(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return AutogradError("numpy() cannot be called on a tensor that requires grad",
                         hint="use x.detach().numpy()")


@_rule(r"(?i)only Tensors of floating point( and complex)? dtype can require gradients")
def _int_requires_grad(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramTypeError("only floating-point (or complex) tensors can require gradients; "
                            "this one holds integers", hint=_DTYPE_HINT)


@_rule(r"expected scalar type (\w+) but found (\w+)")
def _scalar_type(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramTypeError(f"{op}: the tensors have different dtypes (expected {m.group(1)}, "
                            f"found {m.group(2)})", hint=_DTYPE_HINT)


@_rule(r"could not infer output dtype\. Input dtype must be either a floating point or complex "
       r"dtype\. Got: (\w+)")
def _needs_float(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramTypeError(f"{op}() needs a floating-point tensor, got dtype {m.group(1)}",
                            hint=_DTYPE_HINT)


@_rule(r"(?:same dtype, but (?:found|got:?) (.+?)(?: != | and )(.+?)$)|(?:Expected a floating point "
       r"or complex tensor as input\. Got (\w+))")
def _dtype_mismatch(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    if m.group(3):
        return ProgramTypeError(f"{op}: needs a floating-point tensor, got dtype {m.group(3)}",
                                hint=_DTYPE_HINT)
    return ProgramTypeError(
        f"{op}: both tensors need the same dtype, got {m.group(1).strip()} and {m.group(2).strip()}",
        hint="convert one with .float(), or create both with dtype=torch.float32")


@_rule(r"index (-?\d+) is out of bounds for dimension (\d+) with size (\d+)")
def _index_bounds(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    index, dim, size = m.groups()
    return ProgramIndexError(
        f"index {index} is out of range for dimension {dim} of size {size}",
        hint=f"valid indices are 0..{int(size) - 1} (or -{size}..-1 from the end)")


@_rule(r"too many indices for tensor of dimension (\d+)")
def _too_many_indices(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramIndexError(f"too many indices: the tensor has {m.group(1)} dimensions",
                             hint="use one index per dimension")


@_rule(r"index out of range in self")
def _index_select(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramIndexError(f"{op}: an index is out of range", hint="check the indices against the shape")


@_rule(r"can't allocate memory|not enough memory|DefaultCPUAllocator|out of memory")
def _allocation(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return memory_error(op, m.string)


@_rule(r"a Tensor with (\d+) elements cannot be converted to Scalar")
def _item(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramValueError(f"{op}() needs a tensor with exactly one element; this one has "
                             f"{m.group(1)}", hint="index one element first, e.g. x[0].item()")


@_rule(r"only one element tensors can be converted to Python scalars")
def _to_scalar(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramValueError(f"{op}() needs a tensor with exactly one element",
                             hint="index one element first, e.g. x[0]")


@_rule(r"Boolean value of Tensor with more than one value? is ambiguous")
def _ambiguous_bool(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return ProgramValueError("the truth value of a tensor with more than one element is ambiguous",
                             hint="use .any() or .all(), or compare a single element")


@_rule(r"^(stack expects each tensor to be equal size|Sizes of tensors must match|zero-dimensional "
       r"tensor .* cannot be concatenated|The expanded size of the tensor|.*must be batches of square)")
def _other_shapes(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    return said(ShapeMismatch, first_line(m.string, op))


@_rule(r"expected sequence of length (\d+) at dim (\d+) \(got (\d+)\)")
def _ragged(m: re.Match[str], op: str, shapes: list[tuple[int, ...]]) -> ProgramError:
    length, dim, got = m.groups()
    return ProgramValueError(
        f"{op}: the nested lists have different lengths (a list at depth {dim} has {got} items, "
        f"expected {length})", hint="every row of a tensor needs the same number of items")

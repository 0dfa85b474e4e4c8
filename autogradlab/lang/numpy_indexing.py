"""NumPy's integer-array and boolean-mask indexing as CS231n's NumPy tutorial writes it:
`a[[0, 1, 2], [0, 1, 0]]`, `a[np.arange(4), b]`, `a[a > 2]`, `a[bool_idx]`, and the same forms on the
left of `=` / `+=` (`a[np.arange(4), b] += 10`).

The result's element count is worked out from shapes alone before NumPy runs: the integer index arrays
broadcast together (np.broadcast_shapes), a boolean mask stands for as many positions as it has True
values (at most its own size), slices keep their lengths, ints drop their axis. That count is checked
against max_tensor_elements (and, for a read, charged to max_total_elements) like any new array, so
`a[np.zeros((3000, 1), int), np.zeros(3000, int)]` on a small array is refused before NumPy allocates
9,000,000 elements. Where the index itself is wrong (too many indices, a mask of the wrong shape,
index arrays that do not broadcast, a float array) NumPy raises its own IndexError before allocating
anything, and that is what the program sees; so does an index out of range.

Index parts are ints, slices, None, `...`, bools, numpy arrays and lists (tuples and ranges inside the
index tuple too: NumPy reads them as arrays), converted as NumPy converts them and sized first like
np.array's data; a tensor as the array .numpy() gives (NumPy's reading of it).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramIndexError
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge
from autogradlab.lang.safe_values import SafeArray, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_BASIC = (int, np.integer, slice, type(None), type(Ellipsis))
# Index parts NumPy reads as arrays: inside the index tuple a tuple or a range is a sequence too
# (`a[(0, 0, 0), :]`, `a[range(3)]`), so it is sized like a list.
_SEQUENCES = (list, tuple, range)
_ARRAY_LIKE = (SafeArray, *_SEQUENCES, bool, np.bool_, torch.Tensor)


def is_array_index(index: Any) -> bool:
    """True when the index holds an array, a list or a bool: NumPy's advanced indexing (a copy)."""
    items = index if isinstance(index, tuple) else (index,)
    return any(isinstance(item, _ARRAY_LIKE) for item in items)


def _part(interp: Interpreter, item: Any) -> tuple[Any, Any]:
    """One index part: (as sized here, as handed to NumPy). A list goes to NumPy as it is (NumPy's own
    conversion, and its own errors: `[2**63]`, `[0.5]`), sized by the same conversion made here."""
    if isinstance(item, SafeArray):
        return item.array, item.array
    if isinstance(item, (bool, np.bool_)):
        return np.array(bool(item)), item
    if isinstance(item, _SEQUENCES):
        interp.sizes.check_nested(item, "indexing")
        try:
            converted = np.array(item)
        except Exception:  # noqa: BLE001 - a ragged list: NumPy's own conversion refuses it too
            return item, item
        if converted.size == 0:
            return converted.astype(np.intp), item   # NumPy reads an empty list as an empty int index
        return (converted if converted.dtype.kind in "biu" else item), item   # else NumPy's own IndexError
    if isinstance(item, torch.Tensor):   # `a[torch.tensor([1, 2])]`: NumPy reads it as its array
        if item.numel() == 1 and not (item.is_floating_point() or item.is_complex()):
            number = int(item.item())   # one int or bool element: NumPy asks __index__ first, an int index
            return number, number
        try:
            converted = item.numpy()   # the tensor's own refusals (requires_grad) as NumPy meets them
        except Exception as exc:  # noqa: BLE001
            from autogradlab.lang.calls import translate_torch_error
            raise translate_torch_error(exc, "numpy", [item]) from None
        if converted.dtype.kind not in "biu":   # NumPy's words for a float tensor (it asks __index__ first)
            raise ProgramIndexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) "
                                    "and integer or boolean arrays are valid indices")
        return converted, converted
    return item, item


def _planned_elements(shape: tuple[int, ...], parts: tuple[Any, ...]) -> int | None:
    """Elements of array[parts] from the shapes, or None where NumPy refuses the index itself
    (before allocating: too many indices, two ellipses, a mask of another shape, index arrays that do
    not broadcast, a float or object index)."""
    def consumes(part: Any) -> int:
        if part is None or part is Ellipsis:
            return 0
        if isinstance(part, np.ndarray) and part.dtype == np.bool_:
            return part.ndim
        return 1
    if any(not isinstance(p, (*_BASIC, np.ndarray)) for p in parts) or sum(p is Ellipsis for p in parts) > 1:
        return None
    used = sum(consumes(p) for p in parts)
    if used > len(shape):
        return None
    kept, index_shapes, axis = [], [], 0
    for part in parts:
        if part is None:
            kept.append(1)
        elif part is Ellipsis:
            kept.extend(shape[axis:axis + len(shape) - used])
            axis += len(shape) - used
        elif isinstance(part, slice):
            try:
                kept.append(len(range(*part.indices(shape[axis]))))
            except (TypeError, ValueError):   # float bounds, a zero step: NumPy's own error
                return None
            axis += 1
        elif isinstance(part, np.ndarray) and part.dtype == np.bool_:
            if part.shape != shape[axis:axis + part.ndim]:
                return None
            index_shapes.append((int(np.count_nonzero(part)),))
            axis += part.ndim
        elif isinstance(part, np.ndarray):
            if part.dtype.kind not in "iu":
                return None
            index_shapes.append(part.shape)
            axis += 1
        else:
            axis += 1
    kept.extend(shape[axis:])
    try:
        broadcast = np.broadcast_shapes(*index_shapes)
    except ValueError:
        return None
    return math.prod(int(n) for n in kept) * math.prod(int(n) for n in broadcast)


def _parts(interp: Interpreter, base: SafeArray, index: Any) -> tuple[Any, int | None]:
    items = index if isinstance(index, tuple) else (index,)
    pairs = [_part(interp, item) for item in items]
    return tuple(given for _, given in pairs), _planned_elements(base.array.shape, tuple(p for p, _ in pairs))


def read(interp: Interpreter, base: SafeArray, index: Any) -> Any:
    """base[index] with an array, list or bool in the index: a new array, sized first."""
    parts, elements = _parts(interp, base, index)
    if elements is not None:
        charge(interp, elements, "indexing")
    return _wrap(_guarded(lambda: base.array[parts]))


def write(interp: Interpreter, base: SafeArray, index: Any, value: Any) -> None:
    """base[index] = value: numbers or arrays only; NumPy walks as many positions as a read would
    give, so that count is checked (nothing is kept)."""
    if not isinstance(value, (SafeArray, bool, int, float, np.number, np.bool_)):
        raise NotSupported(f"Autograd Lab writes numbers or numpy arrays into numpy arrays (not "
                           f"{type_text(value)})")
    parts, elements = _parts(interp, base, index)
    if elements is not None:
        interp.sizes.check_elements(elements, "index assignment")
    raw = _raw(value, "index assignment")
    _guarded(lambda: base.array.__setitem__(parts, raw))

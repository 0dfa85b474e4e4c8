"""How much text a program value prints, known before printing it: about one unit per printed
number. The one weight rule for the interpreter's size checks (print, f-strings, str()) and for the
report (variables, displays, op-argument texts): a list counts its items, each distinct inner list
once per appearance; a tensor or array what its repr shows; a string its length / 20."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from autogradlab.lang.print_options import shown_options
from autogradlab.lang.record_weight import array_weight
from autogradlab.lang.safe_values import CODE_TYPES, SafeArray, SafeDistribution
from autogradlab.lang.set_value import ProgramSet

MAX_WEIGHT_DEPTH = 100     # lists nested deeper than this are too large to show


def _as_array(obj: Any) -> np.ndarray | None:
    if isinstance(obj, np.ndarray):
        return obj
    return obj.array if isinstance(obj, SafeArray) else None


_PRINT_THRESHOLD = 1000    # torch and numpy print every element up to this many (their defaults)
_PRINT_EDGE_ITEMS = 3      # above it they print this many at each end of every dimension
_CHARS_PER_UNIT = 20       # one weight unit is about one printed number


def _printed_elements(shape: tuple[int, ...], numel: int, threshold: float = _PRINT_THRESHOLD,
                      edge_items: int = _PRINT_EDGE_ITEMS) -> int:
    """How many elements torch's/numpy's repr writes: all of them, or 2*edge_items per dimension
    (a tensor: torch.set_printoptions's threshold and edgeitems, lang/print_options.py)."""
    if numel <= threshold:
        return max(1, int(numel))
    shown = 1
    for size in shape:
        shown *= min(int(size), 2 * edge_items)
    return max(1, shown)


def _tensor_weight(tensor: torch.Tensor) -> int:
    """The items torch's repr shows under the print options in force, each heavier when a precision
    above the default makes its numbers longer."""
    threshold, edge_items, precision = shown_options()
    per_item = 1 + max(0, precision - 4) // _CHARS_PER_UNIT
    return _printed_elements(tuple(tensor.shape), tensor.numel(), threshold, edge_items) * per_item


# NumPy formats a float in ~35 us (100,000 random floats: 3.5 s CPU, load 3.7; torch's repr: 1.1 s): an
# array printed whole past NumPy's default threshold weighs this much a float, so print()'s 100,000 values
# stop it at ~33,000 floats, ~1.2 s (np.set_printoptions(threshold=np.inf), session 36)
NUMPY_WHOLE_FLOAT_WEIGHT = 3


def _numpy_weight(array: np.ndarray) -> int:
    """The items NumPy's repr shows under np.set_printoptions's threshold and edgeitems (lang/
    numpy_print_options.py), each float heavier when a precision above 24 makes its numbers longer."""
    options = np.get_printoptions()
    shown = _printed_elements(array.shape, array.size, options["threshold"], options["edgeitems"])
    if array.dtype.kind not in "fc":
        return shown
    per_item = 1 + max(0, options["precision"] - 4) // _CHARS_PER_UNIT
    if shown > _PRINT_THRESHOLD:
        per_item *= NUMPY_WHOLE_FLOAT_WEIGHT
    return shown * per_item


_MAPPINGS = (dict, type({}.keys()), type({}.values()), type({}.items()), ProgramSet)   # a set: as a list
MAX_DICT_DEPTH = 20        # dicts nested in dicts (through lists) deeper than this are too large to show
_dict_depth = [0]
_OPEN: set[int] = set()   # the dicts and lists being weighed now: met again inside, repr writes {...}


def _mapping_weight(obj: Any, cap: int, overhead: int = 0) -> int:
    """A dict (or a view) weighs its keys and values, as its repr writes them; each dict level is
    one Python call, so the nesting of dicts is bounded (lists inside are walked iteratively)."""
    if id(obj) in _OPEN:   # `d['me'] = d`: CPython's repr writes {...}
        return 1
    if _dict_depth[0] >= MAX_DICT_DEPTH:
        return cap + 1
    if isinstance(obj, dict):
        flat = [x for pair in obj.items() for x in pair]
    elif isinstance(obj, type({}.items())):
        flat = [x for pair in obj for x in pair]
    else:
        flat = list(obj)
    _dict_depth[0] += 1
    _OPEN.add(id(obj))
    try:   # a fresh memo: `flat` is temporary, so its id must not enter the caller's memo
        return 1 + sequence_weight(flat, cap, {}, overhead=overhead)
    finally:
        _dict_depth[0] -= 1
        _OPEN.discard(id(obj))


def _atom_weight(obj: Any, overhead: int = 0) -> int:
    """Weight of a value that is not a list or tuple: 1, or more when its repr is long."""
    if isinstance(obj, (float, bool, complex)) or obj is None:
        return 1
    if isinstance(obj, torch.Tensor):
        return _tensor_weight(obj) + overhead
    if isinstance(obj, SafeDistribution):   # its repr prints its parameter tensors
        return 1 + 2 * overhead
    if isinstance(obj, str):
        return 1 + len(obj) // _CHARS_PER_UNIT
    if isinstance(obj, int):
        return 1 + obj.bit_length() // 64
    arr = _as_array(obj)
    if arr is not None and arr.dtype.fields is None:
        return _numpy_weight(arr)
    if isinstance(obj, (np.ndarray, np.void)):   # a structured array or record (lang/record_weight.py)
        return array_weight(obj)
    own = getattr(obj, "own_text_weight", None)   # t.storage(): a line a number (lang/tensor_storage.py)
    if own is not None:
        return own() + overhead
    parts = getattr(obj, "weighed_parts", None)   # functools.partial: its repr shows its arguments
    if parts is not None:
        return _mapping_weight(parts(), 10**12, overhead)
    return 1


# (NumPy's float64 and complex128 are float and complex: _atom_weight weighs them 1 too; a list of 5,000
# losses is then weighed at C speed, issue 9)
_NUMBER_TYPES = frozenset({float, bool, complex, type(None), np.float64, np.complex128})


_light = [0, _NUMBER_TYPES]


def _light_types() -> frozenset[type]:
    """Numbers, and functions, bound methods, generators and iterators: each weighs 1 (_atom_weight's last
    line; 100,000 of them weighed one by one took 0.4 s per Variables row, 13 s for 20 rows)."""
    if _light[0] != len(CODE_TYPES):   # lang/iterators.py adds its types at import
        from autogradlab.lang.plain_classes import BoundMethod
        _light[:] = [len(CODE_TYPES), _NUMBER_TYPES.union(CODE_TYPES, (BoundMethod,))]
    return _light[1]


def _plain_numbers(seq: tuple | list) -> bool:
    """True when every item weighs 1: floats, bools, None and ints below 2**64."""
    types = set(map(type, seq))
    light = _light_types()
    if types <= light:
        return True
    if types <= light | {int}:
        ints = [v for v in seq if type(v) is int] if types - {int, bool} else seq
        return max(map(int.bit_length, ints), default=0) < 64
    return False


def sequence_weight(obj: Any, cap: int, memo: dict[int, int] | None = None, *, overhead: int = 0) -> int:
    """About how many numbers repr(obj) writes: 1 per number, a tensor or array by the elements
    its repr shows, a string by its length / 20; a shared inner list counts each time it appears
    (as repr writes it each time).

    Stops once above cap (so it never walks a huge value) and returns a number > cap then; a
    structure nested deeper than MAX_WEIGHT_DEPTH also weighs more than cap. Iterative, and each
    distinct list is walked once: `memo` (id -> weight) may be shared by calls with the same cap.
    The weight of a list does not depend on where it was first met. `overhead`: units added per
    tensor (twice per distribution) for the time its repr takes besides its numbers (the
    interpreter's text checks; a memo holds weights of one overhead)."""
    if isinstance(obj, _MAPPINGS):
        return _mapping_weight(obj, cap, overhead)
    if not isinstance(obj, (tuple, list)):
        return _atom_weight(obj, overhead)
    memo = {} if memo is None else memo
    if id(obj) in memo:
        return memo[id(obj)]
    frames: list[list[Any]] = [[obj, iter(obj), 0]]   # [list, its iterator, weight so far]
    open_ids = {id(obj)}
    while True:
        frame = frames[-1]
        total = frame[2]
        descended = False
        if total <= cap and frame[2] == 0 and _plain_numbers(frame[0]):
            total = len(frame[0])        # the common flat list of numbers, weighed at C speed
        elif total <= cap:
            for item in frame[1]:
                if isinstance(item, (tuple, list)):
                    key = id(item)
                    weight = memo.get(key)
                    if weight is None:
                        if key in open_ids or key in _OPEN:   # a list holding itself: repr writes [...]
                            weight = 1
                        elif len(frames) >= MAX_WEIGHT_DEPTH:
                            weight = cap + 1
                        else:
                            frame[2] = total
                            frames.append([item, iter(item), 0])
                            open_ids.add(key)
                            descended = True
                            break
                elif isinstance(item, _MAPPINGS):
                    weight = _mapping_weight(item, cap, overhead)
                else:
                    weight = _atom_weight(item, overhead)
                total += weight
                if total > cap:
                    break
        if descended:
            continue
        total = max(total, 1)                        # `[]` still prints something
        finished = frames.pop()[0]
        memo[id(finished)] = total
        open_ids.discard(id(finished))
        if not frames:
            return total
        frames[-1][2] += total

"""Python and torch values -> the plain data of report.Value and report.TensorSnapshot.

Workers hand Reports to the UI process, which never imports torch, so every tensor is turned into
numpy arrays and short texts here. Texts never show memory addresses: they would change every run
and tell a hostile program where things live.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import torch

from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, UserFunction
from autogradlab.report import PlainValue, SequenceValue, TensorSnapshot, TensorValue, Value

SNAPSHOT_MAX_ELEMENTS = 10_000  # above this a snapshot keeps only its summary
SUMMARY_MAX_CHARS = 40
VECTOR_SUMMARY_MAX_ELEMENTS = 100  # longer vectors are summarised by mean/min/max
MAX_SEQUENCE_DEPTH = 20         # deeper nested lists are shown as text only
MAX_SEQUENCE_ITEMS = 10_000     # values kept of one (nested) list; a list may share one inner list
TEXT_MAX_WEIGHT = MAX_SEQUENCE_ITEMS  # a repr the report makes of one program value (see sequence_weight)
MAX_WEIGHT_DEPTH = 100          # lists nested deeper than this are too large to show
# Budgets of one Report, so a few aliases of a big tensor cannot make it (or the CLI's JSON) huge:
REPORT_MAX_TENSOR_ELEMENTS = 20_000_000  # full tensor/array values + grads, counted per place shown
REPORT_MAX_ITEMS = 200_000      # list items and string/tensor text units kept over all variables
MAX_OMITTED_NOTES = 10          # notes naming tensors whose values the report left out

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def without_addresses(text: str) -> str:
    """`<MulBackward0 object at 0x7f..>` -> `<MulBackward0 object>`."""
    return _ADDRESS.sub("", text)


def safe_repr(obj: Any) -> str:
    """repr as the REPL shows it, minus addresses; never raises (deep lists hit RecursionError)."""
    try:
        return without_addresses(repr(obj))
    except RecursionError:
        return "[...]"
    except Exception:  # a value whose repr fails is shown by its type only
        return f"<{type(obj).__name__}>"


_DTYPE_NAMES: dict[torch.dtype, str] = {}


def dtype_name(dtype: torch.dtype) -> str:
    name = _DTYPE_NAMES.get(dtype)
    if name is None:
        name = _DTYPE_NAMES[dtype] = str(dtype).removeprefix("torch.")
    return name


def to_numpy(tensor: torch.Tensor) -> np.ndarray:
    """A full, independent numpy copy (complex stays complex, bool/int keep their dtype)."""
    t = tensor.detach()
    if t.is_conj() or t.is_neg():
        t = t.resolve_conj().resolve_neg()
    try:
        return t.numpy().copy()
    except TypeError:  # bfloat16, complex32, float8: no numpy dtype, so widen first
        return t.to(torch.complex64 if t.is_complex() else torch.float32).numpy().copy()


# ---- short summaries for graph labels -------------------------------------------------------

def _fmt_number(v: Any) -> str:
    """One element as torch prints it, roughly: 28. / 0.5 / 3 / True / 1.+2.j (Python scalars)."""
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, complex):
        sign = "+" if v.imag >= 0 else "-"
        return f"{_fmt_number(v.real)}{sign}{_fmt_number(abs(v.imag))}j"
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v.is_integer() and abs(v) < 1e8:
        return f"{int(v)}."
    return f"{v:.4g}"


def _fmt_vector(values: list[Any], budget: int) -> str:
    if len(values) <= budget // 3:
        whole = "[" + ", ".join(map(_fmt_number, values)) + "]"
        if len(whole) <= budget:
            return whole
    parts = [_fmt_number(values[0])]
    for v in values[1:]:
        parts.append(_fmt_number(v))
        if len("[" + ", ".join(parts) + ", …]") > budget:
            parts.pop()
            break
    return "[" + ", ".join(parts) + ", …]"


def _fmt_stats(arr: np.ndarray) -> str:
    if arr.dtype.kind == "c":
        return f"{arr.size:,} complex values"
    a = arr.astype(np.float64)
    finite = a[np.isfinite(a)]
    if finite.size == 0:
        return f"{arr.size:,} values, none finite"
    return (f"mean {_fmt_number(round(float(finite.mean()), 2))}, "
            f"min {_fmt_number(float(finite.min()))}, max {_fmt_number(float(finite.max()))}")


def summarize(arr: np.ndarray) -> str:
    """A short label text: "28.", "[0., 4., 8., 12.]", "[[1., 2.], [3., 4.]]" or stats."""
    if arr.size == 0:
        return "[]"
    if arr.ndim == 0:
        return _fmt_number(arr.item())
    if arr.ndim == 1 and arr.size <= VECTOR_SUMMARY_MAX_ELEMENTS:
        return _fmt_vector(arr[:SUMMARY_MAX_CHARS // 3 + 1].tolist(), SUMMARY_MAX_CHARS)
    if arr.ndim == 2 and arr.size <= 16:
        rows = "[" + ", ".join(_fmt_vector(row, 10_000) for row in arr.tolist()) + "]"
        if len(rows) <= SUMMARY_MAX_CHARS:
            return rows
    return _fmt_stats(arr)


def snapshot(tensor: torch.Tensor, tensor_id: int) -> TensorSnapshot:
    """The tensor as it is now; full values only when small (labels need the summary only)."""
    arr = to_numpy(tensor)
    summary = summarize(arr)
    if arr.size > SNAPSHOT_MAX_ELEMENTS:
        arr = None
    grad_fn = tensor.grad_fn
    return TensorSnapshot(tensor_id, tuple(arr.shape) if arr is not None else tuple(tensor.shape),
                          dtype_name(tensor.dtype), arr, summary, requires_grad=tensor.requires_grad,
                          grad_fn=type(grad_fn).__name__ if grad_fn is not None else None)


def _as_array(obj: Any) -> np.ndarray | None:
    """The numpy array inside the interpreter's array wrapper (or a bare ndarray).

    Only the instance dict is read, so no property of an unknown object runs here."""
    if isinstance(obj, np.ndarray):
        return obj
    fields = getattr(obj, "__dict__", None)
    if isinstance(fields, dict):
        for attr in ("array", "_array", "value", "data"):
            if isinstance(fields.get(attr), np.ndarray):
                return fields[attr]
    return None


# ---- weights: how much text a value prints, known before printing it -----------------------

_PRINT_THRESHOLD = 1000    # torch and numpy print every element up to this many (their defaults)
_PRINT_EDGE_ITEMS = 3      # above it they print this many at each end of every dimension
_CHARS_PER_UNIT = 20       # one weight unit is about one printed number


def _printed_elements(shape: tuple[int, ...], numel: int) -> int:
    """How many elements torch's/numpy's repr writes: all of them, or 2*3 per dimension."""
    if numel <= _PRINT_THRESHOLD:
        return max(1, int(numel))
    shown = 1
    for size in shape:
        shown *= min(int(size), 2 * _PRINT_EDGE_ITEMS)
    return max(1, shown)


def _atom_weight(obj: Any) -> int:
    """Weight of a value that is not a list or tuple: 1, or more when its repr is long."""
    if isinstance(obj, (float, bool, complex)) or obj is None:
        return 1
    if isinstance(obj, torch.Tensor):
        return _printed_elements(tuple(obj.shape), obj.numel())
    if isinstance(obj, str):
        return 1 + len(obj) // _CHARS_PER_UNIT
    if isinstance(obj, int):
        return 1 + obj.bit_length() // 64
    arr = _as_array(obj)
    if arr is not None:
        return _printed_elements(arr.shape, arr.size)
    return 1


_NUMBER_TYPES = frozenset({float, bool, complex, type(None)})


def _plain_numbers(seq: tuple | list) -> bool:
    """True when every item weighs 1: floats, bools, None and ints below 2**64."""
    types = set(map(type, seq))
    if types <= _NUMBER_TYPES:
        return True
    if types <= _NUMBER_TYPES | {int}:
        ints = [v for v in seq if type(v) is int] if types - {int, bool} else seq
        return max(map(int.bit_length, ints), default=0) < 64
    return False


def sequence_weight(obj: Any, cap: int, memo: dict[int, int] | None = None) -> int:
    """About how many numbers repr(obj) writes: 1 per number, a tensor or array by the elements
    its repr shows, a string by its length / 20; a shared inner list counts each time it appears
    (as repr writes it each time).

    Stops once above cap (so it never walks a huge value) and returns a number > cap then; a
    structure nested deeper than MAX_WEIGHT_DEPTH also weighs more than cap. Iterative, and each
    distinct list is walked once: `memo` (id -> weight) may be shared by calls with the same cap.
    The weight of a list does not depend on where it was first met."""
    if not isinstance(obj, (tuple, list)):
        return _atom_weight(obj)
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
                        if key in open_ids:          # a list holding itself: repr writes [...]
                            weight = 1
                        elif len(frames) >= MAX_WEIGHT_DEPTH:
                            weight = cap + 1
                        else:
                            frame[2] = total
                            frames.append([item, iter(item), 0])
                            open_ids.add(key)
                            descended = True
                            break
                else:
                    weight = _atom_weight(item)
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


def _type_name(obj: tuple | list) -> str:
    return "Size" if isinstance(obj, torch.Size) else "list" if isinstance(obj, list) else "tuple"


TOO_LARGE = "too large to show"
BUDGET_SPENT = "not shown: the report already holds as much text as it keeps"


def too_large_text(obj: Any, why: str = TOO_LARGE) -> str:
    """The short text shown instead of a repr that would be too long to make."""
    if isinstance(obj, torch.Tensor):
        return f"<tensor of shape {tuple(obj.shape)} with {obj.numel():,} values: {why}>"
    if isinstance(obj, (tuple, list)):
        return f"<{_type_name(obj)} of {len(obj):,} items: {why}>"
    if isinstance(obj, str):
        return f"<str of {len(obj):,} characters: {why}>"
    return f"<{type(obj).__name__}: {why}>"


def bounded_repr(obj: Any, cap: int = TEXT_MAX_WEIGHT, memo: dict[int, int] | None = None) -> str:
    """safe_repr(obj), or too_large_text(obj) when the repr would weigh more than cap; never
    raises and never makes a huge text first."""
    try:
        if sequence_weight(obj, cap, memo) > cap:
            return too_large_text(obj)
    except Exception:  # noqa: BLE001 - a value we cannot weigh is shown by its type only
        return f"<{type(obj).__name__}>"
    return safe_repr(obj)


# ---- variables and displayed values ---------------------------------------------------------

def _grad_of(tensor: torch.Tensor) -> torch.Tensor | None:
    return tensor.grad if tensor.is_leaf else _retained_grad(tensor)


def tensor_value(tensor: torch.Tensor, *, keep_value: bool = True, keep_grad: bool = True,
                 text: str | None = None) -> TensorValue:
    """The tensor's report value. Without keep_value / keep_grad (the report's budget of full
    values is spent) value / grad are None; shape, dtype, flags and the text stay."""
    grad = _grad_of(tensor)
    return TensorValue(
        shape=tuple(int(s) for s in tensor.shape),
        dtype=dtype_name(tensor.dtype),
        value=to_numpy(tensor) if keep_value else None,
        requires_grad=bool(tensor.requires_grad),
        grad=to_numpy(grad) if grad is not None and keep_grad else None,
        grad_fn=type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None,
        is_leaf=bool(tensor.is_leaf),
        text=bounded_repr(tensor) if text is None else text,
    )


def _retained_grad(tensor: torch.Tensor) -> torch.Tensor | None:
    """.grad of a non-leaf is None unless retain_grad() was called; reading it then warns, so
    ask first instead of reading blindly."""
    return tensor.grad if tensor.retains_grad else None


def _elements(obj: Any) -> tuple[int, int]:
    """(elements of the value, elements of the grad) of a tensor or numpy array."""
    if isinstance(obj, torch.Tensor):
        grad = _grad_of(obj)
        return obj.numel(), grad.numel() if grad is not None else 0
    arr = _as_array(obj)
    return (arr.size if arr is not None else 0), 0


class ReportValues:
    """Program values -> report Values, for all variables of one Report.

    * Each object is converted once: variables (and list items) bound to the same tensor, array,
      list or string share one Value, so the pickled Report holds it once.
    * Full tensor values, grads and numpy arrays are kept for at most `tensor_budget` elements in
      all (REPORT_MAX_TENSOR_ELEMENTS), counted once per place the report shows them (the CLI's
      JSON writes an alias's values again). Beyond it a TensorValue keeps shape, dtype, flags and
      its text but its value/grad are None, an array becomes an "object" with its text, and
      `notes` says which ones and gives a short summary.
    * A list or string keeps at most MAX_SEQUENCE_ITEMS units, and all of them together (counted
      per variable) and all tensor texts at most `item_budget` (REPORT_MAX_ITEMS).

    Call plan() with every variable first, then value() for each one.
    """

    def __init__(self, tensor_budget: int = REPORT_MAX_TENSOR_ELEMENTS,
                 item_budget: int = REPORT_MAX_ITEMS) -> None:
        self._tensor_left = tensor_budget
        self._items_left = item_budget
        self._weights: dict[int, int] = {}     # sequence_weight memo, cap MAX_SEQUENCE_ITEMS
        self._planned: set[int] = set()        # ids of the top-level values planned
        self._caps: dict[int, int] = {}        # id(top-level list/str) -> weight it may keep
        self._refs: dict[int, int] = {}        # id(tensor/array) -> places the report shows it
        self._owner: dict[int, str] = {}       # id(tensor/array) -> first variable showing it
        self._text_ok: dict[int, bool] = {}    # id(tensor) -> its repr fits the item budget
        self._counted: dict[tuple[int, int], dict[int, int]] = {}
        self._keep: dict[int, tuple[bool, bool]] = {}   # id -> (keep value, keep grad)
        self._values: dict[tuple[int, int], Value] = {}
        self._objects: dict[int, Any] = {}     # id -> tensor/array found inside a list
        self._alive: list[Any] = []            # keeps every id used as a key valid
        self.notes: list[str] = []
        self._omitted = 0

    # -- planning: what is shown where, before anything is copied ----------------------------

    def plan(self, named: Mapping[str, Any]) -> None:
        """Count where each tensor/array is shown and how much of each list/string is kept."""
        tops: dict[int, list[Any]] = {}        # id -> [value, variables bound to it, first name]
        for name, obj in named.items():
            entry = tops.get(id(obj))
            if entry is None:
                tops[id(obj)] = [obj, 1, name]
            else:
                entry[1] += 1
        for key, (obj, refs, name) in tops.items():
            if key in self._planned:
                continue
            self._planned.add(key)
            self._alive.append(obj)
            if isinstance(obj, (tuple, list, str)):
                cap = min(MAX_SEQUENCE_ITEMS, max(0, self._items_left) // refs)
                self._caps[key] = cap
                if isinstance(obj, str):
                    weight = self._weight(obj)
                    used = weight if weight <= cap else 0
                else:
                    items, used, _ = self._kept(obj, cap)
                    for inner, count in self._count(items, 1).items():
                        self._shown(self._objects[inner], refs * count, name)
                self._items_left -= used * refs
            elif isinstance(obj, torch.Tensor) or _as_array(obj) is not None:
                self._shown(obj, refs, name)

    def _shown(self, obj: Any, refs: int, name: str) -> None:
        key = id(obj)
        if key not in self._refs:
            self._refs[key] = 0
            self._owner[key] = name
            self._alive.append(obj)
            if isinstance(obj, torch.Tensor):
                weight = _atom_weight(obj)   # above TEXT_MAX_WEIGHT bounded_repr makes a short text
                self._text_ok[key] = weight > TEXT_MAX_WEIGHT or weight <= self._items_left
                if weight <= min(TEXT_MAX_WEIGHT, self._items_left):
                    self._items_left -= weight
        self._refs[key] += refs

    def _weight(self, obj: Any) -> int:
        return sequence_weight(obj, MAX_SEQUENCE_ITEMS, self._weights)

    def _kept(self, obj: tuple | list, cap: int) -> tuple[list[Any], int, bool]:
        """(items kept, their weight, truncated) of a top-level list allowed `cap` units."""
        if cap <= 0:                 # the report's budget is spent: nothing to weigh
            return [], 0, True
        weight = self._weight(obj)
        if weight <= cap:
            return list(obj), weight, False
        kept: list[Any] = []
        used = 0
        for item in obj:
            weight = self._weight(item)
            if used + weight > cap:
                break
            kept.append(item)
            used += weight
        return kept, used, True

    def _count(self, items: Any, depth: int) -> dict[int, int]:
        """id -> how often each tensor/array appears among items converted at `depth` (shared
        inner lists count each time, as the JSON writes them each time)."""
        counts: dict[int, int] = {}
        for item in items:
            if isinstance(item, (tuple, list)):
                if depth >= MAX_SEQUENCE_DEPTH:
                    continue                  # shown as text only
                key = (id(item), depth)
                inner = self._counted.get(key)
                if inner is None:
                    inner = self._counted[key] = self._count(item, depth + 1)
                for k, n in inner.items():
                    counts[k] = counts.get(k, 0) + n
            elif isinstance(item, torch.Tensor) or (
                    not isinstance(item, (float, int, str)) and _as_array(item) is not None):
                self._objects[id(item)] = item
                counts[id(item)] = counts.get(id(item), 0) + 1
        return counts

    # -- conversion -------------------------------------------------------------------------

    def value(self, obj: Any) -> Value:
        if id(obj) not in self._planned:
            self.plan({"": obj})
        return self._convert(obj, 0)

    def _decide(self, obj: Any) -> tuple[bool, bool]:
        """(keep the full value, keep the full grad), spending the budget in the order met."""
        key = id(obj)
        if key not in self._keep:
            refs = self._refs.get(key, 1)
            value_n, grad_n = _elements(obj)
            keep_value = value_n * refs <= self._tensor_left
            if keep_value:
                self._tensor_left -= value_n * refs
            keep_grad = grad_n * refs <= self._tensor_left
            if keep_grad:
                self._tensor_left -= grad_n * refs
            self._keep[key] = keep_value, keep_grad
            if not (keep_value and keep_grad):
                self._note_omitted(obj, keep_value, keep_grad)
        return self._keep[key]

    def _note_omitted(self, obj: Any, keep_value: bool, keep_grad: bool) -> None:
        self._omitted += 1
        if self._omitted > MAX_OMITTED_NOTES:
            if self._omitted == MAX_OMITTED_NOTES + 1:
                self.notes.append("more values were left out of the report in the same way")
            return
        key = id(obj)
        where = self._owner.get(key)
        refs = self._refs.get(key, 1)
        what = f"'{where}'" if where else "a value"
        if refs > 1:
            what += f" (shown {refs:,} times: the same object is bound to several names or list items)"
        parts = []
        if not keep_value:
            arr = to_numpy(obj) if isinstance(obj, torch.Tensor) else _as_array(obj)
            parts.append(f"values: {summarize(arr)}")
        if not keep_grad:
            parts.append(f"grad: {summarize(to_numpy(_grad_of(obj)))}")
        self.notes.append(
            f"{what}: its {'values' if not keep_value else 'gradient'} "
            f"{'are' if not keep_value else 'is'} not kept in full (the report keeps at most "
            f"{REPORT_MAX_TENSOR_ELEMENTS:,} tensor values, counting each place a tensor is shown); "
            + "; ".join(parts))

    def _convert(self, obj: Any, depth: int) -> Value:
        if isinstance(obj, torch.Tensor):
            key = (id(obj), -1)
            value = self._values.get(key)
            if value is None:
                keep_value, keep_grad = self._decide(obj)
                text = (bounded_repr(obj) if self._text_ok.get(id(obj), True)
                        else too_large_text(obj, BUDGET_SPENT))
                value = self._values[key] = tensor_value(obj, keep_value=keep_value, keep_grad=keep_grad,
                                                         text=text)
            return value
        if isinstance(obj, (tuple, list)):
            key = (id(obj), depth)
            value = self._values.get(key)
            if value is None:
                value = self._values[key] = self._sequence(obj, depth)
            return value
        if isinstance(obj, str) and depth == 0:
            key = (id(obj), 0)
            value = self._values.get(key)
            if value is None:
                if self._weight(obj) > self._caps.get(id(obj), MAX_SEQUENCE_ITEMS):
                    value = PlainValue("object", None, too_large_text(obj, BUDGET_SPENT))
                else:
                    value = PlainValue("string", obj, safe_repr(obj))
                self._values[key] = value
            return value
        arr = _as_array(obj) if not isinstance(obj, (bool, int, float, complex, str)) else None
        if arr is not None:
            key = (id(obj), -1)
            value = self._values.get(key)
            if value is None:
                text = bounded_repr(obj)
                if text.startswith("<"):  # a wrapper without its own repr
                    text = bounded_repr(arr)
                keep_value, _ = self._decide(obj)
                value = (PlainValue("array", arr.copy(), text) if keep_value
                         else PlainValue("object", None, text))
                self._values[key] = value
            return value
        return _plain_value(obj)

    def _text(self, obj: Any) -> str:
        if self._weight(obj) > MAX_SEQUENCE_ITEMS:
            return too_large_text(obj)
        return safe_repr(obj)

    def _sequence(self, obj: tuple | list, depth: int) -> Value:
        if depth >= MAX_SEQUENCE_DEPTH:
            return PlainValue("object", None, self._text(obj))
        type_name = _type_name(obj)
        if depth > 0:   # the list holding it fitted, so it fits
            return SequenceValue(tuple(self._convert(item, depth + 1) for item in obj), self._text(obj),
                                 type_name)
        cap = self._caps.get(id(obj), MAX_SEQUENCE_ITEMS)
        kept, _, truncated = self._kept(obj, cap)
        items = tuple(self._convert(item, depth + 1) for item in kept)
        if not truncated:
            return SequenceValue(items, self._text(obj), type_name)
        # Too big to copy whole: keep the first items that fit, and say so.
        if self._weight(obj) > MAX_SEQUENCE_ITEMS:
            why = f"holding more than {MAX_SEQUENCE_ITEMS:,} values: too large to show"
        else:
            why = f"not shown in full: the report keeps at most {REPORT_MAX_ITEMS:,} values of all variables"
        text = f"<{type_name} of {len(obj):,} items {why}; the first {len(kept):,} items are kept>"
        return SequenceValue(items, text, type_name, truncated=True)


def _plain_value(obj: Any) -> Value:
    if type(obj) in (int, float, complex):   # the common case first; a number's repr has no address
        return PlainValue("number", obj, repr(obj))
    if obj is None:
        return PlainValue("none", None, "None")
    if isinstance(obj, (bool, np.bool_)):
        return PlainValue("bool", bool(obj), repr(bool(obj)))
    if isinstance(obj, (int, float, complex)):
        return PlainValue("number", obj, safe_repr(obj))
    if isinstance(obj, str):
        return PlainValue("string", obj, safe_repr(obj))
    if isinstance(obj, torch.dtype):
        return PlainValue("dtype", dtype_name(obj), str(obj))
    if isinstance(obj, (np.integer, np.floating, np.complexfloating)):
        return PlainValue("number", obj.item(), safe_repr(obj))
    if isinstance(obj, SafeNumpyDtype):
        return PlainValue("dtype", obj.text, safe_repr(obj))
    if isinstance(obj, (UserFunction, SafeFunction)):
        return PlainValue("function", None, safe_repr(obj))
    return PlainValue("object", None, bounded_repr(obj))


def to_value(obj: Any) -> Value:
    """Any value a program can hold -> report.Value (plain data, no addresses), within the budgets
    of one report (use one ReportValues for all variables of a report)."""
    return ReportValues().value(obj)

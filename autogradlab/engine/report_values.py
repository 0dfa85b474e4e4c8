"""Program values -> report Values for all variables of one Report, within the Report's budgets
(see ReportValues): aliases share one converted value, and huge values are left out with a note."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import torch

from autogradlab.engine.no_grad_views import readable
from autogradlab.engine.report_plan import ReportPlan
from autogradlab.engine.single_values import (
    BATCHED_TEXT,
    _batched,
    _elements,
    _grad_of,
    _plain_value,
    tensor_value,
)
from autogradlab.engine.value_text import (
    BUDGET_SPENT,
    _type_name,
    bounded_repr,
    too_large_text,
)
from autogradlab.engine.values import (
    MAX_OMITTED_NOTES,
    MAX_SEQUENCE_DEPTH,
    MAX_SEQUENCE_ITEMS,
    REPORT_MAX_ITEMS,
    REPORT_MAX_TENSOR_ELEMENTS,
    _as_array,
    plain_copy,
    safe_repr,
    summarize,
    to_numpy,
)
from autogradlab.lang.safe_values import SafeDistribution
from autogradlab.lang.text_weight import sequence_weight
from autogradlab.report import PlainValue, SequenceValue, Value
from autogradlab.utf8_text import encodable

# Texts of values (tensor reprs are ~0.5 ms each) are written for at most this long per report: a run
# stopped at its soft deadline must still get its report out before the hard kill (30,000 tensors in
# a list took 3.3 s of reprs).
TEXT_TIME_S = 1.0
# A longer time limit (the CLI's --timeout, tests that give a loaded machine room) gives the texts this
# share of it: with 1.0 s at any limit, 700 tensors in a list (~0.4 s of reprs idle) ran out of it at a
# load of 7 on 2 cores, and the same program's report then differed from run to run (session 37).
TEXT_TIME_SHARE = 0.1


def text_time_s(timeout_s: float) -> float:
    """The time a run's report may spend writing value texts (within what the soft deadline leaves)."""
    return max(TEXT_TIME_S, TEXT_TIME_SHARE * timeout_s)
LIST_TEXT_TENSOR_OVERHEAD = 4   # units per tensor in a list's text (MAX_SEQUENCE_ITEMS: ~2,000 tensors)
# Exact types whose Value _convert gives at once: _plain_value's "number" with their repr (Python's
# numbers and NumPy's float / complex scalars, subclasses of float / complex: no address in the repr)
_NUMBERS = frozenset({int, float, complex, np.float64, np.complex128})
NUMBERS_AT_ONCE = True   # (tests compare with it off)
JOINED_TEXT = True   # a list of numbers' text joined from its items' texts (tests compare with it off)
TIME_SPENT = "not shown: the report ran out of time to write more values"
TIME_SPENT_NOTE = ("the report ran out of time to write every value's text; the values shown last "
                   "are summarised by their shape")


class ReportValues(ReportPlan):
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
                 item_budget: int = REPORT_MAX_ITEMS, text_time_s: float = TEXT_TIME_S) -> None:
        self._text_time_s = text_time_s
        self._text_until: float | None = None   # the clock starts at the first value text
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

    def _out_of_time(self) -> bool:
        """The report's time for writing value texts is spent (noted once)."""
        now = time.monotonic()
        if self._text_until is None:
            self._text_until = now + self._text_time_s
        if now < self._text_until:
            return False
        if TIME_SPENT_NOTE not in self.notes:
            self.notes.append(TIME_SPENT_NOTE)
        return True

    def _convert(self, obj: Any, depth: int) -> Value:
        if NUMBERS_AT_ONCE and type(obj) in _NUMBERS:   # a list's 5,000 losses (issue 9): _plain_value's
            return PlainValue("number", obj, repr(obj))   # answer for them, without the tests before it
        if isinstance(obj, torch.Tensor):
            key = (id(obj), -1)
            value = self._values.get(key)
            if value is None and _batched(obj):   # escaped from a program's backward under vmap
                value = self._values[key] = PlainValue("object", None, BATCHED_TEXT)
            if value is None:
                ok = self._text_ok.get(id(obj), True)
                obj = readable(obj)   # a written no-grad view anywhere (`[v] * 1001`): its values
                keep_value, keep_grad = self._decide(obj)
                if not ok:
                    text = too_large_text(obj, BUDGET_SPENT)
                else:
                    text = too_large_text(obj, TIME_SPENT) if self._out_of_time() else bounded_repr(obj)
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
                    value = PlainValue("string", encodable(obj), safe_repr(obj))
                self._values[key] = value
            return value
        arr = _as_array(obj) if not isinstance(obj, (bool, int, float, complex, str)) else None
        if arr is not None:
            key = (id(obj), -1)
            value = self._values.get(key)
            if value is None:
                text = too_large_text(obj, TIME_SPENT) if self._out_of_time() else bounded_repr(obj)
                if text.startswith("<") and not self._out_of_time():  # a wrapper without its own repr
                    text = bounded_repr(arr)
                keep_value, _ = self._decide(obj)
                value = (PlainValue("array", plain_copy(arr), text) if keep_value
                         else PlainValue("object", None, text))
                self._values[key] = value
            return value
        if isinstance(obj, SafeDistribution):   # its repr prints tensors: once per object, in time
            key = (id(obj), -1)
            value = self._values.get(key)
            if value is None:
                value = self._values[key] = (PlainValue("object", None, too_large_text(obj, TIME_SPENT))
                                             if self._out_of_time() else _plain_value(obj))
            return value
        return _plain_value(obj)

    def _text(self, obj: Any, items: tuple = ()) -> str:
        """The list's or tuple's text; `items`: its items' Values, when they were all converted."""
        if self._weight(obj) > MAX_SEQUENCE_ITEMS:
            return too_large_text(obj)
        if self._out_of_time():
            return too_large_text(obj, TIME_SPENT)
        # [torch.ones(1)] * 9_999 weighs 9,999 but its repr took 2.6 s (distributions: 5 s) of a 5 s
        # run: tensors also count what their repr costs besides their numbers (~0.5 s at most here)
        if sequence_weight(obj, MAX_SEQUENCE_ITEMS, overhead=LIST_TEXT_TENSOR_OVERHEAD) > MAX_SEQUENCE_ITEMS:
            return too_large_text(obj)
        if JOINED_TEXT and type(obj) is list and len(items) == len(obj) \
                and all(type(item) in _NUMBERS for item in obj):
            # a list of numbers (5,000 losses, issue 9): repr(list) is its items' reprs, which their Values
            # hold already (_convert's NUMBERS_AT_ONCE answer, or _plain_value's repr): joined, not made again
            return "[" + ", ".join([value.text for value in items]) + "]"
        return safe_repr(obj)

    def _sequence(self, obj: tuple | list, depth: int) -> Value:
        if depth >= MAX_SEQUENCE_DEPTH:
            return PlainValue("object", None, self._text(obj))
        type_name = _type_name(obj)
        if depth > 0:   # the list holding it fitted, so it fits
            items = tuple(self._convert(item, depth + 1) for item in obj)
            return SequenceValue(items, self._text(obj, items), type_name)
        cap = self._caps.get(id(obj), MAX_SEQUENCE_ITEMS)
        kept, _, truncated = self._kept(obj, cap)
        items = tuple(self._convert(item, depth + 1) for item in kept)
        if not truncated:
            return SequenceValue(items, self._text(obj, items), type_name)
        # Too big to copy whole: keep the first items that fit, and say so.
        if self._weight(obj) > MAX_SEQUENCE_ITEMS:
            why = f"holding more than {MAX_SEQUENCE_ITEMS:,} values: too large to show"
        else:
            why = f"not shown in full: the report keeps at most {REPORT_MAX_ITEMS:,} values of all variables"
        text = f"<{type_name} of {len(obj):,} items {why}; the first {len(kept):,} items are kept>"
        return SequenceValue(items, text, type_name, truncated=True)


def to_value(obj: Any) -> Value:
    """Any value a program can hold -> report.Value (plain data, no addresses), within the budgets
    of one report (use one ReportValues for all variables of a report)."""
    return ReportValues().value(obj)

"""An op recorded in full the short way (issue 9): one tensor out, tensors and plain numbers in.

A long loop's last passes are recorded in full (skim.py: the op window shows them), and so is every
op of a run that does not skim. Recorder._record_op is general (keyword arguments, lists of tensors,
NumPy memory, several outputs); for the usual op it came to five calls more than the record needs
(the result's entry, its grad_fn, OpTrace.add_one, the output's _Output.__init__, the window's
evict). Here they are written out in one frame for an op with positional arguments that are exact
tensors or int/float/bool, one exact tensor out whose grad_fn can be read, and no memory NumPy also
writes: the same numbers, texts, claims, window entry and summary count as _record_op's, in the same
order. Anything else returns False before it changes anything, and _record_op records the op.
tests/unit/test_full_records_s43.py compares reports byte for byte with FULL_ONE on and off.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.engine.held_outputs import _ITEM_DTYPES, _Output
from autogradlab.engine.op_text import _clip
from autogradlab.engine.tensor_numbers import Numbered
from autogradlab.engine.trace import PINNED_MAX_ELEMENTS, WINDOW_ELEMENTS
from autogradlab.engine.window_entries import _CREATED, _FINAL, _GHOST, _HELD, _ORIGIN_KEYS, _OUTPUTS, _PIN

FULL_ONE = True       # tests compare reports with it off (Recorder._record_op for every op)
WINDOW_INLINE = True  # _add_result's window entry written out (tests: off, OpTrace.add_one)

_TENSOR = torch.Tensor
_STRIDED = torch.strided
_new_output = _Output.__new__


class FullRecords:
    """Mixed into Recorder (through SkimHooks), which owns the tables this writes."""

    trace: Any
    _ids: dict[int, Any]
    _names: dict[int, list[str]]
    _local: dict[int, str]
    _next_id: int
    alive_results: int
    _unnamed_outputs: Any

    def _record_one(self, op: str, args: Any, result: Any, line: int, column: int, source: str,
                    in_function: str | None) -> bool:
        """Recorder._record_op(op, args, {}, result, ...) of an op this short way takes; False (nothing
        done) for any other."""
        for arg in args:
            kind = type(arg)
            if kind is not _TENSOR and kind is not float and kind is not int and kind is not bool:
                return False
        try:
            fn = result.grad_fn
        except RuntimeError:   # a view made under no_grad, written in place: _record_op's _grad_fn
            return False
        ids, names, local = self._ids, self._names, self._local
        inputs: list[str] = []
        input_ids: list[int | None] = []
        for arg in args:
            if type(arg) is _TENSOR:   # describe() and tensor_id(), as _record_op
                key = id(arg)
                entry = ids.get(key)
                number = entry.number if entry is not None else self.tensor_id(arg)
                known = names.get(key)
                text = known[0] if known else local.get(key)
                inputs.append(text if text else f"t{number}")
                input_ids.append(number)
            else:
                inputs.append(_clip(repr(arg)))
                input_ids.append(None)
        self._add_result(op, line, column, source, in_function, tuple(inputs), tuple(input_ids), result, fn)
        return True

    def _add_result(self, op: str, line: int, column: int, source: str, in_function: str | None,
                    inputs: tuple, input_ids: tuple, result: Any, fn: Any,
                    view_written: bool = False) -> None:
        """The record of an op with one tensor out whose inputs are described (`inputs`, `input_ids`) and
        whose grad_fn was read (`fn`; `view_written`: PyTorch refused it, recorder._grad_fn): the result's
        number and claims, and its window entry (OpTrace.add_one, written out unless WINDOW_INLINE is off,
        NumPy memory is in play or the result is such a view). Recorder._record_op's one output too."""
        trace = self.trace
        ids = self._ids
        index = trace.total
        key = id(result)
        self._unnamed_outputs = {key}
        entry = ids.get(key)   # _result_entry, written out
        if entry is None:
            try:
                entry = Numbered(result, self._forget_bound)
            except TypeError:
                entry = self._result_entry(result)
            else:
                entry.number, entry.result, entry.key, entry.made = self._next_id, True, key, -1
                self.alive_results += 1
                ids[key] = entry
                self._next_id += 1
        elif not entry.result and entry.weak:
            entry.result = True
            self.alive_results += 1
        created_by = trace.created_by
        created = None
        makes_leaf = False
        if key not in created_by and (entry.made < 0 or not self.claimed(key, entry)):
            created_by[key] = index
            created = [key]
            makes_leaf = fn is None and not view_written and result.requires_grad
        origin_keys = None
        if fn is not None:
            origins = trace.origins
            if id(fn) not in origins:
                origins[id(fn)] = (index, 0, fn, entry if entry.weak else None)
                origin_keys = [id(fn)]
        number = entry.number
        if view_written or trace._shared or not WINDOW_INLINE:
            trace.add_one((index, op, line, column, source, inputs, input_ids), in_function, result, number,
                          fn, created, origin_keys, makes_leaf)
            return
        # OpTrace.add_one, written out; a 0-dim output as _Output.__init__ holds it (its Python number)
        if result.layout is _STRIDED and not result.dim() and result.dtype in _ITEM_DTYPES:
            out = _new_output(_Output)
            out.tensor_id = number
            out.requires_grad = result.requires_grad
            out.grad_fn = None if fn is None else type(fn)
            out.done = None
            out.version = None
            out.key = None
            out.elements = 1
            out.scalar = (result.item(), result.dtype)
            out.copy = None
        else:
            out = _Output(result, number, fn, False)
            if out.key is not None:
                trace.hold_lazily(out)
        held = out.elements
        entries = trace._entries
        entries.append([(index, op, line, column, source, inputs, input_ids), in_function, None, (out,),
                        created, origin_keys, None, makes_leaf and held <= PINNED_MAX_ELEMENTS, held])
        trace.total = index + 1
        summary = trace._summary
        where = (op, line)
        summary[where] = summary.get(where, 0) + 1
        elements = trace._elements = trace._elements + held
        if len(entries) > trace.window or elements > WINDOW_ELEMENTS:
            oldest = entries[0]
            if len(entries) != trace.window + 1 or elements - oldest[_HELD] > WINDOW_ELEMENTS:
                trace.evict()
            elif oldest[_FINAL] is _GHOST:
                # the window's steady step after skimmed passes: the oldest ghost leaves (OpTrace._drop
                # of a ghost: its elements, its count, and its keys if still its own)
                entries.popleft()
                trace._elements = elements - oldest[_HELD]
                trace._ghosts -= 1
                if oldest[_CREATED] is not None or oldest[_ORIGIN_KEYS] is not None:
                    trace.drop_keys(oldest)
            elif not oldest[_PIN] and len(oldest[_OUTPUTS]) == 1 and oldest[_OUTPUTS][0].key is None:
                # ... and after recorded ones: the oldest record leaves (_drop of an entry with one
                # output held without a storage key: its elements and its keys if still its own)
                entries.popleft()
                trace._elements = elements - oldest[_HELD]
                if oldest[_CREATED] is not None or oldest[_ORIGIN_KEYS] is not None:
                    trace.drop_keys(oldest)
            else:
                trace.evict()


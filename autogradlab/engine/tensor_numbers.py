"""The Recorder's tensor numbers (t0, t1, ...) and how it forgets a tensor that died.

Every tensor the recorder sees gets the next number once. Its entry in Recorder._ids (keyed by
id(tensor)) is a weak reference to it that carries the number: when the tensor dies, the callback
removes every id-keyed fact about it (a later tensor may get the same id and must mean nothing
stale) and, for an op result, lowers the count of results alive (the limit max_ops). One object
per tensor (issue 9: a list, a weak reference and a functools.partial per op result cost a long
loop ~1 us per op more, and the callback read the key through the partial).
"""

from __future__ import annotations

import weakref
from typing import Any


class Numbered(weakref.ref):
    """The entry of a tensor with weak references: number, whether an op made it (max_ops counts
    it while it lives), the id it is keyed by, and `made`: the index of the skimmed op that made it
    (its claim while that op's ghost is in the window, as `created_by` holds a recorded op's: see
    TensorNumbers.claimed; -1: none)."""

    __slots__ = ("number", "result", "key", "made")
    weak = True


class Kept:
    """The entry of the rare numbered object without weak references (held in Recorder._kept)."""

    __slots__ = ("number", "result")
    weak = False
    made = -1                 # (its claims are kept in created_by)

    def __init__(self, number: int) -> None:
        self.number = number
        self.result = False   # never counted: it cannot be seen dying


class TensorNumbers:
    """Mixed into Recorder (which owns the id-keyed tables _forget clears)."""

    _ids: dict[int, Any]
    _kept: list[Any]
    _next_id: int
    alive_results: int
    _former: dict[int, str]
    _local: dict[int, str]
    _created_by: dict[int, int]
    _names: dict[int, list[str]]
    _unnamed_outputs: Any
    trace: Any

    def tensor_id(self, tensor: Any) -> int:
        key = id(tensor)
        entry = self._ids.get(key)
        if entry is None:
            try:
                entry = Numbered(tensor, self._forget_bound)
            except TypeError:
                self._kept.append(tensor)
                entry = Kept(self._next_id)
            else:
                entry.number, entry.result, entry.key, entry.made = self._next_id, False, key, -1
            self._ids[key] = entry
            self._next_id += 1
        return entry.number

    def _result_entry(self, tensor: Any) -> Any:
        """tensor_id() of an op's output: numbered if new, and counted as a result alive (max_ops)."""
        key = id(tensor)
        entry = self._ids.get(key)
        if entry is None:
            try:
                entry = Numbered(tensor, self._forget_bound)
            except TypeError:
                self._kept.append(tensor)
                entry = Kept(self._next_id)
            else:
                entry.number, entry.result, entry.key, entry.made = self._next_id, True, key, -1
                self.alive_results += 1
            self._ids[key] = entry
            self._next_id += 1
        elif not entry.result and entry.weak:
            entry.result = True
            self.alive_results += 1
        return entry

    def claimed(self, key: int, entry: Any) -> bool:
        """Whether an op still in the window made the tensor keyed `key` (its entry `entry`, or None):
        a recorded op's claim is in `created_by`, a skimmed op's on the entry (`made`, while its
        ghost is in the window: the window's ops have consecutive indices, the oldest first)."""
        if key in self._created_by:
            return True
        if entry is None or entry.made < 0:
            return False
        trace = self.trace
        entries = trace._entries
        return bool(entries) and entry.made >= trace.total - len(entries)

    def _forget(self, dead: Numbered) -> None:
        """A numbered tensor died: its id may be reused, so every id-keyed fact about it goes."""
        key = dead.key
        ids = self._ids
        if ids.get(key) is not dead:
            return
        del ids[key]
        if dead.result:
            self.alive_results -= 1
        table = self._former   # (each table read once: three tensors die in every pass of a loop)
        if table:
            table.pop(key, None)
        table = self._local
        if table:
            table.pop(key, None)
        table = self._created_by
        if table:
            table.pop(key, None)
        table = self._names
        if table:
            table.pop(key, None)
        if self._unnamed_outputs:
            self._unnamed_outputs.discard(key)

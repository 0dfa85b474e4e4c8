"""The op trace of one run, bounded for long loops (issue 9).

A training loop runs tens of thousands of ops; keeping a full record (and a value snapshot) of
each one cost more than the ops themselves and grew without bound. The trace keeps a window: the
last RECORD_WINDOW ops in full, and for every op ever run a count per (op, line) (`summary`).
An op's outputs are held as they are (an alias without the graph, with the version counter) and
copied only when the program is about to write into their memory: the interpreter announces every
write it makes (in-place methods and functions, setitem, augmented assignment, out=, `.data`
assignment; lang/calls.notify_memory), backward's accumulation into a `.grad` the program saw or
set (Recorder.before_backward), and memory NumPy or `.data` shares without torch's version counter
(outputs on such memory are copied at once). Views share their base's storage, so the storage
address finds every output a write can change. A write no hook announced still bumps the version
counter: the record then says "changed in place" (and STALE_LAZY counts it for the tests), never
shows later values. Outputs are turned into a TensorSnapshot only when the report asks for the
record, so ops that leave the window never pay for a copy or a snapshot. Outputs larger than
CLONE_MAX_ELEMENTS are never copied (held_outputs._Output); what the window holds stays under
WINDOW_ELEMENTS elements in all (older entries leave early).
"""

from __future__ import annotations

from collections import Counter, deque
from typing import Any

import torch

from autogradlab.engine.held_outputs import (  # noqa: F401 - STALE_LAZY, CHANGED_LATER: read by tests
    CHANGED_LATER,
    CLONE_MAX_ELEMENTS,
    STALE_LAZY,
    _Output,
)
from autogradlab.engine.window_entries import (  # noqa: F401 - the entry layout, imported from here too
    _CREATED,
    _FIELDS,
    _FINAL,
    _FUNCTION,
    _GHOST,
    _HELD,
    _ORIGIN_KEYS,
    _OUTPUTS,
    _PIN,
    _VAR,
    _materialize,
    _storage_key,
    op_record,
)
from autogradlab.report import OpRecord, TensorSnapshot

RECORD_WINDOW = 500            # op records kept in full (the latest)
WINDOW_ELEMENTS = 2_000_000      # elements the window may hold (copies and larger outputs) in all
PINNED_MAX = 64                  # ops that made a leaf tensor (requires_grad) kept past the window
PINNED_MAX_ELEMENTS = 10_000     # ... when their outputs are at most this big


class OpTrace:
    def __init__(self, window: int = RECORD_WINDOW) -> None:
        self.window = window
        self.total = 0                     # ops run, in the window or not
        # (op, line) -> times it ran: a plain dict, counted inline per op (a Counter, a dict subclass,
        # took the slower generic path of `summary[where] = ...`; note() ranks it with a Counter).
        # Read it through `summary`: skimmed ops count on their site (site_counts, folded in there)
        self._summary: dict[tuple[str, int], int] = {}
        self.site_counts: list[tuple[tuple[str, int], list[int]]] = []
        # the last len(_entries) ops run, oldest first (see _FIELDS): entry i is op total - len + i (a
        # shared ghost's own index is -1: skimmed_ops.py)
        self._entries: deque[list] = deque()
        self._pinned: list[list] = []      # made leaves the graph draws (their line), oldest first
        self._pinned_at: dict[int, list] = {}
        self._elements = 0
        self._ghosts = 0                   # skimmed ops' entries in the window (see skim)
        self._lazy: dict[int, list[_Output]] = {}   # storage key -> outputs held without a copy
        self._shared: set[int] = set()     # storage keys NumPy (or .data) also writes: copy at once
        # The recorder's tables of what points at an op in the window (Recorder._created_by,
        # Recorder._origins): an op's keys leave with it.
        self.created_by: dict[int, int] = {}                       # id(tensor) -> op index
        self.origins: dict[int, tuple[int, int, Any, Any]] = {}    # id(Node) -> (op index, ...)

    @property
    def summary(self) -> dict[tuple[str, int], int]:
        """(op, line) -> times it ran, in the order each first ran: the per-site counts of skimmed ops
        (SkimmedOps.on_op: a site's key is in the dict from its first op on, so the order holds)
        folded in. A key still at 0 was never counted (its first op stopped on max_ops): left out."""
        summary = self._summary
        for where, counts in self.site_counts:
            if counts[0]:
                summary[where] = summary.get(where, 0) + counts[0]
                counts[0] = 0
        for where in [where for where, count in summary.items() if not count]:
            del summary[where]
        return summary

    def count_site(self, where: tuple[str, int]) -> list[int]:
        """The count of a new op site (SkimmedOps.on_op adds its skimmed ops there), its key put in
        the summary now: the first op of the site is the one being counted."""
        counts = [0, False]   # (and [1]: the site's last result needed no grad, SkimmedOps.on_op)
        self.site_counts.append((where, counts))
        self._summary.setdefault(where, 0)
        return counts

    @property
    def dropped(self) -> int:
        """Ops that ran but are no longer in the window."""
        return self.total - self.kept - len(self._pinned)

    @property
    def kept(self) -> int:
        """Op records in the window (a skimmed op's entry is no record)."""
        return len(self._entries) - self._ghosts

    def add(self, fields: tuple, in_function: str | None, tensors: list[torch.Tensor],
            tensor_ids: list[int], fns: list[Any], created: list[int] | None = None,
            origin_keys: list[int] | None = None, pin: bool = False) -> None:
        """fields: OpRecord's first seven (index, op, line, column, source, inputs, input_ids);
        index must be self.total. fns: the outputs' grad_fn. created / origin_keys: the keys this
        op set in `created_by` / `origins` (removed when it leaves the window, if still its own).
        pin: the op made a leaf tensor; its record outlives the window (up to PINNED_MAX such
        records), so the graph can name the line that made the leaf."""
        if len(tensors) == 1:
            self.add_one(fields, in_function, tensors[0], tensor_ids[0], fns[0], created, origin_keys, pin)
            return
        shared = self._shared
        outputs = [_Output(t, number, fn, bool(shared) and _storage_key(t) in shared)
                   for t, number, fn in zip(tensors, tensor_ids, fns, strict=True)]
        held = 0                 # every new output is held (a copy, the tensor, or a number)
        for out in outputs:
            held += out.elements
            if out.key is not None:
                self.hold_lazily(out)
        entries = self._entries
        entries.append([fields, in_function, None, outputs, created, origin_keys, None,
                        pin and held <= PINNED_MAX_ELEMENTS, held])
        self.total += 1
        summary = self._summary
        where = (fields[1], fields[2])
        summary[where] = summary.get(where, 0) + 1
        self._elements += held
        if len(entries) > self.window or self._elements > WINDOW_ELEMENTS:
            self.evict()

    def add_one(self, fields: tuple, in_function: str | None, tensor: torch.Tensor, tensor_id: int, fn: Any,
                created: list[int] | None = None, origin_keys: list[int] | None = None,
                pin: bool = False) -> None:
        """add() of an op with one output tensor (most ops of a loop), without its lists."""
        shared = self._shared
        out = _Output(tensor, tensor_id, fn, bool(shared) and _storage_key(tensor) in shared)
        held = out.elements
        if out.key is not None:
            self.hold_lazily(out)
        entries = self._entries
        entries.append([fields, in_function, None, (out,), created, origin_keys, None,
                        pin and held <= PINNED_MAX_ELEMENTS, held])
        self.total += 1
        summary = self._summary
        where = (fields[1], fields[2])
        summary[where] = summary.get(where, 0) + 1
        self._elements += held
        if len(entries) > self.window or self._elements > WINDOW_ELEMENTS:
            self.evict()

    def hold_lazily(self, out: _Output) -> None:
        """A new output held without a copy, found by its storage key when a write comes (before_write)."""
        found = self._lazy.get(out.key)
        if found is None:
            self._lazy[out.key] = [out]
        else:
            found.append(out)

    def skim(self, op: str, line: int, held: int, created: list[int] | None,
             origin_keys: list[int] | None) -> None:
        """A skimmed op (skim.py): counted, and in the window as an entry without a record that
        holds its place (so every record leaves the window when it would have), its elements and
        the keys it set in `created_by` / `origins` (removed when it leaves, as add's are).
        SkimmedOps.on_op does the same inline for an op with one output."""
        entries = self._entries
        entries.append(((self.total, op, line), None, None, (), created, origin_keys, _GHOST, False, held))
        self._ghosts += 1
        self.total += 1
        summary = self._summary
        where = (op, line)
        summary[where] = summary.get(where, 0) + 1
        self._elements += held
        if len(entries) > self.window or self._elements > WINDOW_ELEMENTS:
            self.evict()

    def evict(self) -> None:
        """Drop the oldest entries until the window holds at most `window` ops and WINDOW_ELEMENTS."""
        entries = self._entries
        while len(entries) > self.window or (self._elements > WINDOW_ELEMENTS and len(entries) > 1):
            self._drop(entries.popleft())

    def _drop(self, entry: list) -> None:
        self._elements -= entry[_HELD]
        if entry[_FINAL] is _GHOST:
            self._ghosts -= 1
            if entry[_CREATED] is not None or entry[_ORIGIN_KEYS] is not None:
                self.drop_keys(entry)
            return
        if entry[_PIN] and len(self._pinned) < PINNED_MAX:
            self._pinned.append(entry)
            self._pinned_at[entry[_FIELDS][0]] = entry
            return
        for out in entry[_OUTPUTS]:
            if out.key is not None:
                found = self._lazy.get(out.key)
                if found is not None:
                    try:
                        found.remove(out)
                    except ValueError:
                        pass
                    if not found:
                        del self._lazy[out.key]
                out.key = None
        self.drop_keys(entry)

    def drop_keys(self, entry: list | tuple) -> None:
        """The keys an entry leaving the window set in `created_by` / `origins`, if still its own."""
        index = entry[_FIELDS][0]
        created = entry[_CREATED]
        if created is not None:
            created_by = self.created_by
            for key in created:
                if created_by.get(key) == index:
                    del created_by[key]
        origin_keys = entry[_ORIGIN_KEYS]
        if origin_keys is not None:
            origins = self.origins
            for key in origin_keys:
                found = origins.get(key)
                if found is not None and found[0] == index:
                    del origins[key]

    def before_write(self, tensor: torch.Tensor) -> None:
        """The program is about to write into `tensor`'s memory (an in-place op, setitem, out=,
        backward accumulating into a .grad): the outputs held on that storage copy their values
        now. Views share their base's storage, so writes through views are covered."""
        if self._lazy:
            found = self._lazy.pop(_storage_key(tensor), None)
            if found:
                for out in found:
                    out.materialize()

    def share(self, tensor: torch.Tensor) -> None:
        """`tensor`'s memory is now also written by NumPy (or through `.data`, another version
        counter): copy what is held on it, and copy its later outputs when they are recorded."""
        key = _storage_key(tensor)
        if key is not None:
            self.before_write(tensor)
            self._shared.add(key)

    def _entry(self, index: int) -> list | None:
        entries = self._entries
        if entries:
            offset = index - (self.total - len(entries))   # (the window's ops: the last len(entries))
            if 0 <= offset < len(entries):
                return entries[offset]
        return self._pinned_at.get(index)

    def get(self, index: int) -> OpRecord | None:
        entry = self._entry(index)
        return _materialize(entry) if entry is not None and entry[_FINAL] is not _GHOST else None

    def creation(self, index: int, source_line: Any) -> OpRecord | None:
        """The record of the op that made a tensor (the graph shows a leaf's index, line and
        source): get(index), or for a skimmed op still in the window a record of its op and line
        only (source_line(line): the program's line), so a leaf made in a skimmed pass shows the
        same line as with skimming off."""
        entry = self._entry(index)
        if entry is None:
            return None
        if entry[_FINAL] is not _GHOST:
            return _materialize(entry)
        _, op, line = entry[_FIELDS]   # (a ghost without keys is shared: its index is not its own)
        return op_record(index, op, line, 0, source_line(line), (), (), ())

    def origin(self, index: int, position: int) -> tuple[OpRecord, TensorSnapshot | None] | None:
        """(get(index), output(index, position)) with one look-up; None when get() is None."""
        entry = self._entry(index)
        if entry is None or entry[_FINAL] is _GHOST:
            return None
        record = _materialize(entry)
        outputs = entry[_OUTPUTS]
        return record, outputs[position].snapshot() if outputs else None

    def output(self, index: int, position: int) -> TensorSnapshot | None:
        entry = self._entry(index)
        return entry[_OUTPUTS][position].snapshot() if entry is not None and entry[_OUTPUTS] else None

    def name_last(self, var: str) -> None:
        """The last op's result was assigned to `var`."""
        entry = self._entries[-1]
        entry[_VAR] = var if entry[_VAR] is None else f"{entry[_VAR]}, {var}"
        entry[_FINAL] = None

    def records(self) -> list[OpRecord]:
        return [_materialize(entry) for entry in self._pinned + list(self._entries)
                if entry[_FINAL] is not _GHOST]

    def note(self) -> str | None:
        """What the report says when ops left the window."""
        if not self.dropped:
            return None
        busiest = ", ".join(f"{op} (line {line}) ×{count:,}"
                            for (op, line), count in Counter(self.summary).most_common(3))
        pinned = f" and the {len(self._pinned)} that made leaf tensors" if self._pinned else ""
        return (f"the program ran {self.total:,} tensor operations; the op list keeps the last "
                f"{self.kept:,} of them{pinned} (most run: {busiest})")

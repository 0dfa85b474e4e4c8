"""A skimmed op (skim.py: the middle passes of a long loop): numbered and counted, not recorded.

Mixed into Recorder through SkimHooks: on_op (ProgramHooks) skims while `skimming` is on, else
calls Recorder._record_op. A skimmed op does what the record does except build it: the tensors'
numbers, max_ops' count of results alive, the claims in the trace's tables (`origins`, and
`created_by` or the made tensor's entry: tensor_numbers.claimed), and an entry in the window without
a record (a "ghost", trace.py), so every record and claim leaves the window when it would have.

A ghost without keys (no Node claimed in `origins`, no `created_by` claim: every op of a grad-free
loop) is one tuple per op node and output size, made once and shared by all its skimmed ops (issue
9: two tuples made per op and freed RECORD_WINDOW ops later; a skimmed `A @ v` recorded in ~3.05 us,
now ~2.8). Its index is not its own: the window's ops are the last len(entries) run, so
an entry's index is its place (trace.OpTrace._entry, TensorNumbers.claimed, skim_rerun); only a
ghost with keys, whose drop compares indices, keeps its own.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.engine import full_records, name_hooks
from autogradlab.engine.full_records import FullRecords
from autogradlab.engine.op_text import _tensors_in
from autogradlab.engine.pass_checks import GUARD_NO_GRAD, GUARD_NONE
from autogradlab.engine.tensor_numbers import Numbered
from autogradlab.engine.trace import _CREATED, _FINAL, _GHOST, _HELD, _ORIGIN_KEYS, WINDOW_ELEMENTS

_TENSOR = torch.Tensor
_PLAIN = frozenset({int, float, bool, type(None), slice, type(Ellipsis), str, torch.dtype, torch.Size})
_NO_OUTPUTS: frozenset[int] = frozenset()   # Recorder._unnamed_outputs after a skimmed op (never added to)
SHARED_GHOSTS = 8   # output sizes a site keeps a shared ghost for (a growing tensor makes a new one each op)
SHARE_GHOSTS = True   # tests compare reports with it off (a ghost of its own for every op)
SITE_COUNTS = True    # a skimmed op counted on its site, not in trace.summary (tests: off)
GRAD_FIRST = True     # a site whose last result needed no grad reads requires_grad first (tests: off)


class SkimmedOps(FullRecords):
    """Mixed into Recorder (through SkimHooks), which owns the tables it writes."""

    trace: Any
    _ids: dict[int, Any]
    skimmed_ops: int
    skimming: bool
    skim_guard: int
    skim_violated: bool
    forecast_last = -1   # index of the last op skimmed on the count rule's forecast (skim_rerun.py)
    _bound: dict[str, Any]
    _names: dict[int, list[str]]
    _former: dict[int, str]
    _assign_seq: int
    assign_order: dict[str, int]

    def _guard_stops(self) -> bool:
        """A pass skimmed because no op of its loop made an autograd Node (pass_checks.py, (a)) is
        about to make one: this op and the rest of the pass are recorded in full. False (on_op
        records the op; the inputs numbered so far keep their numbers, as for any refused op)."""
        self.skimming = False
        self.skim_guard = GUARD_NONE
        self.skim_violated = True
        return False

    def on_op(self, op: str, args: Any, kwargs: Any, result: Any, node: Any, in_function: str | None,
              bind: list | None = None) -> None:
        """ProgramHooks.on_op: the max_ops check, then while `skimming` the op counted as
        Recorder._record_op records it (the same numbers, the same claims in the trace's tables, an
        entry in the window without a record), else its record (Recorder._record_op).

        The hottest path of a long loop (issue 9): every tensor op of every pass comes here, so the
        per-line facts are cached per node, and the usual skimmed op (no keyword arguments,
        arguments that are tensors or plain numbers, one tensor out) is counted inline, with the
        window's steady step (a ghost in, the oldest ghost out) taken at once (a call per op cost
        ~0.4 us); any other goes to _skim_any (the arguments numbered here are numbered again there
        as no-ops, in the same order). An op neither takes (a new leaf, NumPy memory, ...) is
        recorded in full: the inputs numbered so far keep their numbers, as for any refused op.

        `bind` ([name, statement node, _, line]: lang/compiled_binary_assign.py, `w = A @ v`): then
        on_assign(name, result, statement node, in_function) too, a loop's variable bound to the new
        tensor of a skimmed op taken at once (name_hooks.on_assign's rebinding short way, inline)."""
        site = self._sites.get(id(node))
        if site is None or site[0] is not node:   # keyed by id: a caller's node need not be hashable
            site = self._site(node, op)
        line = site[1]
        if line:
            self.last_line = line
        if self.alive_results >= self._max_ops:
            self._too_many_results(line, site[2])
        if not self.skimming:
            if kwargs or type(result) is not _TENSOR or not full_records.FULL_ONE \
                    or not self._record_one(op, args, result, line, site[2], site[3], in_function):
                self._record_op(op, args, kwargs, result, line, site[2], site[3], in_function)
            if bind is not None:
                self.on_assign(bind[0], result, bind[1], in_function)
            return
        ids = self._ids
        if kwargs or type(result) is not _TENSOR:
            return self._other(op, args, kwargs, result, site, in_function, bind)
        for arg in args:
            kind = type(arg)
            if kind is _TENSOR:
                if id(arg) not in ids:
                    self.tensor_id(arg)
            elif kind is not float and kind is not int and kind is not bool:
                return self._other(op, args, kwargs, result, site, in_function, bind)
        trace = self.trace
        counts = site[6]   # [its skimmed ops not yet in the summary, whether its last result needed no grad]
        try:
            if counts[1]:   # (GRAD_FIRST) requires_grad read first: without it, no grad_fn to read
                grad = result.requires_grad
                fn = result.grad_fn if grad else None
                if fn is not None:
                    counts[1] = False
            else:
                fn = result.grad_fn
                grad = fn is not None or result.requires_grad
                if not grad and GRAD_FIRST:
                    counts[1] = True
        except RuntimeError:   # a view made under no_grad, written in place (`w[:] -= ...`): PyTorch
            # refuses its grad_fn; recorded in full, as Recorder._record_op records it (_grad_fn)
            return self._other(op, args, kwargs, result, site, in_function, bind, False)
        key = id(result)
        entry = ids.get(key)
        guard = self.skim_guard
        if fn is None:
            if grad and (entry is None or not self.claimed(key, entry)):
                # a new leaf: its record may outlive the window (pinned, trace.py)
                return self._other(op, args, kwargs, result, site, in_function, bind, False)
        elif guard == GUARD_NO_GRAD:
            return self._other(op, args, kwargs, result, site, in_function, bind, self._guard_stops())
        index = trace.total
        if entry is None:   # a new tensor (most outputs): _result_entry(), inlined, claimed by this op
            try:
                entry = Numbered(result, self._forget_bound)
            except TypeError:
                return self._other(op, args, kwargs, result, site, in_function, bind)
            number = self._next_id
            entry.number = number
            entry.result = True
            entry.key = key
            entry.made = index
            ids[key] = entry
            self._next_id = number + 1
            self.alive_results += 1
        elif not entry.weak:
            return self._other(op, args, kwargs, result, site, in_function, bind)
        else:   # (an in-place op's result, `x -= ...`, `w.grad.zero_()`: half of polyfit's ops)
            if not entry.result:
                entry.result = True
                self.alive_results += 1
            made = entry.made   # not self.claimed(key, entry), inlined: the claim leaves with this op's ghost
            if key not in self._created_by and (made < 0 or not trace._entries
                                                 or made < index - len(trace._entries)):
                entry.made = index
        origin_keys = None
        if fn is not None:
            origins = trace.origins
            fn_key = id(fn)
            if fn_key not in origins:
                origins[fn_key] = (index, 0, fn, entry)
                origin_keys = (fn_key,)   # (only read: drop_keys, check_pass)
        # trace.skim, inlined
        held = result.numel()
        trace.total = index + 1
        where = site[4]   # (op, line), made once per node
        if where[0] != op:
            where = (op, line)
            summary = trace._summary
            summary[where] = summary.get(where, 0) + 1
        elif SITE_COUNTS:   # counted on the site, folded into the summary when it is read (trace.py)
            counts[0] += 1
        else:
            summary = trace._summary
            summary[where] = summary.get(where, 0) + 1
        if origin_keys is None and where is site[4] and SHARE_GHOSTS:   # no keys: the site's shared ghost
            ghost = site[5].get(held)
            if ghost is None:
                ghost = ((-1, op, line), None, None, (), None, None, _GHOST, False, held)
                if len(site[5]) < SHARED_GHOSTS:
                    site[5][held] = ghost
        else:
            ghost = ((index, op, line), None, None, (), None, origin_keys, _GHOST, False, held)
        entries = trace._entries
        elements = trace._elements + held
        oldest = entries[0] if len(entries) == trace.window and entries else None
        if oldest is not None and oldest[_FINAL] is _GHOST and elements - oldest[_HELD] <= WINDOW_ELEMENTS:
            # a long loop's steady step: the oldest entry is a ghost and leaves as this one comes
            # (trace._drop of a ghost: its elements, and its keys if still its own; the ghost count
            # stays); the window then holds `window` entries and at most WINDOW_ELEMENTS
            entries.popleft()
            entries.append(ghost)
            trace._elements = elements - oldest[_HELD]
            if oldest[_CREATED] is not None:   # (a ghost of _skim_any's that claimed a Kept tensor)
                trace.drop_keys(oldest)
            else:
                lost = oldest[_ORIGIN_KEYS]
                if lost is not None:   # trace.drop_keys, inlined
                    origins = trace.origins
                    for lost_key in lost:
                        found = origins.get(lost_key)
                        if found is not None and found[0] == oldest[0][0]:
                            del origins[lost_key]
        else:
            entries.append(ghost)
            trace._ghosts += 1
            trace._elements = elements
            if len(entries) > trace.window or elements > WINDOW_ELEMENTS:
                trace.evict()
        self._unnamed_outputs = _NO_OUTPUTS
        self.skimmed_ops += 1
        if guard == GUARD_NONE:   # skimmed on the count rule's forecast (skim_rerun.py)
            self.forecast_last = index
        if bind is None:
            return
        name = bind[0]
        if in_function is None and name_hooks.REBIND_SHORTCUT:   # on_assign's short way (name_hooks.py),
            # inline: the tensor is numbered and no op output waits for a name (both just made so)
            bound, all_names = self._bound, self._names
            previous = bound.get(name)
            if previous is not None and key not in all_names:
                old = id(previous)
                names = all_names.get(old)
                if names is not None and len(names) == 1 and names[0] == name:
                    self.last_line = bind[3]
                    self._former[old] = name
                    del all_names[old]
                    bound[name] = result   # (the previous value may die here: _forget)
                    self._assign_seq = seq = self._assign_seq + 1
                    self.assign_order[name] = seq
                    all_names[key] = names
                    return
        self.on_assign(name, result, bind[1], in_function)

    def _other(self, op: str, args: Any, kwargs: Any, result: Any, site: tuple, in_function: str | None,
               bind: list | None, skim: bool = True) -> None:
        """on_op's other ways: _skim_any (if `skim`), else the op's record (Recorder._record_op), then
        `bind`'s on_assign."""
        if not skim or not self._skim_any(op, args, kwargs, result, site[1]):
            self._record_op(op, args, kwargs, result, site[1], site[2], site[3], in_function)
        if bind is not None:
            self.on_assign(bind[0], result, bind[1], in_function)

    def _claim(self, key: int, entry: Any, index: int) -> list[int] | None:
        """Claim the tensor for skimmed op `index` unless an op in the window made it: on its entry
        (tensor_numbers.claimed), or for an entry without weak references in `created_by` (then
        the keys its ghost drops when it leaves the window, as a recorded op's)."""
        if self.claimed(key, entry):
            return None
        if entry.weak:
            entry.made = index
            return None
        self.trace.created_by[key] = index
        return [key]

    def _skim_any(self, op: str, args: Any, kwargs: Any, result: Any, line: int) -> bool:
        """_skim_op of any op (several outputs, keyword arguments, arguments of other kinds)."""
        ids, tensor_id, tensor = self._ids, self.tensor_id, _TENSOR
        for arg in ((*args, *kwargs.values()) if kwargs else args):
            kind = type(arg)
            if kind is tensor or isinstance(arg, tensor):
                if id(arg) not in ids:
                    tensor_id(arg)
            elif kind is tuple or kind is list:   # numbered only if all tensors, as on_op does
                tensors = _tensors_in(arg)
                if tensors and len(tensors) == len(arg):
                    for t in tensors:
                        tensor_id(t)
            elif kind not in _PLAIN:
                return False   # NumPy memory, a container of another kind: recorded in full
        trace = self.trace
        created_by, origins = trace.created_by, trace.origins
        index = trace.total
        if type(result) is tensor or isinstance(result, tensor):   # one output (most ops), inlined
            try:
                fn = result.grad_fn
            except RuntimeError:   # a view made under no_grad, written in place: recorded in full (on_op)
                return False
            key = id(result)
            entry = ids.get(key)
            if fn is None:
                if result.requires_grad and (entry is None or not self.claimed(key, entry)):
                    return False   # a new leaf: its record may outlive the window (pinned, trace.py)
            elif self.skim_guard == GUARD_NO_GRAD:
                return self._guard_stops()
            created = None
            if entry is None:   # a new tensor (most outputs): _result_entry(), inlined, claimed by this op
                try:
                    entry = Numbered(result, self._forget_bound)
                except TypeError:
                    entry = self._result_entry(result)
                    created_by[key] = index
                    created = [key]
                else:
                    entry.number, entry.result, entry.key, entry.made = self._next_id, True, key, index
                    ids[key] = entry
                    self._next_id += 1
                    self.alive_results += 1
            else:
                if not entry.result and entry.weak:
                    entry.result = True
                    self.alive_results += 1
                created = self._claim(key, entry, index)
            origin_keys = None
            if fn is not None and id(fn) not in origins:
                origins[id(fn)] = (index, 0, fn, entry if entry.weak else None)
                origin_keys = [id(fn)]
            # trace.skim and the drop of a ghost that leaves the window, inlined (issue 9: three
            # calls per op were a third of a skimmed pass's recording)
            held = result.numel()
            entries = trace._entries
            entries.append(((index, op, line), None, None, (), created, origin_keys, _GHOST, False, held))
            trace.total = index + 1
            trace._ghosts += 1
            summary = trace._summary
            where = (op, line)
            summary[where] = summary.get(where, 0) + 1
            elements = trace._elements = trace._elements + held
            if len(entries) > trace.window or elements > WINDOW_ELEMENTS:
                oldest = entries[0]
                if (oldest[_FINAL] is _GHOST and len(entries) == trace.window + 1
                        and elements - oldest[_HELD] <= WINDOW_ELEMENTS):   # a long loop's usual case
                    entries.popleft()
                    trace._elements = elements - oldest[_HELD]
                    trace._ghosts -= 1
                    gone = oldest[_CREATED]
                    if oldest[_ORIGIN_KEYS] is not None:
                        trace.drop_keys(oldest)
                    elif gone is not None and len(gone) == 1:   # trace.drop_keys, inlined (a no-grad loop)
                        gone = gone[0]
                        if created_by.get(gone) == oldest[0][0]:
                            del created_by[gone]
                    elif gone is not None:
                        trace.drop_keys(oldest)
                else:
                    trace.evict()
            self._unnamed_outputs = _NO_OUTPUTS
            self.skimmed_ops += 1
            if self.skim_guard == GUARD_NONE:   # skimmed on the count rule's forecast (skim_rerun.py)
                self.forecast_last = index
            return True
        out_tensors = _tensors_in(result)
        if not out_tensors:
            return False
        for t in out_tensors:
            try:
                fn = t.grad_fn
            except RuntimeError:   # a view made under no_grad, written in place: recorded in full (on_op)
                return False
            if fn is None:
                if t.requires_grad and not self.claimed(id(t), ids.get(id(t))):
                    return False
            elif self.skim_guard == GUARD_NO_GRAD:
                return self._guard_stops()
        created = origin_keys = None
        held = 0
        position = 0
        for t in out_tensors:
            key = id(t)
            entry = self._result_entry(t)
            claim = self._claim(key, entry, index)
            if claim is not None:
                if created is None:
                    created = claim
                else:
                    created.append(key)
            fn = t.grad_fn
            if fn is not None and id(fn) not in origins:
                origins[id(fn)] = (index, position, fn, entry if entry.weak else None)
                if origin_keys is None:
                    origin_keys = [id(fn)]
                else:
                    origin_keys.append(id(fn))
            held += t.numel()
            position += 1
        trace.skim(op, line, held, created, origin_keys)
        self._unnamed_outputs = _NO_OUTPUTS
        self.skimmed_ops += 1
        if self.skim_guard == GUARD_NONE:   # skimmed on the count rule's forecast (skim_rerun.py)
            self.forecast_last = index
        return True


# lang/compiled_binary_assign.py passes `bind` to the hooks' on_op when it is this one and their on_assign
# is the one it takes the short way of (a subclass or wrapper with its own gets on_op, then on_assign)
SkimmedOps.on_op.binds = name_hooks.NameHooks.on_assign   # type: ignore[attr-defined]

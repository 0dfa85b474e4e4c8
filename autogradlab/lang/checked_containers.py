"""Long containers the value check has already walked, so that `xs.append(...)` in a loop costs the
new items, not the whole list, every time (issue 9: 20,000 `lst.append(Obj())` took 8.7 s).

safe_values' budgeted walk (is_storable, is_data_quick, and is_data while no object of the
program's classes exists) is the second line of defence: every way into a container checks what
goes in. Once a list, tuple or dict of MEMO_FROM items or more has passed a walk, it is remembered
with its length and its last item (the MEMO_ENTRIES most recently checked); the next check of the
same container walks only what was added at its end since (the item before them must still be the
remembered last one: a `pop()` followed by an `append()` walks the whole again). Item assignment
keeps the length and is checked where it happens, as before. The memory is cleared at every run's
start and end, and whenever the memory limit measures what the run holds (live_memory), so it never
keeps a dropped list's tensors counted against the program. A long container met inside the value
being checked is looked up in the same memory (added_since_passed) and remembered once the walk passes
(note_passed): `d[i] = [d, e]` in a loop walks the one new item of d, not d.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from typing import Any

MEMO_FROM = 256      # items: shorter containers are walked whole each time (a few microseconds)
MEMO_ENTRIES = 16    # containers remembered per kind of check
_MEMO_KINDS = (list, tuple, dict)

# One memory per kind of check (storable / data): id(container) -> (container, length, last key, last item)
STORABLE: dict[int, tuple[Any, int, Any, Any]] = {}
DATA: dict[int, tuple[Any, int, Any, Any]] = {}
CHECKING: set[int] = set()   # ids of the containers whose check is under way (a cycle ends there)
ATOM_TYPES: frozenset[type] = frozenset()   # safe_values' atom types (it sets them: it imports this module):
                                            # values a walk marked `passes_atoms` passes without looking


def remembered(value: Any) -> bool:
    """The container is long enough to be remembered (the caller then uses check)."""
    return type(value) in _MEMO_KINDS and len(value) >= MEMO_FROM


def check(value: Any, memo: dict, walk: Callable[[Any], bool]) -> bool:
    """walk(value), or walk of only the items added at the end since value last passed."""
    if type(value) is list and getattr(walk, "passes_atoms", False) and _one_atom_more(value, memo):
        return True   # `losses.append(loss)` in a loop
    if id(value) in CHECKING:   # `d[i] = d`: the check under way answers for it
        return True
    CHECKING.add(id(value))
    try:
        return _check(value, memo, walk)
    finally:
        CHECKING.discard(id(value))


def _check(value: Any, memo: dict, walk: Callable[[Any], bool]) -> bool:
    size = len(value)
    entry = memo.pop(id(value), None)   # (put back last: the least recently checked go first)
    if entry is not None and entry[0] is value:
        _, length, last_key, last = entry
        if size >= length and _same_end(value, size - length, last_key, last):
            if size > length and not _walk_added(_added(value, size - length), memo, walk):
                return False
            memo[id(value)] = (value, size, *_at_from_end(value, 0)) if size > length else entry
            return True
    if not walk(value):
        return False
    if len(memo) >= MEMO_ENTRIES:
        del memo[next(iter(memo))]
    memo[id(value)] = (value, size, *_at_from_end(value, 0))
    return True


def _one_atom_more(value: list, memo: dict) -> bool:
    """True when the list passed with one item less and the one added at its end is an atom: what
    _check answers then for a walk that passes atoms (_walk_added's first answer), its entry renewed
    and put last as there, without its steps. False: nothing done (check goes its usual way)."""
    key = id(value)
    entry = memo.get(key)
    if entry is None or entry[0] is not value or len(value) != entry[1] + 1 or value[-2] is not entry[3] \
            or type(value[-1]) not in ATOM_TYPES or key in CHECKING:
        return False
    del memo[key]
    memo[key] = (value, entry[1] + 1, None, value[-1])
    return True


def _walk_added(added: list, memo: dict, walk: Callable[[Any], bool]) -> bool:
    """The new items; a long container among them through its own memory (`l.append(a)` in a loop,
    `a` a list of 99,999: not 20,000 of its items each time). Each level of this recursion has
    taken its container's entry out of the memory, so it goes at most MEMO_ENTRIES deep."""
    atoms = ATOM_TYPES
    if getattr(walk, "passes_atoms", False) and all(type(item) in atoms for item in added):
        return True   # `losses.append(loss.item())`: safe_values' walks pass atoms (they say so)
    rest = [item for item in added if not remembered(item)]
    for item in added:
        if remembered(item) and not check(item, memo, walk):
            return False
    return walk(rest) if rest else True


def added_since_passed(value: Any, memo: dict) -> list | None:
    """For a long container met inside another (safe_values._walk: `d[i] = [d, e]` walked all of d,
    20,000 items, at every assignment): the items added at its end since it last passed (empty: none),
    or None when the memory has no such container or it changed otherwise (then it is walked whole)."""
    entry = memo.get(id(value))
    if entry is None or entry[0] is not value:
        return None
    size, length = len(value), entry[1]
    if size < length or not _same_end(value, size - length, entry[2], entry[3]):
        return None
    return _added(value, size - length) if size > length else []


def note_passed(values: list, memo: dict) -> None:
    """Remember the long containers a walk that passed met inside its value, as they are now."""
    for value in values:
        memo.pop(id(value), None)
        if len(memo) >= MEMO_ENTRIES:
            del memo[next(iter(memo))]
        memo[id(value)] = (value, len(value), *_at_from_end(value, 0))


def forget() -> None:
    STORABLE.clear()
    DATA.clear()


_NOTHING = object()   # an empty container's "last item" (never an item of a program)


def _same_end(value: Any, back: int, last_key: Any, last: Any) -> bool:
    """The item `back` places before the last one is the remembered last one (by identity: no
    __eq__ of a program's value runs)."""
    key, item = _at_from_end(value, back)
    return key is last_key and item is last


def _at_from_end(value: Any, back: int) -> tuple[Any, Any]:
    """(key, item) `back` places before the last one: for a list or tuple (None, item), for a dict
    (key, value)."""
    if len(value) <= back:
        return _NOTHING, _NOTHING
    if type(value) is dict:
        return next(islice(reversed(value.items()), back, None))   # (no key is hashed again)
    return None, value[-1 - back]


def _added(value: Any, count: int) -> list:
    """The last `count` items (a dict's values: the walk's budgeted form looks at values alone)."""
    if type(value) is dict:
        return list(islice(reversed(value.values()), count))
    return list(value[len(value) - count:])

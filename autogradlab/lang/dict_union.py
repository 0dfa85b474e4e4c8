"""`d | e` and `d |= e` on dictionaries (also defaultdict, OrderedDict, Counter), sized before Python
builds them (red team, session 26: a 200,000-key `d | e` was built, and counted nowhere).

`d | e` copies d and adds e's new keys: it builds len(d) + (e's keys not in d) items, all counted
towards max_total_sequence_items; `d |= e` adds only e's new keys (a loop's `d |= {k: v}` costs one
item each time, as in Python). The length is checked against max_sequence_len, as a dict display's is.
When the sum of both lengths is within the limit it is the bound checked; above it the new keys are
counted exactly (`k not in d` for each key of e, ~30 ns a key at C speed), so `d | d` of 90,000 keys
is allowed. `d |= pairs` (a list of key-value pairs) counts every pair.
"""

from __future__ import annotations

from typing import Any


def charge_union(sizes: Any, left: dict, right: Any, in_place: bool) -> None:
    try:
        added = len(right)
    except TypeError:   # an iterator: Python's own error or its pairs, each a step of the program
        return
    length = len(left) + added
    if length > sizes.limits.max_sequence_len and isinstance(right, dict):
        added = sum(1 for key in right if key not in left)   # hashed as Python will hash them
        length = len(left) + added
    sizes.charge_sequence(length, "the dictionary", added=added if in_place else None)

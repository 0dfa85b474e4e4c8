"""The young generation's collection held from the end of a report part until the run lets go of its
recorder (engine/run.py, issue 9).

When the collector resumed after the report's graph (run._report_objects), the next allocation
scanned every young object: the graph's ~15,000 new records, and with them the tensors, weak
references and Node wrappers of the recorder's tables, which run._let_go frees a moment later by
reference counting. Tensors are dear to scan (their traverse visits the autograd graph). Held until
then, the same collection scans what is left: the report. A 500-step scalar loop's run in this
process, the whole run's CPU (alternated with HOLD off): median 102.1 -> 97.7 ms at load ~3,
76.8 -> 75.9 ms (min 72.7 -> 70.5) at load ~4-5 with the machine's caches less contended.

Held, not stopped: the threshold of the young generation is raised by its own value over the objects
young now, so that whatever runs meanwhile (a program object's own __repr__, the Steps page's traces,
a rerun) still has the collector after as many new objects as the run itself allows between two
collections. A one-shot process (a sandbox job) freezes the report's objects instead (run.py) and
holds nothing.
"""

from __future__ import annotations

import gc

HOLD = True   # tests compare reports (and the collections' order) with it off


def hold_collection(held: list) -> None:
    """The collector is about to resume with many young objects: the collection they are due is put
    off until release_collection(held), or until as many more objects again. `held` keeps the
    threshold to restore (the first one, when held twice) and whether a collection was due."""
    if not HOLD:
        return
    if not held:
        held.extend((gc.get_threshold(), False))
    first, middle, oldest = held[0]
    young = gc.get_count()[0]
    if young > first:
        held[1] = True
    gc.set_threshold(young + first, middle, oldest)


def release_collection(held: list) -> None:
    """The threshold hold_collection raised, back; the young generation collected now if a collection
    was due when it was held (the one the collector would have made then: still this run's cost)."""
    if not held:
        return
    threshold, due = held
    held.clear()
    gc.set_threshold(*threshold)
    if due and gc.isenabled():
        gc.collect(0)

"""The work of searching a list, tuple or range item by item (`x in xs`, xs.index(x), xs.count(x),
xs.remove(x)), counted over the run against max_searched_items (red team, session 23).

Each search is one C call at 7-15 ns an item here (`-1 in xs` of 100,000 ints: 0.7 ms), so a loop of
them ran with no work counted: 100,000 iterations of `if -1 in xs` was stopped only by the time limit.
A tensor compared with each item costs far more (`'a' in ts`, 20,000 tensors: 450 ms, `5 in ts` 120 ms:
torch's __eq__ per item, ~25 us when the other side is no number), so a search that meets a tensor
counts TENSOR_SEARCH_WEIGHT per item. Sequences shorter than SEARCH_FREE are not counted (the step
budget bounds them). dict and set lookups hash, and objects whose class defines __eq__ run it as an
interpreted call under the step budget (object_equality.py): neither is counted here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import LimitExceeded

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

SEARCH_FREE = 64
TENSOR_SEARCH_WEIGHT = 3_000   # ~25 us per tensor comparison / ~8 ns per int comparison


def charge_search(interp: Interpreter, seq: Any, value: Any, what: str) -> None:
    """Count the search of `seq` for `value` (a list, tuple or range; anything else costs nothing here)
    and refuse it when the run's total passes max_searched_items."""
    kind = type(seq)
    if not isinstance(seq, list | tuple | range):   # also a deque (a list) and a namedtuple (a tuple)
        return
    try:
        length = len(seq)
    except OverflowError:   # range(10**30): the range check refuses it
        return
    if length < SEARCH_FREE:
        return
    weight = 1
    if isinstance(value, torch.Tensor) or (kind is not range and _holds_tensors(seq)):
        weight = TENSOR_SEARCH_WEIGHT
    sizes = interp.sizes
    sizes.searched_items += length * weight
    limit = sizes.limits.max_searched_items
    if sizes.searched_items > limit:
        raise LimitExceeded(
            f"the program searched more than {limit:,} list items in all ({what} on {length:,} items"
            + (", each compared with a tensor)" if weight > 1 else ")"),
            hint="look values up in a set or dict, or search shorter lists (limit max_searched_items)")


def _holds_tensors(seq: list | tuple) -> bool:
    """At C speed (0.3 ms for 100,000 items, less than the search): the item types."""
    return any(issubclass(kind, torch.Tensor) for kind in set(map(type, seq)))

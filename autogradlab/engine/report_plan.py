"""The planning half of report_values.ReportValues: before anything is copied, count where each
tensor/array is shown (aliases, list items) and how much of each list/string a report keeps. The state
these methods use is set by ReportValues.__init__."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from autogradlab.engine.values import MAX_SEQUENCE_DEPTH, MAX_SEQUENCE_ITEMS, TEXT_MAX_WEIGHT, _as_array
from autogradlab.lang.text_weight import _atom_weight, sequence_weight


class ReportPlan:
    """What is shown where, before anything is copied (see ReportValues)."""


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

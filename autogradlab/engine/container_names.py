"""Names for tensors that no variable holds but a list, tuple or dict variable does, or an object of
the program's classes: `xs[2]`, `params['w']`, `layers[0][1]`, `net.w`, `layers[0].b`.

Lessons keep their parameters in lists (`params = [w, b]`, `xs = [torch.tensor(...) for ...]`); a
leaf reached only through such a list was labelled by its number (`t2`) in the graph. The first
path found wins: variables in assignment order, items in order, depth first. The walk is bounded
(MAX_DEPTH levels, MAX_ITEMS items looked at in all, whether or not they make a label; a container
reached again is walked again only from a shallower depth), so a list of a million numbers, or a list
of 20,000 references to one dict of 50,000 keys too long for a label, costs nothing noticeable.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import torch

from autogradlab.lang.plain_classes import ProgramObject

_HOLDERS = (list, tuple, dict, ProgramObject)
MAX_DEPTH = 3
MAX_ITEMS = 20_000
_KEY_TYPES = (int, str, bool)
MAX_KEY_CHARS = 40   # a longer string key makes no label
# items that are neither tensors nor containers: a list or tuple of only these is counted, not walked
_NO_LABELS = frozenset({int, float, bool, complex, str, type(None), np.float64, np.float32, np.int64,
                        np.int32, np.complex128, np.bool_})
FLAT_SKIP = True   # (tests compare with it off)


def container_names(variables: Mapping[str, Any]) -> dict[int, str]:
    """id(tensor) -> a path from a variable (`xs[0]`, `d['w']`, `net.w`) for each tensor inside a
    list, tuple, dict or object variable (not for tensors held by a variable themselves: those have
    their name)."""
    names: dict[int, str] = {}
    walk = _Walk(names)
    for name, value in variables.items():
        if isinstance(value, _HOLDERS):
            walk.walk(value, name, 1)
        if walk.budget <= 0:
            break
    return names


def _labelled(value: Any, path: str) -> Iterator[tuple[str | None, Any]]:
    """(path, item) for each item of a container; None for a dict key that makes no label."""
    if isinstance(value, dict):
        for key, item in value.items():
            usable = type(key) in _KEY_TYPES and (type(key) is not str or len(key) <= MAX_KEY_CHARS)
            yield (f"{path}[{key!r}]" if usable else None), item
    elif isinstance(value, ProgramObject):   # its own attributes (a class's are not the object's)
        for name, item in value.values.items():
            yield f"{path}.{name}", item
    else:
        for index, item in enumerate(value):
            yield f"{path}[{index}]", item


class _Walk:
    def __init__(self, names: dict[int, str]) -> None:
        self.names = names
        self.budget = MAX_ITEMS
        self.shallowest: dict[int, int] = {}   # id(container) -> the least depth it was walked from

    def walk(self, value: Any, path: str, depth: int) -> None:
        if self.shallowest.get(id(value), MAX_DEPTH + 1) <= depth:
            return   # walked already from here or nearer the variable: the same or shorter paths
        self.shallowest[id(value)] = depth
        if FLAT_SKIP and type(value) in (list, tuple) and set(map(type, value)) <= _NO_LABELS:
            # what the loop below comes to for them: each item looked at (the budget), none labelled or
            # walked (5,000 losses: no path text made for each)
            self.budget = max(self.budget - len(value), 0)
            return
        for item_path, item in _labelled(value, path):
            self.budget -= 1
            if self.budget <= 0:
                return
            if item_path is None:
                continue
            if isinstance(item, torch.Tensor):
                self.names.setdefault(id(item), item_path)
            elif depth < MAX_DEPTH and isinstance(item, _HOLDERS):
                self.walk(item, item_path, depth + 1)

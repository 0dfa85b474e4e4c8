"""Names for tensors that no variable holds but a list, tuple or dict variable does, or an object of
the program's classes: `xs[2]`, `params['w']`, `layers[0][1]`, `net.w`, `layers[0].b`.

Lessons keep their parameters in lists (`params = [w, b]`, `xs = [torch.tensor(...) for ...]`); a
leaf reached only through such a list was labelled by its number (`t2`) in the graph. The first
path found wins: variables in assignment order, items in order, depth first. The walk is bounded
(MAX_DEPTH levels, MAX_ITEMS items in all), so a list of a million numbers costs nothing noticeable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from autogradlab.lang.plain_classes import ProgramObject

_HOLDERS = (list, tuple, dict, ProgramObject)
MAX_DEPTH = 3
MAX_ITEMS = 20_000
_KEY_TYPES = (int, str, bool)
MAX_KEY_CHARS = 40   # a longer string key makes no label


def container_names(variables: Mapping[str, Any]) -> dict[int, str]:
    """id(tensor) -> a path from a variable (`xs[0]`, `d['w']`, `net.w`) for each tensor inside a
    list, tuple, dict or object variable (not for tensors held by a variable themselves: those have
    their name)."""
    names: dict[int, str] = {}
    budget = [MAX_ITEMS]
    for name, value in variables.items():
        if isinstance(value, _HOLDERS):
            _walk(value, name, 1, names, budget)
        if budget[0] <= 0:
            break
    return names


def _walk(value: Any, path: str, depth: int, names: dict[int, str], budget: list[int]) -> None:
    if isinstance(value, dict):
        items = ((key, item) for key, item in value.items()
                 if type(key) in _KEY_TYPES and (type(key) is not str or len(key) <= MAX_KEY_CHARS))
        labelled = ((f"{path}[{key!r}]", item) for key, item in items)
    elif isinstance(value, ProgramObject):   # its own attributes (a class's are not the object's)
        labelled = ((f"{path}.{name}", item) for name, item in value.values.items())
    else:
        labelled = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    for item_path, item in labelled:
        budget[0] -= 1
        if budget[0] <= 0:
            return
        if isinstance(item, torch.Tensor):
            names.setdefault(id(item), item_path)
        elif depth < MAX_DEPTH and isinstance(item, _HOLDERS):
            _walk(item, item_path, depth + 1, names, budget)

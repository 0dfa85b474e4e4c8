"""`del x[i]`, `del x[a:b]`, `del d[k]`: what Python does for the values a program holds, with
Python's own errors (IndexError "list assignment index out of range", KeyError 'k', "'tuple' object
doesn't support item deletion"). Deleting only shrinks a list or dict, so nothing is charged; dict
keys pass the same check as reading and storing them (plain hashable values only)."""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.errors import ProgramTypeError, ProgramValueError
from autogradlab.lang import dicts
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import SafeArray, type_text
from autogradlab.lang.stored_objects import refuse_object_index


def delete_item(interp: Any, base: Any, index: Any) -> None:
    if type(base) is not dict:   # `del d[node]`: dicts alone take an object as the index
        refuse_object_index(index)
    if isinstance(base, dict):
        dicts.check_key(index)
    elif isinstance(base, torch.Tensor):
        raise ProgramTypeError("Tensor does not support deleting items")
    elif isinstance(base, SafeArray):
        raise ProgramValueError("cannot delete array elements")
    elif not isinstance(base, list):
        raise ProgramTypeError(f"'{type_text(base)}' object doesn't support item deletion")
    try:
        del base[index]
    except Exception as exc:  # noqa: BLE001 - Python's own IndexError/KeyError/TypeError text
        raise python_error(exc) from None

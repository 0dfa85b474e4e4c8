"""`y.grad_fn._saved_self`, `_saved_other`, `_saved_result`, `_saved_exponent`: what a backward node
saved from its forward, as PyTorch's saved-tensors-hooks tutorial and autograd notes read it (issue 9,
session 39). Only a node of the program's own graph (SafeGradFn) answers, only `_saved_<name>` (never
`_raw_saved_*`, which hands out a SavedVariable), and only plain values: tensors, numbers, strings,
None, dtypes and tuples/lists of them. Reading runs the program's unpack hook, as in PyTorch; a freed
buffer gives PyTorch's error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported
from autogradlab.lang.call_errors import translate_torch_error
from autogradlab.lang.construct_checks import is_saved_name  # noqa: F401 - re-exported (attributes.py)
from autogradlab.lang.operators import python_error

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_PLAIN = (torch.Tensor, bool, int, float, complex, str, type(None), torch.dtype)


def _plain(value: Any, depth: int = 0) -> bool:
    if isinstance(value, _PLAIN):
        return True
    return depth < 2 and isinstance(value, (tuple, list)) and len(value) <= 64 \
        and all(_plain(item, depth + 1) for item in value)


def read_saved(interp: Interpreter, node: Any, node_name: str, name: str) -> Any:
    """getattr(node, name) for a `_saved_*` name, with Python's / PyTorch's errors; the program's own
    unpack hook runs, as in PyTorch (saved_tensor_hooks.py: `reading_saved`)."""
    before = interp.__dict__.get("reading_saved", False)   # an unpack hook reading one itself (nested)
    interp.__dict__["reading_saved"] = True
    try:
        value = getattr(node, name)
    except AttributeError:
        raise python_error(AttributeError(f"'{node_name}' object has no attribute '{name}'")) from None
    except Exception as exc:  # noqa: BLE001 - freed buffers, the program's unpack hook's own error
        raise translate_torch_error(exc, name, []) from None
    finally:
        interp.__dict__["reading_saved"] = before
    if not _plain(value):
        raise NotSupported(f"`.{name}` of a grad_fn holds a {type(value).__name__}, which is not supported "
                           "in Autograd Lab")
    return list(value) if isinstance(value, list) else value

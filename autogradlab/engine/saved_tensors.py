"""The tensors a backward Node saved for its backward (`_saved_self`, `_saved_result`, ...), read
as torchviz reads them, but once per Node class learnt and then read in one step."""

from __future__ import annotations

import operator
from typing import Any

import torch

SAVED_PREFIX = "_saved_"

_SAVED_ATTRS: dict[type, tuple[str, ...]] = {}
# Node class -> (its `_saved_*` names that can hold a tensor, one getter reading them all at once)
_SAVED_READERS: dict[type, tuple[tuple[str, ...], Any]] = {}
_NEVER_TENSORS = (int, float, bool, complex, str, torch.dtype, torch.device, torch.layout,
                  torch.memory_format, torch.SymInt, torch.SymFloat, torch.SymBool)


def _saved_attrs(cls: type, fn: Any) -> tuple[str, ...]:
    """The `_saved_*` attribute names of a Node class (dir() is slow; the names are per class)."""
    names = _SAVED_ATTRS.get(cls)
    if names is None:
        names = _SAVED_ATTRS[cls] = tuple(a for a in dir(fn) if a.startswith(SAVED_PREFIX))
    return names


def read_saved(fn: Any) -> list[tuple[str, torch.Tensor]] | None:
    """The tensors a backward node saved (`_saved_self`, `_saved_result`, ...), as torchviz reads
    them; None when backward already freed them.

    Runs for every new Node before every backward of a training loop (issue 9), so after a class's
    first Node its attributes are read by one attrgetter, leaving out those that held a plain value
    (a field's C++ type is fixed per class: an int, a dtype or a list of sizes is never a tensor)."""
    reader = _SAVED_READERS.get(type(fn))
    if reader is None:
        return _read_saved_learning(fn)
    names, getter = reader
    if not names:
        return []
    try:
        values = getter(fn)
    except RuntimeError:
        return None
    except Exception:  # an attribute torch cannot unpack: read them one by one, as the first time
        return _read_each(fn, names)
    if len(names) == 1:
        values = (values,)
    saved: list[tuple[str, torch.Tensor]] = []
    for attr, val in zip(names, values, strict=True):
        if isinstance(val, torch.Tensor):
            saved.append((attr, val))
        elif isinstance(val, tuple):
            saved.extend((f"{attr}[{i}]", t) for i, t in enumerate(val) if isinstance(t, torch.Tensor))
    return saved


def read_saved_into(fns: list[Any], store: dict[int, list[tuple[str, torch.Tensor]]],
                    failed: list[Any] | None = None) -> None:
    """store[id(fn)] = read_saved(fn) for every Node that saved a tensor: what before_backward keeps
    for the report of each new Node of a backward (issue 9: 2,000 Nodes for a 500-step scalar loop,
    of which the Python around torch's own reads was two thirds). The same reads, written out for
    a class already learnt whose fields hold a tensor or nothing (None); anything else (a class not
    learnt yet, a tuple field, a read that raises) is read_saved's. `failed` gets each Node whose
    saved tensors could not be read (freed, or changed in place: its backward would raise)."""
    readers, tensor_type = _SAVED_READERS, torch.Tensor
    for fn in fns:
        reader = readers.get(type(fn))
        if reader is not None:
            names, getter = reader
            if not names:   # (a class that saves no tensor: AddBackward0 and co.)
                continue
            try:
                values = getter(fn)
            except Exception:  # noqa: BLE001 - read_saved's own handling (None, or one by one)
                values = None
            else:
                if len(names) == 1:
                    if type(values) is tensor_type:
                        store[id(fn)] = [(names[0], values)]
                        continue
                    if values is None:
                        continue
                else:
                    saved = []
                    for attr, val in zip(names, values, strict=True):
                        if type(val) is tensor_type:
                            saved.append((attr, val))
                        elif val is not None:
                            break
                    else:
                        if saved:
                            store[id(fn)] = saved
                        continue
        saved = read_saved(fn)
        if saved:
            store[id(fn)] = saved
        elif saved is None and failed is not None:
            failed.append(fn)


def _read_each(fn: Any, names: tuple[str, ...],
               plain: list[str] | None = None) -> list[tuple[str, torch.Tensor]] | None:
    """read_saved attribute by attribute; `plain` collects the names that held a plain value."""
    saved: list[tuple[str, torch.Tensor]] = []
    for attr in names:
        try:
            val = getattr(fn, attr)
        except RuntimeError:
            return None
        except Exception:  # an attribute torch cannot unpack is simply not drawn
            continue
        if isinstance(val, torch.Tensor):
            saved.append((attr, val))
        elif isinstance(val, tuple):
            saved.extend((f"{attr}[{i}]", t) for i, t in enumerate(val) if isinstance(t, torch.Tensor))
            if any(isinstance(t, _NEVER_TENSORS) for t in val) and plain is not None:
                plain.append(attr)
        elif isinstance(val, _NEVER_TENSORS) and plain is not None:
            plain.append(attr)
    return saved


def _read_saved_learning(fn: Any) -> list[tuple[str, torch.Tensor]] | None:
    """The first read of a Node class: also learns which attributes can hold a tensor."""
    names = _saved_attrs(type(fn), fn)
    plain: list[str] = []
    saved = _read_each(fn, names, plain)
    if saved is not None:   # all read (a freed Node teaches nothing)
        kept = tuple(a for a in names if a not in plain)
        _SAVED_READERS[type(fn)] = (kept, operator.attrgetter(*kept) if kept else None)
    return saved

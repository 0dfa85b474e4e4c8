"""Registering the gradient pre-hooks of a backward's new Nodes (grads.GradientRecorder.begin) without
a call into Python for each one.

Node.register_prehook (C++) asks torch.autograd.Function._register_hook(the Node's hook dict or None,
hook) for the dict to keep and a RemovableHandle, and hands that handle back. We never remove a hook,
and torch's version (a new OrderedDict, a handle with its weak reference, a Python call) was most of a
registration's cost (issue 9: a 500-step scalar loop registers 2,000). While a Registration is open,
_register_hook is the bound `get` of a one-entry dict instead: for a Node without Python pre-hooks
(the first argument is None) it returns the (hook dict, None) pair the caller put under None just
before, so the C++ side keeps our dict (a plain dict with a key no handle uses: handles count up from
0, ours down from -1) and returns None, with no Python frame. A Node that has Python pre-hooks already
passes their dict, which `get` cannot hash: the TypeError sends that Node through _register_plain
(the same pair, made in Python, adding to its dict). Nothing else runs meanwhile (no program code, no
other thread), and torch's own registration is put back when the Registration closes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from torch.autograd import function as _torch_function

_HOOK_MIXIN: Any = getattr(_torch_function, "_HookMixin", None)
_REGISTER_TORCH = _HOOK_MIXIN.__dict__.get("_register_hook") if _HOOK_MIXIN is not None else None
if not isinstance(_REGISTER_TORCH, staticmethod):   # another torch: leave its registration alone
    _HOOK_MIXIN = None
PLAIN_KEYS = itertools.count(-1, -1)


class HookDict(dict):
    """A Node's pre-hook dict (torch's RemovableHandle of a hook registered later weakly refers to it)."""

    __slots__ = ("__weakref__",)


def _register_plain(hooks: dict | None, hook: Callable) -> tuple[dict, None]:
    if hooks is None:
        hooks = HookDict()
    hooks[next(PLAIN_KEYS)] = hook
    return hooks, None


_REGISTER_PLAIN = staticmethod(_register_plain)


class Registration:
    """`with Registration() as registration:` then, per Node, `hooks = HookDict(); hooks[next(PLAIN_KEYS)]
    = hook; registration.pending[None] = (hooks, None); fn.register_prehook(hook)`, and on TypeError
    registration.register_plain(fn, hook) (grads._hook_graphs writes this out for every new Node)."""

    def __init__(self) -> None:
        self.pending: dict[None, tuple[dict, None]] = {}
        self._lookup = staticmethod(self.pending.get)

    def __enter__(self) -> Registration:
        if _HOOK_MIXIN is not None:
            _HOOK_MIXIN._register_hook = self._lookup
        return self

    def __exit__(self, *exc: object) -> None:
        self.pending.clear()
        if _HOOK_MIXIN is not None:
            _HOOK_MIXIN._register_hook = _REGISTER_TORCH

    def register_plain(self, fn: Any, hook: Callable) -> None:
        """fn.register_prehook(hook) through _register_plain (a Node with Python pre-hooks already)."""
        if _HOOK_MIXIN is None:
            fn.register_prehook(hook)
            return
        _HOOK_MIXIN._register_hook = _REGISTER_PLAIN
        try:
            fn.register_prehook(hook)
        finally:
            _HOOK_MIXIN._register_hook = self._lookup

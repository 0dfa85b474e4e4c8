"""Per-node gradients: d(backwarded tensor) / d(every node's value), not only the leaves'.

PyTorch keeps `.grad` for leaves only (and for tensors the user called `retain_grad()` on). We must
not call `retain_grad()` ourselves, since that would change what `.grad` shows; instead, before a
backward runs, a pre-hook goes on every autograd Node of its graph (it receives grad_outputs, the
gradient with respect to that Node's output, already summed over all consumers) and a tensor hook
on every leaf. Hooks return None, so they never change a value. Each hook is registered once: a
Node seen in an earlier backward keeps its hook.

Bounded for training loops (issue 9): only the gradients of the last KEPT_BACKWARDS backward calls
are kept, and a Node or leaf is held (so its id stays unique) only while one of those backward calls
reached it. Everything older is let go, so graphs that the program frees are really freed. A hook
whose registration was let go does nothing (its token no longer matches). A backward call that
surely has at least KEPT_BACKWARDS calls after it in the same loop is not begun here at all
(skim.py, sure_backwards.py): its gradients would be let go before the report is built.
"""

from __future__ import annotations

import gc
import itertools
import weakref
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

import torch
from torch.autograd import function as _torch_function

from autogradlab.engine.graph import is_leaf_node

Capture = dict[int, torch.Tensor]  # id(Node) or id(leaf tensor) -> gradient
KEPT_BACKWARDS = 8                   # backward calls whose gradients (and graph references) are kept


class _Generation:
    """One backward call: its gradients and the Nodes/leaves it reached (held strongly)."""

    __slots__ = ("capture", "reached", "returned", "shared")

    def __init__(self, shared: frozenset[int] | None = None) -> None:
        self.capture: Capture = {}
        self.reached: dict[int, Any] = {}
        self.returned = False
        self.shared = shared   # storages of the program's own `gradient` tensors (None: none given)


class GradientRecorder:
    def __init__(self, on_release: Callable[[list[int]], None] | None = None) -> None:
        self._hooked: dict[int, object] = {}   # id -> token of the hook registered for it
        self._owner: dict[int, _Generation] = {}  # id -> latest backward that reached it
        self._generations: deque[_Generation] = deque()
        self._current: _Generation | None = None
        self._on_release = on_release          # told the ids let go (the recorder drops saved tensors)
        # id(leaf) -> (weak reference to the leaf, handle of its hook): see quiet_leaves
        self._leaf_hooks: dict[int, tuple[Any, Any]] = {}

    @property
    def completed(self) -> list[Capture]:
        """Captures of the kept backward calls that returned normally, oldest first."""
        return [g.capture for g in self._generations if g.returned]

    def begin(self, roots: list[torch.Tensor], gradient: Any = None) -> list[Any]:
        """Called right before backward() from `roots` (with the program's `gradient` argument,
        a tensor or a sequence of them, if any); returns the Nodes seen for the first time."""
        if self._current is not None:   # the previous backward raised and nobody said so
            self.abort()
        self._current = _Generation(_storages(gradient) if gradient is not None else None)
        was_enabled = gc.isenabled()   # (gc_paused, without a generator: this runs every backward)
        gc.disable()
        plain = _HOOK_MIXIN is not None
        if plain:
            _HOOK_MIXIN._register_hook = _REGISTER_PLAIN
        try:
            return self._hook_graphs(roots)
        finally:
            if plain:
                _HOOK_MIXIN._register_hook = _REGISTER_TORCH
            if was_enabled:
                gc.enable()

    def _reach(self, key: int, obj: Any) -> None:
        self._current.reached[key] = obj
        self._owner[key] = self._current

    def _hook_graphs(self, roots: list[torch.Tensor]) -> list[Any]:
        """One walk of each root's graph (issue 9: the walk, the reach bookkeeping and the hook
        registration used to be three passes): every Node not yet reached by this backward is
        reached, and hooked unless an earlier backward's hook on it is still registered.
        The hottest loop of a training loop's backward: every Node of every iteration's fresh
        graph passes here once, so it is written out flat."""
        new_fns: list[Any] = []
        current = self._current
        reached, owner, hooked = current.reached, self._owner, self._hooked
        leaf_of = _LEAF_OF_TYPE
        hook = _pre_hook
        for tensor in roots:
            root = tensor.grad_fn
            if root is None:
                if tensor.requires_grad:
                    self._hook_leaf(tensor)
                continue
            if id(root) in reached:
                continue
            reached[id(root)] = root
            stack = [root]
            pop, push = stack.pop, stack.append
            while stack:
                fn = pop()
                key = id(fn)
                owner[key] = current
                leaf = leaf_of.get(type(fn))
                if leaf is None:
                    leaf = leaf_of[type(fn)] = is_leaf_node(fn)
                if leaf:
                    self._hook_leaf(fn.variable)
                    continue   # an AccumulateGrad Node has no inputs
                if key not in hooked:
                    token = hooked[key] = object()
                    fn.register_prehook(partial(hook, self, key, token))
                    new_fns.append(fn)
                for child, _ in fn.next_functions:
                    if child is not None and id(child) not in reached:
                        reached[id(child)] = child
                        push(child)
        return new_fns

    def finish(self) -> None:
        """The backward returned normally: its gradients become visible."""
        if self._current is not None:
            self._current.returned = True
        self._keep_current()

    def abort(self) -> None:
        """The backward raised: its gradients are not shown (what it reached is let go in turn)."""
        self._keep_current()

    def _keep_current(self) -> None:
        if self._current is not None:
            self._generations.append(self._current)
            if len(self._generations) > KEPT_BACKWARDS:
                self._release(self._generations.popleft())
        self._current = None

    def _release(self, generation: _Generation) -> None:
        """Let go of what only this backward call still held."""
        owner, hooked = self._owner, self._hooked
        owned_by = owner.get
        released = [key for key in generation.reached if owned_by(key) is generation]
        unhook = hooked.pop
        leaf_hooks = self._leaf_hooks
        for key in released:
            del owner[key]
            unhook(key, None)
            if key in leaf_hooks:   # (its hook stays on, storing nothing: the token is gone)
                del leaf_hooks[key]
        if released and self._on_release is not None:
            self._on_release(released)

    def release_all(self) -> None:
        """The report is built: let go of every Node, leaf and gradient. A Node's pre-hook holds
        this recorder (its partial) and the recorder held the Node: a cycle through PyTorch's C++
        graph, which Python's collector cannot see (a Node shared by another Node is not
        traversed). In a process that runs many programs (tests, benchmarks, the CLI) every run's
        whole graph stayed: a 500-step scalar loop, ~20,000 objects and ~6 MB per run, and
        glibc's mallinfo2 (sizes.py's baseline) read a heap growing with them. The hooks stay on
        and store nothing (no backward is current)."""
        self._generations.clear()
        self._owner.clear()
        self._hooked.clear()
        self._leaf_hooks.clear()
        self._current = None
        self._on_release = None

    def latest_covering(self, key: int) -> Capture | None:
        """Gradients of the latest backward that reached the node (or leaf) with this id."""
        for generation in reversed(self._generations):
            if generation.returned and key in generation.capture:
                return generation.capture
        return None

    def _store(self, key: int, token: object, grad: torch.Tensor | None) -> None:
        # A leaf's gradient, kept as the Node gradients are (see _node_hook): the reference held
        # here keeps AccumulateGrad from stealing it as the leaf's .grad (which the program then
        # zeroes in place); it copies into .grad instead, and later backward calls add into .grad.
        current = self._current
        if current is not None and grad is not None and self._hooked.get(key) is token:
            shared = current.shared
            copy = grad.requires_grad or (shared is not None and _shares(grad, shared))
            current.capture[key] = grad.detach().clone() if copy else grad

    def _hook_leaf(self, leaf: torch.Tensor) -> None:
        key = id(leaf)
        self._reach(key, leaf)
        if key in self._hooked:
            return
        token = object()
        self._hooked[key] = token

        def leaf_hook(grad: torch.Tensor) -> None:
            self._store(key, token, grad)
        handle = leaf.register_hook(leaf_hook)
        try:
            self._leaf_hooks[key] = (weakref.ref(leaf), handle)
        except TypeError:   # (a tensor without weak references keeps its hook, as before)
            pass

    def quiet_leaves(self) -> None:
        """A backward that begins nothing (skim.py: a middle pass of a long loop) is about to run:
        take the leaves' hooks off. They would only be called to store nothing (no backward is
        current), once per leaf per backward (issue 9: a wrap of the gradient and two Python calls
        each). A leaf a later backward reaches is hooked again then (a new token, as for a leaf
        never seen), so every capture is the same. Only our own entry of the leaf's hook dict is
        removed; when it was the only one, the dict goes too (torch then calls no Python for it)."""
        hooks, hooked = self._leaf_hooks, self._hooked
        for key, (ref, handle) in hooks.items():
            leaf = ref()
            if leaf is None:   # died: its id may belong to another object now, leave _hooked alone
                continue
            own = leaf._backward_hooks
            if own is not None and len(own) == 1 and handle.id in own:
                leaf._backward_hooks = None   # (torch's setter clears the C++ hook that read the dict)
            else:
                handle.remove()
            hooked.pop(key, None)
        hooks.clear()



def _pre_hook(recorder: GradientRecorder, key: int, token: object,
              grad_outputs: tuple[torch.Tensor | None, ...]) -> None:
    """The pre-hook of one Node (`key`, registered with `token`), bound by functools.partial: made
    for every new Node of every backward, a partial costs less than a closure made by a method.

    No copy here (issue 9: a clone per Node per backward was a third of a loop's backward
    cost). The gradient a Node receives is a fresh tensor of the backward pass; the one
    place PyTorch reuses such a tensor is AccumulateGrad stealing it as a leaf's .grad (which
    the program may then change in place), and it steals only a tensor nobody else holds:
    the reference kept here makes it copy instead (test_engine_grads checks the values).
    The exception: the program's own `gradient` tensor of y.backward(g) reaches the root
    Node as it is (and Nodes behind it that pass a gradient through, or view it): a
    gradient sharing its storage is copied, or `g += 1` later would change what is shown.
    (The token is a plain object: a hook naming itself would be a reference cycle per Node,
    left to the cyclic collector.)"""
    current = recorder._current
    if current is None or recorder._hooked.get(key) is not token:
        return
    for grad in grad_outputs:
        if grad is not None:
            # the same tensor object (a detach() would not count as a holder), unless it
            # is part of a graph (create_graph=True): then a copy, so no graph is kept
            shared = current.shared
            copy = grad.requires_grad or (shared is not None and _shares(grad, shared))
            current.capture[key] = grad.detach().clone() if copy else grad
            return


# Node.register_prehook (C++) asks torch.autograd.Function._register_hook(the Node's hook dict or
# None, hook) for the dict to keep and a RemovableHandle, and hands that handle back. We never remove
# a hook, and a new dict and a handle (with its weak reference) per Node were half the cost of a
# registration (issue 9: a 500-step scalar loop registers 2,000). While begin() registers, a plain
# version stands in: a plain dict (the C++ side only iterates it), a key no handle uses (handles count
# up from 0, ours down from -1), no handle. Nothing else runs meanwhile (no program code, no other
# thread), and torch's own is put back in `finally`.
_HOOK_MIXIN: Any = getattr(_torch_function, "_HookMixin", None)
_REGISTER_TORCH = _HOOK_MIXIN.__dict__.get("_register_hook") if _HOOK_MIXIN is not None else None
if not isinstance(_REGISTER_TORCH, staticmethod):   # another torch: leave its registration alone
    _HOOK_MIXIN = None
_PLAIN_KEYS = itertools.count(-1, -1)


class _HookDict(dict):
    __slots__ = ("__weakref__",)


def _register_plain(hooks: dict | None, hook: Callable) -> tuple[dict, None]:
    if hooks is None:
        hooks = _HookDict()
    hooks[next(_PLAIN_KEYS)] = hook
    return hooks, None


_REGISTER_PLAIN = staticmethod(_register_plain)

_LEAF_OF_TYPE: dict[type, bool] = {}   # Node class -> is it AccumulateGrad (read once per class)


def _storages(gradient: Any) -> frozenset[int] | None:
    """Storage addresses of the program's gradient tensors; None when there are none."""
    items = gradient if isinstance(gradient, (list, tuple)) else [gradient]
    tensors = [t for t in items if isinstance(t, torch.Tensor)]
    if not tensors:
        return None
    try:
        return frozenset(t.untyped_storage().data_ptr() for t in tensors)
    except Exception:  # a tensor without a plain storage: copy every gradient of this backward
        return frozenset({_EVERY})


_EVERY = -1


def _shares(grad: torch.Tensor, storages: frozenset[int]) -> bool:
    if _EVERY in storages:
        return True
    try:
        return grad.untyped_storage().data_ptr() in storages
    except Exception:
        return True

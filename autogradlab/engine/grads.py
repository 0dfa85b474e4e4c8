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
import operator
import weakref
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

import torch

from autogradlab.engine import captured_backward
from autogradlab.engine.grad_capture import Closed, Copying, Live, kept, storages, take
from autogradlab.engine.graph_walk import Walk, gc_paused, is_leaf_node, walk_graph
from autogradlab.engine.prehook_register import PLAIN_KEYS, HookDict, Registration
from autogradlab.engine.saved_tensors import read_saved_into

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
        self._walk: tuple[Any, Walk] | None = None   # (root, walk_graph(root)) of the latest begin()
        self._token_keys: dict[int, int] = {}   # token of a Node's hook -> id(Node) (grad_capture.py)
        self._live: Live = Closed(self._hooked, self._token_keys)   # where the Node hooks store

    @property
    def completed(self) -> list[Capture]:
        """Captures of the kept backward calls that returned normally, oldest first."""
        return [g.capture for g in self._generations if g.returned]

    def begin(self, roots: list[torch.Tensor], gradient: Any = None, plain: bool = False) -> list[Any]:
        """Called right before backward() from `roots` (with the program's `gradient` argument,
        a tensor or a sequence of them, if any); returns the Nodes seen for the first time.
        `plain`: a backward() without arguments (grad_capture.py: the hooks run no Python)."""
        if self._current is not None:   # the previous backward raised and nobody said so
            self.abort()
        self._current = _Generation(storages(gradient) if gradient is not None else None)
        self._walk = None
        live = self._live
        live.clear()
        live.generation = self._current
        live.__class__ = Live if plain else Copying
        was_enabled = gc.isenabled()   # (gc_paused, without a generator: this runs every backward)
        gc.disable()
        try:
            with Registration() as registration:
                return self._hook_graphs(roots, registration)
        finally:
            if was_enabled:
                gc.enable()

    def begin_captured(self, root: torch.Tensor, saved: dict[int, Any]) -> Callable[[], None] | None:
        """The backward of `root` run by captured_backward (no hook on any Node), or None when its
        graph is not one that way runs the same (the caller then begins the hooked one). The
        saved tensors of every Node are read into `saved` here, before the backward frees them."""
        if self._current is not None:   # the previous backward raised and nobody said so
            self.abort()
        if self._leaf_hooks:   # the hooks a hooked backward put on leaves: nothing runs inside
            self.quiet_leaves()
        outputs: list[tuple[Any, int]] = []
        walk = walk_graph(root.grad_fn, outputs=outputs)
        if root.output_nr:
            outputs.append((root.grad_fn, root.output_nr))
        plan = captured_backward.plan_of(walk.order, outputs)
        if plan is None:
            return None
        failed: list[Any] = []
        with gc_paused():
            read_saved_into(plan.nodes, saved, failed)
        if failed or captured_backward.adds_into_shared(plan, saved):   # torch raises in the middle of it
            return None
        current = self._current = _Generation()
        self._walk = (root.grad_fn, walk)
        self._live.__class__ = Closed   # a hook left from an earlier backward stores nothing
        reached, owner = current.reached, self._owner
        keys = list(map(id, walk.order))   # (as `reached[id(fn)] = fn; owner[id(fn)] = current` per Node)
        reached.update(zip(keys, walk.order, strict=True))
        owner.update(dict.fromkeys(keys, current))
        for _, leaf in plan.leaves:
            reached[id(leaf)] = leaf
            owner[id(leaf)] = current
        return captured_backward.runner(root, plan, current.capture)

    def walk_of(self, root: Any) -> Walk | None:
        """walk_graph(root) as the latest begin() made it, if `root` was that backward's only root
        (the report reads its graph from this walk instead of walking the same Nodes again)."""
        walk = self._walk
        return walk[1] if walk is not None and walk[0] is root else None

    def _reach(self, key: int, obj: Any) -> None:
        self._current.reached[key] = obj
        self._owner[key] = self._current

    def _hook_graphs(self, roots: list[torch.Tensor], registration: Registration) -> list[Any]:
        """One walk of each root's graph (walk_graph's, kept for the report when there is one root):
        every Node not yet reached by this backward is reached, and hooked unless an earlier
        backward's hook on it is still registered (prehook_register.py: no Python call per
        registration). The hottest loop of a training loop's backward: every Node of every
        iteration's fresh graph passes here once, so it is written out flat."""
        new_fns: list[Any] = []
        current = self._current
        reached, owner, hooked = current.reached, self._owner, self._hooked
        leaf_of = _LEAF_OF_TYPE
        live, token_keys, setitem, tokens = self._live, self._token_keys, operator.setitem, _TOKENS
        hook_dict, keys, pending = HookDict, PLAIN_KEYS, registration.pending
        for tensor in roots:
            root = tensor.grad_fn
            if root is None:
                if tensor.requires_grad:
                    self._hook_leaf(tensor)
                continue
            if id(root) in reached:
                continue
            walk = walk_graph(root, reached)
            if len(roots) == 1:   # (a later root's walk leaves out what an earlier one reached)
                self._walk = (root, walk)
            for fn in walk.order:
                key = id(fn)
                reached[key] = fn
                owner[key] = current
                leaf = leaf_of.get(type(fn))
                if leaf is None:
                    leaf = leaf_of[type(fn)] = is_leaf_node(fn)
                if leaf:
                    self._hook_leaf(fn.variable)
                elif key not in hooked:
                    token = hooked[key] = next(tokens)
                    token_keys[token] = key
                    node_hook = partial(setitem, live, token)
                    hooks = hook_dict()
                    hooks[next(keys)] = node_hook
                    pending[None] = (hooks, None)
                    try:
                        fn.register_prehook(node_hook)
                    except TypeError:   # Python pre-hooks on it already (prehook_register.py)
                        registration.register_plain(fn, node_hook)
                    new_fns.append(fn)
        return new_fns

    def finish(self) -> None:
        """The backward returned normally: its gradients become visible."""
        if self._current is not None:
            self._current.returned = True
            if type(self._live) is Live:
                take(self._live)
        self._keep_current()

    def abort(self) -> None:
        """The backward raised: its gradients are not shown (what it reached is let go in turn)."""
        self._keep_current()

    def _keep_current(self) -> None:
        live = self._live
        live.__class__ = Closed
        live.generation = None
        live.clear()
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
        unhook, unkey = hooked.pop, self._token_keys.pop
        leaf_hooks = self._leaf_hooks
        for key in released:
            del owner[key]
            unkey(unhook(key, None), None)
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
        self._token_keys.clear()
        self._walk = None
        self._current = None
        self._keep_current()   # (the hooks' dict: closed, empty)
        self._on_release = None

    def latest_covering(self, key: int) -> Capture | None:
        """Gradients of the latest backward that reached the node (or leaf) with this id."""
        for generation in reversed(self._generations):
            if generation.returned and key in generation.capture:
                return generation.capture
        return None

    def _store(self, key: int, token: object, grad: torch.Tensor | None) -> None:
        # A leaf's gradient, kept as the Node gradients are (grad_capture.kept): the reference held
        # here keeps AccumulateGrad from stealing it as the leaf's .grad (which the program then
        # zeroes in place); it copies into .grad instead, and later backward calls add into .grad.
        current = self._current
        if current is not None and grad is not None and self._hooked.get(key) is token:
            current.capture[key] = kept(grad, current.shared)

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



_LEAF_OF_TYPE: dict[type, bool] = {}   # Node class -> is it AccumulateGrad (read once per class)
_TOKENS = itertools.count()   # the Node hooks' tokens: unique in the process (a released key's token is gone)

"""Per-node gradients: d(backwarded tensor) / d(every node's value), not only the leaves'.

PyTorch keeps `.grad` for leaves only (and for tensors the user called `retain_grad()` on). We must
not call `retain_grad()` ourselves, since that would change what `.grad` shows; instead, before a
backward runs, a pre-hook goes on every autograd Node of its graph (it receives grad_outputs, the
gradient with respect to that Node's output, already summed over all consumers) and a tensor hook
on every leaf. Hooks return None, so they never change a value. Each hook is registered once: a
Node's inputs never change, so a graph part seen in an earlier backward is skipped.
"""

from __future__ import annotations

from typing import Any

import torch

from autogradlab.engine.graph import gc_paused, is_leaf_node, walk_functions

Capture = dict[int, torch.Tensor]  # id(Node) or id(leaf tensor) -> gradient


class GradientRecorder:
    def __init__(self) -> None:
        self._hooked: dict[int, Any] = {}   # id -> Node or leaf tensor; strong refs keep ids unique
        self._current: Capture | None = None
        self.completed: list[Capture] = []  # one per backward call that returned normally

    def begin(self, roots: list[torch.Tensor]) -> list[Any]:
        """Called right before backward() from `roots`; returns the Nodes seen for the first time."""
        self._current = {}
        with gc_paused():
            return self._hook_graphs(roots)

    def _hook_graphs(self, roots: list[torch.Tensor]) -> list[Any]:
        new_fns: list[Any] = []
        for tensor in roots:
            if tensor.grad_fn is None:
                if tensor.requires_grad:
                    self._hook_leaf(tensor)
                continue
            for fn in walk_functions(tensor.grad_fn, known=self._hooked):
                if is_leaf_node(fn):
                    self._hook_leaf(fn.variable)
                else:
                    fn.register_prehook(self._node_hook(id(fn)))
                self._hooked[id(fn)] = fn
                new_fns.append(fn)
        return new_fns

    def finish(self) -> None:
        """The backward returned normally: its gradients become visible."""
        if self._current is not None:
            self.completed.append(self._current)
        self._current = None

    def abort(self) -> None:
        self._current = None

    def latest_covering(self, key: int) -> Capture | None:
        """Gradients of the latest backward that reached the node (or leaf) with this id."""
        for capture in reversed(self.completed):
            if key in capture:
                return capture
        return None

    def _store(self, key: int, grad: torch.Tensor | None) -> None:
        # A copy: the leaf's gradient may become its .grad and be zeroed in place later.
        if self._current is not None and grad is not None:
            self._current[key] = grad.detach().clone()

    def _node_hook(self, key: int):
        def pre_hook(grad_outputs: tuple[torch.Tensor | None, ...]) -> None:
            self._store(key, next((g for g in grad_outputs if g is not None), None))
        return pre_hook

    def _hook_leaf(self, leaf: torch.Tensor) -> None:
        if id(leaf) in self._hooked:
            return
        self._hooked[id(leaf)] = leaf
        key = id(leaf)

        def leaf_hook(grad: torch.Tensor) -> None:
            self._store(key, grad)
        leaf.register_hook(leaf_hook)

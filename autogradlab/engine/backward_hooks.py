"""The Recorder's backward hooks (mixed into Recorder): what a `backward()` call leaves in the report.

Before the call, the roots are numbered and the Nodes it will run get gradient hooks
(grads.GradientRecorder.begin), their saved tensors read while they still exist; a middle pass of a
long loop (skim.py's skim_backward) gets no hooks at all. After it, a BackwardCall is kept (the
latest BACKWARD_CALLS_KEPT of them).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.engine.fast_records import record
from autogradlab.engine.graph import gc_paused
from autogradlab.engine.op_text import _tensors_in, receiver_text
from autogradlab.engine.saved_tensors import read_saved_into
from autogradlab.report import BackwardCall

_TENSOR = torch.Tensor

BACKWARD_CALLS_KEPT = 100           # backward calls listed in the report (the latest)


class BackwardHooks:
    """Mixed into Recorder, which owns the tables these write."""

    grads: Any
    _saved: dict[int, list]
    _receiver_texts: dict[int, tuple[ast.AST, str | None]]
    backward_calls: list[BackwardCall]
    backward_calls_dropped: int
    backwards_run: int
    skimmed_backwards: int
    skim_backward: bool
    last_backward: Any
    last_backward_text: str | None
    last_backward_skimmed: bool   # the last backward() returned without its gradients recorded
    backward_skimmed: bool        # the backward() running now is not hooked (skim.py; StepHooks reads it)
    _pending_backward: tuple[Any, bool, str | None] | None   # (root, with a gradient, receiver text)

    captures_backward = True   # lang/specials.py may ask for a captured backward (captured_backward.py)

    def before_backward(self, tensor: Any, gradient: Any, node: ast.AST,
                        capture: bool = False) -> Callable[[], None] | None:
        """`capture`: the language found nothing of the program's that runs inside this backward
        (captured_backward.py); then a function that runs it may come back, to call instead."""
        self._seen(node)
        # torch.autograd.backward takes a tensor or a sequence (`loss.backward()`: one tensor)
        roots = [tensor] if type(tensor) is _TENSOR else _tensors_in(tensor)
        if not roots:
            return
        ids = self._ids
        for root in roots:
            if id(root) not in ids:
                self.tensor_id(root)
        self.last_backward = roots[0]
        self._before_grad_writes()
        self.last_backward_text = text = self._receiver_text(node)
        self._pending_backward = (roots[0], gradient is not None, text)
        self.backwards_run += 1
        self.last_backward_skimmed = False   # until it returns (after_backward)
        self.backward_skimmed = self.skim_backward
        if self.skim_backward:   # a middle pass of a long loop: no gradient hooks (skim.py)
            self.skimmed_backwards += 1
            grads = self.grads
            if grads._current is not None:   # as grads.begin would: the previous one raised
                grads.abort()
            if grads._leaf_hooks:   # hooks that would store nothing: off until a backward is begun
                grads.quiet_leaves()
            return
        # `y.backward()`, without arguments: the Node hooks run no Python (grad_capture.py)
        plain = gradient is None and type(node) is ast.Call and not node.args and not node.keywords
        if capture and plain and len(roots) == 1 and roots[0].grad_fn is not None:
            run = self.grads.begin_captured(roots[0], self._saved)
            if run is not None:
                return run
        with gc_paused():   # the saved tensors of the new Nodes (never AccumulateGrad ones)
            read_saved_into(self.grads.begin(roots, gradient, plain), self._saved)

    def after_backward(self, tensor: Any, node: ast.AST) -> None:
        self.grads.finish()
        self.last_backward_skimmed = self.backward_skimmed
        if self._pending_backward is None:
            return
        root, with_gradient, text = self._pending_backward   # (text: _receiver_text(node), kept)
        self._pending_backward = None
        # BackwardCall(line=..., tensor_id=..., var=..., with_gradient=..., text=...) without the
        # frozen dataclass's five object.__setattr__ calls (one per pass of a training loop)
        entry = self._ids.get(id(root))   # numbered by before_backward: tensor_id, without the call
        names = self._names.get(id(root))   # name_of, inline
        self.backward_calls.append(record(BackwardCall, {
            "line": getattr(node, "lineno", 0) or 0,
            "tensor_id": entry.number if entry is not None else self.tensor_id(root),
            "var": names[0] if names else None, "with_gradient": with_gradient, "text": text}))
        if len(self.backward_calls) > BACKWARD_CALLS_KEPT:   # a training loop: keep the latest
            del self.backward_calls[0]
            self.backward_calls_dropped += 1

    def _receiver_text(self, node: ast.AST) -> str | None:
        """receiver_text, once per backward line of the program (ast.unparse is slow)."""
        key = id(node)
        if key not in self._receiver_texts:
            self._receiver_texts[key] = (node, receiver_text(node))
        return self._receiver_texts[key][1]


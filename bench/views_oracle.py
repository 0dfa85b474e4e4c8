"""Plain PyTorch's answers for the Steps, Jacobian and Eigen pages (bench/views_sweep.py), from a TRUSTED
program (a lesson, a tutorial, a corpus notebook) exec'd in real Python by tests/oracle.run_trusted.

While the program runs, every `Tensor.backward()` and every torch.autograd.grad the program itself calls
first asks torch.autograd.grad for d root / d each tensor the calling frame names (the reverse steps'
adjoints) and J·v along ones on the named leaves (the tangent steps' output tangent), then runs with
retain_graph=True so the graph stays for dY/dX;
every `torch.autograd.functional.jacobian(...)` call's result is kept with its line.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
import torch.autograd.functional as taf

from tests.oracle import PROGRAM_FILENAME, run_trusted

_GRAD = torch.autograd.grad   # the real one: the oracle's own passes, while _patched replaces it
MAX_ROWS = 256   # J·v row by row: outputs up to this many elements


@dataclass
class Backward:
    line: int | None
    adjoints: dict[str, np.ndarray]          # name -> d root / d tensor (None-free: unused left out)
    jv: dict[str, np.ndarray] | None         # leaf -> J_leaf (apply_jv)
    leaves: tuple[str, ...]


@dataclass
class OracleViews:
    run: Any
    backwards: list[Backward] = field(default_factory=list)
    jacobians: list[tuple[int | None, Any]] = field(default_factory=list)


def _program_line() -> tuple[int | None, dict[str, Any]]:
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename != PROGRAM_FILENAME:
        frame = frame.f_back
    if frame is None:
        return None, {}
    names = dict(frame.f_globals)
    names.update(frame.f_locals)
    return frame.f_lineno, names


def _named_tensors(names: dict[str, Any]) -> dict[str, torch.Tensor]:
    seen, found = set(), {}
    for n, v in names.items():
        if (isinstance(v, torch.Tensor) and v.requires_grad and not n.startswith("_")
                and v.dtype.is_floating_point and id(v) not in seen):
            seen.add(id(v))
            found[n] = v
    return found


def grads_of(root: torch.Tensor, tensors: dict[str, torch.Tensor], seed: torch.Tensor | None
             ) -> dict[str, np.ndarray]:
    items = list(tensors.items())
    if not items:
        return {}
    u = torch.ones_like(root) if seed is None else seed.to(root.dtype).expand_as(root)
    grads = _GRAD(root, [t for _, t in items], grad_outputs=u, retain_graph=True,
                                allow_unused=True)
    return {n: g.detach().double().numpy().copy() for (n, _), g in zip(items, grads, strict=True)
            if g is not None}


def grads_of_many(roots: list[torch.Tensor], seeds: list[Any], tensors: dict[str, torch.Tensor]
                  ) -> dict[str, np.ndarray]:
    """grads_of for several roots (torch.autograd.grad's outputs with their grad_outputs)."""
    if len(roots) == 1:
        return grads_of(roots[0], tensors, seeds[0] if seeds else None)
    items = list(tensors.items())
    if not items:
        return {}
    us = [torch.ones_like(r) if s is None else s.to(r.dtype).expand_as(r)
          for r, s in zip(roots, seeds, strict=False)]
    grads = _GRAD(roots, [t for _, t in items], grad_outputs=us, retain_graph=True,
                                allow_unused=True)
    return {n: g.detach().double().numpy().copy() for (n, _), g in zip(items, grads, strict=True)
            if g is not None}


def jv_of(root: torch.Tensor, leaves: dict[str, torch.Tensor]) -> dict[str, np.ndarray] | None:
    """J_leaf (root elements × leaf elements) for each leaf, row by row through reverse mode: J·v is
    the sum over v's leaves of J_leaf @ v_leaf."""
    if not leaves or root.numel() > MAX_ROWS or sum(t.numel() for t in leaves.values()) * root.numel() > 4e6:
        return None
    rows: dict[str, list[np.ndarray]] = {n: [] for n in leaves}
    tensors = list(leaves.values())
    for k in range(root.numel()):
        e = torch.zeros(root.numel(), dtype=root.dtype)
        e[k] = 1
        grads = _GRAD(root, tensors, grad_outputs=e.reshape(root.shape), retain_graph=True,
                                    allow_unused=True)
        for (n, t), g in zip(leaves.items(), grads, strict=True):
            rows[n].append(np.zeros(t.numel()) if g is None else g.detach().double().reshape(-1).numpy())
    return {n: np.asarray(r, dtype=np.float64).reshape(root.numel(), -1) for n, r in rows.items()}


def apply_jv(jv: dict[str, np.ndarray], direction: dict[str, np.ndarray], shape: tuple) -> np.ndarray:
    total = sum(jv[n] @ np.asarray(v, dtype=np.float64).reshape(-1) for n, v in direction.items())
    return np.asarray(total).reshape(shape)


@contextlib.contextmanager
def _patched(views: OracleViews):
    real_backward = torch.Tensor.backward
    real_jacobian = taf.jacobian
    real_grad = torch.autograd.grad

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        line, names = _program_line()
        try:
            tensors = _named_tensors(names)
            leaves = {n: t for n, t in tensors.items() if t.is_leaf}
            adjoints = grads_of(self, tensors, gradient)
            jv = jv_of(self, leaves)
            views.backwards.append(Backward(line, adjoints, jv, tuple(leaves)))
        except Exception:  # noqa: BLE001 - the oracle has no answer here; the real call decides
            views.backwards.append(Backward(line, {}, None, ()))
        return real_backward(self, gradient, True, create_graph, inputs)

    def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, *args, **kwargs):
        # torch.autograd.grad is a backward pass too (the Steps page follows it, engine/grad_logs.py): the
        # adjoints of d(Σ uᵢ·outputsᵢ)/d(named tensor), then the real call, keeping the graph for dY/dX
        if sys._getframe(1).f_code.co_filename != PROGRAM_FILENAME:   # torch's own (jacobian's rows)
            return real_grad(outputs, inputs, grad_outputs, retain_graph, create_graph, *args, **kwargs)
        line, names = _program_line()
        roots = [outputs] if isinstance(outputs, torch.Tensor) else list(outputs)
        seeds = [grad_outputs] if isinstance(grad_outputs, torch.Tensor) else \
            [None] * len(roots) if grad_outputs is None else list(grad_outputs)
        try:
            tensors = _named_tensors(names)
            leaves = {n: t for n, t in tensors.items() if t.is_leaf}
            adjoints = grads_of_many(roots, seeds, tensors)
            jv = jv_of(roots[0], leaves) if len(roots) == 1 else None
            views.backwards.append(Backward(line, adjoints, jv, tuple(leaves)))
        except Exception:  # noqa: BLE001 - the oracle has no answer here; the real call decides
            views.backwards.append(Backward(line, {}, None, ()))
        return real_grad(outputs, inputs, grad_outputs, True, create_graph, *args, **kwargs)

    def jacobian(func, inputs, *args, **kwargs):
        caller = sys._getframe(1)
        result = real_jacobian(func, inputs, *args, **kwargs)
        if caller.f_code.co_filename == PROGRAM_FILENAME:   # not hessian's own calls
            views.jacobians.append((caller.f_lineno, result))
        return result

    torch.Tensor.backward = backward
    taf.jacobian = jacobian
    torch.autograd.grad = grad
    try:
        yield
    finally:
        torch.Tensor.backward = real_backward
        taf.jacobian = real_jacobian
        torch.autograd.grad = real_grad


def run_views(source: str, seed: int = 0) -> OracleViews:
    views = OracleViews(None)
    with _patched(views):
        views.run = run_trusted(source, seed)
    return views


def final_adjoints(views: OracleViews, root_name: str, names: list[str]) -> Backward | None:
    """The toggle's backward of root_name (summed) at the program's end, when no backward() ran."""
    ns = views.run.namespace
    root = ns.get(root_name)
    if not isinstance(root, torch.Tensor) or root.grad_fn is None:
        return None
    tensors = {n: ns[n] for n in names if isinstance(ns.get(n), torch.Tensor) and ns[n].requires_grad}
    try:
        adjoints = grads_of(root, tensors, None)
        leaves = {n: t for n, t in tensors.items() if t.is_leaf}
        return Backward(None, adjoints, jv_of(root, leaves), tuple(leaves))
    except RuntimeError:
        return None


def dydx(views: OracleViews, of: str, wrt: str) -> np.ndarray | None:
    ns = views.run.namespace
    y, x = ns.get(of), ns.get(wrt)
    if not isinstance(y, torch.Tensor) or not isinstance(x, torch.Tensor) or y.numel() > 4096:
        return None
    rows = []
    try:
        for k in range(y.numel()):
            e = torch.zeros(y.numel(), dtype=y.dtype)
            e[k] = 1
            (g,) = _GRAD(y, [x], grad_outputs=e.reshape(y.shape), retain_graph=True,
                                       allow_unused=True)
            rows.append(np.zeros(x.numel()) if g is None else g.detach().double().reshape(-1).numpy())
    except RuntimeError:
        return None
    return np.asarray(rows).reshape(y.numel(), x.numel())


def jacobian_blocks(result: Any, out_tuple: bool, in_tuple: bool) -> dict[tuple[int, int], np.ndarray]:
    def arr(t: Any) -> np.ndarray:
        return t.detach().double().numpy()
    if not out_tuple and not in_tuple:
        return {(0, 0): arr(result)}
    if out_tuple and in_tuple:
        return {(i, j): arr(b) for i, row in enumerate(result) for j, b in enumerate(row)}
    if out_tuple:
        return {(i, 0): arr(b) for i, b in enumerate(result)}
    return {(0, j): arr(b) for j, b in enumerate(result)}

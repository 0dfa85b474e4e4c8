"""`y.backward()` whose gradients at every Node come back from torch's engine itself (issue 9).

The report shows d(y)/d(every node's value), not only the leaves' .grad. grads.GradientRecorder gets
them with a pre-hook on every Node (registered before the backward, called during it): for the
2,000-Node graph of a 500-step scalar loop, registering and calling them cost about as much as the
backward itself (a knock-out without them: the run 63 -> 48 ms). Torch's engine can hand back the
gradient flowing into any Node (autograd.grad's inputs may be GradientEdges): one call of its own
`grad` mode, with every Node's edges as inputs, computes all of them in C++. That mode accumulates
nothing, so the leaves' .grad is then written here as AccumulateGrad writes it: a new tensor laid out
like the leaf (AccumulateGrad clones when the gradient is referenced elsewhere, as the hooks' held
references made it do), or added in place into the .grad there is.

It is the same backward only where nothing else runs inside it, so a plan is made only when
- the backward is `y.backward()` of a one-element float tensor that torch's wrappers would only seed
  with ones (lang/scalar_backward.py), outside the Steps page's tangent run, with anomaly mode off,
  and the program registered no hook and called no retain_grad() in this run (lang: program_hooks);
- every Node is one of torch's own classes (torch._C._functions: no custom Function, whose
  backward runs program code; no error-raising Node such as NotImplemented or DelayedError);
- every saved tensor can still be read (a graph already freed, or a saved tensor changed in place,
  raises in the middle of a backward; such a backward keeps the hooks, so its partial .grad writes
  stay PyTorch's);
- every leaf is a plain dense contiguous tensor whose .grad is absent or dense, with no hook;
- every .grad there already is (added into in place) is contiguous, not an inference tensor, and shares
  its memory with no other leaf's .grad and no saved tensor (torch adds into it as soon as the leaf
  is reached: a saved tensor read later has changed, and torch raises; an expanded .grad or an
  inference tensor raises at that leaf, after the leaves reached before it got theirs).
Anything else runs the hooked backward as before (grads.GradientRecorder.begin).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from operator import is_not as _is_not
from typing import Any

import torch

_functions = torch._C._functions
_GradientEdge: Any = getattr(getattr(torch.autograd, "graph", None), "GradientEdge", None)
_engine_run_backward: Any = getattr(getattr(torch.autograd, "graph", None), "_engine_run_backward", None)
AVAILABLE = _GradientEdge is not None and _engine_run_backward is not None
_TENSOR = torch.Tensor
_STRIDED = torch.strided
_PRESERVE = torch.preserve_format
_new_edge = tuple.__new__

OP, LEAF, OTHER = 1, 2, 3
# The gradients into the capture in one dict.update when every key is distinct and every gradient
# defined (a 500-step scalar loop: 2,000 of them); else one by one, the first defined one per key kept.
BULK_CAPTURE = True
# torch's own Nodes that raise when run, or run nothing of a plain backward; and those whose backward
# raises on some values (eig's and svd's "depends on the phase" checks): torch has by then written the
# .grad of the leaves its engine reached first, which the captured run writes only after it succeeded
_NOT_PLAIN = frozenset({"DelayedError", "Error", "NotImplemented", "UndefinedGrad", "UndefinedGradBackward",
                        "SendRpcBackward", "LinalgEigBackward0", "LinalgSvdBackward0"})
_KINDS: dict[type, int] = {}


def _kind(cls: type) -> int:
    kind = _KINDS.get(cls)
    if kind is None:
        name = cls.__name__
        own = getattr(_functions, name, None) is cls and name not in _NOT_PLAIN
        kind = _KINDS[cls] = OTHER if not own else LEAF if name == "AccumulateGrad" else OP
    return kind


class Plan:
    """The engine's inputs (the edges of the outputs of every Node the graph reads, then each leaf's),
    whose id each gradient is stored under (id(Node), id(leaf)), and the leaves by their edge's position."""

    __slots__ = ("distinct", "edges", "keys", "leaves", "nodes")

    def __init__(self, edges: tuple, keys: list[int], leaves: list[tuple[int, torch.Tensor]],
                 nodes: list[Any]) -> None:
        self.edges, self.keys, self.leaves, self.nodes = edges, keys, leaves, nodes   # nodes: not leaves
        self.distinct = len(set(keys)) == len(keys)   # no Node with edges to two of its outputs


def plan_of(order: list[Any], outputs: list[tuple[Any, int]] = ()) -> Plan | None:
    """The plan for a graph walked into `order` (graph_walk.walk_graph), or None when any Node or
    leaf is not plain (see the module's text). `outputs`: (Node, output number) of every edge of the
    graph to an output other than the first (walk_graph's `outputs`; the root's own included).

    A Node's edges are its first output's and those `outputs` names, in order, not every output it
    has (`len(fn._input_metadata)`, a list of new objects per Node: a third of this plan's cost for
    a 500-step loop): an output nothing in the graph reads gets no gradient (None, which the
    capture skips), so the same gradients are captured under the same keys, in the same order."""
    edge_type, new_edge = _GradientEdge, _new_edge
    kinds = _KINDS
    more: dict[int, list[int]] = {}
    for fn, k in outputs:
        ks = more.get(id(fn))
        if ks is None:
            more[id(fn)] = [k]
        elif k not in ks:
            ks.append(k)
    edges: list[Any] = []
    keys: list[int] = []
    leaves: list[tuple[int, torch.Tensor]] = []
    nodes: list[Any] = []
    add_edge, add_key, add_node, more_of = edges.append, keys.append, nodes.append, more.get
    for fn in order:
        cls = type(fn)
        kind = kinds.get(cls) or _kind(cls)
        if kind == OP:
            add_node(fn)
            key = id(fn)
            add_edge(new_edge(edge_type, (fn, 0)))
            add_key(key)
            ks = more_of(key)
            if ks is not None:
                for k in sorted(ks):
                    add_edge(new_edge(edge_type, (fn, k)))
                    add_key(key)
        elif kind == LEAF:
            leaf = fn.variable
            if not _plain_leaf(leaf):
                return None
            leaves.append((len(edges), leaf))
            add_edge(new_edge(edge_type, (fn, 0)))
            add_key(id(leaf))
        else:
            return None
    return Plan(tuple(edges), keys, leaves, nodes)


def _plain_leaf(leaf: Any) -> bool:
    if type(leaf) is not _TENSOR or leaf.layout is not _STRIDED or not leaf.is_contiguous():
        return False
    if leaf._backward_hooks or getattr(leaf, "_post_accumulate_grad_hooks", None):
        return False
    grad = leaf.grad
    return grad is None or (type(grad) is _TENSOR and grad.layout is _STRIDED)


def adds_into_shared(plan: Plan, saved: dict[int, Any]) -> bool:
    """Whether an existing .grad of the plan's leaves is one AccumulateGrad's `+=` may raise on, or
    whose change a later Node or leaf of the same backward would see (see the module's text)."""
    olds = [leaf.grad for _, leaf in plan.leaves if leaf.grad is not None]
    if not olds:
        return False
    memory: set[int] = set()
    for grad in olds:
        key = grad.untyped_storage()._cdata
        if key in memory or not grad.is_contiguous() or grad.is_inference():
            return True
        memory.add(key)
    for fn in plan.nodes:
        for _, tensor in saved.get(id(fn), ()):
            if type(tensor) is _TENSOR and tensor.untyped_storage()._cdata in memory:
                return True
    return False


def runner(root: torch.Tensor, plan: Plan, capture: dict[int, Any]) -> Callable[[], None]:
    """What runs instead of root.backward(): the engine in its `grad` mode for every edge of the
    plan (keep_graph and create_graph off, as backward()), the gradients into `capture` (a Node's
    first defined one, as its pre-hook kept), then each leaf's .grad as AccumulateGrad writes it."""

    def run() -> None:
        seed = torch.ones_like(root, memory_format=_PRESERVE)
        grads = _engine_run_backward((root,), (seed,), False, False, plan.edges,
                                     allow_unreachable=True, accumulate_grad=False)
        if BULK_CAPTURE and plan.distinct and not capture and all(map(_is_not, grads, repeat(None))):
            capture.update(zip(plan.keys, grads, strict=True))   # (the loop below, in one step)
        else:
            for key, grad in zip(plan.keys, grads, strict=True):
                if grad is not None and key not in capture:
                    capture[key] = grad
        with torch.no_grad():
            for index, leaf in plan.leaves:
                accumulate(leaf, grads[index])

    return run


def accumulate(leaf: torch.Tensor, grad: torch.Tensor | None) -> None:
    """AccumulateGrad's write of a dense gradient into a dense leaf's .grad (grad mode off), when
    the gradient is referenced elsewhere: a copy laid out like the leaf, or `+=` into the .grad."""
    if grad is None or not leaf.requires_grad:
        return
    old = leaf.grad
    if old is None:
        leaf.grad = grad.new_empty_strided(leaf.size(), leaf.stride(), dtype=leaf.dtype).copy_(grad)
    else:
        old += grad

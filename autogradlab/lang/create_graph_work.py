"""A backward pass with create_graph=True (`torch.autograd.grad(g, x, create_graph=True)`,
`y.backward(create_graph=True)`), checked before PyTorch runs it (limit max_graph_work).

Such a pass builds, for every Node it walks, the graph of that Node's gradient, which the next
derivative walks again: a loop of higher-order derivatives of 100 `sin(y) * y` on 10 elements walks
202, 701, 2,491, 8,343, 26,955, 85,087 Nodes, and none of them is an op the program runs itself, so no
op check ever sees them. Measured here on one thread (m1 of the session 26 notes, bench/README.md):
a Node costs 6-16 us with create_graph=True (8,343 Nodes: 0.055 s; 85,087: 1.34 s) and each element
of the gradients it receives ~4.6 ns (10,000 elements a Node, 8,343 Nodes: 0.38 s; 26,955 Nodes:
6.2 s, the gradients kept, 1 GB, pushing the machine into its memory limit). The graph is walked
first (at most max_graph_work // CREATE_GRAPH_NODE_WORK Nodes: a bounded walk) and charged
CREATE_GRAPH_NODE_WORK per Node (~20 us; 1e9 units ~0.5 s) and CREATE_GRAPH_ELEMENT_WORK per element
received: 20, so the gradients a pass keeps are at most max_graph_work / 20 = 50,000,000 elements
(max_total_elements). Inside torch.func transforms the rows of a batching transform multiply the
elements' share (lang/grad_in_vmap.py calls this with them).
"""

from __future__ import annotations

from typing import Any

from autogradlab.errors import LimitExceeded

CREATE_GRAPH_NODE_WORK = 40_000
CREATE_GRAPH_ELEMENT_WORK = 20
HINT = "fewer operations or fewer repeated derivatives help (limit max_graph_work)"


def wants_graph(args: list, kwargs: dict, index: int) -> bool:
    """The create_graph argument (positional at `index`, or by keyword), as PyTorch reads it."""
    value = args[index] if len(args) > index else kwargs.get("create_graph", False)
    try:
        return bool(value)
    except Exception:  # noqa: BLE001 - PyTorch reports a value it cannot read; count it as True
        return True


def check_create_graph(interp: Any, outputs: Any, call: str, rows: int = 1, passes: int = 1) -> None:
    """`call`: the call as the message names it (`torch.autograd.grad(..., create_graph=True)`).
    Refuse a create_graph=True backward from `outputs` whose Nodes and gradient elements (times
    `rows` for a batched one) pass max_graph_work; `passes` such backwards one after another
    (torch.autograd.functional.hessian: one a row of its input, each ~26 us a Node, measured)."""
    from autogradlab.engine.graph_walk import gc_paused
    from autogradlab.lang.grad_in_vmap import graph_cost
    limit = interp.sizes.limits.max_graph_work
    most = limit // CREATE_GRAPH_NODE_WORK
    with gc_paused():
        cost = graph_cost(outputs, most, interp.sizes.limits.max_tensor_elements)
    if cost is None:
        raise LimitExceeded(f"`{call}` would differentiate a graph of more than "
                            f"{most:,} operations, building the graph of each one's gradient", hint=HINT)
    nodes, _work, _largest, total = cost
    steps = passes * nodes * CREATE_GRAPH_NODE_WORK + max(rows, passes, 1) * total * CREATE_GRAPH_ELEMENT_WORK
    if steps > limit:
        raise LimitExceeded(f"`{call}` would differentiate a graph of {nodes:,} "
                            f"operations and keep the graph of their gradients ({total:,} elements), about "
                            f"{steps:,} arithmetic steps; the limit is {limit:,} per call", hint=HINT)


def check_nested_backward(interp: Any, kind: str, out: Any, rows: int) -> None:
    """torch.func.grad/jacrev/vjp's backward inside another grad, jacrev, jacfwd, jvp, ... (not only
    vmaps): the outer level differentiates it, so PyTorch keeps its graph (create_graph). grad(grad(...
    (f))) of sin(x)**2 grows ~2.1x a level: 14 deep walks 48,160 Nodes in its inner backward, 30 deep ran
    into the sandbox's hard stop (8.8 s)."""
    if any(outer != "vmap" for outer in interp.__dict__.get("func_kinds", ())[:-1]):
        check_create_graph(interp, out, f"torch.func.{kind}(...)` inside another transform, whose backward "
                           "`keeps its graph", rows)

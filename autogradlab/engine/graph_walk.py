"""Walking PyTorch's backward graph: the Nodes reachable from an output, inputs first, without
recursion (a 3,000-op chain is 3,000 deep; torchviz's recursive walk hits Python's recursion limit),
and the op name each Node class stands for.

The graph view, the step traces, torchviz's picture and the Jacobian paths all read the graph through
walk_graph; engine/graph.py builds the report's Graph from one walk.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Container, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple


def is_leaf_node(fn: Any) -> bool:
    return type(fn).__name__ == "AccumulateGrad"


def function_inputs(fn: Any) -> list[Any]:
    return [u for u, _ in getattr(fn, "next_functions", ()) if u is not None]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Touching a Node for the first time creates its Python wrapper; on big graphs the cyclic
    garbage collector, triggered by those allocations, made walks ten times slower."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def walk_functions(root: Any, known: Container[int] = ()) -> list[Any]:
    """Nodes reachable from root in post-order (inputs first), without recursion.

    Nodes whose id is in `known` are neither returned nor entered: a Node's inputs never change,
    so everything behind a known node is known too.
    """
    return walk_graph(root, known)[0]


class Walk(NamedTuple):
    """walk_functions' order, with each Node's function_inputs alongside (inputs[i] are order[i]'s):
    the report reads the graph once and hands this to everything that draws it (issue 9: a
    2,000-node loop graph was walked three times and its `next_functions` read four times)."""

    order: list[Any]
    inputs: list[list[Any]]


def walk_graph(root: Any, known: Container[int] = (), outputs: list[tuple[Any, int]] | None = None) -> Walk:
    """walk_functions, keeping what it read of every Node's inputs. `outputs`, when given, gets
    (Node, output number) of every input edge that reads an output other than a Node's first (the
    graph's Nodes consume nothing else of one another: captured_backward.plan_of)."""
    if root is None or id(root) in known:
        return Walk([], [])
    visited = {id(root)}
    order: list[Any] = []
    inputs_of: list[list[Any]] = []
    first = _inputs_noting(root, outputs if outputs is not None else [])
    stack: list[tuple[Any, list[Any], Iterator[Any]]] = [(root, first, iter(first))]
    push, pop = stack.append, stack.pop
    see, add_order, add_inputs = visited.add, order.append, inputs_of.append
    with gc_paused():
        while stack:
            fn, inputs, pending = stack[-1]
            for child in pending:
                key = id(child)
                if key not in visited and key not in known:
                    see(key)
                    child_inputs = []   # _inputs_noting(child, outputs), written out (no call:
                    for u, k in getattr(child, "next_functions", ()):   # a Node has 0-2 inputs)
                        if u is not None:
                            child_inputs.append(u)
                            if k and outputs is not None:
                                outputs.append((u, k))
                    push((child, child_inputs, iter(child_inputs)))
                    break
            else:
                pop()
                add_order(fn)
                add_inputs(inputs)
    return Walk(order, inputs_of)


def _inputs_noting(fn: Any, outputs: list[tuple[Any, int]]) -> list[Any]:
    """function_inputs(fn); (input, output number) of each input edge to an output other than an
    input's first goes to `outputs`."""
    inputs = []
    for u, k in getattr(fn, "next_functions", ()):
        if u is not None:
            inputs.append(u)
            if k:
                outputs.append((u, k))
    return inputs


_OP_NAMES: dict[str, str] = {}


def op_name_from_class(fn: Any) -> str:
    """MulBackward0 -> "mul", LinalgEigBackward0 -> "linalg_eig", CopySlices -> "copy_slices"."""
    return op_name_from_class_name(type(fn).__name__)


def op_name_from_class_name(cls_name: str) -> str:
    op = _OP_NAMES.get(cls_name)
    if op is None:
        name = re.sub(r"Backward\d*$", "", cls_name) or cls_name
        op = _OP_NAMES[cls_name] = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
    return op


# Node class -> (is it AccumulateGrad, its class name, its op name): per class, not per Node. (The
# class name is not put in nodes: torch's Node classes are static types, whose __name__ is a new str
# each time, so nodes never shared it; sharing it would change the pickled report.)
_CLASS_FACTS: dict[type, tuple[bool, str, str]] = {}


def _class_facts(cls: type) -> tuple[bool, str, str]:
    facts = _CLASS_FACTS.get(cls)
    if facts is None:
        name = cls.__name__
        facts = _CLASS_FACTS[cls] = (name == "AccumulateGrad", name, op_name_from_class_name(name))
    return facts

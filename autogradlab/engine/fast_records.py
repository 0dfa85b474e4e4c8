"""GraphNode and TensorSnapshot made without their frozen dataclass __init__.

A frozen dataclass sets each field through object.__setattr__, one call per field: 14 for a
GraphNode. The graph of a 500-step loop has 3,500 nodes and as many snapshots (issue 9), and the
calls cost more than the rest of building them. These functions fill the instance dict in one
step, with the same fields in the same order, so the records are equal, compare, hash, print and
pickle exactly as the dataclass-made ones (tests/unit/test_fast_records.py checks it against the
dataclasses' own fields and constructors).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from autogradlab.report import GraphNode, TensorSnapshot

_new = object.__new__
_set = object.__setattr__


def graph_node(id: str, kind: str, label: str, var: str | None = None, op: str | None = None,  # noqa: A002
               grad_fn: str | None = None, shape: tuple[int, ...] | None = None, dtype: str | None = None,
               value: TensorSnapshot | None = None, grad: TensorSnapshot | None = None,
               line: int | None = None, source: str | None = None, op_index: int | None = None,
               saved_name: str | None = None) -> GraphNode:
    """GraphNode(...) with the same arguments."""
    node = _new(GraphNode)
    _set(node, "__dict__", {
        "id": id, "kind": kind, "label": label, "var": var, "op": op, "grad_fn": grad_fn, "shape": shape,
        "dtype": dtype, "value": value, "grad": grad, "line": line, "source": source, "op_index": op_index,
        "saved_name": saved_name})
    return node


def tensor_snapshot(id: int, shape: tuple[int, ...], dtype: str, value: np.ndarray | None,  # noqa: A002
                    summary: str, requires_grad: bool = False, grad_fn: str | None = None) -> TensorSnapshot:
    """TensorSnapshot(...) with the same arguments."""
    snap = _new(TensorSnapshot)
    _set(snap, "__dict__", {"id": id, "shape": shape, "dtype": dtype, "value": value, "summary": summary,
                            "requires_grad": requires_grad, "grad_fn": grad_fn})
    return snap


MAKERS: dict[type, Any] = {GraphNode: graph_node, TensorSnapshot: tensor_snapshot}

# graph_node's fields, in order, all None: a builder copies this dict (a copy costs a tenth of
# writing 14 keys), sets the fields it has and hands it to record().
GRAPH_NODE_FIELDS: dict[str, Any] = dict.fromkeys(
    ("id", "kind", "label", "var", "op", "grad_fn", "shape", "dtype", "value", "grad", "line", "source",
     "op_index", "saved_name"))


def record(cls: type, fields: dict[str, Any]) -> Any:
    """An instance of the frozen dataclass `cls` whose instance dict is `fields` (all of cls's
    fields, in order; the dict is the instance's own from now on)."""
    made = _new(cls)
    _set(made, "__dict__", fields)
    return made


def dict_setter(cls: type) -> Any:
    """What `object.__setattr__(obj, "__dict__", fields)` calls for an instance of `cls`, without
    looking the attribute up each time (graph.py: 6,000 records for a 500-step loop's graph)."""
    found = cls.__dict__.get("__dict__")
    return found.__set__ if found is not None else lambda obj, fields: _set(obj, "__dict__", fields)

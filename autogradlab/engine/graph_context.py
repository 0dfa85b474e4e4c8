"""What building a graph needs to know about the run: the Recorder implements GraphContext and
hands engine/graph.py its GraphTables; OpOrigin says which recorded op made a Node's tensor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol

import torch

from autogradlab.report import OpRecord, TensorSnapshot


class OpOrigin(NamedTuple):
    """Which recorded op produced the tensor whose grad_fn is a given Node."""

    record: OpRecord
    output: TensorSnapshot
    tensor: torch.Tensor


class GraphContext(Protocol):
    """What the graph needs to know about the run (the Recorder provides it)."""

    def tensor_id(self, tensor: torch.Tensor) -> int: ...
    def name_of(self, tensor: torch.Tensor) -> str | None: ...
    def leaf_label(self, tensor: torch.Tensor) -> str: ...
    def origin_of(self, fn: Any) -> OpOrigin | None: ...
    def creation_op(self, tensor: torch.Tensor) -> OpRecord | None: ...
    def saved_of(self, fn: Any) -> list[tuple[str, torch.Tensor]]: ...


class GraphTables(NamedTuple):
    """The tables behind a Recorder's saved_of, origin_of, name_of and tensor_id (graph.py reads
    them directly for each of a long loop's thousands of Nodes)."""

    saved: Mapping[int, list[tuple[str, torch.Tensor]]]   # id(Node) -> saved tensors read before backward
    origins: Mapping[int, tuple[int, int, Any, Any]]       # id(Node) -> (op index, position, Node, weak ref)
    trace: Any                                              # the OpTrace (its origin(index, position))
    names: Mapping[int, list[str]]                          # id(tensor) -> names bound to it
    ids: Mapping[int, Any]                                  # id(tensor) -> its entry (.number)

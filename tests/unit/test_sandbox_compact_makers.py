"""sandbox_compact builds the app's objects from columns with C-level maps and hand-written dict
makers, and reads the job's objects through their instance dicts: the dicts it makes hold exactly the
dataclasses' fields in order, a class whose fields change falls back to a general maker (never a
wrong dict), and an object whose dict lacks a field travels as a plain pickle, equal after the trip."""

from __future__ import annotations

import dataclasses
import io
import pickle

import numpy as np
import pytest

from autogradlab import sandbox_compact
from autogradlab.report import Graph, GraphNode, OpRecord, Report, TensorSnapshot
from autogradlab.sandbox_wire import WireError, _ReportUnpickler, dump_report, load_report
from tests.unit.test_sandbox_wire import assert_round_trip


@pytest.mark.parametrize("cls", [TensorSnapshot, GraphNode, OpRecord])
def test_each_maker_writes_the_dataclass_fields_in_order(cls: type) -> None:
    fields = tuple(f.name for f in dataclasses.fields(cls))
    eager = (None,) if cls is TensorSnapshot else ()   # (no lazy number: report.py)
    made = sandbox_compact._MAKERS[cls](*(f"v_{name}" for name in fields), *eager)
    assert list(made.items()) == [(name, f"v_{name}") for name in fields]


def test_the_written_makers_are_the_ones_used() -> None:
    """(else every load would take the general, slower maker without anyone noticing)"""
    sc = sandbox_compact
    assert sc._MAKERS == {TensorSnapshot: sc._snapshot_dict, GraphNode: sc._node_dict, OpRecord: sc._op_dict}


def test_a_class_with_other_fields_gets_the_general_maker() -> None:
    def two(a, b):  # noqa: ANN001, ANN202 - a written maker of two fields
        return {"a": a, "b": b}

    assert sandbox_compact._maker(("a", "b"), two) is two
    for fields in (("a", "b", "c"), ("b", "a"), ("a",)):
        maker = sandbox_compact._maker(fields, two)
        assert maker is not two
        assert list(maker(*range(len(fields))).items()) == list(zip(fields, range(len(fields)), strict=True))


def _report(n: int = 80) -> Report:
    snaps = [TensorSnapshot(id=i, shape=(), dtype="float32", value=np.array(i / 3, np.float32),
                            summary=f"{i / 3:.4g}", requires_grad=bool(i % 2), grad_fn="MulBackward0")
             for i in range(n)]
    nodes = tuple(GraphNode(id=f"n{i}", kind="op", label="mul", op="mul", grad_fn="MulBackward0", shape=(),
                            dtype="float32", value=s, grad=snaps[-1 - i], line=i, source="y = x * 2",
                            op_index=i, saved_name=None if i % 3 else "_saved_self")
                  for i, s in enumerate(snaps))
    ops = tuple(OpRecord(index=i, op="mul", line=i, column=1, source="y = x * 2", inputs=("x", "2"),
                         input_ids=(i, None), outputs=(s,), var="y" if i % 2 else None)
                for i, s in enumerate(snaps))
    graph = Graph(nodes=nodes, edges=(("n0", "n1"),), output="y", output_node="n1", backward_done=True)
    return Report(source="y = x * 2", ok=True, seed=0, output="y", candidates=("y",), variables={},
                  printed="", graph=graph, ops=ops)


def _packed(report: Report) -> bool:
    return sandbox_compact.is_packed(_ReportUnpickler(io.BytesIO(dump_report(report))).load())


def test_a_big_report_comes_back_with_every_field_and_dict_order() -> None:
    report = _report()
    assert _packed(report)
    loaded = assert_round_trip(report)
    assert loaded == report
    for before, after in zip(report.graph.nodes, loaded.graph.nodes, strict=True):
        assert list(vars(after)) == list(vars(before))
    # a snapshot shared by a node's grad and an op's output is one object after the trip too
    assert loaded.graph.nodes[0].grad is loaded.ops[-1].outputs[0]


def test_an_object_whose_dict_lacks_a_field_travels_as_a_plain_pickle() -> None:
    report = _report()
    del vars(report.graph.nodes[5])["saved_name"]    # reads the class default, but is not in the dict
    assert report.graph.nodes[5].saved_name is None
    assert not _packed(report)
    loaded = assert_round_trip(report)
    assert "saved_name" not in vars(loaded.graph.nodes[5])


@pytest.mark.parametrize("column", [0, 8, 13])
def test_a_node_column_of_another_length_is_refused(column: int) -> None:
    packed = list(sandbox_compact.pack(_report()))
    node_cols = [list(c) for c in packed[4]]
    node_cols[column] = node_cols[column][:-1]
    packed[4] = node_cols
    with pytest.raises(WireError):
        load_report(pickle.dumps(tuple(packed), protocol=pickle.HIGHEST_PROTOCOL))


def test_a_graph_without_nodes_and_many_ops_comes_back_equal() -> None:
    report = _report()
    empty = Graph(nodes=(), edges=(), output=None, output_node=None, backward_done=False)
    report = dataclasses.replace(report, graph=empty)
    assert _packed(report)
    loaded = assert_round_trip(report)
    assert loaded.graph == empty and loaded.ops == report.ops

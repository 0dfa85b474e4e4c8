"""A Report's way back from the job (sandbox_wire + sandbox_compact): what the app loads equals what
the job dumped, field for field and array for array (dtype, shape, bytes, memory order, flags), and
the restricted unpickler still refuses anything but plain data, in the compact form too."""

from __future__ import annotations

import dataclasses
import io
import pickle
from pathlib import Path

import numpy as np
import pytest

from autogradlab import sandbox_compact
from autogradlab.report import Graph, GraphNode, OpRecord, PlainValue, Report, TensorSnapshot
from autogradlab.sandbox_wire import WireError, _ReportUnpickler, dump_report, load_report

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"

DTYPES_PROGRAM = """import torch
a = torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex64)
b = torch.tensor([True, False, True])
c = torch.arange(6, dtype=torch.int64).reshape(2, 3)
w = torch.ones(2, 3, dtype=torch.float64, requires_grad=True)
u = (w * c).t()
h = torch.zeros(0, 3)
n = torch.tensor(float('nan'))
z = torch.tensor([1.0, 2.0], dtype=torch.float16)
y = (u * u).sum() + w.mean()
y.backward()
"""


def assert_same(a: object, b: object, path: str = "report") -> None:
    """Equal in everything the app can see: types, fields and their dict order, arrays' bytes."""
    assert type(a) is type(b), path
    if isinstance(a, np.ndarray):
        assert (a.dtype, a.shape) == (b.dtype, b.shape), path
        assert a.tobytes("A") == b.tobytes("A"), path
        for flag in ("C_CONTIGUOUS", "F_CONTIGUOUS", "WRITEABLE"):
            assert a.flags[flag] == b.flags[flag], f"{path} {flag}"
    elif dataclasses.is_dataclass(a):
        if isinstance(a, TensorSnapshot):   # a lazy 0-dim snapshot (report.py) is read as the app reads it
            a.value, b.value   # noqa: B018
        assert list(vars(a)) == list(vars(b)), path
        for name, value in vars(a).items():
            assert_same(value, vars(b)[name], f"{path}.{name}")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{path}[{i}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), path
        for key in a:
            assert_same(a[key], b[key], f"{path}[{key!r}]")
    elif isinstance(a, float) and a != a:
        assert b != b, path
    else:
        assert a == b, path


def assert_round_trip(report: Report) -> Report:
    """load_report(dump_report(report)) is what a plain pickle round trip gives (the wire form before
    the compact one: a non-contiguous array comes back C-ordered there too), and equals `report`."""
    loaded = load_report(dump_report(report))
    assert_same(pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)), loaded)
    return loaded


def _packed(report: Report) -> bool:
    return sandbox_compact.is_packed(_ReportUnpickler(io.BytesIO(dump_report(report))).load())


def _run(source: str, **kwargs) -> Report:
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits

    return run_program(source, limits=Limits(timeout_s=120.0), **kwargs)


@pytest.mark.parametrize("name", ["loop_scalar_chain", "loop_newton", "loop_mlp_manual", "loop_python_sum",
                                  "tutorial_autogradqs", "tutorial_two_layer_net_numpy"])
def test_a_programs_report_comes_back_equal(name: str) -> None:
    report = _run((PROGRAMS / f"{name}.py").read_text(encoding="utf-8"))
    assert report.error is None
    assert _packed(report) == (len(report.graph.nodes if report.graph else ()) + len(report.ops)
                              >= sandbox_compact.SMALL)
    assert_round_trip(report)


@pytest.fixture
def compact_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small reports travel as plain pickles (as fast there); these tests want the compact form."""
    monkeypatch.setattr(sandbox_compact, "SMALL", 1)


@pytest.mark.usefixtures("compact_always")
def test_a_report_with_steps_comes_back_equal() -> None:
    from autogradlab.step_records import StepOptions

    report = _run((PROGRAMS / "loop_newton.py").read_text(encoding="utf-8"),
                  steps=StepOptions(backward_if_missing=True))
    assert report.steps is not None and _packed(report)
    assert_round_trip(report)


@pytest.mark.usefixtures("compact_always")
def test_arrays_of_many_dtypes_and_shapes_come_back_equal() -> None:
    report = _run(DTYPES_PROGRAM)
    assert report.error is None and _packed(report)
    dtypes = {s.value.dtype.str for n in report.graph.nodes for s in (n.value, n.grad)
              if s is not None and s.value is not None}
    assert {"<c8", "|b1", "<i8", "<f8"} <= dtypes | {s.value.dtype.str for o in report.ops for s in o.outputs
                                                     if s.value is not None}
    assert_round_trip(report)


def _snap(i: int, value: object, shape: tuple = ()) -> TensorSnapshot:
    return TensorSnapshot(id=i, shape=shape, dtype="x", value=value, summary=f"s{i}")


@pytest.mark.usefixtures("compact_always")
def test_unusual_values_and_shared_snapshots_come_back_equal_and_shared() -> None:
    fortran = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    strided = np.arange(10, dtype=np.int32)[::3]
    values = [np.array(1.5, np.float32), np.array(2.5), np.array(True), np.array(3 + 4j),
              np.array([1, 2], np.uint8), np.array([1, 2], np.int8), np.array([0.5], np.float16),
              np.zeros((0, 4)), fortran, strided, np.arange(4, dtype=">f8"), np.float64(7.0), None,
              np.arange(12, dtype=np.complex64).reshape(3, 4), np.array(float("nan"), np.float32)]
    snaps = [_snap(i, v) for i, v in enumerate(values)]
    shared = snaps[0]
    nodes = tuple(GraphNode(id=f"n{i}", kind="op", label="mul", value=s, grad=shared if i % 2 else None,
                            shape=(2,), line=i) for i, s in enumerate(snaps))
    graph = Graph(nodes=nodes, edges=(("n0", "n1"),), output="y", output_node="n1", backward_done=True)
    ops = tuple(OpRecord(index=i, op="mul", line=1, column=1, source="y = x", inputs=("x",),
                         input_ids=(None,), outputs=(s, shared)) for i, s in enumerate(snaps))
    report = Report(source="", ok=True, seed=0, output="y", candidates=("y",),
                    variables={"k": PlainValue("array", np.arange(3.0), "k")}, printed="",
                    graph=graph, ops=ops)
    assert _packed(report)
    loaded = assert_round_trip(report)
    assert loaded.graph.nodes[3].grad is loaded.graph.nodes[0].value is loaded.ops[5].outputs[1]
    assert loaded.graph.nodes[8].value.value.flags.f_contiguous


def test_a_report_without_graph_travels_as_itself() -> None:
    report = Report(source="x", ok=True, seed=0, output=None, candidates=(), variables={}, printed="hi")
    assert not _packed(report)
    assert load_report(dump_report(report)) == report


@pytest.mark.usefixtures("compact_always")
def test_what_the_compact_form_does_not_know_travels_as_itself() -> None:
    odd = OpRecord(index=0, op="mul", line=1, column=1, source="y = x", inputs=("x",), input_ids=(None,),
                   outputs=(_snap(0, np.array(1.0)), None))
    report = dataclasses.replace(_small_report(), ops=(odd,))
    assert not _packed(report)
    assert_round_trip(report)
    assert sandbox_compact.pack("not a report") == "not a report"


class _Evil:
    def __reduce__(self):
        return (print, ("owned",))


def _forge(report: Report, position: int, value: object) -> bytes:
    packed = list(sandbox_compact.pack(report))
    packed[position] = value
    return pickle.dumps(tuple(packed), protocol=pickle.HIGHEST_PROTOCOL)


def _small_report() -> Report:
    snaps = [_snap(i, np.array(float(i))) for i in range(sandbox_compact.SMALL)]
    nodes = tuple(GraphNode(id=f"n{i}", kind="leaf", label="x", value=s) for i, s in enumerate(snaps))
    return Report(source="", ok=True, seed=0, output=None, candidates=(), variables={}, printed="",
                  graph=Graph(nodes=nodes, edges=(), output=None, output_node=None, backward_done=False))


def test_a_compact_result_with_other_globals_is_refused() -> None:
    with pytest.raises(WireError, match="may not contain"):
        load_report(_forge(_small_report(), 11, [_Evil()]))   # a kept object
    with pytest.raises(WireError, match="may not contain"):
        load_report(_forge(_small_report(), 2, (_Evil(), None, None, False, None)))   # the graph's head


@pytest.mark.parametrize("position, value", [
    (10, [("|O", (), 3, bytearray(24))]),                  # an object dtype block
    (10, [("<f8", (), 5, bytearray(24))]),                 # a block shorter than its count
    (10, [("<f8", (), 3, b"\0" * 24)]),                    # bytes, not a bytearray
    (9, [0, 0, 0, 0]),                                      # more arrays than the block holds
    (10, [("<f8", (0,), 10**9, bytearray())]),              # a billion empty views from no data
    (10, [("<f8", (), -1, bytearray(8))]),                  # a negative count
    (10, [("<f8", (-1,), 1, bytearray(8))]),                # a size inferred by reshape
    (10, [("<f8", (1.0,), 1, bytearray(8))]),               # a size that is no int
    (8, [[1], [2]]),                                        # snapshot columns of the wrong form
    (4, "nodes"),
])
def test_a_malformed_compact_result_is_refused(position: int, value: object) -> None:
    with pytest.raises(WireError):
        load_report(_forge(_small_report(), position, value))


@pytest.mark.usefixtures("compact_always")
def test_the_compact_form_pickles_no_graph_objects_one_by_one() -> None:
    """The graph's nodes, the snapshots and op records travel as rows: the unpickler is asked for
    none of their classes (unpack builds them), and their arrays come in blocks."""
    data = dump_report(_run((PROGRAMS / "loop_newton.py").read_text(encoding="utf-8")))
    seen = set()

    class Recording(_ReportUnpickler):
        def find_class(self, module: str, name: str):
            seen.add(name)
            return super().find_class(module, name)

    Recording(io.BytesIO(data)).load()
    assert "Report" in seen and not seen & {"GraphNode", "TensorSnapshot", "OpRecord", "Graph"}

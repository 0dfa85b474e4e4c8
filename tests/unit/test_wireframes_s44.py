"""Session 44 (issue 9): the way back of loop_scalar_chain's 3,502-node Report.

- sandbox_compact.ROWS: a graph's columns are read as one row per object (one itemgetter of every
  field the objects' dicts hold) and transposed by zip, instead of a map per field. The bytes sent
  must be the same with the switch on and off, and the Report the app loads equal to the one the
  job made (the oracle: the in-process Report, field for field, dict order and arrays' bytes).
- sandbox_frames: inside kept(), the pool's run keeps the frame its job wrote and the Report loaded
  from it, so the app's run cache holds the job's bytes instead of dumping the Report again. The
  frame must load to that same Report, be given back for that Report only (or the pool's copy with
  its timing_ms), never for a rejected frame, a run outside kept(), another thread's run, or with
  the switch off.
"""

from __future__ import annotations

import dataclasses
import io
import pickle
import threading
from pathlib import Path

import numpy as np
import pytest

from autogradlab import sandbox_compact, sandbox_frames
from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import Graph, GraphNode, Report, TensorSnapshot
from autogradlab.sandbox_client import JobOutcome
from autogradlab.sandbox_outcome import to_report
from autogradlab.sandbox_wire import _ReportUnpickler, dump_report, load_report
from tests.unit.test_sandbox_wire import assert_same

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
LOOPS = ["loop_scalar_chain", "loop_linreg", "loop_newton", "loop_power_iteration", "loop_mlp_manual"]
_RUNS: dict[str, Report] = {}


def _run(name: str) -> Report:
    if name not in _RUNS:
        source = (PROGRAMS / f"{name}.py").read_text(encoding="utf-8")
        _RUNS[name] = run_program(source, limits=Limits(timeout_s=120.0))
    return _RUNS[name]


@pytest.fixture(params=[True, False], ids=["rows", "columns"])
def rows(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(sandbox_compact, "ROWS", request.param)
    return request.param


# --- sandbox_compact.ROWS --------------------------------------------------------------------------

@pytest.mark.parametrize("name", LOOPS)
def test_the_bytes_sent_are_the_same_with_rows_on_and_off(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    report = _run(name)
    monkeypatch.setattr(sandbox_compact, "ROWS", False)
    before = dump_report(report)
    monkeypatch.setattr(sandbox_compact, "ROWS", True)
    assert dump_report(report) == before


@pytest.mark.parametrize("name", LOOPS)
def test_the_app_loads_the_report_the_job_made(name: str, rows: bool) -> None:
    report = _run(name)
    assert report.error is None
    packed = _ReportUnpickler(io.BytesIO(dump_report(report))).load()
    nodes = report.graph.nodes if report.graph is not None else ()
    assert sandbox_compact.is_packed(packed) == (len(nodes) + len(report.ops) >= sandbox_compact.SMALL)
    assert_same(pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)),
                load_report(dump_report(report)))


def test_columns_are_each_fields_values_in_order(rows: bool) -> None:
    snaps = [TensorSnapshot(id=i, shape=(i,), dtype="float32", value=np.zeros(i), summary=f"s{i}",
                            requires_grad=bool(i % 2), grad_fn=None if i % 3 else "MulBackward0")
             for i in range(5)]
    lazy = sandbox_compact._new(TensorSnapshot)   # a lazy 0-dim snapshot: no value, no summary
    object.__setattr__(lazy, "__dict__", {"id": 9, "shape": (), "dtype": "float64", "requires_grad": False,
                                          "grad_fn": None, "_number": 2.5})
    columns = sandbox_compact._columns([*snaps, lazy], sandbox_compact._SNAP_COLUMNS)
    assert len(columns) == len(sandbox_compact._SNAP_COLUMNS)
    for name, column in zip(sandbox_compact._SNAP_COLUMNS, columns, strict=True):
        expected = [vars(s).get(name) for s in [*snaps, lazy]]
        assert len(column) == 6 and all(map(lambda a, b: a is b, column, expected)), name
    assert columns[-1] == [None] * 5 + [2.5] and columns[0] == [0, 1, 2, 3, 4, 9]
    fields = sandbox_compact._NODE_FIELDS
    assert sandbox_compact._columns([], fields) == [[] for _ in fields]


def test_a_node_without_a_field_sends_the_report_as_a_plain_pickle(rows: bool,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox_compact, "SMALL", 1)
    snap = TensorSnapshot(id=0, shape=(), dtype="float64", value=np.array(1.0), summary="1.")
    nodes = [GraphNode(id=f"n{i}", kind="leaf", label="x", value=snap) for i in range(3)]
    odd = sandbox_compact._new(GraphNode)
    object.__setattr__(odd, "__dict__", {k: v for k, v in vars(nodes[0]).items() if k != "line"})
    graph = Graph(nodes=(*nodes, odd), edges=(), output=None, output_node=None, backward_done=False)
    report = Report(source="", ok=True, seed=0, output=None, candidates=(), variables={}, printed="",
                    graph=graph)
    assert sandbox_compact.pack(report) is report
    with pytest.raises(KeyError):
        sandbox_compact._columns([*nodes, odd], sandbox_compact._NODE_FIELDS)
    good = dataclasses.replace(report, graph=dataclasses.replace(graph, nodes=tuple(nodes)))
    assert sandbox_compact.is_packed(sandbox_compact.pack(good))


# --- sandbox_frames --------------------------------------------------------------------------------

def _outcome(report: Report) -> JobOutcome:
    return JobOutcome(dump_report(report), None)


def test_a_kept_frame_loads_to_the_report_the_pool_returns() -> None:
    made = _run("loop_scalar_chain")
    outcome = _outcome(made)
    with sandbox_frames.kept() as kept:
        report = to_report(outcome, made.source, 0, DEFAULT_LIMITS)
    timed = dataclasses.replace(report, timing_ms=12.5)   # what the pool returns
    assert kept.frame_of(report) is outcome.frame and kept.frame_of(timed) is outcome.frame
    assert_same(pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)),
                load_report(kept.frame_of(timed)))
    assert kept.frame_of(dataclasses.replace(report, printed=report.printed + "x")) is None
    assert kept.frame_of(dataclasses.replace(report, ops=report.ops[:1] + report.ops[1:])) is None   # a copy
    assert kept.frame_of(load_report(outcome.frame)) is None   # equal, but not the pool's Report
    assert kept.frame_of("not a report") is None


def test_nothing_is_kept_outside_kept_or_with_the_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _run("loop_newton")
    report = to_report(_outcome(made), made.source, 0, DEFAULT_LIMITS)
    assert report == made and getattr(sandbox_frames._local, "holder", None) is None
    monkeypatch.setattr(sandbox_frames, "KEEP", False)
    with sandbox_frames.kept() as kept:
        report = to_report(_outcome(made), made.source, 0, DEFAULT_LIMITS)
    assert report == made and kept.frame_of(report) is None


class _Evil:
    def __reduce__(self):
        return (print, ("owned",))


@pytest.mark.parametrize("frame", [pickle.dumps(_Evil()), b"\x80\x05garbage", pickle.dumps("a string"),
                                   pickle.dumps(Report(source="", ok=True, seed=0, output=None, candidates=(),
                                                       variables={}, printed=""))[:-5]])
def test_a_rejected_frame_is_not_kept(frame: bytes) -> None:
    with sandbox_frames.kept() as kept:
        report = to_report(JobOutcome(frame, None), "x = 1\n", 0, DEFAULT_LIMITS)
    assert report.error is not None and report.error.kind == "internal"
    assert kept.loaded is None and kept.frame_of(report) is None


def test_kept_blocks_nest_and_threads_keep_their_own() -> None:
    made = _run("loop_newton")
    seen = {}
    with sandbox_frames.kept() as outer:
        with sandbox_frames.kept() as inner:
            report = to_report(_outcome(made), made.source, 0, DEFAULT_LIMITS)
        assert inner.frame_of(report) is not None and outer.loaded is None

        def other() -> None:
            seen["report"] = to_report(_outcome(made), made.source, 0, DEFAULT_LIMITS)
            seen["holder"] = getattr(sandbox_frames._local, "holder", None)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        assert outer.loaded is None and seen["holder"] is None and seen["report"] == made
        again = to_report(_outcome(made), made.source, 0, DEFAULT_LIMITS)
        assert outer.frame_of(again) is not None
    assert getattr(sandbox_frames._local, "holder", None) is None


def test_a_pool_run_keeps_its_jobs_frame() -> None:
    from autogradlab.sandbox import WorkerPool

    source = (PROGRAMS / "loop_newton.py").read_text(encoding="utf-8")
    pool = WorkerPool(size=1, limits=Limits(timeout_s=60.0))
    try:
        with sandbox_frames.kept() as kept:
            report = pool.run(source)
        failed_run = pool.run("y = undefined_name\n")
    finally:
        pool.close()
    assert report.error is None and report.timing_ms > 0
    frame = kept.frame_of(report)
    assert frame is not None
    assert_same(dataclasses.replace(load_report(frame), timing_ms=report.timing_ms), report)
    assert_same(pickle.loads(pickle.dumps(_run("loop_newton"), protocol=pickle.HIGHEST_PROTOCOL)),
                dataclasses.replace(load_report(frame), timing_ms=_run("loop_newton").timing_ms))
    assert failed_run.error is not None and kept.frame_of(failed_run) is None

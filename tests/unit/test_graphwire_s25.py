"""A graph's lazy 0-dim snapshots (report.py, issue 9 session 25): value and summary made from the
tensor's number when first read give exactly what the eager snapshot held, in the job and after the
way back to the app (sandbox_compact ships the number, not the array and the text), and a hostile
job's numbers that do not fit their dtype are refused like any malformed data."""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import pickle
from pathlib import Path

import pytest
import torch

from autogradlab import sandbox_compact
from autogradlab.engine.graph_values import _SCALAR_KINDS, fast_snapshot
from autogradlab.engine.values import snapshot, summarize
from autogradlab.jsonout import report_to_json
from autogradlab.report import LAZY_DTYPES, LAZY_NUMBER, TensorSnapshot
from autogradlab.sandbox_wire import WireError, dump_report, load_report

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"

SCALARS = {
    "float32": torch.tensor(0.70123), "float64": torch.tensor(-3.25e-7, dtype=torch.float64),
    "whole": torch.tensor(28.0), "huge": torch.tensor(3e9), "nan": torch.tensor(math.nan),
    "-inf": torch.tensor(-math.inf), "-0.0": torch.tensor(-0.0), "tiny": torch.tensor(1e-45),
    "int64 max": torch.tensor(2**63 - 1), "int64 min": torch.tensor(-2**63),
    "int32": torch.tensor(-5, dtype=torch.int32), "bool": torch.tensor(False),
    "op output": torch.sin(torch.tensor(0.5, requires_grad=True)) * 1.01,
}

MIXED_DTYPES = """import torch
x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
k = torch.tensor(3)
i = torch.tensor(4, dtype=torch.int32)
b = torch.tensor(True)
y = x
for step in range(40):
    y = y * k + x * i - torch.where(b, x, y)
y.backward()
"""


def _lazy(snap: TensorSnapshot) -> bool:
    return LAZY_NUMBER in vars(snap)


def _graph_snapshots(report) -> list[TensorSnapshot]:
    return [s for n in report.graph.nodes for s in (n.value, n.grad) if s is not None]


def _run(source: str):
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits
    return run_program(source, limits=Limits(timeout_s=120.0))


def test_the_lazy_dtypes_are_the_scalar_paths_dtypes():
    assert {kind[1] for kind in _SCALAR_KINDS.values()} == set(LAZY_DTYPES)
    assert all(LAZY_DTYPES[kind[1]] == kind[0] for kind in _SCALAR_KINDS.values())


@pytest.mark.parametrize("name", SCALARS)
def test_a_lazy_snapshot_reads_as_the_eager_one(name):
    tensor = SCALARS[name]
    made, eager = fast_snapshot(tensor, 3), snapshot(tensor, 3)
    assert _lazy(made) and "value" not in vars(made) and "summary" not in vars(made)
    assert made.summary == eager.summary == summarize(tensor.detach().numpy())   # read: made eager
    assert list(vars(made)) == list(vars(eager))
    assert made.value.dtype == eager.value.dtype and made.value.tobytes() == eager.value.tobytes()
    assert made.value.flags.writeable and made.value.flags.owndata
    torch.testing.assert_close(torch.from_numpy(made.value), tensor.detach(), rtol=0, atol=0, equal_nan=True)
    assert pickle.dumps(made) == pickle.dumps(eager)


def test_pickling_copying_and_replacing_a_lazy_snapshot_see_its_fields():
    tensor = torch.tensor(0.25)
    eager = snapshot(tensor, 1)
    assert pickle.dumps(fast_snapshot(tensor, 1)) == pickle.dumps(eager)   # __getstate__: eager state
    for copied in (copy.copy(fast_snapshot(tensor, 1)), copy.deepcopy(fast_snapshot(tensor, 1)),
                   dataclasses.replace(fast_snapshot(tensor, 1))):
        assert not _lazy(copied) and copied.summary == "0.25" and copied.value == eager.value
    assert repr(fast_snapshot(tensor, 1)) == repr(eager)
    assert not hasattr(fast_snapshot(tensor, 1), "nothing")
    with pytest.raises(AttributeError):
        fast_snapshot(tensor, 1).__setstate__   # noqa: B018 - pickle and copy look it up


@pytest.mark.parametrize("program", ["loop_scalar_chain", "loop_newton", "loop_mlp_manual", "mixed dtypes"])
def test_the_app_gets_lazy_snapshots_equal_to_the_jobs(program):
    source = MIXED_DTYPES if program == "mixed dtypes" else (PROGRAMS / f"{program}.py").read_text()
    report = _run(source)
    assert any(map(_lazy, _graph_snapshots(report))), "the graph's 0-dim snapshots are lazy in the job"
    loaded = load_report(dump_report(report))
    lazy_before = sum(map(_lazy, _graph_snapshots(report)))
    assert sum(map(_lazy, _graph_snapshots(loaded))) == lazy_before   # not made eager on the way
    assert json.dumps(report_to_json(loaded)) == json.dumps(report_to_json(report))   # the CLI's JSON
    for mine, theirs in zip(_graph_snapshots(loaded), _graph_snapshots(report), strict=True):
        assert mine.summary == theirs.summary
        assert (mine.value is None) == (theirs.value is None)
        if mine.value is not None:
            assert (mine.value.dtype, mine.value.tobytes()) == (theirs.value.dtype, theirs.value.tobytes())
        assert list(vars(mine)) == list(vars(theirs))
    plain = [f.name for f in dataclasses.fields(loaded.graph.nodes[0]) if f.name not in ("value", "grad")]
    assert [[getattr(n, f) for f in plain] for n in loaded.graph.nodes] == \
        [[getattr(n, f) for f in plain] for n in report.graph.nodes]


def test_a_graph_of_mixed_dtypes_has_lazy_snapshots_of_each():
    report = _run(MIXED_DTYPES)
    dtypes = {s.dtype for s in _graph_snapshots(report) if _lazy(s)}
    assert {"float64", "int64", "int32", "bool"} <= dtypes


def _packed_scalar_chain():
    report = _run((PROGRAMS / "loop_scalar_chain.py").read_text())
    packed = list(sandbox_compact.pack(report))
    snap_cols = [list(c) for c in packed[8]]
    first = snap_cols[-1].index(next(n for n in snap_cols[-1] if n is not None))
    return packed, snap_cols, first


def _load_with(packed, snap_cols, index, dtype, number):
    snap_cols = [list(c) for c in snap_cols]
    snap_cols[sandbox_compact._SNAP_FIELDS.index("dtype")][index] = dtype
    snap_cols[-1][index] = number
    packed = list(packed)
    packed[8] = snap_cols
    return load_report(pickle.dumps(tuple(packed), protocol=pickle.HIGHEST_PROTOCOL))


@pytest.mark.parametrize(("dtype", "number"), [
    ("float32", "0.5"), ("float32", 1), ("float64", True), ("int64", 1.0), ("bool", 1), ("int32", 2**31),
    ("int32", -2**31 - 1), ("int64", 2**63), ("int64", -2**63 - 1), ("float16", 0.5), ("complex64", 1j),
    ("float32", [0.5]), (None, 0.5)])
def test_a_lazy_number_that_does_not_fit_its_dtype_is_refused(dtype, number):
    packed, snap_cols, index = _packed_scalar_chain()
    with pytest.raises(WireError):
        _load_with(packed, snap_cols, index, dtype, number)


@pytest.mark.parametrize(("dtype", "number"), [
    ("int32", 2**31 - 1), ("int32", -2**31), ("int64", 2**63 - 1), ("int64", -2**63), ("bool", True),
    ("float64", -0.0), ("float32", math.inf), ("float32", 3.4028234663852886e38)])
def test_a_lazy_number_just_inside_its_dtype_is_taken(dtype, number):
    packed, snap_cols, index = _packed_scalar_chain()
    report = _load_with(packed, snap_cols, index, dtype, number)
    read = [(s.value.item(), s.value.dtype) for s in _graph_snapshots(report) if s.dtype == dtype]
    assert (number, LAZY_DTYPES[dtype]) in read


def test_threads_reading_the_same_lazy_snapshots_read_the_same_fields():
    """(the Steps page's cache_resource shares one Report between sessions, that is threads)"""
    from concurrent.futures import ThreadPoolExecutor

    tensors = [torch.tensor(i / 7) for i in range(2_000)]
    eager = [snapshot(t, i) for i, t in enumerate(tensors)]
    shared = [fast_snapshot(t, i) for i, t in enumerate(tensors)]

    def read(order: int) -> list:
        snaps = shared if order % 2 else shared[::-1]
        got = [(s.id, s.summary, s.value.tobytes(), s.shape, s.grad_fn) for s in snaps]
        return got if order % 2 else got[::-1]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(read, range(16)))
    expected = [(s.id, s.summary, s.value.tobytes(), s.shape, s.grad_fn) for s in eager]
    assert all(r == expected for r in results)
    assert all(list(vars(s)) == list(vars(e)) for s, e in zip(shared, eager, strict=True))


def test_a_snapshot_neither_eager_nor_lazy_travels_as_a_plain_pickle():
    report = _run((PROGRAMS / "loop_scalar_chain.py").read_text())
    snap = next(n.value for n in report.graph.nodes if n.value is not None and LAZY_NUMBER in vars(n.value))
    del vars(snap)[LAZY_NUMBER]   # (a dict without value, summary or number: no builder makes it)
    assert not sandbox_compact.is_packed(sandbox_compact.pack(report))
    with pytest.raises(AttributeError):
        snap.summary   # noqa: B018

"""The app reads at most MAX_REPORT_BYTES of one job's Report (sandbox_client._read_until_eof had no
cap: a job could make the app hold whatever it wrote). Past the cap: a "memory" error naming it, and
the worker pool keeps serving."""

from __future__ import annotations

import os
import threading
import time

import pytest

from autogradlab import sandbox_client
from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_client import ReportTooBig, _read_until_eof
from autogradlab.sandbox_wire import dump_report, pack_frame

CAP = 4096


def _written(data: bytes) -> int:
    read_end, write_end = os.pipe()

    def write() -> None:
        try:
            os.write(write_end, data)
        except BrokenPipeError:
            pass
        os.close(write_end)

    threading.Thread(target=write, daemon=True).start()
    return read_end


def _far() -> float:
    return time.monotonic() + 30.0


@pytest.mark.parametrize("size", [0, 1, CAP - 1, CAP])
def test_a_pipe_at_or_below_the_cap_is_read_whole(size: int) -> None:
    fd = _written(b"r" * size)
    try:
        assert _read_until_eof(fd, _far, max_bytes=CAP) == b"r" * size
    finally:
        os.close(fd)


@pytest.mark.parametrize("size", [CAP + 1, 10 * CAP])
def test_a_pipe_past_the_cap_is_refused(size: int) -> None:
    fd = _written(b"r" * size)
    try:
        with pytest.raises(ReportTooBig):
            _read_until_eof(fd, _far, max_bytes=CAP)
    finally:
        os.close(fd)


def printing_report(source, *, seed, output, limits):
    return Report(source=source, ok=True, seed=seed, output=None, candidates=(), variables={},
                  printed="p" * int(source))


def _frame_bytes(chars: int) -> int:
    return len(pack_frame(dump_report(printing_report(str(chars), seed=0, output=None, limits=None))))


def test_a_report_past_the_cap_is_a_named_memory_error_and_the_pool_keeps_serving(monkeypatch) -> None:
    chars = 200_000
    cap = _frame_bytes(chars)
    monkeypatch.setattr(sandbox_client, "MAX_REPORT_BYTES", cap)
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        assert pool._current_zygote().wait_ready(120.0)
        exact = pool._run(str(chars), target=printing_report)           # exactly the cap: read
        assert exact.error is None and exact.printed == "p" * chars
        over = pool._run(str(chars + 1), target=printing_report)        # one byte over: refused
        assert over.error is not None and over.error.kind == "memory"
        assert f"take more than {cap / (1 << 20):g} MB" in over.error.message
        assert over.error.key == "errors_runtime.report_too_big"
        assert over.error.hint_key == "errors.hint_memory"
        assert pool._run("5", target=printing_report).printed == "ppppp"   # the same pool serves on
    finally:
        pool.close()

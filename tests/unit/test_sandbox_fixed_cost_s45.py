"""A short run's fixed cost through the sandbox (issue 9, session 45): the Report's frame goes in one
write and the app stops reading at the frame's end (not at the job's close), the job reaches the
zygote and its spare in one send each, and a report of a dozen records travels in the compact form."""

from __future__ import annotations

import os
import pickle
import socket
import threading
import time

import pytest

from autogradlab import sandbox_client, sandbox_compact, sandbox_job
from autogradlab import sandbox_wire as wire
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import Report
from autogradlab.sandbox import WorkerPool
from autogradlab.sandbox_client import ReportTooBig, _read_frame
from tests.unit.test_sandbox_job_exit import tiny_report
from tests.unit.test_sandbox_prefault import _in_child  # (its JSON answer)


def _deadline_in(seconds: float):
    end = time.monotonic() + seconds
    return lambda: end


def test_the_frame_is_read_without_waiting_for_the_writer_to_close() -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, wire.pack_frame(b"payload"))   # the write end stays open
        started = time.monotonic()
        assert _read_frame(read_end, _deadline_in(3.0)) == (b"payload", True)
        assert time.monotonic() - started < 1.0
    finally:
        os.close(read_end)
        os.close(write_end)


def test_what_follows_the_frame_is_not_part_of_it() -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, wire.pack_frame(b"abc") + b"more")
        assert _read_frame(read_end, _deadline_in(3.0)) == (b"abc", True)
    finally:
        os.close(read_end)
        os.close(write_end)


@pytest.mark.parametrize("cut", [0, 3, 8, 9, 15])
def test_a_frame_cut_short_by_the_close_is_no_frame(cut: int) -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, wire.pack_frame(b"12345678")[:cut])
        os.close(write_end)
        assert _read_frame(read_end, _deadline_in(3.0)) == (None, True)
    finally:
        os.close(read_end)


def test_a_writer_that_says_nothing_meets_the_deadline() -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, wire.pack_frame(b"12345678")[:5])
        assert _read_frame(read_end, _deadline_in(0.3)) == (None, False)
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_head_past_the_cap_is_refused_before_the_payload_comes() -> None:
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, wire.frame_head(b"x" * 5000))   # only the head; the writer stays
        with pytest.raises(ReportTooBig):
            _read_frame(read_end, _deadline_in(3.0), max_bytes=4096)
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_frame_at_the_cap_is_read_and_one_byte_over_is_refused() -> None:
    for payload, refused in ((b"y" * (4096 - 8), False), (b"y" * (4096 - 7), True)):
        read_end, write_end = os.pipe()
        try:
            os.write(write_end, wire.pack_frame(payload))
            if refused:
                with pytest.raises(ReportTooBig):
                    _read_frame(read_end, _deadline_in(3.0), max_bytes=4096)
            else:
                assert _read_frame(read_end, _deadline_in(3.0), max_bytes=4096) == (payload, True)
        finally:
            os.close(read_end)
            os.close(write_end)


def test_write_frame_puts_the_whole_frame_in_the_pipe_at_once() -> None:
    read_end, write_end = os.pipe()
    try:
        wire.write_frame(write_end, b"z" * 1000)
        assert os.read(read_end, 1 << 16) == wire.pack_frame(b"z" * 1000)   # one read: one write
    finally:
        os.close(read_end)
        os.close(write_end)


def test_write_frame_finishes_a_frame_bigger_than_the_pipe() -> None:
    payload = bytes(range(256)) * 2000   # 512 kB against a 64 kB pipe: the writev is cut short
    read_end, write_end = os.pipe()
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(_read_frame(read_end, _deadline_in(20.0))),
                              daemon=True)
    reader.start()
    try:
        wire.write_frame(write_end, payload)
        reader.join(20.0)
        assert got == [(payload, True)]
    finally:
        os.close(read_end)
        os.close(write_end)


def test_the_job_writes_its_frame_with_one_system_call() -> None:
    result_read, result_write = os.pipe()
    note_read, note_write = os.pipe()
    job = pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                        "target": tiny_report, "steps": None})
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.close(result_read)
            os.close(note_read)
            calls = []
            write, writev = os.write, os.writev

            def noted_write(fd, data):   # noqa: ANN001, ANN202
                calls.append("write" if fd == result_write else "other")
                return write(fd, data)

            def noted_writev(fd, buffers):   # noqa: ANN001, ANN202
                calls.append("writev" if fd == result_write else "other")
                return writev(fd, buffers)

            os.write, os.writev = noted_write, noted_writev
            code = sandbox_job.job_main({"memory_mb": 512, "timeout": 5.0}, job, result_write)
            write(note_write, ",".join(calls).encode())
        finally:
            os._exit(code)
    os.close(result_write)
    os.close(note_write)
    chunks = []
    while chunk := os.read(result_read, 1 << 16):
        chunks.append(chunk)
    os.close(result_read)
    _pid, status = os.waitpid(pid, 0)
    calls = os.read(note_read, 1000).decode()
    os.close(note_read)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert wire.load_report(wire.unpack_frame(b"".join(chunks))).printed == "done\n"
    assert calls == "writev"


def test_a_job_reaches_the_receiver_in_one_message() -> None:
    sender, receiver = socket.socketpair()
    read_end, write_end = os.pipe()
    try:
        wire.send_job(sender, {"id": 7, "timeout": 1.0, "memory_mb": 64}, b"the job", write_end)
        data, fds, _flags, _addr = socket.recv_fds(receiver, 1 << 16, 1)
        for fd in fds:
            os.close(fd)
        assert len(fds) == 1
        assert data == (wire.JOB_MARKER + wire.pack_frame(b'{"id": 7, "timeout": 1.0, "memory_mb": 64}')
                        + wire.pack_frame(b"the job"))
    finally:
        for end in (sender, receiver):
            end.close()
        os.close(read_end)
        os.close(write_end)


@pytest.mark.parametrize("one_send", [True, False])
def test_recv_job_reads_a_job_sent_either_way(monkeypatch, one_send: bool) -> None:
    monkeypatch.setattr(wire, "ONE_SEND", one_send)
    sender, receiver = socket.socketpair()
    read_end, write_end = os.pipe()
    try:
        got: list = []   # (read while it is sent: 300 kB is more than the socket holds)
        thread = threading.Thread(target=lambda: got.append(wire.recv_job(receiver)), daemon=True)
        thread.start()
        wire.send_job(sender, {"id": 3, "timeout": 2.0, "memory_mb": 8}, b"p" * 300_000, write_end)
        thread.join(20.0)
        header, payload, fd = got[0]
        os.write(fd, b"!")   # the pipe's write end came along
        os.close(fd)
        assert header == {"id": 3, "timeout": 2.0, "memory_mb": 8} and payload == b"p" * 300_000
        assert os.read(read_end, 1) == b"!"
    finally:
        for end in (sender, receiver):
            end.close()
        os.close(read_end)
        os.close(write_end)


DOZEN = "import torch\nx = torch.tensor(1.0, requires_grad=True)\nfor i in range(6):\n    x = x * 1.5 + 1\n"


def test_a_dozen_records_travel_compact_and_load_equal() -> None:
    report = run_program(DOZEN)
    records = len(report.ops) + len(report.graph.nodes)
    assert sandbox_compact.SMALL <= records < 64
    data = wire.dump_report(report)
    assert sandbox_compact.is_packed(pickle.loads(data))
    assert wire.load_report(data) == report


def test_a_report_below_small_travels_as_itself() -> None:
    report = run_program("import torch\nx = torch.tensor(2.0)\n")
    assert len(report.ops) + (len(report.graph.nodes) if report.graph else 0) < sandbox_compact.SMALL
    assert type(pickle.loads(wire.dump_report(report))) is Report


@pytest.mark.parametrize("frame_end", [True, False])
def test_the_pool_gives_the_job_s_report_either_way(monkeypatch, frame_end: bool) -> None:
    monkeypatch.setattr(sandbox_client, "FRAME_END", frame_end)
    pool = WorkerPool(size=1)
    try:
        pool.warm()
        assert pool._current_zygote().wait_ready(120.0)
        report = pool.run(DOZEN + "print(x.item())\n")
        value = 1.0
        for _ in range(6):   # plain Python, the oracle
            value = value * 1.5 + 1
        assert report.error is None and report.printed == f"{value}\n"
        source = "import torch\nx = torch.ones(2)\ny = x[5]\n"
        failed = pool.run(source)   # the same Report as in this process (the wire changes nothing)
        assert failed.error is not None and failed.error == run_program(source).error
    finally:
        pool.close()


KINDS = ("RLIMIT_AS", "RLIMIT_FSIZE", "RLIMIT_CORE", "RLIMIT_CPU")


def _spare_prepared() -> str:
    import resource
    import signal

    before = {kind: resource.getrlimit(getattr(resource, kind)) for kind in KINDS}
    handler = signal.getsignal(signal.SIGXFSZ)
    calls = []
    setrlimit = resource.setrlimit

    def noted(kind, limits):   # noqa: ANN001, ANN202
        calls.append(kind)
        return setrlimit(kind, limits)

    resource.setrlimit = noted
    sandbox_job._PREPARED.clear()
    sandbox_job.prepare_process()
    after = {kind: resource.getrlimit(getattr(resource, kind)) for kind in KINDS}
    rehearsed = sorted(calls) == sorted(getattr(resource, kind) for kind in KINDS)
    return f"{rehearsed} {before == after} {signal.getsignal(signal.SIGXFSZ) == handler}"


def test_a_spare_takes_the_limits_path_without_changing_a_limit() -> None:
    assert _in_child(_spare_prepared) == "True True True"


def test_without_the_rehearsal_the_spare_sets_no_limit(monkeypatch) -> None:
    monkeypatch.setattr(sandbox_job, "REHEARSE_LIMITS", False)
    assert _in_child(_spare_prepared) == "False True True"

"""The zygote and its new spare rehearse a job's hand-over right after the fork (sandbox_rehearse):
the real hand-over then writes to pages already copied, nothing leaks, and a failed rehearsal never
raises."""

from __future__ import annotations

import json
import os
import pickle
import socket

from autogradlab import sandbox_rehearse, sandbox_wire


def _minflt() -> int:
    with open("/proc/self/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[7])


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def _hand_over(payload: bytes) -> dict:
    """One real hand-over, as the zygote and the spare take it: send_job, recv_job, the unpickling."""
    sender, receiver = socket.socketpair()
    read_end, write_end = os.pipe()
    with sender, receiver:
        sandbox_wire.send_job(sender, {"id": 5, "timeout": 2.0, "memory_mb": 300}, payload, write_end)
        header, received, fd = sandbox_wire.recv_job(receiver)
        os.close(fd)
    os.close(read_end)
    os.close(write_end)
    job = pickle.loads(received)
    return {"id": header["id"], "source": job["source"]}


def _faults_in_child(rehearse: bool) -> int:
    """Minor faults of one hand-over in a fresh fork of this process (rehearsed first, or not)."""
    payload = pickle.dumps({"source": "y = 2\n" * 40, "seed": 3, "output": None,
                            "limits": pickle.loads(sandbox_rehearse.dummy_job())["limits"],
                            "target": None, "steps": None})
    _hand_over(payload)   # the parent's own first touches: the child inherits them as shared pages
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_end)
            if rehearse:
                sandbox_rehearse.rehearse(unpickle=True)
            before = _minflt()
            answer = _hand_over(payload)
            faults = _minflt() - before
            os.write(write_end, json.dumps([faults, answer]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    data = b""
    while chunk := os.read(read_end, 1 << 16):
        data += chunk
    os.close(read_end)
    os.waitpid(pid, 0)
    faults, answer = json.loads(data)
    assert answer == {"id": 5, "source": "y = 2\n" * 40}
    return faults


def test_rehearse_hands_a_dummy_job_over_and_leaves_no_descriptor_open() -> None:
    before = _open_fds()
    assert sandbox_rehearse.rehearse(unpickle=True) is True
    assert sandbox_rehearse.rehearse(unpickle=False) is True
    assert _open_fds() == before


def test_the_dummy_job_is_a_job_as_the_app_pickles_it() -> None:
    job = pickle.loads(sandbox_rehearse.dummy_job())
    assert set(job) == {"source", "seed", "output", "limits", "target", "steps"}
    assert job["target"] is None and job["steps"] is None


def test_a_failed_rehearsal_returns_false_and_closes_its_descriptors(monkeypatch) -> None:  # noqa: ANN001
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("the socket is gone")

    monkeypatch.setattr(sandbox_wire, "send_job", broken)
    before = _open_fds()
    assert sandbox_rehearse.rehearse(unpickle=True) is False
    assert _open_fds() == before


def test_after_a_rehearsal_a_fresh_fork_takes_a_job_with_fewer_page_faults() -> None:
    cold = min(_faults_in_child(rehearse=False) for _ in range(3))
    warm = min(_faults_in_child(rehearse=True) for _ in range(3))
    assert cold > 0
    assert warm < cold

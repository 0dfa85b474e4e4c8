"""The bytes that travel between the app, the zygote and a job process.

Three directions, three levels of trust:
- app -> zygote (control socket): a JSON header plus a pickled job. The app is trusted.
- zygote -> app (control socket): one JSON object per line (ready, job exit status). No pickle,
  so even a misbehaving zygote cannot make the app run code.
- job -> app (a fresh pipe per job): a length-prefixed pickle of a Report. The job process ran a
  user program, so the app unpickles it with `load_report`, which only accepts the Report
  dataclasses, numpy arrays and plain builtins (security.md item 1: nothing a user controls reaches
  an unrestricted pickle). A big graph and op list travel in sandbox_compact's form (rows of plain
  data, arrays in one block per dtype and shape), rebuilt after that same restricted unpickling.

Never imports torch: the app imports this module.
"""

from __future__ import annotations

import gc
import io
import json
import os
import pickle
import socket
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from autogradlab import report as report_module
from autogradlab import sandbox_compact
from autogradlab import step_records as step_records_module
from autogradlab.report import Report

_LENGTH = struct.Struct("!Q")
JOB_MARKER = b"J"
WARM_MARKER = b"W"   # zygote -> its spare job process only: "no job is running now, warm up"


class WireError(Exception):
    """The other side sent something that does not follow the protocol."""


# --- frames on a socket or pipe -------------------------------------------------------------------

def pack_frame(payload: bytes) -> bytes:
    return frame_head(payload) + payload


def frame_head(payload: bytes) -> bytes:
    """The length that starts the frame of `payload` (a job writes it, then the payload, without a copy)."""
    return _LENGTH.pack(len(payload))


HEAD_SIZE = _LENGTH.size


def payload_length(head: bytes) -> int:
    """The payload's length a frame's first HEAD_SIZE bytes give."""
    return _LENGTH.unpack_from(head)[0]


def write_frame(fd: int, payload: bytes) -> None:
    """The frame of `payload` written to `fd` in one writev (no joined copy of a big payload: a job
    that had just fit ran out of memory making one, red team session 34), finished by plain writes if
    the writev was cut short. One write wakes the reader once; the head and then the payload woke it
    twice (issue 9, session 45)."""
    parts = [frame_head(payload), payload]
    written = os.writev(fd, parts)
    for part in parts:
        view = memoryview(part)[min(written, len(part)):]
        written = max(0, written - len(part))
        while view:
            view = view[os.write(fd, view):]


def unpack_frame(data: bytes) -> bytes | None:
    """The payload if `data` is exactly one complete frame, else None (a job killed mid-write)."""
    if len(data) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack_from(data)
    if len(data) != _LENGTH.size + length:
        return None
    return data[_LENGTH.size:]


def recv_exact(sock: socket.socket, n: int) -> bytes:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            raise EOFError("control socket closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> bytes:
    (length,) = _LENGTH.unpack(recv_exact(sock, _LENGTH.size))
    return recv_exact(sock, length)


# A job's marker, its header and its payload in one sendmsg (the rest by sendall if the socket takes
# less): sent as two, the receiver woke on the marker, asked for the header and slept again until
# the second send came (the zygote's hand-over to its spare: up to ~0.4 ms, issue 9, session 45).
ONE_SEND = True


def send_job(sock: socket.socket, header: dict[str, Any], payload: bytes, result_fd: int) -> None:
    """Send one job; `result_fd` (the write end of the job's result pipe) travels as SCM_RIGHTS."""
    head = json.dumps(header).encode()
    if not ONE_SEND:
        socket.send_fds(sock, [JOB_MARKER], [result_fd])
        sock.sendall(pack_frame(head) + pack_frame(payload))
        return
    parts = [JOB_MARKER, frame_head(head), head, frame_head(payload), payload]
    sent = socket.send_fds(sock, parts, [result_fd])
    if sent < sum(map(len, parts)):
        sock.sendall(b"".join(parts)[sent:])


def recv_job(sock: socket.socket, on_warm: Callable[[], None] | None = None
             ) -> tuple[dict[str, Any], bytes, int]:
    """The receiving side of send_job (the zygote's, and its spare job process's). Raises EOFError
    when the sender has gone. With `on_warm` (the spare), a WARM_MARKER calls it and waits on."""
    marker, fds, _flags, _addr = socket.recv_fds(sock, 1, 1)
    if marker == WARM_MARKER and not fds and on_warm is not None:
        on_warm()
        marker, fds, _flags, _addr = socket.recv_fds(sock, 1, 1)
    if not marker:
        raise EOFError("control socket closed")
    if marker != JOB_MARKER or len(fds) != 1:
        for fd in fds:
            os.close(fd)
        raise WireError("expected a job marker with one file descriptor")
    header = json.loads(recv_frame(sock))
    payload = recv_frame(sock)
    return header, payload, fds[0]


# --- the restricted unpickler for job results ----------------------------------------------------

_REPORT_CLASSES = {
    name for name, obj in vars(report_module).items()
    if isinstance(obj, type) and obj.__module__ == report_module.__name__
}
_STEP_CLASSES = {
    name for name, obj in vars(step_records_module).items()
    if isinstance(obj, type) and obj.__module__ == step_records_module.__name__
}

_JACOBIAN_CLASSES = {"JacobianRecord", "JacobianChecks", "JacobianPath"}   # report_jacobian.py

_ALLOWED_GLOBALS = {
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy._core.numeric", "_frombuffer"),
    ("builtins", "complex"),
    ("builtins", "frozenset"),
    ("builtins", "set"),
}


class _ReportUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == report_module.__name__ and name in _REPORT_CLASSES:
            return super().find_class(module, name)
        if (module == step_records_module.__name__ and name in _STEP_CLASSES) or (
                module == "autogradlab.report_jacobian" and name in _JACOBIAN_CLASSES):
            return super().find_class(module, name)
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        if module == "numpy.dtypes" and name.endswith("DType"):
            return super().find_class(module, name)
        raise WireError(f"a job result may not contain {module}.{name}")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """A Report with steps is ~100k small objects, no cycles: the collector's passes while they are made
    (unpickling) tripled the time (a 3,000-op loop's steps: 316 -> 102 ms CPU to load)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def dump_report(report: Report) -> bytes:
    """The Report as the job sends it: its graph and op records in sandbox_compact's form."""
    with _gc_paused():
        return pickle.dumps(sandbox_compact.pack(report), protocol=pickle.HIGHEST_PROTOCOL)


def load_report(payload: bytes) -> Report:
    """Unpickle a job's result, accepting only plain data; raises WireError otherwise."""
    try:
        with _gc_paused():
            obj = _ReportUnpickler(io.BytesIO(payload)).load()
            if sandbox_compact.is_packed(obj):
                obj = sandbox_compact.unpack(obj)
    except WireError:
        raise
    except Exception as exc:  # truncated or corrupt data
        raise WireError(f"unreadable job result: {exc}") from None
    if not isinstance(obj, Report):
        raise WireError(f"a job result must be a Report, not {type(obj).__name__}")
    return obj

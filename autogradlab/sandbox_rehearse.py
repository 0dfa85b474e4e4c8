"""A job's hand-over rehearsed, right after the zygote forks a spare, so the real one faults no pages.

After the fork, the zygote and its spare share every page copy-on-write. The next job's hand-over
then wrote to ~80 of the zygote's pages (reference counts of the socket, json and wire code it runs,
the small-object pools it allocates from) and to as many of the spare's, each first write a page
fault (~3 us here): ~0.2 ms on each side, on the way from the app's Run to the program's start
(issue 9, bench/sandbox_timeline.py "to start"). `rehearse` takes the same path once with a dummy
job between two local sockets (send_job, recv_job, the job's unpickling; nothing leaves this
process), so the pages are copied while nobody waits. It never raises: a failed rehearsal only
leaves the faults to the real hand-over, as before.
"""

from __future__ import annotations

import os
import pickle
import socket

from autogradlab import sandbox_wire as wire


def dummy_job() -> bytes:
    """A job as the app pickles one (sandbox.WorkerPool._run_in_worker), with a program that is never run."""
    from autogradlab.limits import DEFAULT_LIMITS

    return pickle.dumps({"source": "x = 1\n", "seed": 0, "output": None, "limits": DEFAULT_LIMITS,
                         "target": None, "steps": None})


def rehearse(unpickle: bool) -> bool:
    """One hand-over of a dummy job through a local socket pair (and its unpickling when `unpickle`:
    the spare's side); True if it went through."""
    try:
        payload = dummy_job()
        sender, receiver = socket.socketpair()
        read_end, write_end = os.pipe()
        try:
            with sender, receiver:
                wire.send_job(sender, {"id": 0, "timeout": 1.0, "memory_mb": 1}, payload, write_end)
                header, received, result_fd = wire.recv_job(receiver)
                os.close(result_fd)
            if unpickle:
                pickle.loads(received)
        finally:
            os.close(read_end)
            os.close(write_end)
        return header["id"] == 0
    except Exception:   # noqa: BLE001 - a rehearsal must never cost the real job anything
        return False

"""The sandbox: limits, crashes, isolation between jobs, sessions and concurrency.

Payload functions below stand in for run_program where a test needs something the language
forbids (changing process-wide torch settings, crashing, hogging memory). They reach the worker
only through the test-only `WorkerPool._run(target=...)`; the public `run` always uses run_program.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest

from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import PlainValue, Report
from autogradlab.sandbox import WorkerPool

# --- payloads (run inside the job process) --------------------------------------------------------


def _report(source: str, printed: str, **extra) -> Report:
    fields = {"source": source, "ok": True, "seed": 0, "output": None, "candidates": (),
              "variables": {}, "printed": printed}
    return Report(**{**fields, **extra})


def _torch_state() -> str:
    import torch

    return json.dumps({
        "dtype": str(torch.get_default_dtype()),
        "print": repr(torch.tensor([1 / 3])),
        "rand": torch.rand(3).tolist(),
        "threads": torch.get_num_threads(),
        "grad": torch.is_grad_enabled(),
        "deterministic": torch.are_deterministic_algorithms_enabled(),
    })


def read_torch_settings(source, *, seed, output, limits):
    return _report(source, _torch_state())


def change_torch_settings(source, *, seed, output, limits):
    import torch

    torch.set_default_dtype(torch.float64)
    torch.set_printoptions(precision=10)
    torch.manual_seed(123)
    torch.set_num_threads(2)
    torch.set_grad_enabled(False)
    torch.use_deterministic_algorithms(True)
    return _report(source, _torch_state())


def echo_seed(source, *, seed, output, limits):
    import torch

    gen = torch.Generator().manual_seed(seed)
    return _report(source, f"{seed}:{torch.rand(1, generator=gen).item()!r}")


def sleep_then_echo(source, *, seed, output, limits):
    time.sleep(float(source))
    return _report(source, f"slept {source}")


def spin_forever(source, *, seed, output, limits):
    while True:
        pass


def hog_memory(source, *, seed, output, limits):
    import torch

    kept = []
    while True:
        kept.append(torch.ones(1 << 20))


def segfault(source, *, seed, output, limits):
    os.kill(os.getpid(), signal.SIGSEGV)


def exit_abruptly(source, *, seed, output, limits):
    os._exit(3)


def write_a_file(source, *, seed, output, limits):
    try:
        with open(source, "w") as f:
            f.write("x" * 10)
            f.flush()
    except OSError as exc:
        return _report(source, f"refused: {exc.errno}")
    return _report(source, "written")


class NotPlainData:
    pass


def return_an_object(source, *, seed, output, limits):
    return _report(source, "", variables={"x": PlainValue("object", NotPlainData(), "x")})


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pool():
    p = WorkerPool(size=2)
    p.warm()
    yield p
    p.close()


# --- tests ----------------------------------------------------------------------------------------


def test_importing_sandbox_does_not_import_torch():
    code = "import autogradlab.sandbox, sys; assert 'torch' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert result.returncode == 0, result.stderr


def test_program_report_matches_run_program_in_process(pool):
    from autogradlab.engine.run import run_program
    from autogradlab.jsonout import report_to_json

    source = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\n" \
             "y.backward()\nprint(x.grad)\n"
    in_process = report_to_json(run_program(source, seed=7))
    sandboxed = report_to_json(pool.run(source, seed=7))
    in_process.pop("timing_ms")
    sandboxed.pop("timing_ms")
    assert sandboxed == in_process
    assert sandboxed["printed"] == "tensor([ 0.,  4.,  8., 12.])\n"


def test_payload_result_comes_back_with_its_run_time(pool):
    started = time.perf_counter()
    report = pool._run("0.2", target=sleep_then_echo)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert report.printed == "slept 0.2"
    assert 200 <= report.timing_ms <= elapsed_ms + 1


def test_endless_loop_times_out_quickly_and_next_job_runs(pool):
    started = time.perf_counter()
    report = pool._run("while True: pass", seed=3, target=spin_forever, timeout=0.5)
    assert time.perf_counter() - started < 3
    assert (report.ok, report.source, report.seed) == (False, "while True: pass", 3)
    assert report.error.kind == "timeout"
    assert report.error.message == "the program ran longer than 0.5 s and was stopped"
    assert "loop" in report.error.hint
    assert pool._run("0", target=sleep_then_echo).printed == "slept 0"


def test_default_timeout_message_names_five_seconds():
    assert DEFAULT_LIMITS.timeout_s == 5.0
    from autogradlab.sandbox import _seconds

    assert f"longer than {_seconds(DEFAULT_LIMITS.timeout_s)} s" == "longer than 5 s"


def test_memory_hog_gets_memory_error_and_pool_survives():
    small = WorkerPool(size=1, limits=replace(DEFAULT_LIMITS, memory_mb=200))
    try:
        report = small._run("hog", target=hog_memory)
        assert report.ok is False
        assert report.error.kind == "memory"
        assert "200 MB" in report.error.message
        assert small._run("0", target=sleep_then_echo).printed == "slept 0"
    finally:
        small.close()


@pytest.mark.parametrize("payload", [segfault, exit_abruptly])
def test_crashing_worker_gives_crash_and_pool_survives(pool, payload):
    report = pool._run("boom", seed=5, target=payload)
    assert (report.ok, report.source, report.seed) == (False, "boom", 5)
    assert report.error.kind == "crash"
    assert report.error.message == "the worker running your program stopped unexpectedly"
    assert pool._run("0", target=sleep_then_echo).printed == "slept 0"


def test_killed_zygote_is_replaced(pool):
    zygote = pool._current_zygote().process
    zygote.kill()
    # Dead, not dying: a SIGKILLed zygote of a few hundred MB can take longer than a fixed 0.2 s
    # to exit on a loaded machine (CI at load ~11 sent the job to it while it was still going: a
    # crash report, printed ''). The pool replaces a zygote it sees dead; that is what is tested.
    zygote.wait(timeout=60)
    # the replacement imports torch first; a generous job time limit keeps a loaded machine from failing it
    assert pool._run("0", target=sleep_then_echo, timeout=60).printed == "slept 0"


def test_torch_settings_changed_by_one_job_do_not_reach_the_next(pool):
    # A generous time limit: the zygote may still be warming up after the previous test killed it,
    # and a loaded machine must not turn a slow job into an empty "printed" (the limit is not tested here).
    before = json.loads(pool._run("", target=read_torch_settings, timeout=60).printed)
    changed = json.loads(pool._run("", target=change_torch_settings, timeout=60).printed)
    after = json.loads(pool._run("", target=read_torch_settings, timeout=60).printed)
    assert changed != before   # the payload really changed every setting ...
    assert all(changed[key] != before[key] for key in before)
    assert after == before     # ... and none of it leaked
    assert before["threads"] == 1


def test_job_cannot_write_files(pool, tmp_path):
    target = tmp_path / "out.txt"
    report = pool._run(str(target), target=write_a_file)
    assert report.printed.startswith("refused")
    assert not target.exists() or target.stat().st_size == 0


def test_result_with_non_plain_objects_is_refused(pool):
    report = pool._run("", target=return_an_object)
    assert report.ok is False
    assert report.error.kind == "internal"
    assert "does not accept" in report.error.message


def test_newer_run_in_a_session_supersedes_the_waiting_one(pool):
    results: dict[str, Report] = {}
    returned_at: dict[str, float] = {}

    def submit(name: str, seconds: str) -> None:
        results[name] = pool._run(seconds, session="alice", target=sleep_then_echo)
        returned_at[name] = time.perf_counter()

    first = threading.Thread(target=submit, args=("first", "1.0"))
    first.start()
    time.sleep(0.4)   # first is running
    second = threading.Thread(target=submit, args=("second", "0"))
    second.start()
    time.sleep(0.1)   # second is waiting
    third_sent = time.perf_counter()
    third = threading.Thread(target=submit, args=("third", "0"))
    third.start()
    for t in (first, second, third):
        t.join(30)
    assert results["first"].printed == "slept 1.0"
    assert results["second"].error.kind == "busy"
    assert results["second"].error.message == "superseded by a newer run"
    assert returned_at["second"] - third_sent < 0.3
    assert results["third"].printed == "slept 0"
    assert returned_at["third"] >= returned_at["first"]   # one running job per session
    assert pool._sessions == {}


def test_queue_cap_answers_server_busy():
    tiny = WorkerPool(size=1, max_queued=1)
    try:
        tiny.warm()
        results: list[Report] = []
        threads = [threading.Thread(target=lambda: results.append(tiny._run("1.0", target=sleep_then_echo)))
                   for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        busy = tiny._run("0", target=sleep_then_echo)
        for t in threads:
            t.join(60)
        assert busy.error.kind == "busy"
        assert busy.error.message.startswith("server busy")
        assert busy.error.retry_after_s is not None and busy.error.retry_after_s >= 1.0
        assert sorted(r.printed for r in results) == ["slept 1.0", "slept 1.0"]
    finally:
        tiny.close()


def test_short_expected_wait_queues_instead_of_refusing():
    """Runs wait their turn (oldest first) while the expected wait is short, beyond the hard cap."""
    tiny = WorkerPool(size=1, max_queued=0, max_wait_s=30.0)
    try:
        tiny.warm()
        tiny._max_active = 100
        order: list[str] = []
        lock = threading.Lock()

        def submit(name: str) -> None:
            report = tiny._run("0.3", target=sleep_then_echo)
            with lock:
                order.append(name if report.error is None else f"{name}:{report.error.kind}")

        threads = []
        for name in "abcd":
            threads.append(threading.Thread(target=submit, args=(name,)))
            threads[-1].start()
            time.sleep(0.05)
        for t in threads:
            t.join(60)
        assert order == ["a", "b", "c", "d"]
    finally:
        tiny.close()


def test_long_expected_wait_answers_busy_with_retry_after():
    tiny = WorkerPool(size=1, max_queued=100, max_wait_s=0.5)
    try:
        tiny.warm()
        tiny._mean_run_s = 1.0
        threads = [threading.Thread(target=tiny._run, args=("1.0",), kwargs={"target": sleep_then_echo})
                   for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        busy = tiny._run("0", target=sleep_then_echo)
        for t in threads:
            t.join(60)
        assert busy.error.kind == "busy" and "queued" in busy.error.message
        assert busy.error.retry_after_s >= 1.0
        assert "try again by itself" in busy.error.hint
    finally:
        tiny.close()


def test_default_pool_size_follows_cores_and_setting(monkeypatch):
    from autogradlab import sandbox

    monkeypatch.setenv(sandbox.WORKERS_ENV, "3")
    assert sandbox.default_pool_size() == 3
    monkeypatch.delenv(sandbox.WORKERS_ENV)
    import os

    assert 1 <= sandbox.default_pool_size() <= len(os.sched_getaffinity(0))


def test_eight_threads_each_get_their_own_result(pool):
    import torch

    results: dict[int, str] = {}

    def submit(seed: int) -> None:
        results[seed] = pool._run("", seed=seed, target=echo_seed).printed

    threads = [threading.Thread(target=submit, args=(seed,)) for seed in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    expected = {seed: f"{seed}:{torch.rand(1, generator=torch.Generator().manual_seed(seed)).item()!r}"
                for seed in range(8)}
    assert results == expected

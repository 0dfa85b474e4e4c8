"""The only place that wraps core calls in Streamlit caches.

Runs are cached by (source, seed, output): the same program gives the same Report (seeded RNG,
deterministic node ids), so a rerun caused by any widget, and the "last good run" shown under an
error, cost a dictionary lookup instead of a sandbox round trip. Caches are bounded (max_entries,
ttl) and shared by all sessions; nothing here ever clears them because of one user.

The UI process never imports torch: programs run in the sandbox pool's worker processes, and only
plain-data Reports come back.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from autogradlab.report import Report
from autogradlab.sandbox_wire import dump_report
from components import report_memo
from components.i18n import t

CACHE_ENTRIES = 256
CACHE_TTL_S = 3600

# Answers that are never put in the shared caches: the pool refused to run ("busy", superseded),
# the worker died or the runner failed, or the run hit the time or memory limit. Caches are shared
# by all sessions, so one worker lost to a momentary shortage, or one run slowed past its time limit
# by a loaded machine, would otherwise greet every student who opens the same program (the default
# one, the teacher's link) with "the worker stopped" or "ran longer than 5 s" for an hour. An error
# the program itself causes (a syntax error, a refused call, a limit at a line) is deterministic and
# is cached.
NOT_CACHED_KINDS = frozenset({"busy", "crash", "internal", "timeout", "memory"})

# A timeout or memory stop is kept for its own session for a few seconds, so the reruns a widget
# click causes do not run an endless loop for 5 s each; another session, a later visit or an
# explicit Run tries again.
SESSION_MEMO_KINDS = frozenset({"timeout", "memory"})
SESSION_MEMO_S = 10.0
SESSION_MEMO_ENTRIES = 64
_memo: dict[str, tuple[float, Report]] = {}
_memo_lock = threading.Lock()


class _TransientResult(Exception):
    """Carries a Report out of a cached function without caching it (exceptions are not cached)."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.error.kind if report.error else "")
        self.report = report


@st.cache_resource(show_spinner=False)
def warm_pool() -> Any:
    """Start the sandbox workers once per server process, so the first Run does not wait for
    `import torch` (about 1.5 s)."""
    from autogradlab import sandbox

    pool = sandbox.get_pool()
    pool.warm()
    return pool


# The data caches below hold a Report in sandbox_wire's compact form (bytes), not the Report: on
# every call st.cache_data unpickles what it holds, and a plain pickle of a big graph's Report is
# slow both ways (issue 9: loop_scalar_chain's 3,502-node Report, 563 KB, took ~19 ms CPU to pickle
# on a miss and ~23 ms to unpickle on every rerun of its page; its compact form, 321 KB, ~8 ms to
# make and ~10 ms to read). load_report reads it with the same restricted unpickler as a job's
# result. What they hold is (the bytes, the pool's timing_ms): the bytes the job itself sent when
# the pool kept them (sandbox_frames; a miss then dumps nothing: ~6 ms of the app's CPU for
# loop_scalar_chain, session 44), else the Report dumped here. On a miss the cache hands back what
# the function returned: the caller then gets the pool's Report itself (as before), not a load of
# the bytes (_fresh: per thread, that is per Streamlit session).
_fresh = threading.local()


def _pool_run(**kwargs: Any) -> tuple[Report, bytes | None]:
    """The pool's run of `kwargs`, and its job's own bytes of the Report when it kept them."""
    from autogradlab import sandbox, sandbox_frames

    with sandbox_frames.kept() as kept:
        report = sandbox.get_pool().run(**kwargs)
    return report, kept.frame_of(report)


def _cache_form(report: Report, frame: bytes | None = None) -> tuple[bytes, float]:
    _fresh.report = report
    return (dump_report(report) if frame is None else frame), report.timing_ms


def _from_cache(cached_call: Callable[[], tuple[bytes, float]]) -> Report:
    """The Report the cache holds: on a miss the pool's own, on a hit the one loaded from the same
    bytes before (report_memo), else a load of them."""
    _fresh.report = None
    held, timing_ms = cached_call()
    report, _fresh.report = _fresh.report, None
    return report_memo.loaded(held, timing_ms, report)


def cache_key(*inputs: object) -> str:
    """The one hashed argument of the caches below: their inputs as JSON text.

    Streamlit hashes each argument on its own and joins the bytes without lengths, and within one
    argument it reuses the hash of an earlier equal item: `[0.0, -0.0]` hashed as `[0.0, 0.0]`
    (so `1/x` with x=[0,-0] got another session's [inf, inf]), and an `output` holding `str:`
    could absorb the text that follows a longer program (not reachable from a link today: outputs
    are identifiers). JSON quotes each string and keeps -0.0, 1 and 1.0, None and "None" apart."""
    return json.dumps(inputs, separators=(",", ":"))


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)
def _run_cached(key: str, _source: str, _seed: int, _output: str | None,
                _session: str | None) -> tuple[bytes, float]:
    report, frame = _pool_run(source=_source, seed=_seed, output=_output, session=_session)
    if is_refusal(report):
        raise _TransientResult(report)
    return _cache_form(report, frame)


def is_refusal(report: Report) -> bool:
    """The pool refused the run without running it (server busy, superseded by a newer click), the
    worker stopped or the runner failed, or a time or memory limit stopped it: never put in the
    shared cache (see NOT_CACHED_KINDS)."""
    error = report.error
    return error is not None and error.kind in NOT_CACHED_KINDS


def _kept_for_session(key: tuple, session: str | None, compute: Callable[[], Report], *,
                      retry: bool = False) -> Report:
    """`compute()` (a shared-cache call), except that a timeout or memory stop of this same session
    and inputs from the last SESSION_MEMO_S seconds is answered again (not with `retry`)."""
    key = repr((*key, session))    # a direction's values are (nested) lists: not hashable as such
    now = time.monotonic()
    with _memo_lock:
        kept = _memo.get(key)
    if kept is not None and session is not None and not retry and now - kept[0] < SESSION_MEMO_S:
        return kept[1]
    try:
        return compute()
    except _TransientResult as transient:
        report = transient.report
        if session is not None and report.error is not None and report.error.kind in SESSION_MEMO_KINDS:
            with _memo_lock:
                for old in [k for k, (t0, _) in _memo.items() if now - t0 >= SESSION_MEMO_S]:
                    del _memo[old]
                while len(_memo) >= SESSION_MEMO_ENTRIES:
                    del _memo[next(iter(_memo))]
                _memo[key] = (now, report)
        return report


MAX_AUTO_RETRY_S = 120.0   # a full server keeps trying by itself this long before showing "busy"


def until_not_busy(attempt: Callable[[], Report]) -> Report:
    """Call `attempt` again while the pool answers "server busy, retry in N s", showing a countdown,
    so nobody has to press Run again. A run superseded by the same session's newer run has no
    retry time and is returned at once. Each countdown tick is a Streamlit call, so a newer click
    stops the waiting script as usual."""
    waited = 0.0
    notice = None
    while True:
        report = attempt()
        error = report.error
        if error is None or error.kind != "busy" or not error.retry_after_s or waited >= MAX_AUTO_RETRY_S:
            if notice is not None:
                notice.empty()
            return report
        notice = notice or st.empty()
        left = float(error.retry_after_s)
        while left > 0:
            from components.error_box import message_text

            notice.info(t("common.busy_retry", message=message_text(error), seconds=f"{left:.0f}"),
                        icon=":material/hourglass_top:")
            step = min(0.5, left)
            time.sleep(step)
            left -= step
            waited += step


def run_program(source: str, seed: int, output: str | None, session: str | None = None, *,
                retry: bool = False) -> Report:
    """Run a program in the sandbox (or take the cached Report of the same inputs).

    `session` is passed to the pool so one browser session cannot pile up work; it is not part of
    the cache key, since the Report depends only on the program's inputs. `retry` (the user pressed
    Run) re-runs a timeout or memory stop this session saw seconds ago instead of showing it again.
    A full server is waited out (see until_not_busy).
    """
    return until_not_busy(lambda: _run_program_once(source, seed, output, session, retry=retry))


def _run_program_once(source: str, seed: int, output: str | None, session: str | None, *,
                      retry: bool) -> Report:
    seed = int(seed)
    return _kept_for_session(("run", source, seed, output), session,
                             lambda: _from_cache(lambda: _run_cached(cache_key("run", source, seed, output),
                                                                       source, seed, output, session)),
                             retry=retry)


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)
def svg_for_web(dot: str) -> str:
    """Graphviz DOT -> SVG text sized to its container (the `dot` binary costs tens of ms)."""
    from autogradlab.render import export

    return export.svg_for_web(dot)


# ---- Steps page: the same run with Report.steps filled (see autogradlab/step_records.py) ----------

# A resource cache, not a data cache: st.cache_data returns an unpickled copy on every call, and a
# 3,000-op loop's Report with its steps is ~3.5 MB (0.3-2 s to unpickle on this machine) on every
# full rerun of the Steps page. Reports are frozen dataclasses: sharing one object is safe.
@st.cache_resource(max_entries=64, ttl=CACHE_TTL_S, show_spinner=False)
def _run_steps_cached(key: str, _args: tuple, _session: str | None) -> Report:
    from autogradlab import sandbox
    from autogradlab.step_records import StepOptions

    source, seed, output, direction, backward_if_missing, values = _args
    options = StepOptions(direction=direction, backward_if_missing=backward_if_missing, values=values)
    report = sandbox.get_pool().run(source, seed=seed, output=output, session=_session, steps=options)
    if is_refusal(report):
        raise _TransientResult(report)
    return report


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)
def _run_dydx_cached(key: str, _args: tuple, _session: str | None) -> tuple[bytes, float]:
    source, seed, of, wrt = _args
    report, frame = _pool_run(source=source, seed=seed, session=_session, jacobian_of=(of, wrt))
    if is_refusal(report):
        raise _TransientResult(report)
    return _cache_form(report, frame)


def run_steps(source: str, seed: int, output: str | None, session: str | None = None,
              direction: tuple[tuple[str, Any], ...] = (), backward_if_missing: bool = False,
              values: tuple[tuple[str, Any], ...] = ()) -> Report:
    """run_program with steps: Report.steps holds the forward, reverse and tangent steps.

    direction: (leaf variable, number or nested list) pairs for the tangent steps (empty: the
    engine picks e₁ of the first leaf); values: (free name, value) pairs when the program is a bare
    expression such as `sin(x) * exp(y)` (see autogradlab/free_names.py). A full server is waited
    out (until_not_busy)."""
    args = (source, int(seed), output, tuple(direction), bool(backward_if_missing), tuple(values))
    key = cache_key("steps", *args)
    return until_not_busy(lambda: _kept_for_session(("steps", *args), session,
                                                    lambda: _run_steps_cached(key, args, session)))


def run_dydx(source: str, seed: int, of: str, wrt: str, session: str | None = None) -> Report:
    """The run with dOF/dWRT computed from its graph (Jacobian page, programs without jacobian())."""
    args = (source, int(seed), of, wrt)
    key = cache_key("dydx", *args)
    return until_not_busy(lambda: _kept_for_session(
        ("dydx", *args), session, lambda: _from_cache(lambda: _run_dydx_cached(key, args, session))))


@st.cache_data(max_entries=CACHE_ENTRIES, ttl=CACHE_TTL_S, show_spinner=False)
def _run_cell_cached(key: str, _args: tuple, _session: str | None) -> tuple[bytes, float]:
    source, seed, call, row = _args
    report, frame = _pool_run(source=source, seed=seed, session=_session, jacobian_cell=(call, row))
    if is_refusal(report):
        raise _TransientResult(report)
    return _cache_form(report, frame)


def run_jacobian_cell(source: str, seed: int, call: int, row: int, session: str | None = None) -> Report:
    """The run with the chain-rule paths of one row of jacobian() call `call` (Jacobian page, a
    clicked cell of a Jacobian too big to follow every row with the run)."""
    args = (source, int(seed), int(call), int(row))
    key = cache_key("cell", *args)
    return until_not_busy(lambda: _kept_for_session(
        ("cell", *args), session, lambda: _from_cache(lambda: _run_cell_cached(key, args, session))))

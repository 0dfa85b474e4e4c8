"""When a skimmed run misses records its report needs, the run again without skimming (issue 9).

skim.py's count rule skims a pass of a long loop when the passes left, at the fewest ops a pass has
run so far, surely run more ops than the window holds: the skimmed records would have left the
window anyway. That is a forecast from the passes seen so far, and a loop whose ops stop (`if n <
100:` in 800 passes, ops that end with a shape change of a variable) breaks it: the ops of the
skimmed passes are still in the window at the end, without their records. The op list then
misses them, and a graph that reaches their Nodes shows them without op, line and value.

The recorder notes the index of the last op skimmed on the forecast (SkimmedOps.forecast_last; the
pass-aware window's passes have their own evidence and are not counted). When the run ended
without an error and that op is still in the window, or sparse_window.py's forecast broke (also
when an error other than a limit stopped its loop), run.py runs the program again with skimming
off, in a fresh recorder and interpreter with the same seed and the process switches restored, and
reports that run: the report is then exactly the one without skimming (test_skim_forecast.py).
The second run gets what is left of the time limit, and only when the first took at most
RERUN_SHARE of it; else, or when the second run does not end as the first did (the same error),
the first run's report is kept with a note that says its op list misses records.

The same holds for the graph the report draws (graph_misses_records): a Node of it made by a skimmed op
still in the window is drawn without the op's line, op index and value, which the run without
skimming shows. The pass-aware window's evidence (pass_checks.py, pass_local.py) is meant to rule
that out; when it did not (a prediction from the passes so far that a later pass broke), the run is
again run without skimming, as for a broken forecast (also when an error of the program, not a limit,
stopped it: rerun_allowed).

And for a loop that an error of the program stopped after it skimmed passes (stopped_in_skim): the
passes recorded last are then not the loop's last ones, and the graph of its last backward may lack
what a recorded pass keeps (its ops' records, its saved tensors). Without time for the second run,
that report keeps only its own note (notes.skimmed_cut, or notes.skimmed_cut_backward for a loop
that skimmed backward calls only). rerun_reason and graph_rerun_reason say which of these holds;
run.py asks them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from autogradlab import messages
from autogradlab.engine.trace import _FINAL, _GHOST
from autogradlab.limits import Limits
from autogradlab.report import Report

RERUN_SHARE = 0.4   # of the time limit the first run may have taken for a second one
FORECAST, CUT, GRAPH = "forecast", "cut", "graph"   # why run_program runs again (rerun_reason)


def forecast_failed(recorder: Any) -> bool:
    """Whether an op skimmed on the count rule's forecast is still in the op window, or a loop that
    skimmed on the sparse window's forecast ended with too few passes with ops recorded."""
    if recorder.sparse_broken:   # sparse_window.py: the rate forecast of passes with ops was wrong
        return True
    last = recorder.forecast_last
    if last < 0:
        return False
    trace = recorder.trace
    entries = trace._entries
    return bool(entries) and last >= trace.total - len(entries)   # (the window: the last ops run)


# A run stopped by one of these errors of the program (a wrong index in pass 850 of 900) ends the same
# way again without skimming, and its graph (the last backward's, a skimmed pass's) then has its
# records; a run stopped by a limit, its time, memory or a crash is not run again (it would stop the
# same way, later, or not at all).
RERUN_ERROR_KINDS = frozenset({"unsupported", "name", "type", "value", "index", "shape", "autograd"})


def rerun_allowed(error: Any) -> bool:
    """Whether a run that ended with `error` (an ErrorInfo or None) may run again for its graph."""
    return error is None or error.kind in RERUN_ERROR_KINDS


def rerun_reason(recorder: Any, error: Any) -> str | None:
    """Why a run that ended (with `error`, an ErrorInfo or None) is to run again without skimming,
    judged once the program has run: FORECAST (its op list misses records: forecast_failed), CUT
    (stopped_in_skim), or None (the drawn graph is judged later: graph_rerun_reason)."""
    if forecast_failed(recorder) and (error is None or (recorder.sparse_broken and error.kind != "limit")):
        return FORECAST
    if stopped_in_skim(recorder, error):
        return CUT   # (skim_notes already says what a report without the rerun misses)
    return None


def stopped_in_skim(recorder: Any, error: Any) -> bool:
    """Whether a loop that skimmed ops or backward calls was left before its last pass by a `break`,
    a `return`, an error caught outside it (the run then ends without an error: lang/loop_skim.py), or
    an error of the program that stopped it there (rerun_allowed) (loop.cut; skim_notes says so):
    the passes recorded last are then
    not the loop's last ones, and the graph of its last backward may lack what a recorded pass
    keeps (its ops' records; the gradients and saved tensors a skimmed backward call does not
    capture: an IndexError in pass 20 of 40 right after a skimmed `y.backward()`, or the second
    backward through a chain's graph in pass 1). The run without skimming ends with the same error
    and shows them."""
    return rerun_allowed(error) and any(loop.cut for loop in recorder._loops.values())


def graph_rerun_reason(recorder: Any, error: Any, order: list[Any]) -> str | None:
    """GRAPH if the graph the report draws (`order`: its walk_graph) misses records a run without
    skimming has (graph_misses_records) and that run may be done (rerun_allowed), else None."""
    return GRAPH if rerun_allowed(error) and graph_misses_records(recorder, order) else None


def graph_misses_records(recorder: Any, order: list[Any]) -> bool:
    """Whether a Node of `order` (walk_graph of the graph the report draws) was made by a skimmed op
    whose entry is still in the op window (an op's key in `origins` leaves the window with it), so
    the graph would show it without its record. O(1) when the window holds no skimmed op."""
    trace = recorder.trace
    if not trace._ghosts:
        return False
    get, entry_at = trace.origins.get, trace._entry
    for fn in order:
        found = get(id(fn))
        if found is not None:
            entry = entry_at(found[0])
            if entry is not None and entry[_FINAL] is _GHOST:
                return True
    return False


def rerun_unskimmed(first: Report, elapsed_s: float, limits: Limits, *, noted: bool = True,
                    rerun: Callable[[Limits], Report]) -> Report:
    """The report of the run without skimming (rerun, given the limits left), or `first` (with a note
    unless not `noted`) when there is no time for it or it did not end as the first run did."""
    left = limits.timeout_s - elapsed_s
    if elapsed_s <= RERUN_SHARE * limits.timeout_s:
        second = rerun(dataclasses.replace(limits, timeout_s=left))
        if (second.ok, second.error) == (first.ok, first.error):
            return dataclasses.replace(second, timing_ms=first.timing_ms + second.timing_ms)
    if not noted:
        return first
    note = messages.text("en", "notes.skimmed_forecast")
    return dataclasses.replace(first, notes=(*first.notes, note))

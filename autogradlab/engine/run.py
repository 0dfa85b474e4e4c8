"""run_program: program text -> Report. Never raises.

Everything computed before a failing line stays in the report (variables, ops, printed text, the
graph of whatever output exists), because students learn most from the run that broke.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import torch

from autogradlab.engine.container_names import container_names
from autogradlab.engine.graph import Walk, build_graph, walk_graph
from autogradlab.engine.held_collection import hold_collection, release_collection
from autogradlab.engine.no_grad_views import SCANNED_TOTAL, readable
from autogradlab.engine.parsed_programs import parsed_program
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.report_values import ReportValues, text_time_s
from autogradlab.engine.run_failures import PRINTED_KEPT_ON_FAILURE, _internal, _printed_start  # noqa: F401 - re-exported
from autogradlab.engine.skim_rerun import CUT, graph_rerun_reason, rerun_reason, rerun_unskimmed
from autogradlab.engine.torchviz_dot import leaf_params, make_torchviz_dot, too_big_to_draw
from autogradlab.errors import ProgramError
from autogradlab.lang.process_switches import process_state, restore
from autogradlab.lang.stored_objects import SHOWN_AFTER, object_texts
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import ErrorInfo, Graph, Report, Value
from autogradlab.report_jacobian import drawn as drawn_jacobians
from autogradlab.step_records import StepOptions, StepTrace


def _is_graph_tensor(value: Any) -> bool:
    return isinstance(value, torch.Tensor) and (value.grad_fn is not None or value.requires_grad)


def _choose_output(variables: dict[str, Any], recorder: Recorder, requested: str | None,
                   notes: list[str]) -> tuple[torch.Tensor | None, str | None, str | None]:
    """(tensor, variable name, label): the requested tensor variable, else the tensor last
    backwarded (labelled by its program text when no variable holds it), else the last assigned
    tensor variable that has a grad_fn."""
    if requested is not None:
        value = variables.get(requested)
        if isinstance(value, torch.Tensor):
            return value, requested, requested
        notes.append(f"output '{requested}' is not a tensor variable of this program; "
                     "showing the default output instead")
    if recorder.last_backward is not None:
        tensor = recorder.last_backward
        name = recorder.name_of(tensor)
        return tensor, name, name or recorder.last_backward_text
    with_grad_fn = [name for name, v in variables.items()
                    if isinstance(v, torch.Tensor) and v.grad_fn is not None]
    if not with_grad_fn:
        return None, None, None
    name = max(with_grad_fn, key=lambda n: recorder.assign_order.get(n, -1))
    return variables[name], name, name


def _graph_of(output: torch.Tensor, var: str | None, recorder: Recorder, label: str | None = None,
              walked: Walk | None = None) -> Graph:
    root_key = id(output.grad_fn) if output.grad_fn is not None else id(output)
    grads = recorder.grads.latest_covering(root_key)
    reached = grads is not None or (recorder.last_backward_skimmed and output is recorder.last_backward)
    return build_graph(output, output_var=var, output_label=label, ctx=recorder, grads=grads,
                       backward_done=reached, walked=walked)


# The cyclic garbage collector's first generation runs every 700 allocations by default; a long
# loop allocates dozens of tracked objects per op (records, tensors, hooks), and the collections
# cost more than the ops (measured: 60 % of a 300-step training loop). Cycles are still collected,
# every GC_THRESHOLD allocations; reference counting frees everything else at once, as before.
GC_THRESHOLD = (20_000, 20, 20)

# When the young collection is held (held_collection.py), the run's own references to the program's
# values (the interpreter, its variables, the output, the walk of its graph) go before it is made, not
# when _run_program returns a moment later: what only they held (a 500-step loop's autograd graph:
# 2,000 Node wrappers, 1,500 saved tensors) is freed by reference counting instead of scanned first.
EARLY_FREE = True

# True in a process that runs exactly one program and then exits: a sandbox job (sandbox_job.py, a
# fork of the zygote, sets it). See _report_objects.
ONE_SHOT_PROCESS = False


@contextmanager
def _report_objects(held: list | None = None) -> Iterator[None]:
    """The collector paused while a part of the report is made (many small objects, no cycles).

    Re-enabling it after a 500-step loop's graph (~20,000 new objects) made the next allocation scan
    every object made since the last collection (issue 9: 12-18 ms CPU of a ~200 ms loop_scalar_chain
    run, collecting nothing). In a one-shot process those objects are frozen instead (gc.freeze: out
    of every later collection, still freed by their reference counts), which resets the count
    without a scan; the process exits after this report, so nothing is left uncollected for long.
    Elsewhere (tests, the CLI, benchmarks) the collector resumes; given `held`, with the collection
    due held until the run lets go of its recorder (held_collection.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if ONE_SHOT_PROCESS:
                gc.freeze()
            elif held is not None:
                hold_collection(held)
            gc.enable()


def run_program(source: str, *, seed: int = 0, output: str | None = None,
                limits: Limits = DEFAULT_LIMITS, torchviz: bool = True,
                steps: StepOptions | None = None, jacobian_of: tuple[str, str] | None = None,
                jacobian_cell: tuple[int, int] | None = None) -> Report:
    """Run one program in this process (the sandbox worker) and describe everything it did.

    Never raises: a failure of ours becomes an "internal" error, running out of memory a
    "memory" error, and whatever was built of the report before it is kept. `steps` also fills
    Report.steps (engine/step_run.py). `jacobian_cell` (call index, row): also follow the chain-rule
    paths of that row of that jacobian() call (a clicked cell of a big one, engine/jacobian_paths.py)."""
    threshold = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    switches = process_state()   # a custom backward run for the report may call set_grad_enabled too
    started, flagged = time.perf_counter(), []
    try:
        kept: Any = nullcontext()
        if jacobian_of is not None:   # dY/dX: one run keeping the graphs, not two (jacobian_dydx.py)
            from autogradlab.engine.jacobian_dydx import graphs_kept_from_start
            kept = graphs_kept_from_start(source)
        with kept:
            report = _run_program(source, seed=seed, output=output, limits=limits, torchviz=torchviz,
                                  steps=steps, jacobian_of=jacobian_of, jacobian_cell=jacobian_cell,
                                  flagged=flagged)
            if flagged:   # the skimmed run misses records (skim_rerun.rerun_reason): again without skimming
                restore(switches)
                def rerun(left: Limits) -> Report:
                    return _run_program(source, seed=seed, output=output, limits=left, torchviz=torchviz,
                                        steps=steps, jacobian_of=jacobian_of, jacobian_cell=jacobian_cell,
                                        skim=False)
                report = rerun_unskimmed(report, time.perf_counter() - started, limits, rerun=rerun,
                                         noted=flagged[0] != CUT)
        return report
    except Exception as exc:  # e.g. MemoryError before anything was recorded
        return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                      printed="", error=_internal(exc, None, limits))
    finally:
        gc.set_threshold(*threshold)
        restore(switches)


def _run_program(source: str, *, seed: int, output: str | None, limits: Limits, torchviz: bool,
                 steps: StepOptions | None = None, jacobian_of: tuple[str, str] | None = None,
                 jacobian_cell: tuple[int, int] | None = None, skim: bool | None = None,
                 flagged: list | None = None) -> Report:
    started = time.perf_counter()
    recorder = Recorder(source, limits, skim=skim)
    recorder.jacobian_cell = jacobian_cell
    session = None
    if steps is not None:
        from autogradlab.engine.step_run import StepSession
        session = StepSession(steps, recorder, seed=seed, limits=limits)
    error: ErrorInfo | None = None
    interpreter = None
    notes: list[str] = []
    try:
        from autogradlab.lang.interpreter import Interpreter

        tree, program = parsed_program(source, limits, notes)
        recorder.lines = program.splitlines()
        recorder.program_tree = tree   # the skim's pass checks read it (no second parse)
        interpreter = Interpreter(tree, program, limits=limits, generator=torch.Generator().manual_seed(seed),
                                  hooks=session.hooks if session else recorder)
        if session is not None:
            session.parsed(tree, program)
            session.preset(interpreter)
        interpreter.run()
        if session is not None:
            session.finish_expression()
    except ProgramError as exc:
        error = exc.to_info()
    except Exception as exc:  # a bug of ours: say so, never show a traceback
        error = _internal(exc, recorder.last_line, limits)
    finally:
        try:
            recorder.grads.abort()
        except Exception as exc:
            error = error or _internal(exc, recorder.last_line, limits)
    timing_ms = (time.perf_counter() - started) * 1000.0
    reason = rerun_reason(recorder, error) if flagged is not None else None
    if reason is not None:
        flagged.append(reason)
    # What the program printed. A custom Function's backward that prints may run again for dY/dX or
    # the Steps page's own backward: that is not the program's text (plain PyTorch prints it once).
    program_prints = len(recorder.printed)
    trace_note = recorder.trace.note()
    if trace_note:
        notes.append(trace_note)
    notes.extend(recorder.skim_notes())
    if interpreter is not None:   # `plt.plot(...)` statements skipped (lang/plot_calls.py)
        from autogradlab.lang.plot_calls import plot_notes
        notes.extend(plot_notes(interpreter))

    # Describe the run. Each part is built on its own, so a failure (or running out of memory)
    # while building one keeps every other part, and run_program still returns a Report.
    variables: dict[str, Value] = {}
    graph: Graph | None = None
    out_name: str | None = None
    candidates: tuple[str, ...] = ()
    torchviz_dot = torchviz_error = None
    printed = ""
    step_trace: StepTrace | None = None
    failure: BaseException | None = None
    raw: dict[str, Any] = {}
    walked: Walk | None = None
    gc_held: list = []   # the collector's threshold while the young collection is held (held_collection.py)
    try:
        raw = dict(interpreter.user_variables()) if interpreter is not None else {}   # texts: last
        left = [SCANNED_TOTAL]   # (one budget for all the variables: a thousand names of one big list)
        raw = {name: readable(value, 0, left) for name, value in raw.items()}   # (written no-grad views)
        candidates = tuple(name for name, value in raw.items() if _is_graph_tensor(value))
        values = ReportValues(text_time_s=text_time_s(limits.timeout_s))
        with _report_objects(gc_held):   # many small frozen objects, no cycles
            values.plan(raw)
            for name, value in raw.items():
                variables[name] = values.value(value)
        notes.extend(values.notes)
    except Exception as exc:
        failure = exc
    if jacobian_of is not None:   # dY/dX at the run's values (engine/jacobian_dydx.py)
        from autogradlab.engine.jacobian_dydx import add_dydx
        # 40 % of the time limit: room for a rerun. One-time set-ups of this process (torch.func,
        # the meta kernels: 1-2 s in a fresh CLI process) are not paid again by the rerun.
        own_ms = timing_ms - 1000.0 * (interpreter.sizes.warm_up_s if interpreter is not None else 0.0)
        rerun = None if own_ms > 400.0 * limits.timeout_s else lambda: _run_program(
            source, seed=seed, output=output, limits=limits, torchviz=False, jacobian_of=jacobian_of)
        add_dydx(recorder, raw, jacobian_of, limits, notes, rerun=rerun)
    try:
        out_tensor, out_name, out_label = _choose_output(raw, recorder, output, notes)
        # the values themselves (raw holds an object as its text): objects' attributes get paths too
        held = interpreter.globals.vars if interpreter is not None else {}
        recorder.held_in = container_names({name: held.get(name, value) for name, value in raw.items()})
        if session is not None:
            session.ensure_backward(out_tensor)
        if out_tensor is not None:
            with _report_objects(gc_held):
                # one walk for the graph and torchviz's picture: the last backward's, when it was this graph's
                walked = recorder.grads.walk_of(out_tensor.grad_fn) or walk_graph(out_tensor.grad_fn)
                graph = _graph_of(out_tensor, out_name, recorder, out_label, walked)
                if flagged is not None and not flagged:   # Nodes of a skimmed pass: the run again
                    reason = graph_rerun_reason(recorder, error, walked.order)
                    if reason is not None:
                        flagged.append(reason)
                if torchviz:   # (a graph too big to draw needs no leaf labels: not read)
                    params = {} if too_big_to_draw(walked.order) else leaf_params(
                        out_tensor, recorder.leaf_label, walked.order)
                    torchviz_dot, torchviz_error = make_torchviz_dot(
                        out_tensor, output_name=out_label, params=params, saved_of=recorder.saved_of,
                        walked=walked)
    except Exception as exc:
        failure = failure or exc
    if session is not None and graph is not None:
        try:
            step_trace = session.trace(out_tensor, graph, error.line if error else None,
                                       walked.order if walked is not None else None)
        except Exception as exc:  # the steps must never cost the rest of the report
            notes.append(f"the steps of this run could not be built ({type(exc).__name__})")
    try:
        del recorder.printed[program_prints:]
        printed = "".join(recorder.printed)
    except Exception as exc:
        failure = failure or exc
        printed = _printed_start(recorder.printed)
    if (error is None or error.kind in SHOWN_AFTER) and failure is None and interpreter is not None \
            and variables:
        try:   # the objects' own __repr__ last: what it changes reaches no other part of the report
            variables.update(object_texts(interpreter, raw, values.value))
        except Exception as exc:
            failure = exc
    if interpreter is not None:   # the report needs nothing more of it: freed now, not by the collector
        interpreter.release()
    recorder.grads.release_all()   # nor of the graph (grads.py: a cycle the collector cannot see)
    if failure is not None:
        if error is None and isinstance(failure, ProgramError):   # a limit of what a report can show
            error = failure.to_info()
        elif error is None:
            error = _internal(failure, recorder.last_line, limits)
        else:
            notes.append(f"part of this report could not be built ({type(failure).__name__})")
    try:
        return Report(
            source=source, ok=error is None, seed=seed, output=out_name, candidates=candidates,
            variables=variables, printed=printed, displayed=tuple(recorder.displayed),
            graph=graph, ops=tuple(recorder.ops), backward_calls=tuple(recorder.backward_calls),
            timing_ms=timing_ms, error=error, torchviz_dot=torchviz_dot, torchviz_error=torchviz_error,
            notes=tuple(notes), steps=step_trace,
            jacobians=drawn_jacobians(recorder.jacobians, recorder.func_jacobians),
            jacobian_notes=tuple(recorder.__dict__.get("jacobian_notes", ())),
            grad_returns=recorder.grad_returns)
    except Exception as exc:  # memory, or a limit of what a report can show: keep the cheapest parts
        shown = exc.to_info() if isinstance(exc, ProgramError) else None
        return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                      printed=printed if shown is not None else "", timing_ms=timing_ms,
                      error=error or shown or _internal(exc, recorder.last_line, limits))
    finally:
        if not ONE_SHOT_PROCESS:
            _let_go(recorder)
            if gc_held and EARLY_FREE:   # the program's values and their graph go before the held collection
                interpreter = raw = held = values = out_tensor = walked = session = None
        release_collection(gc_held)   # (after the recorder's tables went: the collection scans the report)


def _let_go(recorder: Recorder) -> None:
    """The report is built: the recorder's tables go now, by reference counting. The recorder is in a
    reference cycle (every numbered tensor's weak reference calls back its bound method), so all it
    held (a 500-step loop: ~12,000 objects, 1,500 tensors) stayed until a collection of the older
    generations found it: a ~200 ms pause every ~17 runs in a process that runs many programs (tests,
    benchmarks, the CLI; issue 9). A one-shot process (a sandbox job) exits instead, and leaves them.
    The id table goes first, replaced by an empty one: a weak reference still alive finds nothing."""
    fields = vars(recorder)
    fields["_ids"] = {}
    for name in [name for name in fields if name not in ("_ids", "_forget_bound")]:
        del fields[name]

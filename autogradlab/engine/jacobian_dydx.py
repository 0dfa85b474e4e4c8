"""dY/dX from the graph: the Jacobian of a tensor variable Y with respect to a tensor X it depends
on, at the run's values, with no jacobian() call in the program (one backward pass per element of
Y through the program's own graph).

A backward() call frees the graph it ran through (unless retain_graph=True), and with it dY/dX.
Then the program runs once more, in this worker, with every backward() and autograd.grad() keeping
its graph (retained_graphs), and dY/dX is read from that run: the same values (same seed, same
statements), only the graph is still there. Since session 34 a dY/dX run keeps the graphs from its
start (graphs_kept_from_start), and the rerun is left for programs with a `try`."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import torch

from autogradlab import messages
from autogradlab.engine import jacobian as jac
from autogradlab.errors import ProgramError
from autogradlab.lang import scalar_backward  # noqa: F401 - before retained_graphs (see there)
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord


class DydxError(Exception):
    """Why dY/dX cannot be computed, in words for the user."""


class GraphFreed(DydxError):
    """A backward() call freed Y's graph."""


_retaining = False   # inside retained_graphs(): a freed graph is final, no further rerun
# the roots (grad_fn) of the last backward() / autograd.grad() calls that would have freed their graphs
# without retained_graphs: dY/dX then says that it kept Y's graph (a few: each keeps its graph alive)
_would_free: deque[Any] = deque(maxlen=8)
_TRY = re.compile(r"^[ \t]*try[ \t]*:", re.MULTILINE)


def graphs_kept_from_start(source: str) -> contextlib.AbstractContextManager:
    """A dY/dX run keeps every graph from its start (retained_graphs) instead of running the program a
    second time when a backward() freed Y's graph: the same values, one run instead of two. A training loop
    frees its loss's graph in every pass, so its dY/dX ran the program twice, and not at all when the first
    run took more than 40 % of the time limit (PyTorch's polynomial_custom_function: "runs too long to run
    once more"). Only the errors differ with the graphs kept (a second backward through a graph raises
    without), so a program with a `try` that may catch one runs as written, and reruns as before."""
    if _TRY.search(source):
        return contextlib.nullcontext()
    return retained_graphs()


@contextlib.contextmanager
def retained_graphs() -> Iterator[None]:
    """torch.autograd.backward (which Tensor.backward calls) and torch.autograd.grad keep their
    graphs while the program runs again. Worker processes run one job each; the functions are put
    back afterwards all the same. lang/scalar_backward.py keeps the real torch.autograd.backward to know
    when it is replaced: imported first in here, it kept the replacement and called the engine directly,
    without retain_graph (dY/dX in a fresh process: "freed"); so this module imports it first."""
    global _retaining
    backward, grad = torch.autograd.backward, torch.autograd.grad

    def keeping(func: Callable[..., Any], position: int) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:   # retain_graph by keyword or at `position`
            if torch._C._are_functorch_transforms_active():   # torch.func's own passes: kept as they are
                return func(*args, **kwargs)                   # (a kept graph held vmap's batched tensors)
            asked = args[position] if len(args) > position else kwargs.get("retain_graph")
            if asked is None:   # PyTorch's default: create_graph, the next argument
                asked = args[position + 1] if len(args) > position + 1 else kwargs.get("create_graph", False)
            if not asked:   # this call would have freed the graphs behind its roots
                roots = args[0] if args else kwargs.get("tensors", kwargs.get("outputs"))
                _would_free.extend(r.grad_fn for r in ([roots] if isinstance(roots, torch.Tensor) else
                                                       roots if isinstance(roots, (list, tuple)) else ())
                                   if isinstance(r, torch.Tensor) and r.grad_fn is not None)
            if len(args) > position:
                args = (*args[:position], True, *args[position + 1:])
            else:
                kwargs["retain_graph"] = True
            return func(*args, **kwargs)
        return call

    keep_backward, keep_grad = keeping(backward, 2), keeping(grad, 3)

    torch.autograd.backward, torch.autograd.grad = keep_backward, keep_grad
    _retaining = True
    try:
        yield
    finally:
        torch.autograd.backward, torch.autograd.grad = backward, grad
        _would_free.clear()
        _retaining = False


def graph_work(root: Any) -> tuple[int, int]:
    """(nodes, work) of one backward pass through the graph behind `root` (a grad_fn): each Node reachable
    from it counts jacobian_loop_work's node_work of the gradient elements it takes in (its input
    metadata: the shapes of the forward op's results). Every reachable Node counts, also those a pass
    toward X prunes: the estimate errs on the high side."""
    from autogradlab.engine.graph_walk import walk_functions
    from autogradlab.engine.jacobian_loop_work import node_work
    nodes = walk_functions(root)
    work = 0
    for node in nodes:
        try:
            elements = sum(math.prod(meta.shape) for meta in node._input_metadata)
        except (AttributeError, RuntimeError, TypeError):   # a Node without metadata: its overhead only
            elements = 0
        work += node_work(elements)
    return len(nodes), work


def dydx(variables: dict[str, Any], of: str, wrt: str, *, index: int,
         max_elements: int, max_graph_work: int = 0) -> JacobianRecord:
    y, x = variables.get(of), variables.get(wrt)
    for name, value in ((of, y), (wrt, x)):
        if not isinstance(value, torch.Tensor):
            raise DydxError(f"'{name}' is not a tensor variable of this program")
    if not x.requires_grad:
        raise DydxError(f"'{wrt}' does not require grad, so nothing depends on it in the graph "
                        f"(create it with requires_grad=True)")
    if y.grad_fn is None and y is not x:
        raise DydxError(f"'{of}' has no grad_fn: it does not depend on '{wrt}' through the graph")
    if y.numel() * x.numel() > max_elements:
        raise DydxError(f"d{of}/d{wrt} would have {y.numel() * x.numel():,} entries; the limit is "
                        f"{max_elements:,} (limit max_tensor_elements)")
    rows = y.numel()
    if max_graph_work and rows > 1 and y.grad_fn is not None:   # one backward pass per row, through all of it
        nodes, work = graph_work(y.grad_fn)
        if work * rows > max_graph_work:
            raise DydxError(f"d{of}/d{wrt} would run {rows:,} backward passes through a graph of {nodes:,} "
                            f"operations, about {work * rows:,} arithmetic steps in all; the limit is "
                            f"{max_graph_work:,} (limit max_graph_work)")
    started = time.perf_counter()
    p = jac.Probe(inputs=(x,), outputs=(y,), output_is_tuple=False)
    try:
        matrix = jac.loop(p)
    except (RuntimeError, ProgramError) as exc:   # ProgramError: a custom Function's backward (its code)
        text = exc.message if isinstance(exc, ProgramError) else str(exc)
        if "second time" in text or "freed" in text:
            raise GraphFreed(f"the graph of '{of}' was freed by a backward() call; call "
                             f"backward(retain_graph=True) to keep it") from None
        raise DydxError(f"d{of}/d{wrt} cannot be computed: {(text.splitlines() or [''])[0][:200]}") from None
    timing = (time.perf_counter() - started) * 1000.0
    unused = not (matrix != 0).any().item() and y is not x
    notes = (messages.text("en", "notes.dydx_zero", of=of, wrt=wrt),) if unused else ()
    return JacobianRecord(
        index=index, line=0, text=f"d{of}/d{wrt}", input_names=(wrt,), output_name=of,
        input_shapes=(tuple(x.shape),), output_shapes=(tuple(y.shape),), input_is_tuple=False,
        output_is_tuple=False, dtypes=(str(x.dtype).removeprefix("torch."),),
        matrix=matrix.detach().numpy().copy(), strategy="loop",
        why=f"from the program's own graph: one backward pass per element of {of} ({y.numel():,})",
        timing_ms=timing, checks=JacobianChecks(notes=(
            "finite differences need a function; dY/dX is read from the graph",)), notes=notes)


def add_dydx(recorder: Any, variables: dict[str, Any], of_wrt: tuple[str, str], limits: Any,
             notes: list[str], rerun: Callable[[], Any] | None = None) -> None:
    """Append dY/dX to the run's Jacobians, or say in the notes why it cannot be computed.
    `rerun()`: the program's report from a run inside retained_graphs() (a freed graph)."""
    of, wrt = of_wrt
    try:
        record = dydx(variables, of, wrt, index=len(recorder.jacobians),
                      max_elements=limits.max_tensor_elements, max_graph_work=limits.max_graph_work)
        if _retaining and _kept_for(variables.get(of)):   # freed without graphs_kept_from_start: say so
            note = messages.text("en", "jacobian_extra.dydx_kept", of=of)
            record = dataclasses.replace(record, notes=record.notes + (note,))
        recorder.jacobians.append(record)
    except GraphFreed as exc:
        if _retaining:
            notes.append(f"d{of}/d{wrt}: {exc}")
            return
        if rerun is None:   # the run took too much of the time limit to run once more
            notes.append(messages.text("en", "notes.dydx_freed_long", of=of, wrt=wrt))
            return
        record, why = _from_rerun(rerun, f"d{of}/d{wrt}: ")
        if record is None:   # the rerun's own reason (a leaf changed in place after backward()), or this
            notes.append(why or f"d{of}/d{wrt}: {exc}")
            return

        note = messages.text("en", "jacobian_extra.dydx_rerun", of=of)
        recorder.jacobians.append(dataclasses.replace(record, index=len(recorder.jacobians),
                                                      notes=record.notes + (note,)))
    except DydxError as exc:
        notes.append(f"d{of}/d{wrt}: {exc}")


def _kept_for(y: Any) -> bool:
    """Whether a call that asked no retain_graph went back through Y's graph (its grad_fn is behind one of
    the roots _would_free remembers): the graph is there only because the run kept it."""
    fn = getattr(y, "grad_fn", None)
    if fn is None or not _would_free:
        return False
    from autogradlab.engine.graph_walk import walk_functions
    return any(root is fn or any(node is fn for node in walk_functions(root)) for root in _would_free)


def _from_rerun(rerun: Callable[[], Any], prefix: str) -> tuple[JacobianRecord | None, str | None]:
    """The rerun's dY/dX, or why it has none: its note about dY/dX unless that is the freed graph again
    (s33 sweep: a training loop updating its weights in place after loss.backward() was told to call
    backward(retain_graph=True), which does not help; the rerun knew "modified by an inplace operation")."""
    with retained_graphs():
        report = rerun()
    record = next((r for r in report.jacobians if r.line == 0), None)
    why = next((n for n in report.notes if n.startswith(prefix) and "was freed" not in n), None)
    return record, why

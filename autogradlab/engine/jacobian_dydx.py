"""dY/dX from the graph: the Jacobian of a tensor variable Y with respect to a tensor X it depends
on, at the run's values, with no jacobian() call in the program (one backward pass per element of
Y through the program's own graph)."""

from __future__ import annotations

import time
from typing import Any

import torch

from autogradlab.engine import jacobian as jac
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord


class DydxError(Exception):
    """Why dY/dX cannot be computed, in words for the user."""


def dydx(variables: dict[str, Any], of: str, wrt: str, *, index: int,
         max_elements: int) -> JacobianRecord:
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
    started = time.perf_counter()
    p = jac.Probe(inputs=(x,), outputs=(y,), output_is_tuple=False)
    try:
        matrix = jac.loop(p)
    except RuntimeError as exc:
        if "second time" in str(exc) or "freed" in str(exc):
            raise DydxError(f"the graph of '{of}' was freed by a backward() call; call "
                            f"backward(retain_graph=True) to keep it") from None
        raise DydxError(f"d{of}/d{wrt} cannot be computed: {str(exc).splitlines()[0][:200]}") from None
    timing = (time.perf_counter() - started) * 1000.0
    unused = not (matrix != 0).any().item() and y is not x
    notes = (f"'{of}' does not depend on '{wrt}': every entry is 0",) if unused else ()
    return JacobianRecord(
        index=index, line=0, text=f"d{of}/d{wrt}", input_names=(wrt,), output_name=of,
        input_shapes=(tuple(x.shape),), output_shapes=(tuple(y.shape),), input_is_tuple=False,
        output_is_tuple=False, dtypes=(str(x.dtype).removeprefix("torch."),),
        matrix=matrix.detach().numpy().copy(), strategy="loop",
        why=f"from the program's own graph: one backward pass per element of {of} ({y.numel():,})",
        timing_ms=timing, checks=JacobianChecks(notes=(
            "finite differences need a function; dY/dX is read from the graph",)), notes=notes)


def add_dydx(recorder: Any, variables: dict[str, Any], of_wrt: tuple[str, str], limits: Any,
             notes: list[str]) -> None:
    """Append dY/dX to the run's Jacobians, or say in the notes why it cannot be computed."""
    of, wrt = of_wrt
    try:
        recorder.jacobians.append(dydx(variables, of, wrt, index=len(recorder.jacobians),
                                       max_elements=limits.max_tensor_elements))
    except DydxError as exc:
        notes.append(f"d{of}/d{wrt}: {exc}")

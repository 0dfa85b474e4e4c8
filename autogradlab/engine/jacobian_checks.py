"""Independent checks of one Jacobian: central finite differences (float64 when the function allows
it), the VJP with ones (what `y.backward(torch.ones_like(y))` leaves in x.grad) and one JVP column.

Errors are max |difference| / max(1, max |J|), so one tolerance fits small and large Jacobians. The
checks cost a few extra evaluations of the function (at most FD_COLUMNS columns are compared);
any failure becomes a note, never an error of the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from autogradlab.engine import jacobian as jac
from autogradlab.errors import LimitExceeded, MemoryLimitExceeded, TimeLimitExceeded
from autogradlab.report_jacobian import JacobianChecks

FD_COLUMNS = 8
_LIMITS = (LimitExceeded, TimeLimitExceeded, MemoryLimitExceeded)   # the checks' share ran out
FD_STEP = {torch.float64: 1e-6, torch.float32: 1e-3}


def _error(got: torch.Tensor, want: torch.Tensor, scale: float) -> float:
    if got.numel() == 0:
        return 0.0
    diff = (got.to(torch.float64) - want.to(torch.float64)).abs().max().item()
    return float(diff / max(1.0, scale))


def _flat_out(out: Any) -> torch.Tensor:
    outs, _ = jac.as_outputs(out)
    return torch.cat([o.detach().reshape(-1).to(torch.float64) for o in outs])


def _vjp(p: jac.Probe, flat: torch.Tensor, scale: float) -> float:
    live = [y for y in p.outputs if y.requires_grad]
    expected = torch.ones(1, flat.shape[0], dtype=torch.float64) @ flat.to(torch.float64)
    if not live:
        return _error(torch.zeros_like(expected), expected, scale)
    grads = torch.autograd.grad(live, p.inputs, [torch.ones_like(y) for y in live], retain_graph=True,
                                allow_unused=True)
    got = torch.cat([(g if g is not None else torch.zeros_like(x)).reshape(-1).to(torch.float64)
                     for g, x in zip(grads, p.inputs, strict=True)])
    return _error(got, expected.reshape(-1), scale)


def _unit(xs: tuple[torch.Tensor, ...], column: int, step: float = 1.0) -> tuple[torch.Tensor, ...]:
    out, offset = [], 0
    for x in xs:
        t = torch.zeros_like(x)
        if offset <= column < offset + x.numel():
            t.view(-1)[column - offset] = step
        out.append(t)
        offset += x.numel()
    return tuple(out)


def _jvp(func: Callable, p: jac.Probe, flat: torch.Tensor, column: int, scale: float) -> float:
    from torch.func import jvp

    primals = tuple(x.detach() for x in p.inputs)
    _, tangent = jvp(func, primals, _unit(primals, column))
    return _error(_flat_out(tangent), flat[:, column], scale)


def _fd(func: Callable, p: jac.Probe, flat: torch.Tensor, columns: list[int],
        scale: float) -> tuple[float, str]:
    base = tuple(x.detach() for x in p.inputs)
    try:
        xs = tuple(x.to(torch.float64) for x in base)
        outs, _ = jac.as_outputs(func(*xs))
        if any(o.is_floating_point() and o.dtype != torch.float64 for o in outs):
            xs = base   # float32 data in the function kept the result float32 (`X @ w + b`, b 0-dim):
            # a float64 step (1e-6) is lost in its rounding, and the check then reported errors of ~0.1
    except Exception:   # noqa: BLE001 - e.g. float32 constants in the function: stay in its dtype
        xs = base
    dtype = xs[0].dtype
    h = FD_STEP.get(dtype, 1e-3)
    worst = 0.0
    if 2 * len(columns) * max(1, p.peak, flat.shape[0]) <= jac.CHUNK_ELEMENTS:
        try:   # all perturbed inputs in one vectorized pass of the function
            return _fd_vectorized(func, xs, flat, columns, scale, h), str(dtype).removeprefix("torch.")
        except Exception:  # noqa: BLE001 - e.g. control flow on the (now different) values: loop
            pass
    with torch.no_grad():
        for j in columns:
            plus = tuple(x + d for x, d in zip(xs, _unit(xs, j, h), strict=True))
            minus = tuple(x - d for x, d in zip(xs, _unit(xs, j, h), strict=True))
            column = (_flat_out(func(*plus)) - _flat_out(func(*minus))) / (2 * h)
            worst = max(worst, _error(column, flat[:, j], scale))
    return worst, str(dtype).removeprefix("torch.")


def _fd_vectorized(func: Callable, xs: tuple[torch.Tensor, ...], flat: torch.Tensor, columns: list[int],
                   scale: float, h: float) -> float:
    from torch.func import vmap

    steps = [_unit(xs, j, h) for j in columns]
    batch = tuple(torch.stack([x + d[k] for d in steps] + [x - d[k] for d in steps])
                  for k, x in enumerate(xs))
    with torch.no_grad():
        outs, _ = jac.as_outputs(vmap(func)(*batch))
    values = torch.cat([o.reshape(o.shape[0], -1).to(torch.float64) for o in outs], dim=1)
    k = len(columns)
    fd = (values[:k] - values[k:]) / (2 * h)                      # (k, M)
    return max(_error(fd[n], flat[:, j], scale) for n, j in enumerate(columns))


def _stopped(check: str, exc: Exception) -> str | None:
    """The note of a check stopped by a limit (its share of the program's, check_allowance.py), or None
    for any other failure (each check says its own words then)."""
    if isinstance(exc, _LIMITS):
        return f"{check} check stopped: it used its share of the program's limits ({type(exc).__name__})"
    return None


def run_checks(interp: Any, func: Callable, p: jac.Probe, flat: torch.Tensor,
               muted: Callable, *, rerun: bool = True) -> JacobianChecks:
    """`rerun` False: the function has side effects and must not run again: VJP check only."""
    notes: list[str] = []
    M, N = flat.shape
    scale = float(flat.abs().max().item()) if flat.numel() else 0.0
    values: dict[str, Any] = {}
    if not p.outputs:
        return JacobianChecks(notes=("the function changes values outside itself and was not run "
                                     "again: no checks",))
    try:   # muted: a custom Function's backward (its prints, its random draws) runs here again
        with muted(interp):
            values["vjp_max_error"] = _vjp(p, flat, scale)
    except Exception as exc:  # noqa: BLE001
        notes.append(_stopped("VJP", exc) or f"VJP check not run ({type(exc).__name__})")
    if not rerun:
        notes.append("finite differences and the JVP would run the function again, which changes "
                     "values outside itself: only the VJP check ran")
    if N == 0 or M == 0 or not rerun:
        return JacobianChecks(notes=tuple(notes), **values)
    column = int(flat.abs().sum(dim=0).argmax().item())
    try:
        with muted(interp, p.rng):
            values["jvp_max_error"] = _jvp(func, p, flat, column, scale)
        values["jvp_column"] = column
    except Exception as exc:  # noqa: BLE001
        notes.append(_stopped("JVP", exc) or "JVP check not run: the function does not support forward mode "
                     f"({type(exc).__name__})")
    picks = sorted({column, *(round(k * (N - 1) / max(1, FD_COLUMNS - 2)) for k in range(FD_COLUMNS - 1))})
    try:
        with muted(interp, p.rng):
            values["fd_max_error"], values["fd_dtype"] = _fd(func, p, flat, picks, scale)
        values["fd_columns"] = len(picks)
        if len(picks) < N:
            notes.append(f"finite differences compared {len(picks)} of {N} columns")
    except Exception as exc:  # noqa: BLE001
        notes.append(_stopped("finite-difference", exc)
                     or f"finite-difference check not run ({type(exc).__name__})")
    return JacobianChecks(notes=tuple(notes), **values)

"""Plain records of the Jacobians a run computed (one per `jacobian(...)` call, plus dY/dX).

Torch-free like report.py: numbers, strings and numpy arrays only, so they pickle across the worker
boundary and cache in the UI process.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

STRATEGIES = ("reverse", "forward", "loop")


@dataclass(frozen=True)
class JacobianChecks:
    """Independent checks of one Jacobian; None = not computed (the reason is in `notes`)."""

    fd_max_error: float | None = None     # central finite differences (float64 when possible)
    fd_columns: int = 0                   # columns compared with finite differences
    fd_dtype: str | None = None           # "float64", or the input dtype when float64 failed
    vjp_max_error: float | None = None    # onesᵀJ against autograd.grad(y, x, ones)
    jvp_max_error: float | None = None    # one column J[:, j] against a forward-mode JVP
    jvp_column: int | None = None
    notes: tuple[str, ...] = ()

    def passed(self) -> bool:
        tol = 1e-6 if self.fd_dtype == "float64" else 2e-2
        fd_ok = self.fd_max_error is None or self.fd_max_error <= tol
        ad_ok = all(e is None or e <= 1e-4 for e in (self.vjp_max_error, self.jvp_max_error))
        return fd_ok and ad_ok


@dataclass(frozen=True)
class JacobianPath:
    """One path from an input leaf to the output through the autograd graph of the function."""

    nodes: tuple[str, ...]                # graph node ids, input first
    contribution: np.ndarray              # (M, N): this path's share of the flat Jacobian, or (1, N)
    row: int | None = None                # ... of that one row (the clicked cell of a big Jacobian)

    def share(self, i: int, j: int) -> float | None:
        """This path's share of J[i, j]; None when only another row was followed."""
        if self.row is None:
            return float(self.contribution[i, j])
        return float(self.contribution[0, j]) if i == self.row else None

    def reaches(self, j: int) -> bool:
        """Whether the path carries anything to column j (in the rows followed)."""
        return bool(self.contribution[:, j].any())


@dataclass(frozen=True)
class JacobianRecord:
    index: int                            # 0-based: jacobian(...) calls in execution order, then dY/dX,
                                          # then the torch.func calls drawn (`maker`), in execution order
    line: int
    text: str                             # the call's source line, or "dY/dX"
    input_names: tuple[str, ...]          # "x", or "input 0" for an unnamed tensor
    output_name: str
    input_shapes: tuple[tuple[int, ...], ...]
    output_shapes: tuple[tuple[int, ...], ...]
    input_is_tuple: bool
    output_is_tuple: bool
    dtypes: tuple[str, ...]               # one per input (the dtype of its blocks)
    matrix: np.ndarray                    # (M, N) flat Jacobian: rows = outputs, cols = inputs
    strategy: str                         # "reverse" | "forward" | "loop"
    why: str
    timing_ms: float
    checks: JacobianChecks
    paths: tuple[JacobianPath, ...] = ()
    graph: object | None = None           # report.Graph of the function, for the paths
    notes: tuple[str, ...] = ()
    paths_on_click: bool = False          # paths are followed in a run made for the clicked cell
    cpu_ms: float = 0.0                   # the call's CPU time in the worker (steadier than timing_ms
                                          # on a loaded machine: bench/jacobian_strategies.py)
    kind: str = "jacobian"                # "hessian": second derivatives (torch.func.hessian, autograd's
                                          # hessian, jacrev(jacrev(f)): engine/func_jacobian_call.py)
    maker: str = ""                       # "" for a jacobian(...) call or dY/dX, else the torch.func call's
                                          # jacrev | jacfwd | hessian | torch.autograd.functional.hessian

    @property
    def shape(self) -> tuple[int, int]:
        return int(self.matrix.shape[0]), int(self.matrix.shape[1])

    def block(self, out_index: int, in_index: int) -> np.ndarray:
        """The block d out_i / d in_j in torch's shape out_i.shape + in_j.shape."""
        rows = _offsets(self.output_shapes)
        cols = _offsets(self.input_shapes)
        part = self.matrix[rows[out_index]:rows[out_index + 1], cols[in_index]:cols[in_index + 1]]
        shape = self.output_shapes[out_index] + self.input_shapes[in_index]
        return part.reshape(shape).astype(self.dtypes[in_index], copy=False)


def numel(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= int(s)
    return n


def _offsets(shapes: tuple[tuple[int, ...], ...]) -> list[int]:
    out = [0]
    for shape in shapes:
        out.append(out[-1] + numel(shape))
    return out


def drawn(jacobians: list, func_jacobians: list) -> tuple[JacobianRecord, ...]:
    """Report.jacobians: the jacobian(...) calls' records and dY/dX's as they are, then the torch.func
    calls' (engine/func_jacobian_call.py) numbered after them, in execution order: a jacobian(...) call
    keeps its index (the link's `call`, the CLI's "jacobians") whatever torch.func calls run between."""
    first = len(jacobians)
    return (*jacobians, *(replace(r, index=first + k) for k, r in enumerate(func_jacobians)))

"""The fastest correct Jacobian of f at x, as one flat (M, N) matrix (M outputs, N inputs).

torch.autograd.functional.jacobian's default runs one backward pass per output element, in a Python
loop. Here the cheaper direction runs vectorized (vmap): reverse mode needs one pass per output
(M rows), forward mode one per input (N columns), so the smaller of M and N decides. A function that
cannot be vectorized (data-dependent control flow, an op without a batching rule, randomness) falls
back to the next strategy; the loop always works. The result has the dtype torch's default gives:
the dtype of each input (jacfwd would give the output's).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch

CHUNK_ELEMENTS = 1 << 22   # basis vectors per vectorized pass are limited to this many elements

_func_warm = False


def warm_func() -> float:
    """torch.func's first vjp/jvp under vmap in a process sets up functorch (~1.5 s here; later
    calls ~1 ms). The zygote pays it when idle; a job forked before that (the first visitor's) pays
    it here, on a fixed tiny function, and the seconds returned are added to the program's time
    allowance like the meta kernels' loading (lang/sizes.warm_up)."""
    global _func_warm
    if _func_warm:
        return 0.0
    from torch.func import jvp, vjp, vmap

    started = time.perf_counter()
    x = torch.ones(2)

    def f(v: torch.Tensor) -> torch.Tensor:
        return torch.tanh(torch.ones(2, 2) @ torch.sin(v)) * v

    vmap(vjp(f, x)[1])(torch.eye(2))
    vmap(lambda t: jvp(f, (x,), (t,))[1])(torch.eye(2))
    _func_warm = True
    return time.perf_counter() - started


class NotVectorizable(Exception):
    """The function could not run under vmap; the message says why, in plain words."""


@dataclass
class Probe:
    """One plain forward pass of f at x with autograd recording (what every strategy starts from:
    shapes, and the graph reverse mode and the loop differentiate)."""

    inputs: tuple[torch.Tensor, ...]       # detached copies that require grad
    outputs: tuple[torch.Tensor, ...]
    output_is_tuple: bool
    peak: int = 0                          # elements of the largest tensor f made
    rng: object = None                     # the program's generator state before the probe

    @property
    def n_in(self) -> int:
        return sum(x.numel() for x in self.inputs)

    @property
    def n_out(self) -> int:
        return sum(y.numel() for y in self.outputs)


def as_outputs(out: object, what: str = "the function") -> tuple[tuple[torch.Tensor, ...], bool]:
    if isinstance(out, torch.Tensor):
        return (out,), False
    if isinstance(out, tuple) and all(isinstance(o, torch.Tensor) for o in out):
        return tuple(out), True
    from autogradlab.lang.safe_values import type_text  # Python's name (`function`), not the engine's
    raise TypeError(f"{what} given to jacobian must return a tensor or a tuple of tensors, "
                    f"not {type_text(out)}")


def probe(func: Callable[..., object], inputs: Sequence[torch.Tensor]) -> Probe:
    xs = tuple(x.detach().requires_grad_(True) for x in inputs)   # int inputs fail here, as in torch
    with torch.enable_grad():
        outs, is_tuple = as_outputs(func(*xs))
    return Probe(xs, outs, is_tuple)


def choose(n_out: int, n_in: int) -> tuple[str, str]:
    """(strategy, one sentence why), the Steps page's cost lesson applied to this call."""
    def passes(k: int) -> str:
        return f"{k:,} pass{'es' if k != 1 else ''}"
    def count(k: int, what: str) -> str:
        return f"{k:,} {what}{'s' if k != 1 else ''}"
    sizes = f"{count(n_out, 'output')}, {count(n_in, 'input')}"
    if n_in < n_out:
        return "forward", (f"{sizes}: forward mode needs {passes(n_in)} (one per input), reverse "
                           f"{passes(n_out)}, so forward mode ran, vectorized")
    return "reverse", (f"{sizes}: reverse mode needs {passes(n_out)} (one per output), forward "
                       f"{passes(n_in)}, so reverse mode ran, vectorized")


def _chunk(total: int, width: int) -> int:
    return max(1, min(total, CHUNK_ELEMENTS // max(1, width)))


def _basis(start: int, count: int, total: int, parts: Sequence[torch.Tensor]) -> torch.Tensor:
    """Rows start..start+count of the identity of size `total`, in the parts' dtype when they share
    one (so _split copies nothing: 4 MB at 1000 × 1000), else float64."""
    dtypes = {t.dtype for t in parts}
    rows = torch.zeros(count, total, dtype=dtypes.pop() if len(dtypes) == 1 else torch.float64)
    rows.diagonal(offset=start).fill_(1)
    return rows


def _split(rows: torch.Tensor, parts: Sequence[torch.Tensor]) -> list[torch.Tensor]:
    """(c, total) -> one (c, *part.shape) tensor per part, in the part's dtype."""
    out, offset = [], 0
    for part in parts:
        n = part.numel()
        out.append(rows[:, offset:offset + n].reshape(rows.shape[0], *part.shape).to(part.dtype))
        offset += n
    return out


def _flat_rows(grads: Sequence[torch.Tensor | None], like: Sequence[torch.Tensor], count: int,
               dtype: torch.dtype) -> torch.Tensor:
    pieces = [(g if g is not None else torch.zeros(count, *x.shape, dtype=x.dtype)).reshape(count, -1)
              for g, x in zip(grads, like, strict=True)]
    return _cat([p.to(dtype) for p in pieces], dim=1) if pieces else torch.zeros(count, 0)


def _cat(parts: list[torch.Tensor], dim: int) -> torch.Tensor:
    """torch.cat, without the copy of a lone part (a 1000 × 1000 Jacobian is 4 MB)."""
    return parts[0] if len(parts) == 1 else torch.cat(parts, dim=dim)


def result_dtype(inputs: Sequence[torch.Tensor]) -> torch.dtype:
    dtypes = {x.dtype for x in inputs}
    return dtypes.pop() if len(dtypes) == 1 else torch.float64


def loop(p: Probe, *, create_graph: bool = False) -> torch.Tensor:
    """Rows of J one backward pass at a time through the probe's graph: works for every function
    autograd can differentiate (torch's own default)."""
    dtype = result_dtype(p.inputs)
    M, N = p.n_out, p.n_in
    live = [k for k, y in enumerate(p.outputs) if y.requires_grad]
    if M == 0 or N == 0 or not live:
        return torch.zeros(M, N, dtype=dtype)
    rows = []
    for start in range(M):
        basis = _split(_basis(start, 1, M, p.outputs), p.outputs)
        grads = torch.autograd.grad([p.outputs[k] for k in live], p.inputs, [basis[k][0] for k in live],
                                    retain_graph=True, allow_unused=True, create_graph=create_graph)
        rows.append(_flat_rows([None if g is None else g.unsqueeze(0) for g in grads], p.inputs, 1, dtype))
    return torch.cat(rows, dim=0)


def reverse(func: Callable[..., object], p: Probe) -> torch.Tensor:
    """Rows of J: one backward pass per output element, all at once under vmap (jacrev's way)."""
    from torch.func import vjp, vmap

    dtype = result_dtype(p.inputs)
    M, N = p.n_out, p.n_in
    if M == 0 or N == 0:
        return torch.zeros(M, N, dtype=dtype)
    primals = tuple(x.detach() for x in p.inputs)
    try:
        outs, pull = vjp(lambda *a: as_outputs(func(*a))[0], *primals)
    except (RuntimeError, ValueError, TypeError, NotImplementedError) as exc:
        raise NotVectorizable(_vmap_reason(exc)) from exc
    rows = []
    step = _chunk(M, max(M, N, p.peak))
    for start in range(0, M, step):
        count = min(step, M - start)
        try:
            grads = vmap(pull)(tuple(_split(_basis(start, count, M, outs), outs)))
        except (RuntimeError, ValueError, TypeError, NotImplementedError) as exc:
            raise NotVectorizable(_vmap_reason(exc)) from exc
        rows.append(_flat_rows(grads, primals, count, dtype))
    return _cat(rows, dim=0)


def forward(func: Callable[..., object], p: Probe) -> torch.Tensor:
    """Columns of J: one forward-mode pass per input element, all at once under vmap."""
    from torch.func import jvp, vmap

    dtype = result_dtype(p.inputs)
    M, N = p.n_out, p.n_in
    primals = tuple(x.detach() for x in p.inputs)
    if M == 0 or N == 0:
        return torch.zeros(M, N, dtype=dtype)

    def push(*tangents: torch.Tensor) -> tuple[torch.Tensor, ...]:
        out = jvp(func, primals, tangents)[1]
        return out if isinstance(out, tuple) else (out,)

    cols = []
    step = _chunk(N, max(M, N, p.peak))
    for start in range(0, N, step):
        count = min(step, N - start)
        tangents = _split(_basis(start, count, N, primals), primals)
        try:
            outs = vmap(push)(*tangents)
        except (RuntimeError, ValueError, TypeError, NotImplementedError) as exc:
            raise NotVectorizable(_vmap_reason(exc)) from exc
        cols.append(_cat([o.reshape(count, -1).to(dtype) for o in outs], dim=1))
    return _cat(cols, dim=0).T   # a transposed view, as jacfwd's result


def _vmap_reason(exc: BaseException) -> str:
    text = str(exc)
    if "data-dependent" in text or "item()" in text or "Tensor to Python" in text:
        return "the function's control flow depends on tensor values"
    if "data pointer" in text or "storage" in text:
        return "the function reads tensor data directly (as .numpy() does)"
    if "randomness" in text:
        return "the function draws random numbers"
    if "batching rule" in text or "vmap" in text:
        return "an operation in the function cannot run vectorized"
    return "the function cannot run vectorized"

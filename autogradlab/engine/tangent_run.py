"""Forward mode on the user's own program: run it again with its leaves made dual numbers.

torch.autograd.forward_ad carries a tangent beside every value. The program runs a second time
(same tree, same seed, so the same ops in the same order) inside a dual level; each leaf named in
the direction gets its tangent when it is bound to that name (or after requires_grad_()); a leaf only
a list, dict or object holds (named by its path, `layers[0].w`), or a function's local that requires
grad where it is made (d2l's `train_ch11`: `w = torch.normal(..., requires_grad=True)`), gets it right
after the op that made it (that op's index in the first run: `made`); both by an in-place copy of a
dual tensor under no_grad, so it stays the same leaf. A result that does not require grad (made under
no_grad, or before the leaf required grad) loses its tangent the same way: forward_ad ignores grad mode, but
reverse mode treats such a value as a constant, and both modes must answer the same question.
After every op, the tangents of its results are read with unpack_dual: op index i of this run is op
index i of the first run, which is how tangents find their graph nodes.

The level opens late when it can (issue 9: PyTorch's 2,000-pass polynomial fit ran out of time here):
every tangent a graph node gets comes from its inputs' along the output's graph (a result that does not
require grad is a constant, above), so the ops before the graph's first op (`start`, the least op
index of its op nodes, known only when every one of them has an index) run without it, as the first
run ran them; the leaves of the direction bound or made before then get their tangents when it opens.
"""

from __future__ import annotations

import time
import warnings
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import torch
import torch._tensor_str as _torch_str
import torch.autograd.forward_ad as fwAD

from autogradlab import messages
from autogradlab.errors import ProgramError
from autogradlab.limits import Limits

TANGENTS_MAX_ELEMENTS = 20_000_000   # tangent values kept over one run (the worker's memory limit)
_HOLDING: list[bool] = []   # non-empty while run_tangents holds its dual level (lang/forward_ad.py asks)
LATE_LEVEL = True   # open the level at the graph's first op (module doc); False: from the start (tests)


def holds_level() -> bool:
    """The dual level open now is the Steps page's tangent run's (not PyTorch's inside a call)."""
    return bool(_HOLDING)


@dataclass
class TangentRun:
    tangents: dict[int, list[torch.Tensor | None]] = field(default_factory=dict)  # op index -> results'
    leaves: dict[str, torch.Tensor] = field(default_factory=dict)   # leaves given a tangent, by name
    backward_ms: list[float] = field(default_factory=list)          # each backward() call of this run
    total_ms: float = 0.0
    forward_ms: float = 0.0      # time inside the dual level, less its backward() calls (one forward pass)
    error: str | None = None
    error_line: int | None = None
    elements: int = 0
    overflow: bool = False                                          # stopped keeping tangents


def _tangent(t: torch.Tensor) -> torch.Tensor | None:
    tangent = fwAD.unpack_dual(t).tangent
    return tangent.detach().clone() if tangent is not None else None


def _grad_leaf(t: Any) -> bool:
    return isinstance(t, torch.Tensor) and t.is_leaf and t.requires_grad


class TangentHooks:
    """ProgramHooks of the second run: gives leaves their tangents, reads every op's tangent."""

    def __init__(self, direction: dict[str, torch.Tensor], wanted: set[int], run: TangentRun,
                 made: dict[int, list[tuple[str, int, bool]]] | None = None, start: int = 0) -> None:
        self.direction = direction
        self.wanted = wanted
        self.made = made or {}   # op index -> (path, output position, named): step_tangents._made
        self.run = run
        self.index = 0
        self._names: dict[int, str] = {}
        self._kept: list[Any] = []
        self._backward_started = 0.0
        # Before op `start` the level is closed (module doc): the direction's leaves met until then,
        # (name, weak reference) in the order met, get their tangents when it opens
        self.start = start
        self.level_open = False
        self.opened_at = 0.0
        self.level_backward_ms = 0.0
        self._pending: list[tuple[str, Any]] = []
        self._pruned_at = 64
        self.sizes: Any = None   # the run's SizeGuard, once its interpreter exists

    def open_level(self) -> None:
        """Open the dual level, and give the leaves of the direction met so far their tangents."""
        fwAD.enter_dual_level()
        self.level_open = True
        self.opened_at = time.perf_counter()
        self.count_tangents()
        pending, self._pending = self._pending, []
        for name, ref in pending:
            tensor = ref()
            if tensor is not None:
                self._names[id(tensor)] = name
                self._kept.append(tensor)
                self.inject(tensor, name)

    def count_tangents(self) -> None:
        """Inside the level every op computes its tangent too: its work counts TANGENT_ROWS times, as in
        the program's own level (lang/forward_ad.py). Red team, session 33: one dual linalg.eigvals of
        1000 x 1000 (the most max_call_work lets a plain run make, 0.6 s) took 2.1 s inside the tangent
        run's time share; now refused there (a note), the largest allowed ~1 s."""
        if self.sizes is not None and self.level_open:
            from autogradlab.lang.forward_ad import TANGENT_ROWS
            self.sizes.work_rows *= TANGENT_ROWS

    def _remember(self, name: str, tensor: Any) -> None:
        """A leaf of the direction met before the level opens (a loop rebinding it: the dead let go)."""
        try:
            self._pending.append((name, weakref.ref(tensor)))
        except TypeError:   # not a tensor PyTorch lets be weakly referenced: nothing to give a tangent
            return
        if len(self._pending) >= self._pruned_at:
            self._pending = [(n, r) for n, r in self._pending if r() is not None]
            self._pruned_at = max(64, 2 * len(self._pending))

    def _before_level(self, index: int, result: Any) -> None:
        """on_op of an op before `start`: what the leaves made by it need, then the level at `start`."""
        spots = self.made.get(index)
        if spots:
            results = [result] if isinstance(result, torch.Tensor) else [
                r for r in result if isinstance(r, torch.Tensor)] if isinstance(result, (tuple, list)) else []
            for name, position, named in spots:
                if position < len(results) and (not named or _grad_leaf(results[position])):
                    self._remember(name, results[position])
        if index + 1 >= self.start:
            self.open_level()

    def inject(self, tensor: Any, name: str | None) -> None:
        tangent = self.direction.get(name) if name is not None else None
        if (tangent is None or not isinstance(tensor, torch.Tensor) or not tensor.is_leaf
                or not (tensor.dtype.is_floating_point or tensor.dtype.is_complex)
                or tuple(tensor.shape) != tuple(tangent.shape)):
            return
        if fwAD.unpack_dual(tensor).tangent is not None:
            return
        version = tensor._version
        with torch.no_grad():
            tensor.copy_(fwAD.make_dual(tensor.detach().clone(), tangent.to(tensor.dtype)))
        # the copy writes the values the tensor holds: its version stays, so a graph that saved it
        # before (an op ahead of the level, or ahead of the name binding it) can still backward
        torch._C._autograd._unsafe_set_version_counter((tensor,), (version,))
        self.run.leaves[name] = tensor

    def on_op(self, op, args, kwargs, result, node, in_function):  # noqa: ANN001, D102
        index, self.index = self.index, self.index + 1
        if not self.level_open:
            self._before_level(index, result)
            return
        results = [result] if isinstance(result, torch.Tensor) else [
            r for r in result if isinstance(r, torch.Tensor)] if isinstance(result, (tuple, list)) else []
        if op == "requires_grad_" and results:
            self.inject(results[0], self._names.get(id(results[0])))
        for r in results:   # reverse mode sees a constant here (no_grad, before requires_grad): so must we
            if not r.requires_grad and fwAD.unpack_dual(r).tangent is not None:
                with torch.no_grad():
                    r.copy_(fwAD.make_dual(r.detach().clone(), torch.zeros_like(r.detach())))
        for name, position, named in self.made.get(index, ()):   # leaves a list, dict or object holds,
            if position < len(results) and (not named or _grad_leaf(results[position])):   # or a local
                self.inject(results[position], name)
        if index in self.wanted and not self.run.overflow:
            kept = [_tangent(r) for r in results]
            self.run.elements += sum(t.numel() for t in kept if t is not None)
            self.run.overflow = self.run.elements > TANGENTS_MAX_ELEMENTS
            if not self.run.overflow:
                self.run.tangents[index] = kept

    def on_assign(self, name, value, node, in_function):  # noqa: ANN001, D102
        if not self.level_open:
            if in_function is None and name in self.direction and isinstance(value, torch.Tensor):
                self._remember(name, value)
            return
        if in_function is None and isinstance(value, torch.Tensor):
            self._names[id(value)] = name
            self._kept.append(value)
            self.inject(value, name)

    def before_backward(self, tensor, gradient, node):  # noqa: ANN001, D102
        self._backward_started = time.perf_counter()

    def after_backward(self, tensor, node):  # noqa: ANN001, D102
        ms = (time.perf_counter() - self._backward_started) * 1000.0
        self.run.backward_ms.append(ms)
        if self.level_open:
            self.level_backward_ms += ms

    def on_print(self, text):  # noqa: ANN001, D102
        pass

    def on_display(self, value, node):  # noqa: ANN001, D102
        pass


_ZERO_META_OPS = ("mul.Tensor", "add.Tensor", "sub.Tensor", "div.Tensor")


def _binary_meta(a: Any, b: Any, *args: Any, **kwargs: Any) -> torch.Tensor:
    """Shape and dtype of a broadcasting binary op (what its Meta kernel answers)."""
    dtype = torch.result_type(a, b)
    if kwargs.get("__div") and not (dtype.is_floating_point or dtype.is_complex):
        dtype = torch.get_default_dtype()
    shape = _broadcast(tuple(getattr(a, "shape", ())), tuple(getattr(b, "shape", ())))
    return torch.empty(shape, dtype=dtype, device="meta")


def _broadcast(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """torch.broadcast_shapes of two shapes, without it: its first call imports sympy (via
    torch.fx's symbolic shapes, ~0.5 s of CPU in a fresh job process)."""
    n = max(len(a), len(b))
    out = []
    for x, y in zip((1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b, strict=True):
        if x != y and x != 1 and y != 1:
            raise RuntimeError(f"shape mismatch: objects cannot be broadcast to a single shape: {a} and {b}")
        out.append(y if x == 1 else x)
    return tuple(out)


def _div_meta(a: Any, b: Any) -> torch.Tensor:
    return _binary_meta(a, b, __div=True)


@contextmanager
def fast_zero_meta() -> Iterator[None]:
    """Forward mode gives an operand without a tangent (a constant, `1.001`) a ZeroTensor tangent; PyTorch's
    ZeroTensor kernels of mul/add/sub/div ask the Meta kernel for the result's shape, and in this build that
    kernel is a Python reference implementation (torch._refs via torch._prims, ~0.3 ms a call, most of a
    tangent run). For the tangent run only, a direct answer (broadcast shape, promoted dtype) replaces it;
    tests/unit/test_tangent_meta.py checks it gives the same shape and dtype."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = torch.library.Library("aten", "IMPL", "Meta")   # noqa: TOR901 - scoped, destroyed below
        for op in _ZERO_META_OPS:
            lib.impl(op, _div_meta if op.startswith("div") else _binary_meta)
    try:
        yield
    finally:
        lib._destroy()


_QUIET = False
_WARM = False


def quiet_forward_mode() -> None:
    """forward_ad loads its decompositions on first use (~0.3 s of CPU), with torch.jit.script, which
    warns that it is deprecated: do it once, quietly, with the tangent run's own Meta answers
    (fast_zero_meta), so it does not load PyTorch's Python Meta kernels (torch._dynamo among ~800
    modules, ~2 s of CPU): the first Steps run of a fresh job process paid that, though its tangent
    run never needs them for mul/add/sub/div."""
    global _QUIET
    if _QUIET:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with fast_zero_meta(), fwAD.dual_level():
            fwAD.make_dual(torch.zeros(1), torch.zeros(1)) * 2.0
    _QUIET = True


def warm_forward_mode() -> None:
    """quiet_forward_mode, and PyTorch's own ZeroTensor path too (its Python Meta kernels, ~1-4 s to
    load on first use): fast_zero_meta spares the tangent run from it, but torch.func's jvp (Jacobians)
    still takes it. The worker's zygote does this when idle (sandbox_warm.warm_rest), so its later job
    processes inherit it."""
    global _WARM
    if _WARM:
        return
    quiet_forward_mode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with fwAD.dual_level():
            fwAD.make_dual(torch.zeros(1), torch.zeros(1)) * 2.0
    _WARM = True


@contextmanager
def primal_text() -> Iterator[None]:
    """torch's text of a tensor inside this run as in the program's own run: torch adds `tangent=...` to
    the repr of a dual tensor (it asks unpack_dual at the current level), so `'tangent' in repr(x)` told
    a program that it ran here, and it could take another path than the run whose ops the tangents are
    paired with (or run long only here). Its unpack_dual sees no level while it makes the text (no
    program code runs inside torch's _str_intern)."""
    original = _torch_str._str_intern

    def untangented(inp: Any, *, tensor_contents: Any = None) -> str:
        level = fwAD._current_level
        fwAD._current_level = -1
        try:
            return original(inp, tensor_contents=tensor_contents)
        finally:
            fwAD._current_level = level

    _torch_str._str_intern = untangented
    try:
        yield
    finally:
        _torch_str._str_intern = original


def run_tangents(tree: Any, program: str, *, seed: int, limits: Limits, direction: dict[str, torch.Tensor],
                 wanted: set[int], preset: Callable[[Any], None] | None = None,
                 made: dict[int, list[tuple[str, int, bool]]] | None = None, start: int = 0) -> TangentRun:
    """Run the program once more with dual leaves; never raises (a failure is run.error). `start`: the
    op index the dual level opens before (module doc; 0: from the start)."""
    from autogradlab.lang.interpreter import Interpreter

    quiet_forward_mode()
    run = TangentRun()
    started = time.perf_counter()
    hooks = TangentHooks(direction, wanted, run, made, start=start if LATE_LEVEL else 0)
    try:
        with fast_zero_meta(), primal_text():
            _HOLDING.append(True)   # (also before the level opens: the program's own level is refused alike)
            try:
                if hooks.start <= 0:
                    hooks.open_level()
                interpreter = Interpreter(tree, program, limits=limits,
                                          generator=torch.Generator().manual_seed(seed), hooks=hooks)
                hooks.sizes = interpreter.sizes
                hooks.count_tangents()   # a level opened at the start (later: open_level counts them)
                if preset is not None:
                    preset(interpreter)
                interpreter.run()
            finally:
                _HOLDING.pop()
                if hooks.level_open:
                    run.forward_ms = ((time.perf_counter() - hooks.opened_at) * 1000.0
                                      - hooks.level_backward_ms)
                    fwAD.exit_dual_level()
    except ProgramError as exc:
        info = exc.to_info()
        run.error, run.error_line = info.message, info.line
        if info.kind == "timeout":
            run.error = messages.text("en", "notes.tangent_time_out")
    except Exception as exc:  # noqa: BLE001 - forward mode must never break the run's report
        run.error = f"{type(exc).__name__}"
    run.total_ms = (time.perf_counter() - started) * 1000.0
    return run

"""A program's `jacobian(f, x, ...)` call: computed with the fastest correct strategy, checked, and
recorded as a JacobianRecord.

The program's function runs once with the recorder listening (so its ops appear in the op trace, as
with torch's own jacobian); the extra passes (vectorized forward mode, the checks) run with the
hooks muted and the random generator restored, so they leave no trace in the run.
"""

from __future__ import annotations

import ast
import contextlib
import time
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.engine import jacobian as jac
from autogradlab.engine.jacobian_loop_work import (
    check_loop_work,
    check_vector_work,
    checked_function,
    measured,
)
from autogradlab.engine.jacobian_passes import Peak, batched_sizes, muted, vectorized
from autogradlab.engine.values import to_numpy
from autogradlab.errors import LimitExceeded, ProgramError, ProgramTypeError, TimeLimitExceeded
from autogradlab.lang.torch_generators import random_states
from autogradlab.report_jacobian import JacobianRecord

USER_OPTIONS = ("create_graph", "strict", "vectorize", "strategy")
FEW_ROWS = 4   # up to this many outputs, backward passes through the probe's own graph beat a vmap pass


def _inputs(value: Any) -> tuple[tuple[torch.Tensor, ...], bool]:
    if isinstance(value, torch.Tensor):
        return (value,), False
    if isinstance(value, tuple) and all(isinstance(v, torch.Tensor) for v in value):
        return value, True
    raise ProgramTypeError(f"the inputs given to jacobian must be either a Tensor or a tuple of "
                           f"Tensors, not {type(value).__name__}")


def _structure(flat: torch.Tensor, p: jac.Probe, input_is_tuple: bool) -> Any:
    """The flat matrix in torch.autograd.functional.jacobian's nesting, shapes and dtypes."""
    blocks, row = [], 0
    for y in p.outputs:
        per_input, col = [], 0
        for x in p.inputs:
            part = flat[row:row + y.numel(), col:col + x.numel()]
            per_input.append(part.reshape(tuple(y.shape) + tuple(x.shape)).to(x.dtype))
            col += x.numel()
        row += y.numel()
        blocks.append(tuple(per_input) if input_is_tuple else per_input[0])
    return tuple(blocks) if p.output_is_tuple else blocks[0]


def _user_call(func: Callable, inputs: Any, options: dict[str, Any], interp: Any) -> tuple[Any, str, str]:
    """The user asked for specific behaviour: torch's own jacobian with exactly those options.

    vectorize=True runs program code under vmap, where a tensor holds a batch of rows its Python
    shape hides: forward mode runs the function on a batch of one row per input element, reverse
    mode a custom Function's backward on one row per output element (and torch's own backward
    holds that many rows of the function's largest tensor). The size checks count every row."""
    vectorize = bool(options.get("vectorize", False))
    forward_mode = options.get("strategy", "reverse-mode") == "forward-mode"
    chosen = ", ".join(f"{k}={options[k]!r}" for k in USER_OPTIONS if k in options)
    strategy = ("forward" if forward_mode else "reverse") if vectorize else "loop"
    why = f"you passed {chosen}, so torch.autograd.functional.jacobian ran with exactly those options"
    if not vectorize:   # one pass, then a backward pass per output: its work bounded before the loop
        once = checked_function(func, interp.limits.max_call_work, interp)
        return torch.autograd.functional.jacobian(once, inputs, **options), strategy, why
    if forward_mode:
        rows = sum(x.numel() for x in _inputs(inputs)[0])
        with muted(interp, prints=True), batched_sizes(interp.sizes, rows):
            result = torch.autograd.functional.jacobian(func, inputs, **options)
        return result, strategy, why
    with contextlib.ExitStack() as stack:
        def counted(*args: Any) -> Any:   # torch's jacobian calls it once, then vmaps the backward
            peak = Peak(interp.hooks)
            interp.hooks = peak
            try:
                with measured() as spent:
                    out = func(*args)
            finally:
                interp.hooks = peak.inner
            outs = out if isinstance(out, tuple) else (out,)
            rows = sum(y.numel() for y in outs if isinstance(y, torch.Tensor))
            interp.sizes.check_elements(rows * peak.elements, "jacobian(..., vectorize=True)")
            check_vector_work(interp.limits.max_graph_work, rows, peak.nodes, peak.graph_work + spent[0])
            stack.enter_context(batched_sizes(interp.sizes, rows))
            return out
        result = torch.autograd.functional.jacobian(counted, inputs, **options)
    return result, strategy, why


def muted_probe(interp: Any, func: Callable, xs: tuple[torch.Tensor, ...]) -> jac.Probe:
    """The function's pass after the call ran (nothing recorded, the random stream kept); its peak
    bounds the checks' vectorized pass, as _fast's does."""
    with muted(interp):
        peak = Peak(interp.hooks)
        interp.hooks = peak
        try:
            p = jac.probe(func, xs)
        finally:
            interp.hooks = peak.inner
        p.peak = peak.elements
    return p


def _side_effect(interp: Any) -> tuple[int, str] | None:
    from autogradlab.engine.jacobian_purity import first_side_effect

    tree = getattr(interp, "tree", None)
    if tree is None:
        return None
    cached = getattr(interp, "_jacobian_side_effect", False)
    if cached is False:
        cached = first_side_effect(tree)
        interp._jacobian_side_effect = cached
    return cached


def _fast(func: Callable, xs: tuple[torch.Tensor, ...],
          interp: Any) -> tuple[jac.Probe, torch.Tensor, str, str]:
    """Probe once (recorded), then the cheaper direction vectorized, then the other, then the loop."""
    start = random_states(interp)
    peak = Peak(interp.hooks)
    interp.hooks = peak
    try:
        with measured() as spent:
            p = jac.probe(func, xs)
    finally:
        interp.hooks = peak.inner
    p.peak, p.rng = peak.elements, start

    def loop() -> torch.Tensor:
        check_loop_work(interp.limits.max_call_work, spent[0], p.n_out, peak.nodes, peak.graph_work,
                        interp.limits.max_graph_work)
        return jac.loop(p)

    first, why = jac.choose(p.n_out, p.n_in)
    effect = _side_effect(interp)
    if effect is not None:
        why = (f"the program's functions change values outside themselves (line {effect[0]}: "
               f"`{effect[1]}`), so the function ran once, as in torch's own jacobian: one backward "
               f"pass per output, in a loop")
        return p, loop(), "loop", why
    if first == "reverse" and p.n_out <= FEW_ROWS:   # cheaper than another pass of the function
        return p, loop(), "reverse", why.replace("ran, vectorized", "ran through the graph "
                                                      "the function already built")
    # the costly calls' work counts per row too: diff(t, n=1500) is one op here, 1,500 nodes to walk back
    check_vector_work(interp.limits.max_graph_work, min(p.n_out, p.n_in), peak.nodes,
                      peak.graph_work + spent[0])
    reasons: list[str] = []
    for strategy in (first, "reverse" if first == "forward" else "forward"):
        try:
            with vectorized(interp, start):
                run = jac.forward if strategy == "forward" else jac.reverse
                matrix = run(func, p)
            if reasons:
                why = f"{why.split(', so')[0]}, but {reasons[0]}: {strategy} mode ran, vectorized"
            return p, matrix, strategy, why
        except (LimitExceeded, TimeLimitExceeded):
            raise
        except (jac.NotVectorizable, ProgramError) as exc:
            reasons.append(str(exc) if isinstance(exc, jac.NotVectorizable) else jac._vmap_reason(exc))
    why = (f"{p.n_out:,} outputs, {p.n_in:,} inputs, and {reasons[0]}: neither mode can run "
           f"vectorized, so one backward pass per output ran, in a loop")
    return p, loop(), "loop", why


def run_jacobian(recorder: Any, interp: Any, func: Callable, args: list, kwargs: dict,
                 node: ast.AST) -> Any:
    """Compute, check and record one jacobian(...) call; returns what torch's jacobian returns."""
    inputs = args[0] if args else kwargs.get("inputs")
    options = {k: v for k, v in kwargs.items() if k in USER_OPTIONS}
    options.update(dict(zip(USER_OPTIONS, args[1:], strict=False)))
    xs, input_is_tuple = _inputs(inputs)
    # functorch's one-time set-up (strategies and checks use torch.func) is not the program's time
    interp.sizes.warm_up_s += jac.warm_func()
    started, cpu = time.perf_counter(), time.thread_time()
    if any(options.get(k, d) != d for k, d in DEFAULTS):
        result, strategy, why = _user_call(func, inputs, options, interp)
        timing, cpu = (time.perf_counter() - started) * 1000.0, (time.thread_time() - cpu) * 1000.0
        flat, out_shapes, output_is_tuple = _unnest(result, xs, input_is_tuple)
        if _side_effect(interp) is not None:   # must not run again: no probe, no checks, no paths
            p = jac.Probe(inputs=xs, outputs=(), output_is_tuple=output_is_tuple)
        else:
            p = muted_probe(interp, func, xs)
    else:
        p, flat, strategy, why = _fast(func, xs, interp)
        result = _structure(flat, p, input_is_tuple)
        timing, cpu = (time.perf_counter() - started) * 1000.0, (time.thread_time() - cpu) * 1000.0
        out_shapes, output_is_tuple = tuple(tuple(y.shape) for y in p.outputs), p.output_is_tuple
    from autogradlab.engine.jacobian_checks import run_checks

    names = _input_names(recorder, xs, node, input_is_tuple)
    index = len(recorder.jacobians)
    cell = getattr(recorder, "jacobian_cell", None)   # (call index, row): a clicked cell's run
    row = cell[1] if cell is not None and cell[0] == index else None
    graph, paths, path_note = _paths(p, names, recorder, _output_name(node), flat, row)
    from autogradlab.engine.check_allowance import allowance
    with allowance(interp):   # the checks' passes: never the program's own budgets
        checks = run_checks(interp, func, p, flat.detach(), muted, rerun=_side_effect(interp) is None)
    line = getattr(node, "lineno", 0) or 0
    lines = getattr(recorder, "lines", [])
    from autogradlab.engine.jacobian_paths import LAZY_NOTE

    recorder.jacobians.append(JacobianRecord(
        index=index, line=line,
        text=lines[line - 1].strip() if 1 <= line <= len(lines) else "",
        input_names=names,
        output_name=_output_name(node), input_shapes=tuple(tuple(x.shape) for x in xs),
        output_shapes=out_shapes, input_is_tuple=input_is_tuple, output_is_tuple=output_is_tuple,
        dtypes=tuple(str(x.dtype).removeprefix("torch.") for x in xs),
        matrix=to_numpy(flat), strategy=strategy, why=why, timing_ms=timing,
        checks=checks, paths=paths, graph=graph, notes=(path_note,) if path_note else (), cpu_ms=cpu,
        paths_on_click=path_note == LAZY_NOTE))
    return result


SHOWN_ARGUMENT_CHARS = 24   # an unnamed input is labelled by its argument's text up to this long


def _input_names(recorder: Any, xs: tuple[torch.Tensor, ...], node: Any,
                 input_is_tuple: bool) -> tuple[str, ...]:
    """The inputs' names: their variables, else (a tuple of tensors no variable holds, as in
    `inputs = (torch.rand(3), torch.rand(3)); jacobian(exp_adder, inputs)`) the argument's own
    name indexed, `inputs[0]`, rather than an anonymous t-number; an input no name holds at all is
    labelled by its argument's text when short (`x.detach()`, `torch.tensor([1.0, 2.0])`), else `input`
    (or `inputs[k]` in a tuple)."""
    describe = getattr(recorder, "describe", None)
    if describe is None:
        return tuple(f"input {k}" for k in range(len(xs)))
    argument = _inputs_argument(node)
    parts = argument.elts if isinstance(argument, ast.Tuple | ast.List) else None
    names = []
    for k, x in enumerate(xs):
        label = describe(x)
        anonymous = label == f"t{recorder.tensor_id(x)}" and recorder.name_of(x) != label
        if anonymous and isinstance(argument, ast.Name):
            label = f"{argument.id}[{k}]" if input_is_tuple else argument.id
        elif anonymous and argument is not None:   # `x.detach()`, `torch.tensor([1.0, 2.0])`: its text
            part = argument if not input_is_tuple else parts[k] if parts and len(parts) == len(xs) else None
            text = ast.unparse(part) if part is not None else ""
            label = text if 0 < len(text) <= SHOWN_ARGUMENT_CHARS else f"inputs[{k}]" if input_is_tuple \
                else "input"
        names.append(label)
    return tuple(names)


def _inputs_argument(node: Any) -> ast.expr | None:
    """The `inputs` expression of a jacobian/hessian call node (second positional or keyword)."""
    if not isinstance(node, ast.Call):
        return None
    if len(node.args) >= 2:
        return node.args[1]
    return next((k.value for k in node.keywords if k.arg == "inputs"), None)


def _paths(p: jac.Probe, names: tuple[str, ...], recorder: Any, output_name: str,
           flat: torch.Tensor, row: int | None) -> tuple[Any, tuple, str | None]:
    from autogradlab.engine.jacobian_paths import chain_rule_paths

    if not hasattr(recorder, "origin_of"):
        return None, (), None
    try:
        return chain_rule_paths(p, names, recorder, output_name, flat, row)
    except Exception as exc:  # noqa: BLE001 - a node that cannot be called on its own: no paths
        return None, (), f"the paths could not be followed ({type(exc).__name__})"


DEFAULTS = (("create_graph", False), ("strict", False), ("vectorize", False), ("strategy", "reverse-mode"))


def _unnest(result: Any, xs: tuple[torch.Tensor, ...],
            input_is_tuple: bool) -> tuple[torch.Tensor, tuple[tuple[int, ...], ...], bool]:
    """torch's nested result -> (flat matrix, output shapes, output_is_tuple)."""
    output_is_tuple = isinstance(result, tuple) and (not input_is_tuple or isinstance(result[0], tuple))
    dtype = jac.result_dtype(xs)
    rows, shapes = [], []
    for blocks in (result if output_is_tuple else (result,)):
        blocks = blocks if input_is_tuple else (blocks,)
        out_shape = tuple(blocks[0].shape[:blocks[0].dim() - xs[0].dim()])
        m = 1
        for s in out_shape:
            m *= s
        rows.append(torch.cat([b.detach().reshape(m, -1).to(dtype) for b in blocks], dim=1))
        shapes.append(out_shape)
    return torch.cat(rows, dim=0), tuple(shapes), output_is_tuple


def _output_name(node: ast.AST) -> str:
    """`y` for `J = jacobian(lambda x: y_of(x), ...)`: the function's text, short."""
    func = node.args[0] if isinstance(node, ast.Call) and node.args else None
    if isinstance(func, ast.Lambda):
        text = ast.unparse(func.body)
    elif isinstance(func, ast.Name):
        text = f"{func.id}(…)"
    else:
        text = "f(x)"
    return text if len(text) <= 40 else text[:39] + "…"

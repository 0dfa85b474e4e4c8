"""torch.func's `jacrev(f)(x)`, `jacfwd(f)(x)`, `hessian(f)(x)`, `grad(f)(x)` / `grad_and_value(f)(x)`
(a scalar f's gradient: the 1 x n Jacobian) and torch.autograd.functional's `hessian(f, x)`, drawn on the
Jacobian page like a `jacobian(f, x)` call (engine/jacobian_call.py).

The program's call has already run, through every check of lang/func_running.py (or lang/specials.py
for autograd's hessian): its result is what the page draws, so the heatmap shows exactly what the
program computed. Then, as for a `jacobian(...)` call with the user's options, the differentiated
function runs once more muted (the probe) and the same checks compare the matrix with finite
differences, a VJP and a JVP (engine/jacobian_checks.py). A Hessian is the Jacobian of the gradient:
its function is `jacrev(f)` (or the inner transform of `jacrev(jacrev(f))`), run through the engine's
own transform with its limits. Those extra passes run only in the worker, like every program call.

Not drawn, with a note naming the call (Report.jacobian_notes): a vmap of a Jacobian maker (a batch of
Jacobians), third and higher derivatives, and inputs or outputs that are not tensors or tuples of tensors.

The records wait in recorder.func_jacobians and follow every jacobian(...) call's (and dY/dX's) in
Report.jacobians (report_jacobian.drawn): a jacobian(...) call keeps its index among jacobian(...)
calls, the link's `call` and the CLI's "jacobians" (contracts), whatever torch.func calls run between.
"""

from __future__ import annotations

import ast
from typing import Any

from autogradlab import messages
from autogradlab.engine import jacobian as jac
from autogradlab.engine.check_allowance import allowance
from autogradlab.engine.values import to_numpy
from autogradlab.errors import LimitExceeded, MemoryLimitExceeded, ProgramError, TimeLimitExceeded
from autogradlab.report_jacobian import JacobianChecks, JacobianRecord

MAKERS = ("jacrev", "jacfwd")
GRADIENTS = ("grad", "grad_and_value")   # a scalar function's gradient: its 1 x n Jacobian, drawn the same
ORDER_ONE = ("jacrev", "jacfwd", "grad")   # an inner transform whose Jacobian is a second derivative


def transform_of(value: Any) -> tuple[str, Any, dict] | None:
    """(kind, func, options) of a TransformedFunction, else None."""
    from autogradlab.lang.func_transforms import TransformedFunction
    if isinstance(value, TransformedFunction):
        return value.kind, value.func, value.options
    return None


def _recorder(interp: Any) -> Any:
    """The run's recorder when it is listening itself (not muted, not inside jacobian()'s probe)."""
    hooks = interp.hooks
    return hooks if getattr(type(hooks), "on_jacobian", None) is not None else None


def _argnums(options: dict, count: int) -> tuple[tuple[int, ...], bool] | None:
    argnums = options.get("argnums", 0)
    picked = tuple(argnums) if isinstance(argnums, (tuple, list)) else (argnums,)
    if not all(isinstance(k, int) and -count <= k < count for k in picked):
        return None
    return tuple(k % count for k in picked), isinstance(argnums, (tuple, list))


def _call_text(node: Any, recorder: Any) -> tuple[int, str]:
    line = getattr(node, "lineno", 0) or 0
    lines = getattr(recorder, "lines", [])
    return line, lines[line - 1].strip() if 1 <= line <= len(lines) else ""


def _note(recorder: Any, node: Any, key: str, call: str, **params: Any) -> None:
    line, _ = _call_text(node, recorder)
    notes = recorder.__dict__.setdefault("jacobian_notes", [])
    text = messages.text("en", f"notes.{key}", line=line, call=call, **params)
    if text not in notes and len(notes) < MAX_NOTES:
        notes.append(text)


MAX_NOTES = 20


def after_transform(interp: Any, transformed: Any, args: list, kwargs: dict, result: Any,
                    node: ast.AST, seconds: float) -> None:
    """lang/func_running.running's hook after a top-level transform call returned `result`."""
    recorder = _recorder(interp)
    if recorder is None:
        return
    kind, func, options = transformed.kind, transformed.func, transformed.options
    inner = transform_of(func)
    if kind == "vmap":
        maker = maker_value(func)
        if transform_of(maker) is not None and maker.kind in MAKERS:
            hessian = getattr(maker, "label", "") == "hessian"
            _note(recorder, node, "func_batch_hessian" if hessian else "func_batch", shown(func))
        return
    if kind not in MAKERS and kind not in GRADIENTS:
        return
    second = inner is not None and inner[0] in ORDER_ONE
    if inner is not None and (not second or transform_of(inner[1]) is not None):
        _note(recorder, node, "func_higher", shown(transformed))
        return
    same = second and _argnums(inner[2], len(args)) == _argnums(options, len(args))   # not a mixed one
    hessian = getattr(transformed, "label", "") == "hessian" or (same and not inner[2].get("has_aux"))
    picked = _argnums(options, len(args))
    # (jacobian, aux) of has_aux; grad_and_value's (gradient, value), with has_aux (gradient, (value, aux))
    value = result[0] if (options.get("has_aux") or kind == "grad_and_value") and isinstance(result, tuple) \
        else result
    what = shown(transformed)
    if picked is None or not _drawable(args, picked[0], value, picked[1]):
        _note(recorder, node, "func_not_tensors", what)
        return
    argnums, input_is_tuple = picked
    strategy = "forward" if kind == "jacfwd" else "reverse"
    maker = "hessian" if getattr(transformed, "label", "") == "hessian" else kind
    record(recorder, interp, func, args, kwargs, argnums, input_is_tuple, value, node, seconds,
           strategy=strategy, hessian=hessian, what=what, has_aux=bool(options.get("has_aux")), maker=maker)


def shown(value: Any) -> str:
    """`jacrev(predict)`, `hessian(f)`, `vmap(jacrev(predict))`: a transform as the notes name it."""
    from autogradlab.lang.func_transforms import _function_name
    found = transform_of(value)
    if found is None:
        return _function_name(value)
    kind, func, _ = found
    if getattr(value, "label", "") == "hessian":
        return f"hessian({shown(transform_of(func)[1])})"
    return f"{kind}({shown(func)})"


def maker_value(value: Any) -> Any:
    """The first transform inside vmaps (the TransformedFunction itself)."""
    while transform_of(value) is not None and value.kind == "vmap":
        value = value.func
    return value


def _drawable(args: list, argnums: tuple[int, ...], value: Any, input_is_tuple: bool) -> bool:
    import torch
    if not all(isinstance(args[k], torch.Tensor) and args[k].is_floating_point() for k in argnums):
        return False
    blocks = value if isinstance(value, tuple) else (value,)
    for block in blocks:
        parts = block if input_is_tuple and isinstance(block, tuple) else (block,)
        if not all(isinstance(p, torch.Tensor) for p in parts):
            return False
    return True


def after_autograd_hessian(interp: Any, func: Any, inputs: Any, result: Any, node: ast.AST,
                           seconds: float) -> None:
    """lang/specials.py's hook after `torch.autograd.functional.hessian(func, inputs)` returned."""
    import torch

    from autogradlab.lang.func_transforms import TransformedFunction
    recorder = _recorder(interp)
    if recorder is None:
        return
    input_is_tuple = isinstance(inputs, tuple)
    args = list(inputs) if input_is_tuple else [inputs]
    argnums = tuple(range(len(args)))
    if not all(isinstance(a, torch.Tensor) and a.is_floating_point() for a in args):
        return
    gradient = TransformedFunction("jacrev", func, {"argnums": argnums if input_is_tuple else 0})
    record(recorder, interp, gradient, args, {}, argnums, input_is_tuple, result, node, seconds,
           strategy="reverse", hessian=True, what="torch.autograd.functional.hessian(...)", has_aux=False,
           maker="torch.autograd.functional.hessian")


def record(recorder: Any, interp: Any, func: Any, args: list, kwargs: dict, argnums: tuple[int, ...],
           input_is_tuple: bool, value: Any, node: ast.AST, seconds: float, *, strategy: str,
           hessian: bool, what: str, has_aux: bool, maker: str) -> None:
    """Append the JacobianRecord of one call whose result `value` has torch's jacobian nesting to
    recorder.func_jacobians (numbered there; report_jacobian.drawn numbers it after jacobian() calls)."""
    from autogradlab.engine.jacobian_call import _unnest

    xs = tuple(args[k] for k in argnums)
    from autogradlab.lang.func_running import _elements
    if not _elements(value) or not _room(recorder, interp, node, value, what):   # 0 entries: nothing to draw
        return
    try:
        flat, out_shapes, output_is_tuple = _unnest(value, xs, input_is_tuple)
    except (RuntimeError, ValueError, TypeError, IndexError) as exc:   # a nesting _unnest does not know
        _note(recorder, node, "func_not_drawn", what, error=type(exc).__name__)
        return

    def differentiated(*inner: Any) -> Any:
        full = list(args)
        for k, x in zip(argnums, inner, strict=True):
            full[k] = x
        out = interp.call_value(func, full, dict(kwargs), node)
        return out[0] if has_aux and isinstance(out, tuple) else out

    with allowance(interp):   # the checks' passes: never the program's own budgets
        checks = _checks(interp, differentiated, xs, flat, output_is_tuple, func)
    line, text = _call_text(node, recorder)
    if maker == "torch.autograd.functional.hessian":   # named as jacobian(f, inputs)'s inputs are
        from autogradlab.engine.jacobian_call import _input_names as jacobian_input_names
        names = jacobian_input_names(recorder, xs, node, input_is_tuple)
    else:
        names = _input_names(recorder, xs, node, argnums)
    from autogradlab.lang.func_transforms import _function_name
    recorder.func_jacobians.append(JacobianRecord(
        index=len(recorder.func_jacobians), line=line, text=text, input_names=names,
        output_name=f"{_function_name(func)}(…)", input_shapes=tuple(tuple(x.shape) for x in xs),
        output_shapes=out_shapes, input_is_tuple=input_is_tuple, output_is_tuple=output_is_tuple,
        dtypes=tuple(str(x.dtype).removeprefix("torch.") for x in xs),
        matrix=to_numpy(flat), strategy=strategy, why=_why(what, strategy, hessian),
        timing_ms=seconds * 1000.0, checks=checks,
        notes=(messages.text("en", "notes.func_paths", call=what),),
        cpu_ms=seconds * 1000.0, kind="hessian" if hessian else "jacobian", maker=maker))


def _checks(interp: Any, differentiated: Any, xs: tuple, flat: Any, output_is_tuple: bool,
            func: Any) -> JacobianChecks:
    """The probe after the call, then the checks of engine/jacobian_checks.py; a probe stopped (by
    an error, a limit or the checks' allowance of time) is a note and no check."""
    from autogradlab.engine.jacobian_call import _side_effect, muted_probe
    from autogradlab.engine.jacobian_checks import run_checks
    from autogradlab.engine.jacobian_passes import muted

    rerun = _side_effect(interp) is None
    p = jac.Probe(inputs=tuple(x.detach() for x in xs), outputs=(), output_is_tuple=output_is_tuple)
    if rerun:
        try:
            p = muted_probe(interp, differentiated, xs)
            if transform_of(func) is not None:   # a transform's own ops are not seen (func_running.py):
                p.peak = jac.CHUNK_ELEMENTS   # finite differences loop, one checked call at a time, never
                # one engine vmap the transform's checks cannot count
        except (ProgramError, RuntimeError, TypeError, ValueError) as exc:
            stopped = isinstance(exc, (LimitExceeded, TimeLimitExceeded, MemoryLimitExceeded))
            note = messages.text("en", "notes.func_rerun_limit" if stopped else "notes.func_no_rerun",
                                 error=type(exc).__name__)   # (a limit: the checks' share of it)
            return JacobianChecks(notes=(note,))
    return run_checks(interp, differentiated, p, flat.detach(), muted, rerun=rerun)


MAX_PER_LINE = 10    # calls of one line drawn (a loop's): each costs a probe and its checks, and memory
GRADIENTS_PER_LINE = 3   # ... of grad(f)(x): a functional training loop's gradients (checks cost ~3 ms a
                         # call in every run; 10 of each of two lines: +25 % on a 300-step loop)
ENTRIES_PER_RUN = 2  # x max_tensor_elements: the entries the drawn matrices of one run hold at most


def _room(recorder: Any, interp: Any, node: Any, value: Any, what: str) -> bool:
    """Whether this call is drawn: at most MAX_PER_LINE of a line, and the run's drawn entries within
    ENTRIES_PER_RUN x max_tensor_elements (a loop of big Jacobians kept every matrix: its memory);
    otherwise a note names it, once per line."""
    from autogradlab.lang.func_running import _elements
    line, _ = _call_text(node, recorder)
    counts = recorder.__dict__.setdefault("func_jacobian_lines", {})
    entries = sum(r.matrix.size for r in (*recorder.jacobians, *recorder.func_jacobians)) + _elements(value)
    limit = ENTRIES_PER_RUN * interp.limits.max_tensor_elements
    most = GRADIENTS_PER_LINE if what.startswith(tuple(f"{k}(" for k in GRADIENTS)) else MAX_PER_LINE
    if counts.get(line, 0) >= most:
        _note(recorder, node, "func_more_calls", what, limit=most)
        return False
    if entries > limit:
        _note(recorder, node, "func_entries", what, limit=f"{limit:,}")
        return False
    counts[line] = counts.get(line, 0) + 1
    return True


def _why(what: str, strategy: str, hessian: bool) -> str:
    if hessian:
        return messages.text("en", "jacobian.why.func_hessian", call=what)
    return messages.text("en", "jacobian.why.func", call=what, mode=strategy)


def _input_names(recorder: Any, xs: tuple, node: Any, argnums: tuple[int, ...]) -> tuple[str, ...]:
    """The inputs' variable names, else the argument's text when short, else `input` (`args[k]` of
    several), as engine/jacobian_call.py labels a jacobian(...) call's inputs."""
    from autogradlab.engine.jacobian_call import SHOWN_ARGUMENT_CHARS
    describe = getattr(recorder, "describe", None)
    call_args = node.args if isinstance(node, ast.Call) else []
    names = []
    for k, x in zip(argnums, xs, strict=True):
        label = describe(x) if describe is not None else ""
        anonymous = not label or (label == f"t{recorder.tensor_id(x)}" and recorder.name_of(x) != label)
        if anonymous:
            part = call_args[k] if k < len(call_args) and call_args[k] is not None else None
            text = ast.unparse(part) if part is not None else ""
            label = text if 0 < len(text) <= SHOWN_ARGUMENT_CHARS else "input" if len(xs) == 1 else \
                f"args[{k}]"
        names.append(label)
    return tuple(names)

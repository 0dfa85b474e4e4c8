"""How a torch.func transform of a program function runs (lang/func_transforms.py).

- Nothing inside is recorded (the function's tensors are PyTorch's wrappers: batched or grad-tracking,
  with no values of their own outside the transform); print() still writes, as in PyTorch. The
  transform's result is recorded as one op of the line that called it.
- Sizes: a vmap over B rows runs every op of the function on B rows while the tensors' Python shapes
  show one, so every size and work check counts B rows (engine's batched_sizes precedent:
  lang/sizes.py check_elements and call_work's work_rows; vmap(chunk_size=c) calls it once per chunk of
  at most c rows, each call counted so); jacfwd runs the function batched once per
  input element; jacrev runs it once, then its backward vmapped once per output element: checked
  after the forward, rows x the largest tensor the function made (and the inputs), before the
  backward runs. Nested transforms multiply.
- What cannot be checked inside is refused by name: backward(), torch.autograd.grad (but inside vmaps
  alone: lang/grad_in_vmap.py bounds its batched backward before it runs), jacobian & co.,
  custom autograd Functions and tensor hooks (program code PyTorch would run inside its backward), and
  showing a batched tensor's text (its repr holds every row).
- A batched tensor the program keeps after the vmap ended (a global, a list, a closure) is refused at
  the call's line (lang/batch_escapes.py), as is an error raised while one lives.
"""

from __future__ import annotations

import ast
import contextlib
import math
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import torch
import torch.func as tf

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError
from autogradlab.lang import batch_escapes
from autogradlab.lang.call_work import COSTLY, check_work, node_work
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.meta_copies import to_meta

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_F = torch._C._functorch

KEPT = ("`{name}` kept a tensor batched by vmap (line {line}) in a variable, container or attribute that "
        "outlives the vmap call; outside it that tensor has no values of its own: return it from the "
        "function instead")   # messages/errors_functions.py "func_kept" is the same text


def holds_batch(tensor: torch.Tensor) -> bool:
    """A functorch tensor with a vmap batch at any of its levels (its Python shape hides rows)."""
    while _F.is_functorch_wrapped_tensor(tensor):
        if _F.is_batchedtensor(tensor):
            return True
        tensor = _F.get_unwrapped(tensor)
    return False


def depth(interp: Any) -> int:
    """torch.func transforms running now (0: none)."""
    return interp.__dict__.get("func_depth", 0)


def refuse_inside(interp: Any, construct: str) -> None:
    """Program code PyTorch would run in its own backward, or a pass the size checks cannot see."""
    if interp.__dict__.get("func_depth", 0):
        raise NotSupported(f"{construct} inside a torch.func transform (grad, vjp, jacrev, vmap, ...) is "
                           "not supported in Autograd Lab",
                           hint="call it outside the transformed function, or use the transforms alone")


class _Inside(NullHooks):
    """Nothing recorded; print() reaches the program's output; the largest tensor made is counted."""

    def __init__(self, inner: Any, sizes: Any) -> None:
        self.inner, self.peak, self.sizes = inner, 0, sizes
        self.rows = 1   # the vmap batches running now, multiplied: each result holds that many rows
        self.costly: list[tuple[str, Any, Any]] = []   # lang/call_work.py's ops, on meta copies
        self.nodes, self.graph_work = 0, 0   # ops that need a backward, and its work (jacobian_loop_work)
        # a batched transform's ops, rows x elements each, against max_graph_work (check_batched_pass)
        self.batched_work, self.batched_by = 0, ("", "")
        self.forward_levels, self.nested_work = 0, 0   # jacfwd/jacrev/jvp running now, one inside another


    def on_print(self, text: str) -> None:
        self.inner.on_print(text)

    def on_display(self, value: Any, node: Any) -> None:
        """display(x) inside the transformed function shows as print() writes (display_calls.py gives the
        text of a wrapped tensor here, made now); it was dropped (red team, session 41)."""
        self.inner.on_display(value, node)

    def on_op(self, op: str, args: Any, kwargs: Any, result: Any, node: Any, in_function: Any) -> None:
        for t in (result if isinstance(result, (tuple, list)) else (result,)):
            if isinstance(t, torch.Tensor):
                elements = math.prod(t.shape)
                self.peak = max(self.peak, elements)
                if self.rows > 1:   # the running total counted one row (calls.call_sized): add the others
                    self.sizes.total_elements += (self.rows - 1) * elements
                    self._count_batched(elements)
                if self.forward_levels > 2:
                    self._count_nested(elements)
                # never t.grad_fn: a Python object for each node made freeing a deep chain recurse (SIGSEGV)
                if t.requires_grad:
                    self.nodes += 1
                    self.graph_work += node_work(elements)
        if op in COSTLY:   # jacrev runs its backward once per output element: checked again then
            self.costly.append((op, to_meta(list(args)), {k: to_meta(v) for k, v in kwargs.items()}))


    def _count_batched(self, elements: int) -> None:
        """jacfwd/hessian of 2,000 ops on 2,000 inputs ran each op on 2,000 rows (4M elements, ~20 ms):
        the soft time limit was the only stop. Each op counts node_work(rows x elements)."""
        from autogradlab.engine.jacobian_loop_work import check_batched_pass
        self.batched_work += node_work(self.rows * elements)
        check_batched_pass(self.sizes.limits.max_graph_work, *self.batched_by, self.rows, self.batched_work)


    def _count_nested(self, elements: int, add: bool = True) -> None:
        """An op under k transforms jacfwd/jacrev/jvp nested (jacfwd of jacfwd, hessian of hessian: each
        hessian is two) differentiates it k times over: x.sin() cost ~4.5 times more at each jacfwd level
        here (one sin at 7 levels 1.7 s, 8: 4.1 s, 10: 60-77 s in plain PyTorch: one C++ call the time
        check never saw; 5 nested hessians of a 2-input function 11.7 s). Past two levels (a hessian), each
        op counts node_work(rows x elements) x FORWARD_NEST_WEIGHT ** (k - 2) against max_graph_work, and
        the k-th level is entered only if one op of its inputs' size fits (add False: checked, not kept)."""
        from autogradlab.engine.jacobian_loop_work import TRANSFORM_HINT
        levels, limit = self.forward_levels, self.sizes.limits.max_graph_work
        work = self.nested_work + node_work(self.rows * elements) * FORWARD_NEST_WEIGHT ** (levels - 2)
        if add:
            self.nested_work = work
        if work > limit:
            raise LimitExceeded(f"{levels} transforms (jacfwd, jacrev, jvp; a hessian is two) nested in each "
                                f"other differentiate each operation {levels} times over: the operations "
                                f"come to about {work:,} arithmetic steps; the limit is {limit:,}",
                                hint=TRANSFORM_HINT)


DRAWN = ("jacrev", "jacfwd", "vmap", "grad", "grad_and_value")   # transforms after_transform draws or names
FORWARD_NEST_WEIGHT = 8   # one nested forward-mode level multiplies an op's cost ~2-6 times (measured)


def _elements(value: Any) -> int:
    if isinstance(value, torch.Tensor):
        return math.prod(value.shape)
    if isinstance(value, (tuple, list)):
        return sum(_elements(v) for v in value)
    if isinstance(value, dict):
        return sum(_elements(v) for v in value.values())
    return 0


def _argnums_elements(args: list, argnums: Any) -> int:
    picked = argnums if isinstance(argnums, (tuple, list)) else (argnums,)
    return sum(_elements(args[k]) for k in picked if isinstance(k, int) and -len(args) <= k < len(args))


def _batch_rows(args: list, in_dims: Any) -> int:
    """The batch vmap maps over: the largest mapped size (PyTorch refuses unequal ones first)."""
    sizes = [1]

    def walk(value: Any, dim: Any) -> None:
        if dim is None:
            return
        if isinstance(value, torch.Tensor) and isinstance(dim, int):
            if -value.dim() <= dim < value.dim():
                sizes.append(value.shape[dim])
        elif isinstance(value, (tuple, list)):
            dims = dim if isinstance(dim, (tuple, list)) else [dim] * len(value)
            for v, d in zip(value, dims, strict=False):
                walk(v, d)
        elif isinstance(value, dict):   # in_dims={"x": 0, "y": None} for a dict argument (vmap's docs)
            for key, v in value.items():
                walk(v, dim.get(key) if isinstance(dim, dict) else dim)
    walk(list(args), in_dims if isinstance(in_dims, (tuple, list)) else [in_dims] * len(args))
    return max(sizes)


@contextlib.contextmanager
def _batched(interp: Any, rows: int) -> Iterator[None]:
    if rows <= 1:
        yield
        return
    from autogradlab.engine.jacobian_passes import batched_sizes
    with batched_sizes(interp.sizes, rows):
        yield


# vmap(grad(f)): functorch's batched backward ran ~8x slower per element than jacrev's here (60 muls on
# 2000 x 2000: 7.9 s vs 0.95 s in plain PyTorch), so its rows count 8 times against max_graph_work.
BATCHED_GRAD_WEIGHT = 8


def _python_callable(interp: Interpreter, func: Any, node: ast.AST, hooks: _Inside, bound: list,
                     kind: str = "", chunks: tuple[int, int] | None = None) -> Any:
    """The program function as PyTorch calls it; `bound`: [jacrev/vjp, peak found, inputs, has_aux];
    `kind`: the transform (grad and grad_and_value run a backward pass after it)."""
    from autogradlab.engine.jacobian_loop_work import check_transform_work
    from autogradlab.lang.create_graph_work import check_nested_backward
    from autogradlab.lang.func_transforms import _function_name
    from autogradlab.lang.matrix_exp_backward import check_transform_backward
    backward, name = kind in ("grad", "grad_and_value"), _function_name(func)

    def call(*args: Any, **kwargs: Any) -> Any:
        before, hooks.peak = hooks.peak, 0
        costly_before, hooks.costly = hooks.costly, []
        graph_before, hooks.nodes, hooks.graph_work = (hooks.nodes, hooks.graph_work), 0, 0
        library, interp.library_depth = interp.library_depth, interp._depth + 1   # PyTorch receives `out`
        try:
            out = interp.call_value(func, list(args), kwargs, node)
        finally:
            interp.library_depth = library
            peak, hooks.peak = hooks.peak, max(before, hooks.peak)
            costly, hooks.costly = hooks.costly, costly_before + hooks.costly
            nodes, graph_work = hooks.nodes, hooks.graph_work
            hooks.nodes, hooks.graph_work = graph_before[0] + nodes, graph_before[1] + graph_work
        if backward or bound:   # grad(grad(f)): the inner backward keeps its graph (create_graph_work)
            check_nested_backward(interp, kind, out, hooks.rows)
            check_transform_backward(interp, kind, out, hooks.rows, bound)
        if backward and not bound and hooks.rows > 1:   # grad under vmap: its backward runs once per row
            transform = f"{hooks.batched_by[0] or 'vmap'}({kind})"
            check_transform_work(interp.sizes.limits.max_graph_work, transform, name, hooks.rows, nodes,
                                 graph_work, BATCHED_GRAD_WEIGHT)
        if bound:   # jacrev / vjp: the backward holds rows x what the forward made (and its inputs)
            what, _, inputs, has_aux = bound
            rows = _elements(out[0] if has_aux and isinstance(out, tuple) else out) if what == "jacrev" else 1
            bound[1] = max(peak, inputs)
            rows = max(1, rows)
            interp.sizes.check_elements(rows * bound[1], "the backward pass of jacrev" if what == "jacrev"
                                        else "vjp")
            limit, work_rows = interp.sizes.limits.max_call_work, rows * interp.sizes.work_rows
            for op, margs, mkwargs in costly:   # each costly op's backward: about its forward's work
                check_work(limit, op, margs, mkwargs, work_rows)
            # jacrev's vmapped backward pushes its rows through the whole graph (2,000 ops: 21 s)
            check_transform_work(interp.sizes.limits.max_graph_work, what, name, work_rows, nodes, graph_work)
        if chunks:   # vmap(chunk_size=c): PyTorch joins the chunks' outputs into one of all the B rows;
            whole, chunk = chunks   # the sizes count c rows here (batched_sizes): B / c per element,
            interp.sizes.check_elements(-(-_elements(out) * whole // chunk), "vmap")   # rounded up
        return out
    return call


def running(interp: Interpreter, transformed: Any, args: list, kwargs: dict, node: ast.AST,
            record: bool = True) -> Any:
    """Call PyTorch's transform of the program function on `args`; returns what PyTorch returns.
    `record`: the result recorded as one op of the line (linearize records its trace itself)."""
    from autogradlab.lang.calls import has_tensor, require_data, wrap_result
    from autogradlab.lang.func_transforms import VjpFunction, VjpResult

    kind, options = transformed.kind, transformed.options
    from autogradlab.lang.forward_ad import NESTED, inside_level, refuse_in_level
    if kind in ("jvp", "jacfwd") and inside_level(interp):   # PyTorch's jvp opens a dual level first
        raise transform_error(RuntimeError(NESTED), kind, [])
    refuse_in_level(interp, f"`torch.func.{kind}`")
    if not depth(interp):   # functorch's one-time set-up is not the program's time (engine/jacobian.py)
        from autogradlab.engine.jacobian import warm_func
        interp.sizes.warm_up_s += warm_func()
    started = time.perf_counter()   # (after it: the Jacobian page showed a first grad(f)(x) "1265.9 ms")
    outer = interp.hooks
    hooks = outer if isinstance(outer, _Inside) else _Inside(outer, interp.sizes)
    rows, chunks = 1, None
    if kind == "vmap":
        rows = _batch_rows(args, options.get("in_dims", 0))
        chunk = options.get("chunk_size")   # PyTorch calls the function once per chunk of rows
        if type(chunk) is int and 0 < chunk < rows:
            rows, chunks = chunk, (rows, chunk)
    elif kind == "jacfwd":   # also hessian's outer transform (lang/func_transforms.py)
        rows = _argnums_elements(args, options.get("argnums", 0))
    bound: list = []
    if kind in ("jacrev", "vjp"):   # [kind, peak, elements of the inputs differentiated, has_aux]
        inputs = _argnums_elements(args, options.get("argnums", 0)) if kind == "jacrev" else _elements(args)
        bound = [kind, 0, inputs, bool(options.get("has_aux"))]
    python_func = _python_callable(interp, transformed.func, node, hooks, bound, kind, chunks)
    begin, failure, result = batch_escapes.start(interp), None, None
    made = batch_escapes.made_of(interp)
    interp.func_depth = depth(interp) + 1
    kinds = interp.__dict__.setdefault("func_kinds", [])   # lang/grad_in_vmap.py: vmaps only?
    kinds.append(kind)
    interp.hooks = hooks
    rows_before, hooks.rows = hooks.rows, hooks.rows * rows
    forward = kind in ("jacfwd", "jacrev", "jvp")   # grad/vjp nested: create_graph_work's charges
    hooks.forward_levels += forward
    if forward and hooks.forward_levels > 2:
        try:   # before PyTorch runs: one op on these inputs at this nesting must fit
            hooks._count_nested(max(1, _elements(args)), add=False)
        except ProgramError:
            hooks.forward_levels -= 1
            raise
    batched_by = hooks.batched_by
    if rows > 1:
        hooks.batched_by = (kind, _name(transformed))
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_batched(interp, rows))
            if kind in ("vmap", "jacfwd"):
                where = (_name(transformed), interp.board)
                stack.enter_context(batch_escapes.Tracking(made, where, holds_batch))
            if kind == "vjp":
                result = tf.vjp(python_func, *args, **options)
            elif kind == "jvp":
                result = tf.jvp(python_func, *args, **options)
            else:
                result = transformed.torch_transform(python_func)(*args, **kwargs)
    except ProgramError as err:
        failure = err
    except Exception as exc:  # noqa: BLE001 - every torch failure becomes a ProgramError
        failure = transform_error(exc, kind, args)
    finally:
        hooks.rows, hooks.batched_by = rows_before, batched_by
        hooks.forward_levels -= forward
        interp.hooks = outer
        interp.func_depth -= 1
        kinds.pop()
    if failure is not None:
        batch_escapes.check(interp, begin, error=failure, message=KEPT)
        raise failure
    batch_escapes.check(interp, begin, result, message=KEPT)
    if kind == "vjp":
        result = VjpResult((result[0], VjpFunction(result[1], bound[1]), *result[2:]))
        require_data(result[0], "as the output of vjp")
        require_data(tuple(result[2:]), "as the aux output of vjp")
    else:
        require_data(result, f"as the result of {kind}")
        result = wrap_result(result, kind)
    interp.sizes.add_result(result if kind != "vjp" else (result[0], *result[2:]))
    if record and has_tensor(result) and not depth(interp):
        interp.record_op(f"func.{kind}", list(args), kwargs, result, node)
    if record and not depth(interp) and kind in DRAWN:   # the Jacobian page draws
        from autogradlab.engine.func_jacobian_call import after_transform  # it (or names it)
        after_transform(interp, transformed, args, kwargs, result, node, time.perf_counter() - started)
    return result


def call_vjp_fn(interp: Interpreter, fn: Any, args: list, kwargs: dict, node: ast.AST) -> Any:
    """vjp_fn(cotangents): PyTorch's backward of the recorded forward, bounded by its inputs' and
    largest tensor's size (times the rows of a vmap it runs in)."""
    from autogradlab.lang.calls import has_tensor, require_data, wrap_result

    for value in (*args, *kwargs.values()):
        require_data(value, "in a call of vjp_fn")
    for name in kwargs:
        raise NotSupported(f"`vjp_fn(..., {name}=...)` is not supported in Autograd Lab",
                           hint="pass the cotangents to vjp_fn as positional arguments")
    interp.sizes.check_elements(max(1, fn.bound), "vjp_fn")
    try:
        result = fn.torch_fn(*args)
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise transform_error(exc, "vjp_fn", args) from None
    result = wrap_result(result, "vjp_fn")
    interp.sizes.add_result(result)
    if has_tensor(result) and not depth(interp):
        interp.record_op("func.vjp_fn", list(args), {}, result, node)
    return result


def _name(transformed: Any) -> str:
    from autogradlab.lang.func_transforms import _function_name
    return _function_name(transformed.func)


def transform_error(exc: BaseException, kind: str, args: list) -> ProgramError:
    from autogradlab.lang.call_errors import translate_torch_error
    if isinstance(exc, (LimitExceeded,)):
        return exc
    error = translate_torch_error(exc, kind, args)
    error.__suppress_context__ = True
    return error

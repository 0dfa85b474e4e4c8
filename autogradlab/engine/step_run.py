"""What run_program does differently when a run asks for steps (StepOptions).

A StepSession wraps the Recorder in StepHooks (reverse steps are observed during the run), runs a
bare expression with free names as expression mode (the names become leaves requiring grad, the
expression's value is backwarded), runs backward on the output when asked and none reached it,
and after the graph is built turns it all into a StepTrace (steps.py), running the program a second
time in forward mode for the tangents (tangent_run.py) within what is left of the time limit.
"""

from __future__ import annotations

import ast
import time
from dataclasses import replace
from typing import Any

import torch

from autogradlab.engine.step_hooks import StepHooks
from autogradlab.errors import ProgramValueError
from autogradlab.free_names import MODULE_NAMES, free_names, modules_used
from autogradlab.limits import Limits
from autogradlab.report import Graph
from autogradlab.step_records import StepOptions, StepTrace

VALUE_MAX_ELEMENTS = 100_000       # one free name's value in expression mode
TANGENT_TIME_SHARE = 0.8           # of limits.timeout_s: the tangent run's own soft deadline (a run's)
TANGENT_END_SHARE = 1.4            # of limits.timeout_s after the Steps run's start: the tangent run ends by
                                   # then; the rest, to the job's hard limit (limits.STEPS_JOB_TIME_FACTOR,
                                   # 1.8), builds the steps (at most ~0.5 s measured on a loaded machine)
EXPRESSION_TEXT_MAX = 40


def _value_tensor(name: str, value: Any) -> torch.Tensor:
    try:
        tensor = torch.tensor(1.0 if value is None else value, dtype=torch.float32)
    except Exception:  # noqa: BLE001 - text, ragged lists, huge ints
        raise ProgramValueError(f"the value of {name} must be a number or a nested list of numbers") from None
    if tensor.numel() > VALUE_MAX_ELEMENTS:
        raise ProgramValueError(f"the value of {name} has {tensor.numel():,} numbers; the limit is "
                                f"{VALUE_MAX_ELEMENTS:,}")
    return tensor.requires_grad_(True)


class StepSession:
    def __init__(self, options: StepOptions, recorder: Any, *, seed: int, limits: Limits) -> None:
        self.options = options
        self.recorder = recorder
        # Steps pair every op of the output's graph with its record: keep them all (up to max_ops),
        # not only the last window of a long loop that a plain run keeps.
        recorder.trace.window = max(recorder.trace.window, limits.max_ops)
        self.hooks = StepHooks(recorder)
        self.seed = seed
        self.limits = limits
        self.started = time.perf_counter()
        self.names: tuple[str, ...] = ()
        self.tree: Any = None
        self.program = ""
        self.synthetic = False
        self.notes: list[str] = []

    # ---- before the run ---------------------------------------------------------------------
    def parsed(self, tree: Any, program: str) -> None:
        self.tree, self.program = tree, program
        one_expression = len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr)
        if self.options.expression and one_expression:
            self.names = free_names(program)

    def preset(self, interpreter: Any) -> None:
        """Expression mode: bind the modules it names and a leaf per free name. Called right before
        each run, so the time budget counts from where the interpreter's own deadline does."""
        if interpreter.hooks is self.hooks:
            self.started = time.perf_counter()
        if not self.names:
            return
        from autogradlab.lang.namespaces import resolve_import

        node = self.tree.body[0]
        for module in modules_used(self.program):
            interpreter.scope.set(module, resolve_import(MODULE_NAMES[module]))
        values = dict(self.options.values)
        for name in self.names:
            leaf = _value_tensor(name, values.get(name))
            interpreter.assign(ast.Name(id=name, ctx=ast.Store()), leaf, node)

    # ---- after the run ----------------------------------------------------------------------
    def finish_expression(self) -> None:
        """Expression mode: backward on the expression's value (with ones when not a scalar)."""
        if not self.names:
            return
        node = self.tree.body[0]
        value = self.hooks.displayed[-1] if self.hooks.displayed else None
        shown = ", ".join(self.names)
        if not isinstance(value, torch.Tensor) or not value.requires_grad:
            self.notes.append(f"expression mode: {shown} became leaves, but the expression's value does not "
                              "depend on them through tensors, so there is nothing to backward")
            return
        text = ast.unparse(node.value)
        self.recorder.last_backward_text = text if len(text) <= EXPRESSION_TEXT_MAX else text[:39] + "…"
        self._backward(value, node)
        self.notes.append(f"expression mode: {shown} {'is a leaf' if len(self.names) == 1 else 'are leaves'} "
                          "(requires_grad=True) and backward() ran on the expression"
                          + ("" if value.numel() == 1 else
                             "; it is not a scalar, so with gradient = ones "
                             "(the same as backward of its sum)"))

    def ensure_backward(self, output: torch.Tensor | None) -> None:
        """backward_if_missing: run backward on the output when no backward() reached it."""
        if (not self.options.backward_if_missing or output is None or output.grad_fn is None
                or self.hooks.last_log_reaching(id(output.grad_fn)) is not None):
            return
        node = ast.Expr(value=ast.Constant(None))   # no line: the program has no such statement
        try:
            self._backward(output, node)
        except Exception as exc:  # noqa: BLE001 - e.g. the graph was freed by an earlier backward
            self.recorder.grads.abort()
            if "backward through the graph a second time" in str(exc):   # PyTorch's text, cut mid-sentence
                from autogradlab import messages
                self.notes.append(messages.text("en", "notes.ensure_freed"))
                return
            self.notes.append(f"backward on the output could not run ({type(exc).__name__}): "
                              f"{str(exc).splitlines()[0][:200] if str(exc) else ''}")
            return
        self.notes.append("this program has no backward() that reaches the output: the reverse steps are of "
                          + ("output.backward()" if output.numel() == 1 else
                             "output.backward(gradient=ones), the same as output.sum().backward()")
                          + ", run by Autograd Lab")

    def _backward(self, value: torch.Tensor, node: ast.AST) -> None:
        gradient = None if value.numel() == 1 else torch.ones_like(value)
        self.hooks.before_backward(value, gradient, node)
        value.backward(gradient)
        self.hooks.after_backward(value, node)
        self.synthetic = True

    # ---- the trace --------------------------------------------------------------------------
    def trace(self, output: torch.Tensor | None, graph: Graph | None,
              error_line: int | None = None, order: list[Any] | None = None) -> StepTrace | None:
        """`order`: the walk the graph was built from (walk_graph(output.grad_fn).order), if known."""
        from autogradlab.engine.steps import build_steps
        from autogradlab.engine.tangent_run import run_tangents

        if output is None or graph is None:
            return None

        def tangents(direction: dict[str, torch.Tensor], wanted: set[int],
                     made: dict[int, list[tuple[str, int, bool]]] | None = None, start: int = 0) -> Any:
            budget = min(TANGENT_TIME_SHARE * self.limits.timeout_s,
                         TANGENT_END_SHARE * self.limits.timeout_s - (time.perf_counter() - self.started))
            if budget < 0.1:
                from autogradlab import messages
                from autogradlab.engine.tangent_run import TangentRun
                return TangentRun(error=messages.text("en", "notes.tangent_no_time"))
            limits = replace(self.limits, timeout_s=budget / 0.8)
            return run_tangents(self.tree, self.program, seed=self.seed, limits=limits, direction=direction,
                                wanted=wanted, preset=self.preset, made=made, start=start)

        return build_steps(output, graph, self.recorder, self.hooks, self.options,
                           tangents if self.tree is not None else None, synthetic=self.synthetic,
                           notes=tuple(self.notes), error_line=error_line, order=order)

"""What the interpreter tells the engine while a program runs.

The interpreter (lang/) knows the language and calls these methods; the engine (engine/) records
the op trace, binds variables to graph nodes and captures per-node gradients. Keeping this a small
protocol lets the language be tested without the engine (NullHooks) and the engine be tested with
hand-written calls.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from typing import Any, Protocol


class ProgramHooks(Protocol):
    def on_op(self, op: str, args: Sequence[Any], kwargs: Mapping[str, Any], result: Any,
              node: ast.AST, in_function: str | None) -> None:
        """After every torch function, tensor method, operator, indexing or slice assignment
        whose result (or, for in-place ops and setitem, whose target) is a tensor or a tuple of
        tensors. `op` is the forward op name ("dot", "mul", "add", "getitem", "setitem",
        "requires_grad_", ...); `node` carries lineno/col_offset."""

    def on_assign(self, name: str, value: Any, node: ast.AST, in_function: str | None) -> None:
        """After a name is bound (top level or inside a user function)."""

    def before_backward(self, tensor: Any, gradient: Any, node: ast.AST) -> None:
        """Right before tensor.backward(gradient) / torch.autograd.backward runs."""

    def after_backward(self, tensor: Any, node: ast.AST) -> None:
        """Right after a backward call returned normally."""

    def on_print(self, text: str) -> None:
        """Text print() wrote, including its end (normally a newline)."""

    def on_display(self, value: Any, node: ast.AST) -> None:
        """A bare expression statement at top level produced a value that is not None."""

    def on_loop_start(self, node: ast.AST) -> None:
        """A `for` loop that surely runs all its passes (lang/loop_skim.py) starts."""

    def on_loop(self, node: ast.AST, left: int) -> bool:
        """Before each pass of that loop: `left` passes come after this one. False: tell no more
        passes of this run of the loop (on_loop_end still comes). An int `until` (the Recorder's
        sparse window, engine/sparse_window.py): a range loop may leave untold the passes with
        left >= until while the Recorder still skims them, then calls quiet_passes(left) before
        on_loop_end (compiled_range_loop.py)."""

    def on_loop_end(self, node: ast.AST) -> None:
        """That loop is over (it ran to its end, or an error or limit stopped it)."""


class NullHooks:
    def on_op(self, op, args, kwargs, result, node, in_function):  # noqa: D102
        pass

    def on_assign(self, name, value, node, in_function):  # noqa: D102
        pass

    def on_number(self, name, value, node, line):  # noqa: D102 - on_assign's short way for numbers
        pass

    def before_backward(self, tensor, gradient, node):  # noqa: D102
        pass

    def after_backward(self, tensor, node):  # noqa: D102
        pass

    def on_print(self, text):  # noqa: D102
        pass

    def on_display(self, value, node):  # noqa: D102
        pass

    def on_loop_start(self, node):  # noqa: D102
        pass

    def on_loop(self, node, left):  # noqa: D102
        return False

    def on_loop_end(self, node):  # noqa: D102
        pass

    def after_grad(self, inputs, result, node):
        """Called after a torch.autograd.grad only when the hooks have `before_grad` (the Steps run's:
        lang/specials.py), which these lack on purpose: here so that every hook the language calls exists."""

    def on_memory(self, kind, tensor):
        """Optional for hooks (calls.notify_memory looks it up), here so that a muted pass (a jacobian's
        extra passes, bench/loop_layers' language alone) does not raise and catch an AttributeError at
        every `w.grad` read and in-place write: ~5% of mlp_manual's language-alone time."""

"""A plotting call made as a statement (`plt.plot(x, y)`, `plt.xlabel("x")`, `plt.show()`): its arguments
run, as in Python, the call is skipped, and the run's notes name its line (engine/run.py).

A lesson pasted with its plots stopped at its first one ("plotting is not available ...; the lines before
this one ran"), so nothing after it ran: most plotting lines are such statements, whose value nobody
keeps. Only a call of a member of a matplotlib module the program imported (`plt.<name>(...)` with `plt`
bound to the Namespace of `matplotlib` or `matplotlib.pyplot`) is skipped; anything that keeps a plotting
value (`fig, ax = plt.subplots()`, `line = plt.plot(...)`) or calls a method of one still stops there
with the plotting refusal (lang/attribute_errors.py). Nothing of matplotlib runs: the engine has none.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.lang.safe_values import Namespace

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_NOTED_LINES = 20   # lines the note names (a plotting loop's line once)
NOT_MODULE = True   # skip's short answer for a name its scope holds bound to no module (tests compare)


def plotting_call(node: ast.Expr) -> ast.Call | None:
    """The call of `name.member(...)` a statement is, else None (the static half of the test)."""
    call = node.value
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
            and isinstance(call.func.value, ast.Name):
        return call
    return None


def is_plotting(value: Any) -> bool:
    return type(value) is Namespace and value.qualname.split(".")[0] == "matplotlib"


def skipper(interp: Interpreter, call: ast.Call, compile_expression: Callable) -> Callable[[], bool]:
    """A closure that, when the call's base is a matplotlib module, runs the arguments, notes the line
    and answers True (the statement is done); else False (the statement runs as before)."""
    name = call.func.value.id
    if _spread(call):   # `plt.plot(*points)`: the generic call's `*`/`**` (a generator consumed, a TypeError)
        parts = [lambda: interp._arguments(call)]
    else:
        parts = [compile_expression(interp, a) for a in call.args]
        parts += [compile_expression(interp, k.value) for k in call.keywords]
    line, member = call.lineno, call.func.attr

    def skip() -> bool:
        values = interp.scope.vars
        if NOT_MODULE and name in values and type(values[name]) is not Namespace:
            return False   # `losses.append(x)`, `layer.step(lr)`: lookup's first answer, no module (issue 9)
        try:
            base = interp.lookup(name)
        except Exception:   # noqa: BLE001 - an unbound name: the statement raises it as before
            return False
        if not is_plotting(base):
            return False
        for part in parts:
            part()
        note_skipped(interp, line, f"{base.qualname}.{member}")
        return True
    return skip


def _spread(call: ast.Call) -> bool:
    return any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords)


def skips(interp: Interpreter, call: ast.Call) -> bool:
    """The generic interpreter's test (statements._expr_stmt): the same as skipper's closure."""
    try:
        base = interp.lookup(call.func.value.id)
    except Exception:   # noqa: BLE001
        return False
    if not is_plotting(base):
        return False
    interp._arguments(call)   # as any call's: `*items` iterated, `**options` a mapping of str keys
    note_skipped(interp, call.lineno, f"{base.qualname}.{call.func.attr}")
    return True


def note_skipped(interp: Interpreter, line: int, name: str) -> None:
    skipped = interp.__dict__.setdefault("skipped_plots", {})
    if line not in skipped and len(skipped) < MAX_NOTED_LINES:
        skipped[line] = name


def plot_notes(interp: Any) -> list[str]:
    """The run's note on the lines whose plotting calls were skipped (engine/run.py), or none."""
    from autogradlab import messages

    lines = sorted(getattr(interp, "__dict__", {}).get("skipped_plots") or {})
    if not lines:
        return []
    if len(lines) == 1:
        return [messages.text("en", "notes.plot_skipped_one", line=lines[0])]
    return [messages.text("en", "notes.plot_skipped", lines=", ".join(str(n) for n in lines))]

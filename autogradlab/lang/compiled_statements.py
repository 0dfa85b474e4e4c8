"""Statements compiled into closures (issue 9; read compiled.py's docstring first).

One function per statement type, each doing what StatementsMixin's handler does for its node, in
the same order, through the same checked calls. compiled.compile_statement adds the node's step and
error position (an assignment folds them into its own closure: one Python call less per statement).
Loops charge every iteration before its body runs, as the generic handlers do.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang import plot_calls, tensor_sites
from autogradlab.lang.attribute_returns import returned_value
from autogradlab.lang.compiled_expressions import (
    _FLOAT_PAIRS,
    _INT_PAIR,
    _LINEAR_OPS,
    Run,
    _name,
    compile_expression,
    small_ints,
)
from autogradlab.lang.compiled_range_loop import range_loop
from autogradlab.lang.compiled_targets import augmented_target, binder
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.iterators import SequenceIterator
from autogradlab.lang.loop_skim import known_length, loop_hooks
from autogradlab.lang.operators import BINARY, python_error
from autogradlab.lang.plain_classes import RETURNABLE
from autogradlab.lang.safe_values import ATOM_TYPES, Namespace, is_data, is_storable
from autogradlab.lang.statements import BreakLoop, ContinueLoop, ReturnValue
from autogradlab.lang.stored_objects import display_value
from autogradlab.sandbox_position import pack

UNWRAPPED = True   # a for loop reads a SequenceIterator's own iterator (tests compare with it off)
LIST_LOOPS = True   # a for loop over a storable list takes it at once (session 42; tests compare with it off)
CALL_STATEMENTS = True   # positioned_call_statement (session 44; tests compare with it off)

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_CONTROL = (BreakLoop, ContinueLoop, ReturnValue)


def block(interp: Interpreter, body: list[ast.stmt]) -> list[Run]:
    """The block's statements compiled once per run (Interpreter.exec_block's cache): a statement
    that keeps two forms of itself (compiled_number_statements.py) shares its branches."""
    from autogradlab.lang.compiled import compile_block

    compiled = interp._blocks.get(id(body))
    if compiled is None or compiled[0] is not body:
        compiled = interp._blocks[id(body)] = (body, compile_block(interp, body))
    return compiled[1]


def positioned_statement(interp: Interpreter, node: ast.stmt, work: Run) -> Run:
    """compiled_expressions._positioned for a statement: also publishes where the program is
    (sandbox_position: the hard time limit's kill then names this statement)."""
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)

    def run() -> Any:
        board[0] = spot
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            return work()
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def positioned_pair(interp: Interpreter, node: ast.stmt, first: Run, then: Callable[[Any], Any]) -> Run:
    """positioned_statement(node, lambda: then(first())) without the lambda."""
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)

    def run() -> Any:
        board[0] = spot
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            return then(first())
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def expr_statement(interp: Interpreter, node: ast.Expr) -> Run:
    value_of = compile_expression(interp, node.value)
    call = plot_calls.plotting_call(node)   # `plt.plot(...)`: its arguments run, the call is skipped
    if call is not None:
        skip, shown = plot_calls.skipper(interp, call, compile_expression), expr_work(interp, node, value_of)
        name = call.func.value.id

        def plotted() -> Any:
            values = interp.scope.vars   # skip's first answer, inline (`layer.step(lr)`: no module)
            if name in values and type(values[name]) is not Namespace and plot_calls.NOT_MODULE:
                return shown()
            return None if skip() else shown()
        return plotted
    return expr_work(interp, node, value_of)


def positioned_call_statement(interp: Interpreter, node: ast.Expr) -> Run | None:
    """positioned_statement(node, expr_statement(node)) for a statement `name.member(...)` (`layer.step(lr)`,
    `losses.append(loss)`, `plt.plot(...)`) in one closure: the statement's position and step, then
    plotted's test and work, in the same try (session 44: one Python call less on every such statement).
    None for any other statement (or with the switch off)."""
    call = plot_calls.plotting_call(node)
    if call is None or not CALL_STATEMENTS:
        return None
    value_of = compile_expression(interp, node.value)
    skip, shown = plot_calls.skipper(interp, call, compile_expression), expr_work(interp, node, value_of)
    name = call.func.value.id
    line, column = node.lineno, node.col_offset + 1
    board, spot = interp.board, pack(line, column)

    def run() -> Any:
        board[0] = spot
        interp._steps += 1
        if interp._steps > interp._max_steps or interp._steps % 32 == 0:
            interp._steps -= 1
            interp._tick()
        try:
            values = interp.scope.vars   # plotted's, inline
            if name in values and type(values[name]) is not Namespace and plot_calls.NOT_MODULE:
                return shown()
            return None if skip() else shown()
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run


def expr_work(interp: Interpreter, node: ast.Expr, value_of: Run) -> Run:
    if id(node) not in interp.top_level:
        return value_of

    def work() -> None:
        value = value_of()
        if value is not None:
            if is_data(value):
                interp.hooks.on_display(value, node)
            elif (shown := display_value(interp, value)) is not None:   # lang/stored_objects.py
                interp.hooks.on_display(shown, node)
    return work


def assign_pair(interp: Interpreter, node: ast.Assign) -> tuple[Run, Callable[[Any], None]] | None:
    """(value, bind) of a one-target assignment, for positioned_pair; None for several targets."""
    if len(node.targets) != 1:
        return None
    return compile_expression(interp, node.value), binder(interp, node.targets[0], node)


def assign(interp: Interpreter, node: ast.Assign) -> Run:
    value_of = compile_expression(interp, node.value)
    targets = node.targets
    assign_value = interp.assign

    def work() -> None:
        value = value_of()
        for target in targets:
            assign_value(target, value, node)
    return work


def augassign(interp: Interpreter, node: ast.AugAssign) -> Run | None:
    """`x op= v`, `X[i] op= v`, `x.attr op= v`; None leaves a refused form to the generic handler."""
    if type(node.op) not in BINARY:
        return None
    name, _, inplace_fn, inplace_name = BINARY[type(node.op)]
    target = node.target
    value_of = compile_expression(interp, node.value)
    if not isinstance(target, ast.Name):
        return augmented_target(interp, node, name, inplace_fn, inplace_name, value_of)

    bind = binder(interp, target, node)
    current_of = _name(interp, target.id)   # Interpreter.lookup (no step, as in the generic path)
    linear = name in _LINEAR_OPS
    site = tensor_sites.augmented_site(interp, name, inplace_fn, inplace_name, node)   # apply_binary

    def work() -> None:
        current = current_of()   # Python's order: the name's value, then the right-hand side
        value = value_of()
        kinds = (type(current), type(value))   # apply_binary's first tests, inline
        if kinds in _FLOAT_PAIRS or (linear and kinds == _INT_PAIR and small_ints(interp, current, value)):
            bind(inplace_fn(current, value))
            return
        bind(site(current, value))
    return work


def if_statement(interp: Interpreter, node: ast.If) -> Run:
    test_of, test = compile_expression(interp, node.test), node.test
    body, orelse = block(interp, node.body), block(interp, node.orelse)
    truth = interp.truth

    def work() -> None:
        value = test_of()   # truth() of a bool is the bool itself
        for statement in (body if (value if type(value) is bool else truth(value, test)) else orelse):
            statement()
    return work


def for_statement(interp: Interpreter, node: ast.For) -> Run:
    iter_of, iter_node = compile_expression(interp, node.iter), node.iter
    body, orelse = block(interp, node.body), block(interp, node.orelse)
    bind = binder(interp, node.target, node)
    target = node.target
    name = target.id if isinstance(target, ast.Name) and not target.id.startswith("__") else None

    def work() -> None:
        iterable = iter_of()
        limit = interp.limits.max_loop_iterations
        if type(iterable) is list and LIST_LOOPS and is_storable(iterable):
            # `for layer in self.layers`: loop_iterable's answer (require_storable's first), iterate's
            # (the list's own iterator) and loop_hooks' (no known length: no hooks), at once (session 42)
            items, told, on_loop, left = iterable, None, None, 0
        else:
            iterable = loop_iterable(iterable)
            if name is not None and type(iterable) is range:
                return range_loop(interp, name, node, iterable, limit, body, orelse)
            items = interp.iterate(iterable, iter_node)
            if type(items) is SequenceIterator and UNWRAPPED:   # `for x in reversed(xs)`, enumerate, zip:
                inner = items._items   # the iterator its __next__ reads, read by the loop itself (one
                if iter(inner) is inner:   # Python call less an item, issue 9)
                    items = inner
            told = loop_hooks(interp, node, known_length(iterable))
            on_loop, left = (told.on_loop, known_length(iterable)) if told is not None else (None, 0)
        try:
            for item in items:
                interp._iterations += 1   # charge_loop_iterations inline; it raises the limit's error
                if interp._iterations > limit:
                    interp._iterations -= 1
                    interp.charge_loop_iterations(1, "a for loop")
                if on_loop is not None:
                    left -= 1
                    if not on_loop(node, left):
                        on_loop = None
                bind(item)
                try:   # one pass of the body; `break` ends the loop, `continue` just the pass
                    for statement in body:
                        statement()
                except BreakLoop:
                    return
                except ContinueLoop:
                    pass
        finally:
            if told is not None:
                told.on_loop_end(node)
        for statement in orelse:
            statement()
    return work


def while_statement(interp: Interpreter, node: ast.While) -> Run:
    """StatementsMixin._while: the test through the checked truth(), every iteration charged."""
    test_of, test = compile_expression(interp, node.test), node.test
    body, orelse = block(interp, node.body), block(interp, node.orelse)
    board, spot = interp.board, pack(node.lineno, node.col_offset + 1)

    def work() -> None:
        while True:
            board[0] = spot   # the test runs here, not in the body's last statement (sandbox_position)
            value = test_of()   # truth() of a bool is the bool itself
            if not (value if type(value) is bool else interp.truth(value, test)):
                break
            interp.charge_loop_iterations(1, "a while loop")
            try:
                for statement in body:
                    statement()
            except BreakLoop:
                return
            except ContinueLoop:
                pass
        for statement in orelse:
            statement()
    return work


def return_statement(interp: Interpreter, node: ast.Return) -> Run:
    value_of = None if node.value is None else compile_expression(interp, node.value)

    def work() -> None:
        if interp.scope.function_name is None:
            raise NotSupported("`return` outside a function")
        value = None if value_of is None else value_of()
        raise ReturnValue(value if type(value) in ATOM_TYPES or isinstance(value, RETURNABLE)
                          else returned_value(interp, value))
    return work


def _pass() -> None:
    return None


def _break() -> None:
    raise BreakLoop


def _continue() -> None:
    raise ContinueLoop


SIMPLE = {ast.Pass: _pass, ast.Break: _break, ast.Continue: _continue}

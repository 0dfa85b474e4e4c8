"""Generator functions: a `def` whose body has `yield` (d2l's `data_iter`, the minibatch reader of
"linear regression from scratch").

Calling one binds its arguments as Python does and returns a ProgramGenerator; nothing of the body
runs yet. Each next() (a `for` loop, `next(g)`, `list(g)`) runs the body up to its next `yield`
and hands the value back, exactly in Python's order: the program's prints, ops and errors
interleave as they do in plain Python. The body runs in a greenlet of the same thread: one
interpreter, one step budget, one clock, torch's grad mode shared as it is with a real generator,
and only one of the program's greenlets running at any time. The interpreter's frame state (the
scope and the call depth) is swapped on every switch; a resume counts as a call against
max_call_depth. At most MAX_RUNNING generators may be started and not finished at once, and the
run closes every unfinished one when it ends (its `finally` blocks and `with` exits run, as when
Python drops a generator). `yield` is allowed only as a statement of its own inside a `def`
(lang/checker.py), so a body is only ever suspended between statements; the value sent back is
always None (no `send`).
"""

from __future__ import annotations

import ast
from functools import partial
from typing import TYPE_CHECKING, Any

import greenlet

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramValueError
from autogradlab.lang.exceptions import as_caught
from autogradlab.lang.grad_decorators import decorator_mode
from autogradlab.lang.safe_values import is_data
from autogradlab.lang.scope import Scope

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter
    from autogradlab.lang.safe_values import UserFunction

MAX_RUNNING = 100   # generators started and not finished at once (each holds a suspended stack)
_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp,
                  ast.SetComp, ast.DictComp, ast.GeneratorExp)


def has_yield(body: list[ast.stmt]) -> bool:
    """The body (not the functions or comprehensions nested in it) has a `yield`/`yield from`."""
    stack: list[ast.AST] = [s for s in body if not isinstance(s, _NESTED_SCOPES)]   # `def gen():` nested
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return True
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, _NESTED_SCOPES))
    return False


class _Body(greenlet.greenlet):
    """The greenlet a generator's body runs in. `base`: the call depth its frame counts from (the
    depth of whoever resumed it, plus one)."""

    base = 0


def _run_body(interp: Interpreter, fn: UserFunction, bound: dict[str, Any], node: ast.AST) -> tuple[str, Any]:
    """The greenlet's run: the function's body from its first statement. (A plain function of its
    arguments: the suspended frames never hold the ProgramGenerator, so dropping the last reference
    to it closes it as Python closes a dropped generator.)"""
    from autogradlab.lang.declarations import function_scope
    interp.scope = Scope(fn.closure, fn.name) if fn.declared is None else function_scope(interp, fn)
    interp._depth = greenlet.getcurrent().base
    for param, value in bound.items():
        interp.scope.set(param, value)
        interp.hooks.on_assign(param, value, node, fn.name)
    bound.clear()
    from autogradlab.lang.statements import ReturnValue  # (statements imports builtins, which import this)
    try:
        interp.exec_block(fn.body)
    except ReturnValue as returned:   # `return` ends a generator; its value is StopIteration's
        return "done", returned.value
    except ProgramError as error:   # PEP 479: a StopIteration the body raises is no end of the loop
        if getattr(error, "raised", None) is None or not issubclass(error.py_type, StopIteration):
            raise
        from autogradlab.lang.operators import python_error
        raise python_error(RuntimeError("generator raised StopIteration")) from None   # at the caller's line
    return "done", None


class ProgramGenerator:
    """What calling a generator function returns; a Python iterator for the interpreter."""

    __slots__ = ("__weakref__", "_interp", "_fn", "_bound", "_node", "_glet", "_key", "finished", "_running",
                 "_handling")

    def __init__(self, interp: Interpreter, fn: UserFunction, bound: dict[str, Any], node: ast.AST) -> None:
        self._interp = interp
        self._fn = fn
        self._bound = bound
        self._node = node
        self._glet: _Body | None = None
        self._key = 0
        self.finished = False
        self._running = False
        self._handling: list[Any] = []   # its body's `except` blocks (a bare `raise` there): its own

    @property
    def name(self) -> str:
        return self._fn.name

    def __repr__(self) -> str:
        from autogradlab.lang.function_text import function_qualname
        return f"<generator object {function_qualname(self._fn)}>"

    def __iter__(self) -> ProgramGenerator:
        return self

    def __next__(self) -> Any:
        if self.finished:
            raise StopIteration
        return self._resume(None)

    def throw(self, error: ProgramError) -> Any:
        """gen.throw(error) of a body suspended at a `yield` (contextlib.contextmanager's __exit__,
        lang/context_managers.py): the error is raised at that `yield`; the next value, or StopIteration
        when the body then ends; the error (or the body's own) raised here when it escapes the body."""
        if self.finished or self._glet is None:
            raise error
        return self._resume(error)

    def _resume(self, error: ProgramError | None) -> Any:
        interp = self._interp
        if interp._depth >= interp.limits.max_call_depth:
            raise LimitExceeded(f"functions called each other more than {interp.limits.max_call_depth} "
                                f"levels deep; the limit is {interp.limits.max_call_depth}",
                                hint="limit max_call_depth")
        if self._running:   # its own body asked for its next value (greenlet: "cyclic parent chain")
            raise ProgramValueError("generator already executing")
        glet = self._glet
        if glet is None:
            running = interp.generators
            if len(running) >= MAX_RUNNING:
                raise LimitExceeded(f"the program has more than {MAX_RUNNING} generators started and not "
                                    "finished at once",
                                    hint="let a generator run to its end before starting the next one")
            interp.generators_started += 1
            self._key = interp.generators_started
            running[self._key] = self
            glet = self._glet = _Body(partial(_run_body, interp, self._fn, self._bound, self._node))
            self._bound = {}
        caller = interp.scope, interp._depth, interp.handling
        glet.base = interp._depth + 1
        glet.parent = greenlet.getcurrent()   # where the body's end (or error) goes back to
        self._running = True
        interp.handling = self._handling
        try:
            with decorator_mode(self._fn.body):   # @torch.no_grad() over the def: only while the body runs
                kind, value = glet.switch() if error is None else glet.throw(error)
        except BaseException:
            self._end()
            raise
        finally:
            self._running = False
            interp.scope, interp._depth, interp.handling = caller
        if kind == "done":
            self._end()
            raise StopIteration if value is None or not is_data(value) else StopIteration(value)
        return value

    def close(self) -> None:
        """End a suspended body now: GreenletExit through its `finally` and `with` blocks."""
        glet = self._glet
        if glet is None or self.finished:
            self.finished = True
            return
        interp = self._interp
        caller = interp.scope, interp._depth, interp.handling
        interp.handling = self._handling
        try:
            glet.base = interp._depth + 1
            glet.parent = greenlet.getcurrent()
            with decorator_mode(self._fn.body):
                glet.throw(greenlet.GreenletExit)
        except ProgramError as error:   # the body's `finally` failed or reached a limit: the close ends it
            if as_caught(error) is None:   # Python ignores a dropped generator's error; never a limit's
                stop_with(interp, error)
        finally:
            interp.scope, interp._depth, interp.handling = caller
            self._end()

    def __del__(self) -> None:
        # Python closes a generator when the program drops it (here, too: the body's frames do
        # not refer back to this object, so only the program's own references keep it alive).
        try:
            self.close()
        except BaseException:  # noqa: BLE001 - a finaliser never raises
            pass

    def _end(self) -> None:
        self.finished = True
        self._interp.generators.pop(self._key, None)


def stop_with(interp: Interpreter, error: ProgramError) -> None:
    """A limit reached where it cannot be raised (a dropped generator's `finally`, closed by
    Python's finaliser): every later step raises it (Interpreter._tick), and so does the run's end."""
    if interp.stopped_by is None:
        interp.stopped_by = error
    interp._max_steps = -1   # every step check goes to _tick


def _suspend(interp: Interpreter, glet: _Body, value: Any) -> None:
    """Back to whoever called next(), until the next next(); the body's frame state again after."""
    scope, relative = interp.scope, interp._depth - glet.base
    try:
        glet.parent.switch(("yield", value))
    finally:   # resumed (base set by the resumer), or closed (GreenletExit)
        interp.scope, interp._depth = scope, glet.base + relative


def _body_greenlet(interp: Interpreter, refusal: str) -> _Body:
    glet = greenlet.getcurrent()
    if not isinstance(glet, _Body):   # the checker allows `yield` only inside a def
        raise NotSupported(refusal)
    return glet


def yield_value(interp: Interpreter, node: ast.Yield) -> None:
    """`yield x` as a statement (the checker allows it nowhere else)."""
    glet = _body_greenlet(interp, "`yield` outside a generator function is not supported in Autograd Lab")
    value = None if node.value is None else interp.eval(node.value)
    _suspend(interp, glet, _yielded(value))


def yield_from(interp: Interpreter, node: ast.YieldFrom) -> None:
    """`yield from iterable` as a statement: each item yielded in turn."""
    glet = _body_greenlet(interp, "`yield from` outside a generator function is not supported in "
                                  "Autograd Lab")
    for item in interp.iterate(interp.eval(node.value), node):
        _suspend(interp, glet, _yielded(item))


def _yielded(value: Any) -> Any:
    """What a generator hands out: data, an object of the program's classes, or a list of them (they
    reach only the program's own code: `for`, next(), list(); every library call still checks them)."""
    from autogradlab.lang.stored_objects import require_item
    return require_item(value, "as a yielded value")


def close_all(interp: Interpreter) -> None:
    """The run ended: close every generator left unfinished (newest first)."""
    for key in sorted(interp.generators, reverse=True):
        gen = interp.generators.get(key)
        if gen is not None:
            gen.close()

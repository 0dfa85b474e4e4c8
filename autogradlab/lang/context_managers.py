"""contextlib's managers: `@contextmanager` on a generator function (a timer, "print on the way in and
out", a manager that swallows one kind of error), `nullcontext(x)` and `suppress(KeyError, ...)`, used in
`with` beside the program's own classes (lang/with_objects.py).

As CPython's contextlib (3.11): calling the decorated function makes the generator, nothing of its body
runs; `__enter__` runs the body to its first `yield` ("generator didn't yield" when it ends first) and `as`
binds the yielded value; a body that ends normally (or by return, break, continue) resumes the generator,
which must then end ("generator didn't stop"); an exception of the body is thrown in at the `yield`: if the
generator ends, the exception is suppressed, if it raises that same exception it goes on, if it raises
another that one goes on, if it yields again "generator didn't stop after throw()". A manager is entered
once. Limits, timeouts, memory errors and refusals are no exceptions of the program (exceptions.as_caught):
they are never thrown into the generator (its try/except around `yield` never sees them) and no suppress
swallows them; the run's end closes the suspended generator as it closes any other (generators.close_all).
"""

from __future__ import annotations

import ast
import dataclasses
from typing import TYPE_CHECKING, Any

import greenlet

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.exceptions import as_caught, count_caught
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import CODE_TYPES, FunctionValue, Namespace, SafeFunction, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


class GeneratorManager:
    """What calling a `@contextmanager` function returns: the generator, entered once."""

    __slots__ = ("gen", "entered")
    type_name = "_GeneratorContextManager"

    def __init__(self, gen: Any) -> None:
        self.gen = gen
        self.entered = False

    def __repr__(self) -> str:
        return "<contextlib._GeneratorContextManager object>"


class ErrState(GeneratorManager):
    """What np.errstate(...) returns (numpy_lessons_s35.py): entered once, as NumPy's own, whose second
    __enter__ (in turn or nested) raises TypeError("Cannot enter `np.errstate` twice.")."""

    __slots__ = ()
    type_name = "errstate"
    AGAIN = "Cannot enter `np.errstate` twice."

    def __repr__(self) -> str:
        return "<numpy.errstate object>"


class NullContext:
    __slots__ = ("value",)
    type_name = "nullcontext"

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return "<contextlib.nullcontext object>"


class Suppress:
    __slots__ = ("kinds",)
    type_name = "suppress"

    def __init__(self, kinds: tuple) -> None:
        self.kinds = kinds

    def __repr__(self) -> str:
        return "<contextlib.suppress object>"


LIBRARY_MANAGERS = (GeneratorManager, NullContext, Suppress)
CODE_TYPES.extend(LIBRARY_MANAGERS)   # storable in names, lists, tuples and dict values, never data


def _contextmanager(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if kwargs or len(args) != 1:
        raise python_error(TypeError(f"contextmanager() takes 1 positional argument but {len(args)} were "
                                     "given" if not kwargs else
                                     "contextmanager() got an unexpected keyword argument "
                                     f"'{next(iter(kwargs))}'"))
    fn = args[0]
    if not isinstance(fn, UserFunction) or fn.name == "<lambda>" or not fn.generator or fn.managed:
        raise NotSupported("`contextmanager` on anything but a generator function (a `def` with `yield`) is "
                           "not supported in Autograd Lab", hint="put `yield` where the `with` body runs")
    return dataclasses.replace(fn, managed=True)


def is_contextmanager_decorated(node: ast.FunctionDef) -> bool:
    """`@contextmanager` or `@contextlib.contextmanager` alone (the def checks what the name holds)."""
    if len(node.decorator_list) != 1:
        return False
    decorator = node.decorator_list[0]
    return isinstance(decorator, ast.Name) and decorator.id == "contextmanager" or \
        isinstance(decorator, ast.Attribute) and decorator.attr == "contextmanager" \
        and isinstance(decorator.value, ast.Name) and decorator.value.id == "contextlib"


def managed_function(interp: Interpreter, fn: UserFunction, node: ast.FunctionDef) -> UserFunction:
    """The def's function decorated: contextmanager(fn), at the decorator's line as in Python; a decorator of
    the program's own that is named `contextmanager` is applied as any other (lang/decorators.py)."""
    decorator = node.decorator_list[0]
    try:
        value = interp.eval(decorator)
        if not is_contextmanager(value):
            return interp.call_value(value, [fn], {}, decorator)
        return _contextmanager(interp, [fn], {}, node)
    except ProgramError as err:
        raise err.at(decorator.lineno, decorator.col_offset) from None


def _nullcontext(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> NullContext:
    from autogradlab.lang.stored_objects import require_item
    extra = [name for name in kwargs if name != "enter_result"]
    if extra or len(args) + len(kwargs) > 1:
        raise python_error(TypeError(f"nullcontext.__init__() got an unexpected keyword argument '{extra[0]}'"
                                     if extra else "nullcontext.__init__() takes from 1 to 2 positional "
                                     f"arguments but {len(args) + 1} were given"))
    value = args[0] if args else kwargs.get("enter_result")
    return NullContext(require_item(value, "in nullcontext(...)"))


def _suppress(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Suppress:
    if kwargs:
        raise python_error(TypeError(f"suppress() got an unexpected keyword argument '{next(iter(kwargs))}'"))
    return Suppress(tuple(args))


def contextlib_namespace() -> Namespace:
    members = {"contextmanager": _contextmanager, "nullcontext": _nullcontext, "suppress": _suppress}
    return Namespace("contextlib", {name: SafeFunction(f"contextlib.{name}", impl)
                                    for name, impl in members.items()})


def is_contextmanager(value: Any) -> bool:
    return isinstance(value, SafeFunction) and not isinstance(value, FunctionValue) \
        and value.qualname == "contextlib.contextmanager"


# -- with ---------------------------------------------------------------------------------------
def enter(interp: Interpreter, manager: Any) -> Any:
    """manager.__enter__()."""
    if isinstance(manager, NullContext):
        return manager.value
    if isinstance(manager, Suppress):
        return None
    if manager.entered and isinstance(manager, ErrState):
        raise python_error(TypeError(ErrState.AGAIN))
    if manager.entered:   # CPython's __enter__ deleted its `args` on the first entry
        raise python_error(AttributeError("'_GeneratorContextManager' object has no attribute 'args'"))
    manager.entered = True
    try:
        return next(manager.gen)
    except StopIteration:
        raise python_error(RuntimeError("generator didn't yield")) from None


def exit_normally(interp: Interpreter, manager: Any, left: BaseException | None) -> None:
    """__exit__(None, None, None): the body ended, or return/break/continue left it (left: that signal;
    a GreenletExit when the generator running this `with` is closed: CPython throws GeneratorExit in)."""
    if not isinstance(manager, GeneratorManager):
        return
    if isinstance(left, greenlet.GreenletExit):
        manager.gen.close()
        return
    try:
        next(manager.gen)
    except StopIteration:
        return
    raise python_error(RuntimeError("generator didn't stop"))


def exit_with_error(interp: Interpreter, manager: Any, error: ProgramError, caught: Any) -> bool:
    """__exit__(type, value, traceback) of a program's exception: whether it is suppressed. An error the
    generator raises instead propagates from here."""
    if isinstance(manager, NullContext):
        return False
    if isinstance(manager, Suppress):   # CPython: issubclass(exctype, self._exceptions)
        from autogradlab.lang.subclass_checks import is_subclass
        from autogradlab.lang.with_objects import _type_of
        return is_subclass(interp, [_type_of(caught), manager.kinds], {}, None)
    try:
        manager.gen.throw(error)
    except StopIteration:   # the generator caught it and ended
        return True
    except ProgramError as raised:
        if raised is error:
            return False
        raise
    raise python_error(RuntimeError("generator didn't stop after throw()"))


def run_library_manager(interp: Interpreter, manager: Any, item: ast.withitem, rest: Any) -> None:
    """`with manager as x:` where manager is one of LIBRARY_MANAGERS; rest() runs what is inside."""
    value = enter(interp, manager)
    try:
        if item.optional_vars is not None:
            interp.assign(item.optional_vars, value, item)
        rest()
    except ProgramError as error:
        caught = as_caught(error)
        if caught is None:   # a limit, a timeout, a refusal: the program ends here, no __exit__ runs
            raise
        if not exit_with_error(interp, manager, error, caught):
            raise
        if getattr(error, "raised", None) is None and not isinstance(manager, GeneratorManager):
            count_caught(interp)   # suppressed: a caught error (a generator's `except` has counted its own)
        return
    except Exception:   # not the program's own error (none should get here): no __exit__ either
        raise
    except BaseException as left:   # return/break/continue leaving the block, a generator closed
        exit_normally(interp, manager, left)
        raise
    exit_normally(interp, manager, None)

"""`with` on the program's own objects: a class defining `__enter__` and `__exit__` (a timer, a
"print on the way in and out" helper, a manager that swallows one kind of error), beside the grad-mode
managers of lang/grad_managers.py, items entered left to right and left in reverse as Python does.

As CPython: the manager expression is evaluated, both methods looked up (Python's TypeError when one is
missing), `__enter__()`'s result bound by `as`, the body run, then `__exit__(type, value, traceback)`
called with the caught exception (None, None, None when the body ends normally or by return, break or
continue); a true result suppresses the exception. Limits, timeouts, memory errors and refusals are not
exceptions of the program (lang/exceptions.as_caught): no `__exit__` sees or suppresses them, as no
`except` or `finally` does (lang/exceptions.run_try).
"""

from __future__ import annotations

import ast
import contextlib
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramError
from autogradlab.lang.context_managers import LIBRARY_MANAGERS, run_library_manager
from autogradlab.lang.data_wrappers import SafeGradMode, TracebackStandIn
from autogradlab.lang.exceptions import as_caught, count_caught
from autogradlab.lang.grad_manager_forms import grad_manager_of
from autogradlab.lang.grad_managers import enter_item
from autogradlab.lang.numpy_flat import NDIter
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, ProgramObject, dunder
from autogradlab.lang.safe_values import Namespace, SafeException, type_text
from autogradlab.lang.saved_tensor_hooks import SavedTensorsHooks

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


TRACEBACK = TracebackStandIn()


def run_with(interp: Interpreter, items: list[ast.withitem], body: Any, first: int = 0) -> None:
    """`with item, ...:` from items[first] on, then body()."""
    if first == len(items):
        body()
        return
    item = items[first]
    if grad_manager_of(item) is not None:   # torch.no_grad() and friends: PyTorch's own managers
        with contextlib.ExitStack() as stack:
            enter_item(interp, stack, item.context_expr)
            run_with(interp, items, body, first + 1)
        return
    manager = interp.eval(item.context_expr)
    if type(manager) is NDIter:   # with np.nditer(a, op_flags=['readwrite']) as it: (numpy_flat.py): its
        if item.optional_vars is not None:   # writes are the array's at once (no buffering): nothing to
            interp.assign(item.optional_vars, manager, item)   # resolve at the end
        run_with(interp, items, body, first + 1)
        return
    if type(manager) is SavedTensorsHooks:   # torch.autograd.graph.saved_tensors_hooks (saved_tensor_hooks)
        with manager.entered(interp):
            if item.optional_vars is not None:   # `as h`: None, as PyTorch's __enter__ gives
                interp.assign(item.optional_vars, None, item)
            run_with(interp, items, body, first + 1)
        return
    if isinstance(manager, LIBRARY_MANAGERS):   # contextlib's: @contextmanager, nullcontext, suppress
        run_library_manager(interp, manager, item, lambda: run_with(interp, items, body, first + 1))
        return
    _check_protocol(manager)
    value = dunder(interp, manager, "__enter__", [], {}, item, None)
    try:
        if item.optional_vars is not None:
            interp.assign(item.optional_vars, value, item)
        run_with(interp, items, body, first + 1)
    except ProgramError as error:
        caught = as_caught(error)
        if caught is None:   # a limit, a timeout, a refusal: the program ends here, no __exit__ runs
            raise
        if not _exit(interp, manager, item, (_type_of(caught), caught, TRACEBACK), error):
            raise
        if getattr(error, "raised", None) is None:   # suppressed: counted as a caught error
            count_caught(interp)
        return
    except Exception:   # not the program's own error (none should get here): no __exit__ either
        raise
    except BaseException:   # return/break/continue leaving the block, a generator closed: exit, no error
        _exit(interp, manager, item, (None, None, None), None)
        raise
    _exit(interp, manager, item, (None, None, None), None)


def _check_protocol(manager: Any) -> None:
    """Python's TypeError for a value without __enter__ (or without __exit__)."""
    if not isinstance(manager, ProgramObject):
        if isinstance(manager, SafeGradMode):   # `m = torch.set_grad_enabled(False)`, then `with m:`
            raise NotSupported("`with` on a value of torch.set_grad_enabled(...) is not supported in "
                               "Autograd Lab",
                               hint="write `with torch.set_grad_enabled(...):`")
        name = "module" if isinstance(manager, Namespace) else type_text(manager).removeprefix("torch.")
        raise python_error(TypeError(f"'{name}' object does not support the context manager "
                                     "protocol"))
    has = [(found := manager.cls.find(name)) is not None and found[1] == METHOD
           for name in ("__enter__", "__exit__")]
    if not has[0]:
        raise python_error(TypeError(f"'{manager.cls.name}' object does not support the context manager "
                                     "protocol"))
    if not has[1]:
        raise python_error(TypeError(f"'{manager.cls.name}' object does not support the context manager "
                                     "protocol (missed __exit__ method)"))


def _type_of(caught: Any) -> Any:
    if isinstance(caught, SafeException):
        from autogradlab.lang.builtins import type_of
        return type_of(caught)
    return caught.cls


def _exit(interp: Interpreter, manager: ProgramObject, item: ast.withitem, args: tuple,
          error: ProgramError | None) -> bool:
    """manager.__exit__(*args); whether it asks to suppress the error. While it runs, the error is the one
    being handled (a bare `raise` inside raises it again, as in Python)."""
    handling = interp.handling
    if error is not None:
        handling.append(error)
    try:
        result = dunder(interp, manager, "__exit__", list(args), {}, item, None)
    finally:
        if error is not None:
            handling.pop()
    return error is not None and interp.truth(result, item)

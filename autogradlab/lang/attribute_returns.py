"""What a function may return: data, objects of the program's classes, and functions (issue 9, session 27:
closures and function factories, `def make(a): def f(x): return a * x; return f`, a decorator's wrapper).

A returned function is what a function may already be handed as an argument or hold in a list: the
program's own `def`s and lambdas (interpreted by the engine, their closure scope kept alive by the
function like CPython's cells), bound methods, partials and torch.func transforms, allowlisted library
functions, generators and iterators. None of them is data: every library call still refuses one
(lang/calls.py require_data); only the interpreter and the allowlisted higher-order functions call them,
under the run's limits. Returning one notes a stored object (lang/safe_values.py), as storing it in a
list or an attribute does: from then on no container is too long for is_data to find a function in it.
A function whose return PyTorch receives (a custom Function's forward/backward, a torch.func transform's
function: they set interp.library_depth) still may not return one alone, by name, as before session 27
(PyTorch would only say `got SequenceIterator`).

A class of the program is returned as a function is (session 44: ThinkPython's `find_defining_class`
returns the class `typ` of `type(obj).mro()` that defines a method): it may already be stored and passed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang.plain_classes import BoundMethod, ProgramClass
from autogradlab.lang.safe_values import CODE_TYPES, FunctionValue, UserFunction, note_stored_object
from autogradlab.lang.stored_objects import require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_FUNCTIONS = frozenset({UserFunction, BoundMethod, FunctionValue})


def returned_value(interp: Interpreter, value: Any) -> Any:
    """`return value` of the function running at interp._depth (data is checked by require_storable)."""
    if interp.library_depth == interp._depth and isinstance(value, tuple(CODE_TYPES)):   # PyTorch's to read
        from autogradlab.lang.calls import require_data
        return require_data(value, "as a return value")
    if type(value) in _FUNCTIONS or type(value) is ProgramClass and interp.library_depth != interp._depth:
        # `return f`, `return wrapper`, a class (not to PyTorch: red team s45, torch.func.grad's message named
        # the engine's class `autogradlab.lang.plain_classes.ProgramClass`; refused by name as before s44)
        note_stored_object()   # a call's value may now be a function wherever the engine stores one
        return value           # (defaultdict's factory, map()): is_data walks every container whole
    return require_storable(value, "as a return value")   # a library function, an iterator: as in `[f]`


def call_for_attribute(interp: Interpreter, call: Any) -> Any:
    """Run `call()` (a __getattr__ or a property's getter) so that its own returns may be functions."""
    outer, interp.attribute_depth = interp.attribute_depth, interp._depth + 1
    try:
        return call()
    finally:
        interp.attribute_depth = outer

"""copy.copy / copy.deepcopy of lists, tuples, dicts and sets (also holding objects of the program's
classes) and of the objects themselves (issue 9: `best = copy.deepcopy(model)`, `copy.copy(layers)`).

Python's copy module is never run on them: it would follow `__reduce_ex__` and the objects' slots.
The interpreter copies as Python's copy module does for objects without `__copy__`/`__deepcopy__`
(a class may not define them): a shallow copy is a new container, or a new object with the same
attributes (its __init__ not run); a deep copy copies every list, dict, set, object and tensor it
reaches once (a memo by identity, so shared parts stay shared and a list inside itself copies as one),
keeps tuples whose items did not change, and keeps numbers, strings, classes and functions as they are
(Python's deepcopy keeps a function). Every container and object copied counts toward the size limits
before it is made, a run's objects toward MAX_INSTANCES, and the walk is bounded: MAX_COPY_DEPTH levels
(Python's own deepcopy stops at its recursion limit), and the run's step and time limits are checked
once per container and once per COPY_ITEMS_PER_STEP items.
"""

from __future__ import annotations

import copy as py_copy
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import LimitExceeded, NotSupported
from autogradlab.lang.calls import translate_torch_error
from autogradlab.lang.numpy_ops import array_copy
from autogradlab.lang.plain_classes import MAX_INSTANCES, ProgramClass, ProgramObject
from autogradlab.lang.safe_values import SafeArray, UserFunction, note_stored_object
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.tensor_own_attributes import refuse_copy_with_own_attributes

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_COPY_DEPTH = 100       # containers and objects inside each other a deep copy follows
COPY_ITEMS_PER_STEP = 1024  # items copied per step charged (the step and time checks run on steps)
_KEPT = frozenset({bool, int, float, complex, str, type(None), range, slice, ProgramClass, UserFunction,
                   torch.dtype, torch.device, torch.Size, np.bool_, *(kind for kind in np.sctypeDict.values()
                                                                     if issubclass(kind, np.number))})
COPYABLE = (list, tuple, dict, ProgramSet, ProgramObject)


def _charge(interp: Interpreter, items: int, what: str) -> None:
    interp._tick()
    for _ in range(items // COPY_ITEMS_PER_STEP):
        interp._tick()
    interp.sizes.charge_sequence(items, what)


def _new_object(interp: Interpreter, original: ProgramObject) -> ProgramObject:
    interp.instances_made = made = interp.instances_made + 1
    if made > MAX_INSTANCES:
        raise LimitExceeded(f"the program created more than {MAX_INSTANCES:,} objects of its classes; the "
                            f"limit is {MAX_INSTANCES:,}", hint="create fewer objects")
    _charge(interp, 1 + len(original.values), "the objects of your classes")
    note_stored_object()
    return ProgramObject(original.cls, made)


def shallow_copy(interp: Interpreter, value: Any) -> Any:
    """copy.copy(value) of a container or an object."""
    if type(value) is tuple:
        return value   # Python's copy.copy keeps a tuple
    if type(value) is ProgramObject:
        result = _new_object(interp, value)
        result.values.update(value.values)
        return result
    _charge(interp, len(value), "the copy")
    if type(value) is ProgramSet:
        return ProgramSet(set(value.items))
    return dict(value) if type(value) is dict else list(value)


def deep_copy(interp: Interpreter, value: Any, memo: dict[int, Any] | None = None, depth: int = 0) -> Any:
    """copy.deepcopy(value), as Python's deepcopy walks it, under the limits above."""
    kind = type(value)
    if kind in _KEPT:
        return value
    memo = {} if memo is None else memo
    found = memo.get(id(value))
    if found is not None:
        return found[0]
    if kind is torch.Tensor:
        refuse_copy_with_own_attributes(value, "copy.deepcopy")   # `w.g = ...`: tensor_own_attributes.py
        interp.sizes.check_elements(value.numel(), "copy.deepcopy")
        try:
            result = py_copy.deepcopy(value)
        except Exception as exc:  # noqa: BLE001 - PyTorch's own message (a non-leaf tensor)
            raise translate_torch_error(exc, "deepcopy", [value]) from None
        interp.sizes.add_result(result)
    elif kind is SafeArray:
        result = array_copy(interp, value)
    elif kind in COPYABLE or is_collection(value):
        if depth >= MAX_COPY_DEPTH:
            raise LimitExceeded(f"copy.deepcopy met values nested more than {MAX_COPY_DEPTH} deep; the limit "
                                f"is {MAX_COPY_DEPTH}", hint="copy the parts you need instead")
        result = _deep_container(interp, value, memo, depth + 1)
    else:   # a function of a library, a bound method, a module...: copy_module's own refusal
        raise NotSupported("Autograd Lab supports `copy.deepcopy` of tensors, numpy arrays, numbers, lists, "
                           "tuples, dicts, sets and objects of your classes")
    memo[id(value)] = (result, value)   # the original kept alive: its id stays its own
    return result


def _deep_container(interp: Interpreter, value: Any, memo: dict[int, Any], depth: int) -> Any:
    kind = type(value)
    if is_collection(value):   # Counter, defaultdict, OrderedDict, deque, a namedtuple: the same kind
        return _deep_collection(interp, value, memo, depth)
    if kind is tuple:
        items = [deep_copy(interp, item, memo, depth) for item in value]
        found = memo.get(id(value))   # the tuple met itself through a list inside it
        if found is not None:
            return found[0]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        _charge(interp, len(items), "the copy")
        return tuple(items)
    if kind is ProgramObject:
        result = _new_object(interp, value)
        memo[id(value)] = (result, value)
        for name, item in value.values.items():
            result.values[name] = deep_copy(interp, item, memo, depth)
        return result
    _charge(interp, len(value), "the copy")
    if kind is list:
        result: Any = []
        memo[id(value)] = (result, value)
        result.extend(deep_copy(interp, item, memo, depth) for item in value)
        return result
    if kind is dict:
        result = {}
        memo[id(value)] = (result, value)
        for key, item in value.items():
            result[deep_copy(interp, key, memo, depth)] = deep_copy(interp, item, memo, depth)
        return result
    result = ProgramSet(set())   # a set's items: hashable values and objects (copied by identity)
    memo[id(value)] = (result, value)
    result.items.update(deep_copy(interp, item, memo, depth) for item in value.items)
    return result


# -- collections' kinds (lang/collections_module.py, deque_values.py, namedtuple_values.py) ---------------
def is_collection(value: Any) -> bool:
    from autogradlab.lang.collections_module import Counter, DefaultDict, OrderedDict
    from autogradlab.lang.deque_values import Deque
    from autogradlab.lang.namedtuple_values import ProgramNamedTuple
    return isinstance(value, Counter | DefaultDict | OrderedDict | Deque | ProgramNamedTuple)


def _same_kind(value: Any, items: Any) -> Any:
    """A new value of value's kind holding `items` (pairs for the dicts, values otherwise)."""
    from autogradlab.lang.collections_module import DefaultDict
    from autogradlab.lang.deque_values import Deque, _made
    from autogradlab.lang.namedtuple_values import ProgramNamedTuple
    if isinstance(value, ProgramNamedTuple):
        return tuple.__new__(type(value), items)
    if isinstance(value, Deque):
        return _made(list(items), value.maxlen)
    if isinstance(value, DefaultDict):
        return DefaultDict(value.factory, items)
    return type(value)(items)


def shallow_collection(interp: Interpreter, value: Any) -> Any:
    """copy.copy of a Counter, defaultdict, OrderedDict, deque or namedtuple: the same kind, items shared."""
    _charge(interp, len(value), "the copy")
    return _same_kind(value, value.items() if isinstance(value, dict) else value)


def _deep_collection(interp: Interpreter, value: Any, memo: dict[int, Any], depth: int) -> Any:
    _charge(interp, len(value), "the copy")
    if isinstance(value, dict):
        pairs = [(deep_copy(interp, key, memo, depth), deep_copy(interp, item, memo, depth))
                 for key, item in value.items()]
        return _same_kind(value, pairs)
    return _same_kind(value, [deep_copy(interp, item, memo, depth) for item in value])

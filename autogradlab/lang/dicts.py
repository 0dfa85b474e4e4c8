"""Dictionaries as lessons use them: literals, `d[k]`, `d[k] = v`, `len`, `in`, iteration,
`.keys()`, `.values()`, `.items()`, `.get()`.

Bounded like lists: every dict counts against max_sequence_len (and the run's total) when built
or grown; keys are plain hashable values (numbers, strings, None, dtypes), tensors and objects or
classes of the program (hashed by identity, as Python hashes them: torch.Tensor.__hash__ is id(); or
by the class's own __hash__/__eq__, interpreted under the run's limits: lang/object_equality.py), or
short tuples of those (nested ones too); values are data or the program's objects
(lang/stored_objects.py). A dict keeps Python's insertion order. Text weight (text_weight.py) walks dicts
and their views, so printing a dict of huge lists is refused like printing the lists.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.bytes_values import BytesValue
from autogradlab.lang.data_wrappers import SafeNumpyGenerator
from autogradlab.lang.namedtuple_values import ProgramNamedTuple
from autogradlab.lang.safe_values import CODE_TYPES, STORED_OBJECT_TYPES, note_stored_object, type_text
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# numpy's scalars hash as the Python number they hold (`dict(zip(values, counts))` of np.unique's arrays)
_KEY_ATOMS = (bool, int, float, complex, str, type(None), torch.dtype, np.number, np.bool_, np.str_,
              BytesValue)   # b'key': hashed as its bytes, as a str is by its characters (session 37)
MAX_KEY_ITEMS = 64   # values inside a tuple key, nested tuples included
MAX_KEY_DEPTH = 8    # tuples inside tuples of a key
VIEW_TYPES = (type({}.keys()), type({}.values()), type({}.items()))


def is_key_tuple(value: Any) -> bool:
    """A tuple, or a namedtuple the program made (a tuple subclass hashed and compared as a tuple)."""
    return type(value) is tuple or isinstance(value, ProgramNamedTuple)


def _identity_key(key: Any) -> bool:
    """A tensor, or an object or class of the program: hashed by its identity (no program code runs)."""
    kind = type(key)
    if kind in STORED_OBJECT_TYPES:   # `names = {node: 'x'}` (micrograd's topo/visited code)
        note_stored_object()
        return True
    if isinstance(key, tuple(CODE_TYPES)):   # `{torch.sin: torch.cos}`, `{f, g}`: by identity, as CPython (a
        note_stored_object()                 # bound method by its object and function: plain_classes.py)
        return True
    if kind is SafeNumpyGenerator:   # `{rng: 'train'}`, `{rng}`: by identity, as CPython (session 29)
        return True
    return isinstance(key, torch.Tensor) and kind.__hash__ is torch.Tensor.__hash__   # `{p: g for p in ...}`


def check_key(key: Any) -> None:
    """Plain hashable keys (a huge int or tuple hashes slowly), tensors and the program's objects (by
    identity, or their own __hash__), and short tuples of those (nested too)."""
    if plain_key(key):
        return
    if isinstance(key, _KEY_ATOMS):
        if isinstance(key, int) and key.bit_length() > 4096:
            raise NotSupported("integers this large cannot be dictionary keys in Autograd Lab")
        return
    if _identity_key(key):
        return
    if isinstance(key, list | dict):   # Python's own TypeError
        raise ProgramTypeError(f"unhashable type: '{type(key).__name__}'")
    if is_key_tuple(key) and _tuple_key(key):
        return
    for part in (tuple_parts(key) or ()) if is_key_tuple(key) else ():   # `d[(1, [2])]`: Python's text
        if isinstance(part, list | dict) or type(part).__name__ == "set":
            raise ProgramTypeError(f"unhashable type: '{type(part).__name__}'")
    if is_key_tuple(key) and tuple_parts(key) is None and _nested_too_deep(key):   # Python would hash it
        raise ProgramTypeError(f"a tuple nested more than {MAX_KEY_DEPTH} deep cannot be a dictionary key "
                               f"or be hashed in Autograd Lab (tuple keys nest at most {MAX_KEY_DEPTH} "
                               f"deep and hold at most {MAX_KEY_ITEMS} values in all)")
    if is_key_tuple(key) and tuple_parts(key) is None:
        raise ProgramTypeError(f"a tuple holding more than {MAX_KEY_ITEMS} values in all cannot be a "
                               f"dictionary key or be hashed in Autograd Lab (tuple keys nest at most "
                               f"{MAX_KEY_DEPTH} deep and hold at most {MAX_KEY_ITEMS} values in all)")
    raise ProgramTypeError(f"unhashable or unsupported dictionary key of type '{type_text(key)}' "
                           f"(keys are numbers, strings, None, tensors, objects of your classes or short "
                           f"tuples of those in Autograd Lab)")


def tuple_parts(key: tuple) -> list | None:
    """The values inside a key tuple, nested ones included (`(1, (2, 3))`): at most MAX_KEY_ITEMS in all,
    nested at most MAX_KEY_DEPTH deep (None past either), so hashing it stays short."""
    parts: list = []
    stack = [(key, 0)]
    while stack:
        value, depth = stack.pop()
        if len(parts) + len(value) > MAX_KEY_ITEMS or depth >= MAX_KEY_DEPTH:
            return None
        for part in value:
            parts.append(part)
            if type(part) is tuple or isinstance(part, ProgramNamedTuple):   # is_key_tuple, inline
                stack.append((part, depth + 1))
    return parts


def _nested_too_deep(key: tuple) -> bool:
    """A tuple inside MAX_KEY_DEPTH tuples of the key (looking at most at 10,000 values)."""
    stack, looked = [(key, 0)], 0
    while stack and looked <= 10_000:
        value, depth = stack.pop()
        if depth >= MAX_KEY_DEPTH:
            return True
        looked += len(value)
        stack.extend((part, depth + 1) for part in value if is_key_tuple(part))
    return False


def _tuple_key(key: tuple) -> bool:
    parts = tuple_parts(key)
    return parts is not None and all(type(part) is tuple or isinstance(part, _KEY_ATOMS) and not (
        isinstance(part, int) and part.bit_length() > 4096) or _identity_key(part)
        or isinstance(part, ProgramNamedTuple) for part in parts)


def build(interp: Interpreter, node: ast.Dict) -> dict:
    interp.sizes.charge_sequence(len(node.keys), "the dictionary")
    result: dict = {}
    for key_node, value_node in zip(node.keys, node.values, strict=True):
        if key_node is None:   # {**a, 'k': 1} (lang/keyword_unpacking.py)
            from autogradlab.lang.keyword_unpacking import spread_dict
            spread_dict(interp, value_node, result)
            continue
        key = interp.eval(key_node)
        check_key(key)
        value = require_item(interp.eval(value_node), "as a dictionary value")
        if len(result) < len(node.keys):   # within the count charged above
            _store(result, key, value)
        else:   # after a `**` grew it: each new key counted
            set_item(interp, result, key, value)
    return result


_PLAIN_PARTS = frozenset({int, float, str, bool, type(None)})


def plain_key(key: Any) -> bool:
    """A number, string or None, or a short tuple of those (`(i, j)`): a key every check lets through, told
    in C for the common case (a set comprehension of 100,000 pairs spent ~2 s in the general checks)."""
    kind = type(key)
    if kind is tuple:
        if len(key) > MAX_KEY_ITEMS or not _PLAIN_PARTS.issuperset(map(type, key)):
            return False
        return all(part.bit_length() <= 4096 for part in key if type(part) is int)
    return kind in _PLAIN_PARTS and (kind is not int or key.bit_length() <= 4096)


def program_hash(key: Any) -> bool:
    """The key's hash runs the program's own __hash__ (lang/object_equality.py): hashed once per store,
    as Python does (a __hash__ that prints prints once)."""
    if plain_key(key):
        return False
    if is_key_tuple(key):
        return any(program_hash(part) for part in tuple_parts(key) or ())
    return type(key).__name__ == "ProgramObject" and key.cls.equality is not None


def set_item(interp: Interpreter, base: dict, key: Any, value: Any, what: str = "the dictionary") -> None:
    check_key(key)
    if program_hash(key):   # stored first, counted after (a limit ends the run either way)
        before = len(base)
        _store(base, key, value)
        if len(base) > before:
            interp.sizes.charge_sequence(len(base), what, added=1)
        return
    try:
        new = key not in base
    except Exception as exc:  # noqa: BLE001 - see _store
        raise _python(exc) from None
    if new:
        interp.sizes.charge_sequence(len(base) + 1, what, added=1)
    _store(base, key, value)


def _store(base: dict, key: Any, value: Any) -> None:
    """base[key] = value. A tensor key whose hash (its id) equals an int key's compares with it as
    Python does (torch's ==, whose truth is ambiguous for many elements): Python's own error."""
    try:
        base[key] = value
    except Exception as exc:  # noqa: BLE001
        raise _python(exc) from None


def _python(exc: Exception) -> Exception:
    from autogradlab.lang.operators import python_error
    return python_error(exc)


def call_method(interp: Interpreter, base: dict, name: str, args: list) -> Any:
    if name in ("keys", "values", "items") and not args:
        return getattr(base, name)()
    if name == "get" and 1 <= len(args) <= 2:
        check_key(args[0])
        return base.get(*args)
    if name == "pop" and 1 <= len(args) <= 2:
        check_key(args[0])
        return base.pop(*args)
    if name == "setdefault" and 1 <= len(args) <= 2:
        if args[0] not in base:
            set_item(interp, base, args[0], args[1] if len(args) > 1 else None)
        return base[args[0]]
    if name == "update" and len(args) == 1:   # a dict or (key, value) pairs, checked like dict(...)
        from autogradlab.lang.number_builtins import make_dict
        for key, value in make_dict(interp, args, {}, None).items():
            set_item(interp, base, key, value)
        return None
    if name == "copy" and not args:
        interp.sizes.charge_sequence(len(base), "the copy of the dictionary")
        return base.copy()
    if name in ("clear", "popitem") and not args:
        return getattr(base, name)()
    raise NotSupported(f"the method `.{name}()` of dict values is not supported in Autograd Lab")


DICT_METHODS = frozenset({"keys", "values", "items", "get", "pop", "setdefault", "update", "copy", "clear",
                          "popitem"})

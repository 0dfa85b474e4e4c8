"""Dictionaries as lessons use them: literals, `d[k]`, `d[k] = v`, `len`, `in`, iteration,
`.keys()`, `.values()`, `.items()`, `.get()`.

Bounded like lists: every dict counts against max_sequence_len (and the run's total) when built
or grown; keys are plain hashable values (numbers, strings, None, dtypes, tuples of those), so
hashing never runs program code; values must be data. Text weight (text_weight.py) walks dicts
and their views, so printing a dict of huge lists is refused like printing the lists.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.safe_values import type_text
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_KEY_ATOMS = (bool, int, float, complex, str, type(None), torch.dtype)
MAX_KEY_ITEMS = 64
VIEW_TYPES = (type({}.keys()), type({}.values()), type({}.items()))


def check_key(key: Any) -> None:
    """Plain hashable keys only (a tensor key hashes by identity, a huge int or tuple hashes slowly)."""
    if isinstance(key, _KEY_ATOMS):
        if isinstance(key, int) and key.bit_length() > 4096:
            raise NotSupported("integers this large cannot be dictionary keys in Autograd Lab")
        return
    if isinstance(key, list | dict):   # Python's own TypeError
        raise ProgramTypeError(f"unhashable type: '{type(key).__name__}'")
    if type(key) is tuple and len(key) <= MAX_KEY_ITEMS and all(isinstance(k, _KEY_ATOMS) for k in key):
        return
    raise ProgramTypeError(f"unhashable or unsupported dictionary key of type '{type_text(key)}' "
                           f"(keys are numbers, strings, None or short tuples of those in Autograd Lab)")


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
            result[key] = value
        else:   # after a `**` grew it: each new key counted
            set_item(interp, result, key, value)
    return result


def set_item(interp: Interpreter, base: dict, key: Any, value: Any, what: str = "the dictionary") -> None:
    check_key(key)
    if key not in base:
        interp.sizes.charge_sequence(len(base) + 1, what, added=1)
    base[key] = value


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

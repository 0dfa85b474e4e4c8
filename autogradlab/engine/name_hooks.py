"""The Recorder's names (mixed into Recorder): which variables are bound to which tensor.

on_assign sees every assignment of the program (every pass of a loop: issue 9, so its common cases,
a number and a name bound again to its own tensor, take a short way). The tables it keeps name a
graph's nodes and the report's tensors: the top-level names bound to a tensor now, the last name a
tensor lost, a name inside a user function, and the order of the last assignments (which variable
the report draws by default).
"""

from __future__ import annotations

import ast
from typing import Any

import torch

from autogradlab.lang.numpy_scalar_ops import SCALAR_TYPES
from autogradlab.lang.plain_classes import ProgramObject

_TENSOR = torch.Tensor
# Values that are never a tensor, so never in _names/_unnamed_outputs (whose ids are live tensors')
_PLAIN = frozenset({int, float, bool, str, type(None)})
REBIND_SHORTCUT = True   # on_assign's short way for a loop's variable bound to its next tensor (tests: off)
# Exact types no tensor has (isinstance(obj, torch.Tensor) of an object of the program's classes: ~0.3 us)
_NO_TENSOR = _PLAIN | {ProgramObject} | SCALAR_TYPES
# on_assign's short way for a value and a previous value of these exact types (no tensor: neither is in
# _names, whose keys are live tensors' ids, nor in _unnamed_outputs): a NumPy scalar, an object of the
# program's classes, a list (session 42: `self.x = ...` / `y_est = obj.forward(x)` in a loop)
_NO_TENSOR_VALUES = _NO_TENSOR | {list, tuple, dict}
NO_TENSOR_SHORTCUT = True   # on_assign's short way for every value in _NO_TENSOR_VALUES (tests: off)


class NameHooks:
    """Mixed into Recorder, which owns the tables these read and write."""

    _names: dict[int, list[str]]
    _former: dict[int, str]
    _local: dict[int, str]
    held_in: dict[int, str]
    _bound: dict[str, Any]
    assign_order: dict[str, int]
    _assign_seq: int
    _unnamed_outputs: set[int]
    _ids: dict[int, Any]
    trace: Any
    last_line: int | None

    def name_of(self, tensor: Any) -> str | None:
        names = self._names.get(id(tensor))
        return names[0] if names else None

    def leaf_label(self, tensor: torch.Tensor) -> str:
        key = id(tensor)
        return (self.name_of(tensor) or self.held_in.get(key) or self._former.get(key)
                or f"t{self.tensor_id(tensor)}")

    def describe(self, tensor: torch.Tensor) -> str:
        return self.name_of(tensor) or self._local.get(id(tensor)) or f"t{self.tensor_id(tensor)}"

    def on_number(self, name: str, value: Any, node: ast.AST, line: int) -> None:
        """on_assign(name, value, node, None) (a top-level name; `line` is node.lineno) for the
        number statements and range loops (lang/compiled_number_statements.py, compiled_range_loop.py):
        its plain-value way without the line lookup and the checks they have made (issue 9)."""
        if type(value) in _PLAIN:
            self.last_line = line
            if self._unnamed_outputs:
                self._unnamed_outputs = set()
            bound = self._bound
            if type(bound.get(name)) in _PLAIN:
                bound[name] = value
                self._assign_seq = seq = self._assign_seq + 1
                self.assign_order[name] = seq
                return
        self.on_assign(name, value, node, None)

    def on_parameters(self, params: list[str], args: list, node: ast.AST, in_function: str) -> None:
        """on_assign(param, value, node, in_function) for each parameter of a call in order, in one
        call (issue 9: a method call bound two or three). Where no tensor is bound and no op output
        waits for its name, what each on_assign does comes to setting last_line, done once here; any
        other parameter goes through on_assign itself."""
        try:
            line = node.lineno
        except AttributeError:
            line = None
        if line:
            self.last_line = line
        for param, value in zip(params, args):  # noqa: B905 - as many (call_positional's)
            kind = type(value)
            if self._unnamed_outputs or kind not in _NO_TENSOR and (kind is _TENSOR
                                                                    or isinstance(value, _TENSOR)):
                self.on_assign(param, value, node, in_function)

    def on_assign(self, name: str, value: Any, node: ast.AST, in_function: str | None) -> None:
        # Every assignment of every loop iteration comes here (issue 9): no call, set or list
        # is made that the common case (a number, a name bound again) does not need.
        try:   # _seen, inline (a statement's node has a line: no getattr call)
            line = node.lineno
        except AttributeError:
            line = None
        if line:
            self.last_line = line
        if type(value) is _TENSOR and in_function is None and not self._unnamed_outputs and REBIND_SHORTCUT:
            # a loop's variable bound to its new tensor (`w = A @ v` each pass, issue 9): what the
            # general way below comes to when the tensor is numbered and unnamed and the name was
            # the only name of its previous tensor (its list moves to the new one)
            key = id(value)
            all_names = self._names
            if key in self._ids and key not in all_names:
                bound = self._bound
                previous = bound.get(name)
                if previous is not None:
                    old = id(previous)
                    names = all_names.get(old)
                    if names is not None and len(names) == 1 and names[0] == name:
                        self._former[old] = name
                        del all_names[old]
                        bound[name] = value   # (the previous value may die here: _forget)
                        self._assign_seq = seq = self._assign_seq + 1
                        self.assign_order[name] = seq
                        all_names[key] = names
                        return
        if type(value) in (_NO_TENSOR_VALUES if NO_TENSOR_SHORTCUT else _PLAIN):
            # a number (a loop's `n`, `total += ...`), a NumPy scalar, an object, a list: no tensor
            # bookkeeping (what the general way below comes to for a value and a previous value
            # that are no tensor)
            if self._unnamed_outputs:
                self._unnamed_outputs = set()
            if in_function is None:
                bound = self._bound
                if type(bound.get(name)) in (_NO_TENSOR_VALUES if NO_TENSOR_SHORTCUT else _PLAIN):
                    bound[name] = value
                    self._assign_seq = seq = self._assign_seq + 1
                    self.assign_order[name] = seq
                    return
            else:
                return
        key = id(value)
        unnamed = self._unnamed_outputs
        if unnamed and key in unnamed and self.trace.total:
            unnamed.discard(key)
            self.trace.name_last(name)
        elif unnamed:
            self._unnamed_outputs = set()
        is_tensor = type(value) is _TENSOR or isinstance(value, _TENSOR)
        if is_tensor and key not in self._ids:
            self.tensor_id(value)
        if in_function is not None:
            if is_tensor:
                self._local[key] = name
            return
        all_names = self._names
        previous = self._bound.get(name)
        if previous is value and is_tensor:   # `w -= lr * w.grad`: bound again to its own tensor
            names = all_names.get(key)
            if names and names[-1] == name and names.index(name) == len(names) - 1:
                # what the general way below comes to when the name is the list's last (and only
                # there): the name is its last lost one, and its list (the name removed and appended
                # again) and the binding stay as they are
                self._former[key] = name
                self._assign_seq = seq = self._assign_seq + 1
                self.assign_order[name] = seq
                return
        moved = None
        if previous is not None:
            old = id(previous)
            names = all_names.get(old)
            if names and name in names:
                self._former[old] = name
                if len(names) == 1 and is_tensor and key not in all_names:
                    moved = all_names.pop(old)   # a loop rebinding its variable: the list moves
                else:
                    names.remove(name)
        self._bound[name] = value   # (the previous value may die here: _forget)
        self._assign_seq = seq = self._assign_seq + 1
        self.assign_order[name] = seq
        if moved is not None:
            all_names[key] = moved
        elif is_tensor:
            all_names.setdefault(key, []).append(name)


# lang/user_functions.call_positional binds a call's parameters through this when the hooks' on_assign is
# NameHooks' own (a subclass or wrapper with another on_assign gets one on_assign per parameter)
NameHooks.on_assign.for_parameters = NameHooks.on_parameters   # type: ignore[attr-defined]
# ... and, when every argument's type is one of these and no op output waits for its name (`_unnamed_outputs`
# empty), sets last_line itself as on_parameters would (its only work then), without the call (session 42)
NameHooks.on_parameters.quiet_kinds = _NO_TENSOR   # type: ignore[attr-defined]

"""`self.w`, `layer.b`: an attribute of an object of the program's classes read in one closure (issue 9,
session 42).

compiled_expressions._attribute compiles `name.attr` as compiled_leaves.leaf_first (the two steps, the
name read inline) calling its `rest` (the object's attribute), which calls plain_classes.read_attribute:
three frames for the commonest read of a method's body. When the name is in the innermost scope, holds
an object of the program's classes whose own attributes have `attr`, and its class (or a base) has no
property of that name, Python's answer is that attribute: read here, the same two steps counted at once
on leaf_first's condition (neither reaches the step budget nor a multiple of 32). Anything else (a dunder
name, a tensor, a name of an outer scope, a property, an attribute the object lacks, a step near the
budget or the time check) takes the attribute's own closure from its start, nothing counted yet.

item_rest is `base[index]`'s part after the base (compiled_expressions._subscript): an array, or a list
every storable walk passes, with an int index (`xx[j]`, `path[0, k]`, `self.layers[0]`) read at once as
item_access.get_item reads it (subscript_base passes such a base as it is; refuse_object_index such an
index); anything else through subscript_base and get_item as before.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from autogradlab.lang import attributes
from autogradlab.lang.compiled_basics import Run
from autogradlab.lang.data_wrappers import SafeArray
from autogradlab.lang.item_access import _array_item, _int_index
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import PROPERTY, ProgramObject, subscript_base
from autogradlab.lang.safe_values import is_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

OBJECT_READS = True   # tests compare with it off
ITEM_READS = True   # item_rest's short ways (tests compare with it off)


def object_attribute(interp: Interpreter, name: str, attr: str, per_node: Run) -> Run:
    """`name.attr` (name not a dunder, see the module's docstring); `per_node`: the attribute's closure."""
    if attr.startswith("__") or not OBJECT_READS:
        return per_node

    def run() -> Any:
        s = interp._steps
        if s + 2 <= interp._max_steps and (s & 31) < 30:
            values = interp.scope.vars
            base = values.get(name)
            if type(base) is ProgramObject:
                own = base.values
                if attr in own:
                    cls = base.cls
                    found = cls.members.get(attr) if cls.base is None else cls.find(attr)
                    if found is None or found[-2] != PROPERTY:   # (plain_classes.read_attribute's test)
                        interp._steps = s + 2
                        return own[attr]
        return per_node()
    return run


def item_rest(interp: Interpreter, index_of: Run, node: ast.Subscript) -> Callable[[Any], Any]:
    """rest(base) of `base[index]` (see the module's docstring)."""
    get_item = attributes.get_item

    def rest(base: Any) -> Any:
        kind = type(base)
        if kind is SafeArray and ITEM_READS:   # `xx[j]`, `path[0, k]`
            index = index_of()
            return _array_item(base, index) if _int_index(index) else get_item(interp, base, index, node)
        if kind is list and ITEM_READS and is_storable(base):   # `self.layers[0]`
            index = index_of()
            if type(index) is int:
                try:
                    return base[index]
                except IndexError as exc:   # (_python_guarded's translation)
                    raise python_error(exc) from None
            return get_item(interp, base, index, node)
        return get_item(interp, subscript_base(base), index_of(), node)
    return rest

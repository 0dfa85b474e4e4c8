"""`losses.append(loss)` in a loop, in one frame (issue 9, session 42).

compiled_module_calls.module_call sends a list's `.append(x)` to attributes.call_method, which checks
the list storable (safe_values.is_storable: checked_containers.check and _one_atom_more for a list of
MEMO_FROM items or more), the argument an atom, then calls plain_methods._list_append (SizeGuard's
charge_sequence, then list.append): six frames. Here, for an atom appended to such a list whose last
check passed with one item less (_one_atom_more's answer, its entry renewed as there), the same checks
and charge are made inline; anything else (a shorter list, a list another way changed, a non-atom,
the length or the run's total at its limit) goes to call_method, which answers or refuses as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from autogradlab.lang import attributes, checked_containers

if TYPE_CHECKING:
    import ast

    from autogradlab.lang.interpreter import Interpreter

APPEND_ATOMS = True   # the inline way below (tests compare with it off)


def append_one(interp: Interpreter, base: list, value: Any, node: ast.AST) -> None:
    """base.append(value) as attributes.call_method does it (base a list)."""
    if APPEND_ATOMS and attributes.ATOMS_FIRST and type(value) in checked_containers.ATOM_TYPES \
            and len(base) >= checked_containers.MEMO_FROM \
            and checked_containers._one_atom_more(base, checked_containers.STORABLE):   # is_storable's answer
        sizes = interp.sizes   # plain_methods._list_append: charge_sequence(len + 1, "the list", added=1)
        length = len(base) + 1
        limits = sizes.limits
        if length <= limits.max_sequence_len and sizes.total_sequence_items < limits.max_total_sequence_items:
            sizes.total_sequence_items += 1
        else:
            sizes.charge_sequence(length, "the list", added=1)   # (it raises the limit's error)
        base.append(value)
        return None
    return attributes.call_method(interp, base, "append", [value], {}, node)

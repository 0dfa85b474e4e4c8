"""`a in [a, b]`, `a not in arrays` of a NumPy array in a list or tuple (session 44's leftover): as CPython's
list.__contains__ reads it, item by item in order: the same array (two wrappers of one array are one,
numpy_layout.same_object) is found at once; any other item is compared with `==` and the result's truth
decides, so a multi-element array met before is NumPy's ValueError ("The truth value of an array with more
than one element is ambiguous"). Each `==` goes through the interpreter's own operator (its size checks);
each item is a pass of the loop budget."""

from __future__ import annotations

import ast
import operator
from typing import TYPE_CHECKING, Any

from autogradlab.lang.numpy_layout import same_object
from autogradlab.lang.safe_values import SafeArray

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def is_array_search(left: Any, right: Any) -> bool:
    return type(left) is SafeArray and type(right) in (list, tuple)


def contains(interp: Interpreter, left: SafeArray, right: list | tuple, node: ast.Compare) -> bool:
    for item in right:
        interp.charge_loop_iterations(1, "the search with `in`")
        if same_object(left, item):
            return True
        if interp.truth(interp.apply_binary("eq", operator.eq, item, left, node), node):
            return True
    return False

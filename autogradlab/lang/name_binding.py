"""Names for the Interpreter: looking a name up (the program's scopes, then the builtins and the bare
torch functions) and binding names and other targets (`x = …`, `a, b = …`, `X[i] = …`, `o.w = …`),
with what a name may hold: data, the program's objects, its own functions, generators and iterators,
never a library function or a module.
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NameNotDefined, NotSupported
from autogradlab.lang import attributes
from autogradlab.lang.builtins import BUILTINS, KNOWN_PYTHON_BUILTINS
from autogradlab.lang.construct_checks import MODULE_METADATA_NAMES
from autogradlab.lang.context_managers import LIBRARY_MANAGERS
from autogradlab.lang.custom_functions import FunctionApply, ProgramContext
from autogradlab.lang.expressions import construct_name
from autogradlab.lang.guards import describe_char
from autogradlab.lang.iterators import ITERATORS
from autogradlab.lang.namespaces import bare_torch_function
from autogradlab.lang.outside_world import BUILTIN_HINTS
from autogradlab.lang.plain_classes import STORABLE
from autogradlab.lang.safe_values import SafeFunction, UserFunction, is_data_quick, is_storable, type_text
from autogradlab.lang.scope import COMPREHENSION_BLOCKS, Scope
from autogradlab.lang.stored_objects import require_storable
from autogradlab.lang.unpacking import assign_starred, has_star, unpacked_items

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


def _not_storable(name: str, node: ast.AST) -> NotSupported:
    """`f = torch.sin`, or a `case` capture given a module (`match torch.nn: case x:`): the case, its
    line."""
    if isinstance(node, ast.pattern):
        pattern = ast.unparse(node)
        pattern = pattern if len(pattern) <= 40 else "…"
        return NotSupported(   # type: ignore[return-value]
            f"`case {pattern}:` captures `{name}`: functions and modules cannot be stored in variables in "
            "Autograd Lab; call them directly, or define your own with `def` or `name = lambda …`"
        ).at(node.lineno, node.col_offset + 1)
    stored = ast.unparse(node.value) if isinstance(node, ast.Assign) else "…"
    stored = stored if len(stored) <= 40 else "…"
    return NotSupported(f"`{name} = {stored}`: functions and modules cannot be stored in variables in "
                        "Autograd Lab; call them directly, or define your own with `def` or "
                        "`name = lambda …`")


class NamesMixin:
    def lookup(self: Interpreter, name: str, bare: bool = False) -> Any:
        """`bare`: a torch function's bare name is found (a callee: lang/bare_names.py). Off unless a caller
        says the name is a callee: a read site that forgets it gets Python's NameError, never torch's function
        (red team 2 of session 43 found `global dot` and `cat += 1` reads that had it on by default)."""
        if name.startswith("__") and name not in MODULE_METADATA_NAMES:
            if name == "__name__":
                return "__main__"
            raise NotSupported(f"the name `{name}` is not supported in Autograd Lab")
        scope = self.scope   # Scope.find, inlined: the hottest lookup of a loop
        while scope is not None:
            values = scope.vars
            if name in values:
                return values[name]
            scope = scope.parent
        if name in BUILTINS:
            return BUILTINS[name]
        starred = self.__dict__.get("_star_modules")
        if starred:   # `from numpy import *` then `savetxt(...)`: numpy's name (not torch's `take`), refused
            from autogradlab.lang.statements import starred_refusal  # as np.savetxt is
            refusal = starred_refusal(starred, name)
            if refusal is not None:
                raise refusal
        function = bare_torch_function(name) if bare else None
        if function is not None:
            return function
        if name in KNOWN_PYTHON_BUILTINS:
            raise NotSupported(f"`{name}` is not supported in Autograd Lab", hint=BUILTIN_HINTS.get(name))
        raise NameNotDefined(f"name '{name}' is not defined", hint=_non_ascii_name_hint(name))

    def assign(self: Interpreter, target: ast.expr, value: Any, node: ast.AST, hook: bool = True) -> None:
        if isinstance(target, ast.Name):
            if target.id.startswith("__"):
                if target.id not in MODULE_METADATA_NAMES:
                    raise NotSupported(f"the name `{target.id}` is not supported in Autograd Lab")
                hook = False   # module metadata: not a row of the Variables table (as Python's globals())
            data = is_data_quick(value)   # once: a deep list costs a bounded walk per call
            if not data and not isinstance(value, _NAMEABLE) and not is_storable(value):
                raise _not_storable(target.id, node)
            self.scope.set(target.id, value)
            if hook and not data and self.scope.is_global and (
                    type(value).__name__ == "ProgramObject" or not isinstance(value, _NAMEABLE)
                    or isinstance(value, (UserFunction, SafeFunction, *ITERATORS, *LIBRARY_MANAGERS))):
                # an object, a list of them: the Variables table; a function (`f = lambda x: x`): its
                # place, kept if the name later holds data, as Python's namespace keeps it
                self._assigned.setdefault(target.id, None)
            if hook and data:
                if self.scope.is_global:
                    self._assigned.setdefault(target.id, None)
                self.hooks.on_assign(target.id, value, node, self.scope.function_name)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if has_star(target):   # `a, *rest = x` (lang/unpacking.py)
                assign_starred(self, target, value, node, hook)
                return
            if isinstance(value, bool | int | float | complex) or value is None:   # Python's words
                from autogradlab.lang.operators import python_error
                raise python_error(TypeError(f"cannot unpack non-iterable {type_text(value)} object"))
            items = unpacked_items(self, value if isinstance(value, ITERATORS)   # `a, b = zip(*pairs)`
                                   else require_storable(value, "in an unpacking assignment"), node)
            if len(items) != len(target.elts):   # Python's ValueError
                from autogradlab.lang.operators import python_error
                wanted, got = len(target.elts), len(items)
                raise python_error(ValueError(
                    f"not enough values to unpack (expected {wanted}, got {got})" if got < wanted
                    else f"too many values to unpack (expected {wanted})"))
            for element, item in zip(target.elts, items, strict=True):
                self.assign(element, item, node, hook)
        elif isinstance(target, ast.Subscript):
            base = self.eval(target.value)
            attributes.set_item(self, base, self.index_value(target.slice), value, node)
        elif isinstance(target, ast.Attribute):
            attributes.set_attribute(self, self.eval(target.value), target.attr, value, node)
        else:
            raise NotSupported(f"assigning to {construct_name(target)} is not supported")

    @contextlib.contextmanager
    def comprehension_scope(self: Interpreter, node: ast.AST | None = None) -> Iterator[None]:
        outer = self.scope
        self.scope = Scope(outer, outer.function_name, comprehension=True)
        self.scope.block = COMPREHENSION_BLOCKS.get(type(node))
        try:
            yield
        finally:
            self.scope = outer


# Values a name may hold besides data: the program's own functions (`f = lambda x: …`, and d2l's
# `net = linreg`: they are interpreted here like any call, as when they are passed as arguments),
# its generators and iterators (`g = data_iter(...)`, `it = iter(xs)`). Library functions and
# modules stay unnameable (`g = print`, `h = torch.dot`): they are called where they are written.
_NAMEABLE = (UserFunction, *ITERATORS, FunctionApply, ProgramContext, *STORABLE, *LIBRARY_MANAGERS)


def _non_ascii_name_hint(name: str) -> str | None:
    """An undefined name with non-ASCII letters is usually lesson text pasted with the code, or a
    look-alike letter (Greek ο for o)."""
    if name.isascii():
        return None
    look_alikes = [ch for ch in dict.fromkeys(name) if not ch.isascii() and "CJK" not in describe_char(ch)]
    if look_alikes:
        shown = ", ".join(describe_char(ch) for ch in look_alikes[:3])
        return f"the name has non-ASCII letters ({shown}): check it is spelled as you meant"
    return "if this is text from the lesson, make it a # comment"

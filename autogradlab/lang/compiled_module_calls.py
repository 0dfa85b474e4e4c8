"""`torch.maximum(a, b)`, `torch.tensor(x)`, `math.sin(n)`: a module's planned function called in one
closure (issue 9, session 26).

compiled_expressions._call compiles `name.attr(x)` / `name.attr(x, y)` (no keywords) with the module
name read inline (compiled_leaves.leaf_first) and then its `called(base)`: two closures a call. Once
the call site has planned its member (`module` = [the Namespace, the member, its function_sites
site], the list called fills), this closure does both: the two steps counted together exactly as
leaf_first counts them (only when neither reaches the step budget nor a multiple of 32), the name
read in the scopes as leaf_first reads it, the planned site taken (its member was looked up when the
site was planned: before the arguments, as Python looks a method up), the arguments evaluated, then
the site called.
A plain name as the first argument is read here too, its step counted with the two (three at
once, on the same condition); a name no scope holds goes to its own closure (lookup, refusal).
Anything else (the first passes, another value under the name, a name no scope holds, a step near
the budget or the time check) takes leaf_first's closure from its start, nothing counted yet.
Errors get the call's position as in leaf_first.
The same closure takes `obj.m(x)` on an object of the program's classes, a list or a dict (`layer.forward(x)`,
`losses.append(loss)`, session 39): the object's plain method found first (object_methods.plain_method),
the same steps and arguments, then what called does with such a base (_DIRECT), without leaf_first's
closure and called between; any other lookup (a property, an instance's own function, a name a list
lacks: method_binding.py) takes leaf_first's closure.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError
from autogradlab.lang import attributes, numpy_scalar_ops
from autogradlab.lang.compiled_basics import _CONTROL, Run
from autogradlab.lang.compiled_leaves import MISS, NAME, leaf, outer_value
from autogradlab.lang.method_binding import lacks
from autogradlab.lang.object_methods import plain_method
from autogradlab.lang.operators import python_error
from autogradlab.lang.plain_classes import METHOD, ProgramObject
from autogradlab.lang.safe_values import SafeFunction, SafeNumpyDtype, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

FUSED = True   # tests compare with it off
SCALAR_UFUNCS = True   # plain_site's one closure for np.exp(x) & co. of a scalar (tests compare with it off)
INLINE_LOOKUP = True   # an object's plain method looked up inline (session 42; tests compare with it off)


# what compiled_expressions' called does with a base of these exact types (never a tensor or a module)
_DIRECT = frozenset({ProgramObject, list, dict})


def plain_site(interp: Interpreter, member: Any, node: ast.AST) -> Any:
    """The site (module[2]) of a module's member function_sites does not plan, for a call without
    keywords: what called does with it then, as one function of the arguments (so the call runs in
    module_call's one closure): a library function's impl (`np.exp(x)`), numpy_ops.make_scalar for a
    NumPy scalar type (`np.float64(k)`: Interpreter.call_value's way for one); None for anything else."""
    if type(member) is SafeFunction:
        def general(args: list) -> Any:
            return member.impl(interp, args, {}, node)
        scalar = getattr(member.impl, "scalar_ufunc", None) if SCALAR_UFUNCS else None
        if scalar is not None:   # `np.exp(x)` of a NumPy scalar (numpy_ops._ufunc1's first case)
            return numpy_scalar_ops.ufunc1_for(interp, scalar[0], scalar[1], general)
        return general
    if type(member) is SafeNumpyDtype:
        from autogradlab.lang.numpy_ops import make_scalar
        return lambda args: make_scalar(member, args, {})
    return None


def module_call(interp: Interpreter, node: ast.Call, name: str, attr: str, module: list, first: Run,
                second: Run | None, general: Run) -> Run:
    """The call `name.attr(first[, second])` (see the module's docstring); `general` is leaf_first's
    closure of the same call, `module` the call site's list that compiled_expressions' called fills."""
    # (method_runs imports user_functions, which imports this module)
    from autogradlab.lang.list_appends import append_one
    from autogradlab.lang.method_runs import run_plain
    from autogradlab.lang.positional_sites import NOT_TAKEN, positional_site

    line, column = node.lineno, node.col_offset + 1
    dunder = attr.startswith("__")
    appends = attr == "append" and second is None   # `xs.append(x)` on a list: list_appends.py

    # a plain name as the first argument (`torch.maximum(best, ...)`, `math.sin(n)`): read here too,
    # its step counted with the call's two (compiled_leaves' rule for three steps)
    found = leaf(node.args[0])
    first_name = found[1] if found is not None and found[0] == NAME else None
    fused = 3 if first_name is not None else 2
    not_near = 32 - fused   # s % 32 below this: none of the steps s+1 .. s+fused is a multiple of 32
    positional = positional_site(interp, node)   # a method's call (lang/positional_sites.py)

    def run() -> Any:
        s = interp._steps
        if not (FUSED and s + fused <= interp._max_steps and (s & 31) < not_near):
            return general()
        scope = interp.scope
        values = scope.vars
        if name in values:
            base = values[name]
        else:   # `np` read inside a def: the first scope around, then outer_value's walk
            outer = scope.parent
            base = outer.vars[name] if outer is not None and name in outer.vars else outer_value(interp, name)
        # `layer.forward(x)`, `losses.append(loss)`: what called does with such a base, at once
        direct = type(base) if type(base) in _DIRECT else None
        # the method looked up before the arguments run, as Python does (method_binding.py): the
        # site's module member (read when the site was planned), an object's plain method; any other
        # lookup (a property's getter, an instance's own function, a name a list lacks) in called
        plain = site = None
        if direct is None:
            if module[2] is None or base is not module[0] or base is MISS:
                return general()
            site = module[2]
        elif direct is ProgramObject:
            if not INLINE_LOOKUP:
                plain = plain_method(base, attr)
                if plain is None:
                    return general()
            else:   # object_methods.plain_method, inline (a class's own method: no walk of its bases)
                if dunder or attr in base.values:
                    return general()
                cls = base.cls
                member = cls.members.get(attr)
                plain = (member[1], cls) if member is not None else plain_method(base, attr)
                if plain is None or (member is not None and (member[0] != METHOD
                                                             or type(member[1]) is not UserFunction)):
                    return general()
        elif lacks(direct, attr):
            return general()
        interp._steps = s + fused
        try:
            if first_name is None:
                value = first()
            else:
                value = values[first_name] if first_name in values else outer_value(interp, first_name)
                if value is MISS:   # a builtin, a torch function, an undefined name: its own closure
                    interp._steps = s + 2
                    value = first()
            args = [value] if second is None else [value, second()]
            if site is not None:
                return site(args)
            if plain is not None:
                done = positional(plain[0], [base, *args], plain[1], base)
                return run_plain(interp, plain[0], plain[1], base, args, node) if done is NOT_TAKEN else done
            if appends and direct is list:
                return append_one(interp, base, value, node)
            return attributes.call_method(interp, base, attr, args, {}, node)
        except ProgramError as err:
            raise err.at(line, column) from None
        except _CONTROL:
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(line, column) from None
    return run

"""`*args`, keyword-only parameters, `**kwargs` and positional-only parameters of the program's functions
(`def f(x, *rest, k=1, **options)`, `lambda *a: ...`, `def f(a, b, /, c)`), bound as CPython binds them,
with CPython's own error texts.

The extra positional arguments become a tuple and the extra keyword arguments a dict, both counted
like any tuple or dict the program builds (max_sequence_len and the run's total); the arguments
themselves were already counted where the call spread them (`f(*xs)`)."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any, NamedTuple

from autogradlab.errors import ProgramTypeError
from autogradlab.lang.calls import require_data
from autogradlab.lang.safe_values import SafeFunction, UserFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_MISSING = object()


def _type_error(text: str) -> Exception:
    """CPython's own TypeError (said as Python's words in every language)."""
    from autogradlab.lang.operators import python_error
    return python_error(TypeError(text))


class StarParameters(NamedTuple):
    vararg: str | None                 # the name of *args
    kwonly: tuple[str, ...]            # keyword-only parameter names (after * or *args)
    kw_defaults: tuple[Any, ...]       # their defaults (_MISSING: required)
    kwarg: str | None                  # the name of **kwargs
    posonly: int = 0                   # how many of the first parameters are positional-only (before `/`)


def star_parameters(interp: Interpreter, args: ast.arguments) -> StarParameters:
    defaults = tuple(_MISSING if node is None else _default(interp.eval(node)) for node in args.kw_defaults)
    return StarParameters(args.vararg.arg if args.vararg else None, tuple(a.arg for a in args.kwonlyargs),
                          defaults, args.kwarg.arg if args.kwarg else None, len(args.posonlyargs))


def _default(value: Any) -> Any:
    # a function, the program's or a library's (`f=np.square`: numpy's fractals tutorial), as when passed
    if isinstance(value, UserFunction) or type(value) is SafeFunction:   # not F.apply (FunctionApply)
        return value
    return default_value(value)


def default_value(value: Any) -> Any:
    """A default value: data, or an object of the program's classes (`initializer=NormalInitializer()`:
    DTU 02456's nanograd notebook, session 42), made once when the def runs and shared by the calls, as
    in Python. Anything else (a class, F.apply, a generator) stays refused with require_data's words."""
    if type(value).__name__ == "ProgramObject":   # lang/plain_classes.py (not imported here: a cycle)
        from autogradlab.lang.safe_values import note_stored_object
        note_stored_object()   # is_data's exact walk from now on, as when an object goes into a list
        return value
    if type(value) in (list, tuple, dict):   # `layers=[Layer(), Layer()]`: as a list item takes it
        from autogradlab.lang.stored_objects import require_item  # (red team s43: was refused)
        return require_item(value, "as a default value")
    return require_data(value, "as a default value")


def _names(names: list[str]) -> str:
    """CPython's list of missing names: 'a', 'a' and 'b', 'a', 'b', and 'c'."""
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


def _missing(fn: UserFunction, names: list[str], kind: str) -> ProgramTypeError:
    plural = "s" if len(names) > 1 else ""
    return _type_error(f"{fn.qualname}() missing {len(names)} required {kind} argument{plural}: "
                            f"{_names(names)}")


def missing_positional(fn: UserFunction, names: list[str]) -> ProgramTypeError:
    return _missing(fn, names, "positional")


def missing_keyword_only(fn: UserFunction, names: list[str]) -> ProgramTypeError:
    return _missing(fn, names, "keyword-only")


def too_many_positional(fn: UserFunction, given: int, kwonly_given: int) -> ProgramTypeError:
    total, required = len(fn.params), len(fn.params) - len(fn.defaults)
    takes = f"from {required} to {total}" if fn.defaults else f"{total}"
    plural = "" if total == 1 and not fn.defaults else "s"
    was = "was" if given == 1 else "were"
    if kwonly_given:
        extra = f"{kwonly_given} keyword-only argument{'s' if kwonly_given > 1 else ''}"
        return _type_error(f"{fn.qualname}() takes {takes} positional argument{plural} but {given} "
                                f"positional argument{'s' if given > 1 else ''} (and {extra}) {was} given")
    return _type_error(f"{fn.qualname}() takes {takes} positional argument{plural} but {given} {was} given")


def _unexpected(fn: UserFunction, word: str, positional_only: list[str]) -> ProgramTypeError:
    """CPython names the positional-only parameters given by keyword first, whichever came first."""
    if positional_only:
        return _type_error(f"{fn.qualname}() got some positional-only arguments passed as keyword arguments: "
                           f"'{', '.join(positional_only)}'")
    return _type_error(f"{fn.qualname}() got an unexpected keyword argument '{word}'")


def bind_star(interp: Interpreter, fn: UserFunction, args: list, kwargs: dict) -> dict[str, Any]:
    star: StarParameters = fn.star
    params = fn.params
    if len(args) > len(params) and star.vararg is None:
        raise too_many_positional(fn, len(args), sum(name in kwargs for name in star.kwonly))
    bound: dict[str, Any] = dict(zip(params, args, strict=False))
    extra_kwargs: dict[str, Any] = {}
    named = params[star.posonly:] if star.posonly else params   # a positional-only name is no keyword
    for word, value in kwargs.items():
        if word in named or word in star.kwonly:
            if word in bound:
                raise _type_error(f"{fn.qualname}() got multiple values for argument '{word}'")
            bound[word] = value
        elif star.kwarg is not None:
            extra_kwargs[word] = value
        else:
            raise _unexpected(fn, word, [w for w in kwargs if w in params[:star.posonly]])
    first_default = len(params) - len(fn.defaults)
    missing = [name for name in params[:first_default] if name not in bound]
    if missing:
        raise _missing(fn, missing, "positional")
    for position, name in enumerate(params[first_default:]):
        bound.setdefault(name, fn.defaults[position])
    missing = [name for name, default in zip(star.kwonly, star.kw_defaults, strict=True)
               if name not in bound and default is _MISSING]
    if missing:
        raise _missing(fn, missing, "keyword-only")
    ordered = {name: bound[name] for name in params}
    if star.vararg is not None:
        rest = tuple(args[len(params):])
        interp.sizes.charge_sequence(len(rest), f"the *{star.vararg} tuple")
        ordered[star.vararg] = rest
    for name, default in zip(star.kwonly, star.kw_defaults, strict=True):
        ordered[name] = bound.get(name, default)
    if star.kwarg is not None:
        interp.sizes.charge_sequence(len(extra_kwargs), f"the **{star.kwarg} dictionary")
        ordered[star.kwarg] = extra_kwargs
    return ordered

"""What a notebook shows for a bare function name (`torch.dot`, `f`, `print`): Python's repr without the
address, as the Variables table and the oracle write other objects (`<built-in method dot of type object>`).

Only the engine's own qualname of an allowlisted function is looked up on the real library module (never a
text the program wrote), so the repr is that of a trusted callable; functions the program made (partials,
torch.func transforms, bound methods) keep showing nothing.
"""

from __future__ import annotations

import builtins
import copy
import functools
import inspect
import itertools
import math
import operator
import random
import re
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from autogradlab.lang.safe_values import SafeFunction, UserFunction

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_MODULES = {"": builtins, "torch": torch, "torch.linalg": torch.linalg, "torch.nn.functional": F,
            "torch.special": torch.special, "torch.fft": torch.fft,
            "torch.autograd": torch.autograd, "torch.autograd.functional": torch.autograd.functional,
            "torch.func": torch.func, "numpy": np, "math": math,
            "torch.autograd.forward_ad": torch.autograd.forward_ad,
            "torch.autograd.graph": torch.autograd.graph,
            # `partial` shows <class 'functools.partial'>, np.linalg.norm <function norm>, as in Python
            "functools": functools, "itertools": itertools, "copy": copy, "random": random,
            "operator": operator,
            "numpy.linalg": np.linalg, "numpy.random": np.random}


def library_routine(value: SafeFunction) -> Any:
    """The library's own function or ufunc behind an allowlisted name (print, torch.sin, np.add), else None
    (a class such as torch.no_grad, or a name no module here has)."""
    module, _, name = value.qualname.rpartition(".")
    real = getattr(_MODULES[module], name, None) if module in _MODULES else None
    return real if inspect.isroutine(real) or isinstance(real, np.ufunc) else None


def function_text(value: Any) -> str | None:
    """`<function f>` for the program's def or lambda, the library's repr for an allowlisted function,
    None for anything else."""
    if type(value) is UserFunction:
        return repr(value)
    if type(value).__name__ in ("VjpFunction", "LinearizeFunction"):   # PyTorch's vjp_fn / jvp_fn: their
        return repr(value)                                             # repr without the address
    if type(value).__name__ in ("ItemGetter", "AttrGetter"):   # `g` shows operator.itemgetter(1), as CPython
        return repr(value)
    if type(value) is SafeFunction and value.qualname == "display":   # display(display): IPython's text
        return "<function display>"
    if type(value) is not SafeFunction:
        return None
    module, _, name = value.qualname.rpartition(".")
    real = getattr(_MODULES[module], name, None) if module in _MODULES else None
    if real is None or not callable(real):
        return None
    return _ADDRESS.sub("", repr(real))   # a class (fwAD.dual_level, torch.no_grad): <class '...'>


def is_python_function(value: SafeFunction) -> bool:
    """An allowlisted function PyTorch writes in Python (fwAD.make_dual, torch.func.vmap): type() says
    `function`, as CPython's, where a C function is `builtin_function_or_method`."""
    module, _, name = value.qualname.rpartition(".")
    if value.qualname == "display":   # a notebook's display(): IPython's function (lang/display_calls.py)
        return True
    return module in _MODULES and inspect.isfunction(getattr(_MODULES[module], name, None))


FAKE_ADDRESS = " at 0x7f0000000000"   # the engine's one address (lang/data_wrappers.py's objects show it too)


def function_qualname(fn: UserFunction) -> str:
    """`outer.<locals>.inner` for a def inside a def, `<listcomp>.<lambda>` for a lambda of a comprehension,
    as Python 3.11's __qualname__ (class-body scopes name no function of their own here)."""
    return fn.shown_name or scope_qualname(fn.name, fn.closure)


def scope_qualname(name: str, scope: Any) -> str:
    """The __qualname__ of `name` (a function, `<genexpr>`) made in `scope`."""
    names = [name]
    while scope is not None:
        block = getattr(scope, "block", None)
        if block is not None:
            names.append(block)
        elif scope.function_name and not getattr(scope, "comprehension", False):
            names.append(f"{scope.function_name}.<locals>")
        scope = scope.parent
    return ".".join(reversed(names))


# `d.get` bound to a dict, `dict.fromkeys`, `str.upper` unbound (lang/unbound_methods.py): CPython's texts
_METHOD_TEXTS = {"dict": {"get": "<built-in method get of dict object{at}>",
                          "fromkeys": "<built-in method fromkeys of type object{at}>"},
                 "str": {}}   # any name: "<method '{name}' of 'str' objects>"


def printed_code_text(value: Any) -> str | None:
    """What print(), str() and repr() write for a function, a bound method, a generator or an iterator:
    Python's text with the engine's fake address; None for anything else."""
    kind = type(value)
    if kind is UserFunction:
        return f"<function {function_qualname(value)}{FAKE_ADDRESS}>"
    if kind is SafeFunction:
        module, _, name = value.qualname.rpartition(".")
        if module in _METHOD_TEXTS:   # lang/unbound_methods.py's
            text = _METHOD_TEXTS[module].get(name, "<method '{name}' of '" + module + "' objects>")
            return text.format(name=name, at=FAKE_ADDRESS)
        real = getattr(_MODULES[module], name, None) if module in _MODULES else None
        if real is None or not callable(real):
            return None
        return _ADDRESS.sub(FAKE_ADDRESS, repr(real))   # a class (fwAD.dual_level): <class '...'>
    if kind.__name__ == "BoundMethod":   # `A.m of <__main__.A object>`
        head, _, owner = value.qualname.partition(" of ")
        if owner.startswith("<__main__.") and owner.endswith(" object>"):
            owner = owner[:-1] + FAKE_ADDRESS + ">"
        return f"<bound method {head} of {owner}>"
    if kind.__name__ == "ProgramGenerator":
        return f"<generator object {function_qualname(value._fn)}{FAKE_ADDRESS}>"
    if kind.__name__ == "SequenceIterator":
        text = repr(value)
        if not text.startswith("<"):   # count(5), repeat(0, 3): CPython's own text (itertools_lazy.py)
            return text
        return text[:-1] + FAKE_ADDRESS + ">"
    return None

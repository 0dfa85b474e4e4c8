"""`import pprint; pp = pprint.PrettyPrinter(); pp.pprint(x.grad)`: the CS224N PyTorch tutorial's printing.

Python's own pprint lays the text out, on data values only (numbers, strings, tensors, arrays, lists,
tuples and dicts of them: is_data), whose repr is torch's, numpy's or the engine's own; an object of the
program's classes or a function is refused, so no program code runs inside the library. The value is
weighed before any text is made (print's rule: sizes.check_text_weight), the text counts toward
max_printed_chars as print()'s does, and the options are whole numbers in fixed ranges. `stream=`
(a file) is refused.
"""

from __future__ import annotations

import ast
import pprint
import re
from typing import TYPE_CHECKING, Any

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError, ProgramValueError
from autogradlab.lang.builtin_arguments import _charge_printed
from autogradlab.lang.named_arguments import bind_named
from autogradlab.lang.safe_values import FunctionValue, Namespace, SafeFunction, is_data

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

MAX_INDENT = 100
MAX_WIDTH = 10_000
MAX_DEPTH = 1_000
OPTIONS = ("indent", "width", "depth", "compact", "sort_dicts", "underscore_numbers")
_RANGES = {"indent": (0, MAX_INDENT), "width": (1, MAX_WIDTH), "depth": (1, MAX_DEPTH)}


def _checked_options(fn: str, given: dict[str, Any]) -> dict[str, Any]:
    for name, value in given.items():
        if name == "stream":
            raise NotSupported(f"`{fn}(stream=...)` is not supported in Autograd Lab: it prints to the "
                               "program's output only")
        if name not in OPTIONS:
            raise ProgramTypeError(f"{fn}() got an unexpected keyword argument '{name}'")
        if name in _RANGES:
            if value is None and name == "depth":
                continue
            low, high = _RANGES[name]
            if type(value) is not int:
                raise ProgramTypeError(f"{fn}(): {name} must be an int, not {type(value).__name__}")
            if not low <= value <= high:
                raise ProgramValueError(f"{fn}(): {name} must be from {low} to {high} in Autograd Lab, "
                                        f"not {value}")
        elif type(value) is not bool:
            raise ProgramTypeError(f"{fn}(): {name} must be a bool, not {type(value).__name__}")
    return given


def _text(interp: Interpreter, fn: str, value: Any, options: dict[str, Any]) -> str:
    if not is_data(value):
        raise NotSupported(f"`{fn}` prints numbers, strings, tensors and lists, tuples and dicts of them "
                           "in Autograd Lab")
    interp.sizes.check_text_weight(value, "the text")
    stream = _CappedText(interp.limits.max_sequence_len)
    _CountedPrinter(interp, **options, stream=stream).pprint(value)   # pformat's text, then a newline
    text = "".join(stream.parts)[:-1]
    interp.sizes.charge_sequence(len(text), "the text")
    return _fixed_recursion_ids(text, value) if "<Recursion on " in text else text


class _CountedPrinter(pprint.PrettyPrinter):
    """Python's PrettyPrinter, each value it formats one step of the program (max_steps, and the time
    limit's check): a container too wide for one line is formatted again for each of its items' lines,
    so data nested d deep costs d times its weight (90,000 numbers nested 95 deep: 9.4 s in CPython's
    pprint, whatever the indent and width)."""

    def __init__(self, interp: Interpreter, **options: Any) -> None:
        super().__init__(**options)
        self._tick = interp._tick

    def format(self, object: Any, context: dict, maxlevels: int, level: int) -> tuple[str, bool, bool]:  # noqa: A002
        self._tick()
        return super().format(object, context, maxlevels, level)


class _CappedText:
    """The stream PrettyPrinter writes its layout to, refused as soon as it passes `cap` characters:
    the weight check counts values, not the indentation pprint adds to each line (50,000 numbers in a
    list nested 38 deep, indent=100, width=1: 195 million characters were made before being measured)."""

    def __init__(self, cap: int) -> None:
        self.cap, self.size, self.parts = cap, 0, []

    def write(self, text: str) -> None:
        self.size += len(text)
        if self.size > self.cap + 1:   # + 1: pprint's final newline
            raise LimitExceeded(f"the text pprint lays out would have more than {self.cap:,} characters",
                                hint="use a smaller indent or a larger width, or print a smaller part "
                                     "(limit max_sequence_len)")
        self.parts.append(text)


FAKE_ID = 0x7F0000000000   # PrettyPrinterValue's fake address: no real address reaches the program
_RECURSION = re.compile(r"<Recursion on (\w+) with id=(\d+)>")


def _fixed_recursion_ids(text: str, value: Any) -> str:
    """pprint writes a list inside itself as `<Recursion on list with id=140...>`: its address. The
    ids of the value's own lists, tuples and dicts are replaced by FAKE_ID (security.md 3)."""
    ids, stack = set(), [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple, dict)) and id(item) not in ids:
            ids.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)

    def fake(match: re.Match) -> str:
        return f"<Recursion on {match[1]} with id={FAKE_ID}>" if int(match[2]) in ids else match[0]
    return _RECURSION.sub(fake, text)


def _one_value(fn: str, args: list, kwargs: dict, positional: tuple[str, ...]) -> tuple[Any, dict[str, Any]]:
    if not args:
        raise ProgramTypeError(f"{fn}() missing 1 required positional argument: 'object'")
    if len(args) > 1 + len(positional):
        raise ProgramTypeError(f"{fn}() takes from 1 to {1 + len(positional)} positional arguments but "
                               f"{len(args)} were given")
    return args[0], bind_named(fn, positional, args[1:], kwargs)


def _printer(fn: str, options: dict[str, Any] | None, prints: bool):  # noqa: ANN202
    """pprint.pprint/pformat(object, stream, indent, width, depth, *, ...) when options is None; a
    PrettyPrinter's pprint/pformat(object) with the printer's options otherwise."""
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
        if options is None:
            value, more = _one_value(fn, args, kwargs, ("stream", *OPTIONS[:3]))
            chosen = _checked_options(fn, more)
        else:
            if kwargs:
                raise ProgramTypeError(f"{fn}() got an unexpected keyword argument '{sorted(kwargs)[0]}'")
            value, _ = _one_value(fn, args, {}, ())
            chosen = options
        text = _text(interp, fn, value, chosen)
        if not prints:
            return text
        _charge_printed(interp, len(text) + 1)
        interp.hooks.on_print(text + "\n")
        return None
    return impl


class PrettyPrinterValue(FunctionValue):
    """What pprint.PrettyPrinter(...) makes: storable in a name (`pp = pprint.PrettyPrinter()`), never data;
    its methods pprint(object) and pformat(object) use its options (attributes.call_method)."""

    text = "<pprint.PrettyPrinter object at 0x7f0000000000>"   # a fixed fake address, as SafeGenerator's

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__("pprint.PrettyPrinter", _not_callable)
        self.methods = {"pprint": _printer("pprint", options, prints=True),
                        "pformat": _printer("pformat", options, prints=False)}

    def __repr__(self) -> str:
        return self.text

    def call_method(self, interp: Interpreter, name: str, args: list, kwargs: dict, node: ast.AST) -> Any:
        if name not in self.methods:
            raise NotSupported(f"`PrettyPrinter.{name}` is not supported in Autograd Lab: use .pprint(x) "
                               "or .pformat(x)")
        return self.methods[name](interp, args, kwargs, node)


def _not_callable(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    raise ProgramTypeError("'PrettyPrinter' object is not callable")


def _pretty_printer(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> PrettyPrinterValue:
    """pprint.PrettyPrinter(indent, width, depth, stream, *, compact, sort_dicts, underscore_numbers)."""
    positional = ("indent", "width", "depth", "stream")
    if len(args) > len(positional):
        raise ProgramTypeError(f"PrettyPrinter.__init__() takes from 1 to {len(positional) + 1} positional "
                               f"arguments but {len(args) + 1} were given")
    given = bind_named("PrettyPrinter.__init__", positional, args, kwargs)
    return PrettyPrinterValue(_checked_options("pprint.PrettyPrinter", given))


def pprint_namespace() -> Namespace:
    return Namespace("pprint", {
        "pprint": SafeFunction("pprint.pprint", _printer("pprint", None, prints=True)),
        "pformat": SafeFunction("pprint.pformat", _printer("pformat", None, prints=False)),
        "PrettyPrinter": SafeFunction("pprint.PrettyPrinter", _pretty_printer),
    })

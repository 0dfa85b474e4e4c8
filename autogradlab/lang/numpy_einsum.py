"""np.einsum(subscripts, *operands) as NumPy lessons write it: `np.einsum('ij,jk->ik', a, b)`,
`np.einsum('ii', a)`, `np.einsum('i,i', x, y)`, `np.einsum('...ij->...ji', a)` (issue 9, session 29).

NumPy's einsum without `optimize` walks every combination of the letters' values once, in one C loop:
its work is the product of all letters' sizes (times the operands), and its only allocation the result.
Both are worked out here from the subscripts and the shapes with Python ints before NumPy runs: the
result's elements against the element limits (numpy_ops.charge), the work against max_call_work (the
limit torch.linalg's and np.linalg's costly calls meet). The subscripts are a string of letters, commas,
`->` and `...`; operands are arrays, numbers and lists of numbers; NumPy words its own errors (a letter's
sizes disagreeing, a wrong operand count). `optimize=` is not taken (NumPy's optimized path makes
intermediates of its own choosing).
"""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING, Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError
from autogradlab.lang.numpy_ops import _guarded, _raw, _wrap, charge, lists_as_arrays
from autogradlab.lang.safe_values import SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

def _numpy_error(text: str) -> ProgramError:
    """NumPy's ValueError with NumPy's words (a program's `except ValueError` catches it)."""
    from autogradlab.lang.operators import python_error
    return python_error(ValueError(text))


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
MAX_SUBSCRIPTS = 200   # characters: an equation longer than any lesson's


def _terms(subscripts: str, count: int) -> tuple[list[str], str | None]:
    """The input terms and the output term (None: implicit), with `...` kept as '.'; ValueError
    (NumPy's wording) for a malformed equation."""
    text = subscripts.replace(" ", "")
    if any(c not in _LETTERS and c not in ",->." for c in text):
        raise _numpy_error("invalid subscript in einstein sum subscripts string, subscripts must be "
                                "letters")
    left, arrow, right = text.partition("->")
    inputs = left.split(",")
    if len(inputs) != count:
        raise _numpy_error("more operands provided to einstein sum function than specified in the "
                                "subscripts string" if count > len(inputs) else
                                "fewer operands provided to einstein sum function than specified in the "
                                "subscripts string")
    return [t.replace("...", ".") for t in inputs], right.replace("...", ".") if arrow else None


def _sizes(inputs: list[str], shapes: list[tuple[int, ...]]) -> tuple[dict[str, int], tuple[int, ...]]:
    """Each letter's size (the largest seen: NumPy refuses a disagreement itself) and the broadcast
    shape the ellipses stand for."""
    sizes: dict[str, int] = {}
    ellipses = []
    for term, shape in zip(inputs, shapes, strict=True):
        letters = [c for c in term if c != "."]
        if "." in term:
            kept = len(shape) - len(letters)
            if kept < 0 or term.count(".") != 1:
                raise _numpy_error("einstein sum subscripts string contains too many subscripts for "
                                        "the operand")
            at = term.index(".")
            ellipses.append(shape[at:at + kept])
            dims = list(shape[:at]) + list(shape[at + kept:])
        else:
            if len(letters) != len(shape):
                raise _numpy_error("operand has more dimensions than subscripts given in einstein sum")
            dims = list(shape)
        for letter, size in zip(letters, dims, strict=True):
            sizes[letter] = max(sizes.get(letter, size), size)
    try:
        dots = np.broadcast_shapes(*ellipses) if ellipses else ()
    except ValueError:
        raise _numpy_error("operands could not be broadcast together with remapped shapes") from None
    return sizes, tuple(dots)


def _output_letters(inputs: list[str], output: str | None) -> str:
    """The implicit output: the letters seen once, in alphabetical order (NumPy's rule)."""
    if output is not None:
        return output.replace(".", "")
    seen = "".join(inputs).replace(".", "")
    return "".join(sorted(c for c in set(seen) if seen.count(c) == 1))


def _einsum(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if not args or not isinstance(args[0], str) or len(args) < 2 or set(kwargs) - {"optimize"} \
            or kwargs.get("optimize", False) is not False:
        raise NotSupported("Autograd Lab supports `np.einsum('subscripts', *operands)` (without optimize=)")
    subscripts = args[0]
    if len(subscripts) > MAX_SUBSCRIPTS:
        raise NotSupported(f"Autograd Lab supports einsum subscripts of at most {MAX_SUBSCRIPTS} characters")
    operands = [_raw(a, "np.einsum") for a in lists_as_arrays(interp, list(args[1:]))]
    inputs, output = _terms(subscripts, len(operands))
    sizes, dots = _sizes(inputs, [tuple(np.shape(a)) for a in operands])
    out_letters = _output_letters(inputs, output)
    if any(c not in sizes for c in out_letters):
        raise _numpy_error("einstein sum subscripts string included output subscript which never "
                                "appeared in an input")
    broadcast = math.prod(dots)
    charge(interp, broadcast * math.prod(sizes[c] for c in out_letters), "np.einsum")
    work = broadcast * math.prod(sizes.values()) * len(operands)
    limit = interp.limits.max_call_work
    if work > limit:
        shapes = ", ".join(str(tuple(np.shape(a))) for a in operands)
        raise LimitExceeded(f"np.einsum('{subscripts}') of shapes {shapes} would take about {work:,} "
                            f"arithmetic steps in one call; the limit is {limit:,} per call",
                            hint="use smaller arrays (limit max_call_work)")
    return _wrap(_guarded(lambda: np.einsum(subscripts, *operands)))


def numpy_einsum_members() -> dict[str, SafeFunction]:
    return {"einsum": SafeFunction("numpy.einsum", _einsum)}

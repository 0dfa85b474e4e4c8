"""More list and str methods of the Python basics lessons use: list.insert/remove/reverse/sort/
clear/copy and str.replace/lstrip/rstrip/find/count/isdigit/center/zfill/title/partition/
splitlines..., each under the limits the other
methods keep (attributes.PLAIN_METHODS): a list that grows or a string or list that is built is
checked and counted in the run's total before it is made (sizes.charge_sequence); a value that a
method puts into its error message is weighed first; sorting compares plain values only, so no
tensor code runs from inside list.sort() where the interpreter's time check cannot see it."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from autogradlab.lang.calls import require_data
from autogradlab.lang.compare_guard import run_sized
from autogradlab.lang.search_work import charge_search


def _insert(interp: Any, base: list, args: list) -> None:
    interp.sizes.charge_sequence(len(base) + 1, "the list", added=1)
    base.insert(*args)


def _remove(interp: Any, base: list, args: list) -> None:
    for value in args:   # "list.remove(x): x not in list" does not repr x, but weigh it like index()
        interp.sizes.check_text_weight(value, "the value passed to .remove()")
    if args:   # a nested list compared with each item, as `in` weighs it
        interp.sizes.check_search(args[0], base, "`.remove()`")
    charge_search(interp, base, args[0] if args else None, "`.remove()`")
    run_sized(interp.sizes, base.remove, *args)   # each item compared (compare_guard.py)


def sort_list(interp: Any, base: list, args: list, kwargs: dict, node: Any) -> None:
    """list.sort(key=..., reverse=...): sorting.py compares plain values only."""
    from autogradlab.lang.sorting import sort_keywords, sorted_items
    if args:
        raise TypeError("sort() takes no positional arguments")   # CPython 3.11's words
    key, reverse = sort_keywords(kwargs)
    base[:] = sorted_items(interp, base, key, require_data(reverse, "in `.sort()`"), node, "`list.sort()`")


def _padded(method: str) -> Callable[..., Any]:
    """str.center/ljust/rjust/zfill(width): the result has max(len, width) characters, checked and
    counted before it is built (`'a'.center(10**9)` is the string limit's refusal)."""
    def call(interp: Any, base: str, args: list) -> str:
        if args:   # the width as Python reads it, by __index__: 'x'.ljust(torch.tensor(10**8)) too
            try:
                width = operator.index(args[0])
            except TypeError:
                width = 0   # no width: Python's own TypeError below
            interp.sizes.charge_sequence(max(len(base), width), f"the result of .{method}()")
        return getattr(base, method)(*args)
    return call


def _expandtabs(interp: Any, base: str, args: list, **kwargs: Any) -> str:
    """str.expandtabs(tabsize=8) (Python Bootcamp, session 38): its length is counted before it is built,
    column by column as CPython counts it ('\t' * 10**5).expandtabs(10**5) is the string limit's refusal)."""
    values = [*args, *kwargs.values()]
    if len(values) == 1 and set(kwargs) <= {"tabsize"}:
        try:
            size = operator.index(values[0])
        except TypeError:
            size = None   # Python's own TypeError below
        if size is not None:
            column = length = 0
            for char in base:
                if char == "\t":
                    step = size - column % size if size > 0 else 0
                    column, length = column + step, length + step
                else:
                    column, length = (0 if char in "\n\r" else column + 1), length + 1
            interp.sizes.charge_sequence(length, "the result of .expandtabs()")
    else:
        interp.sizes.charge_sequence(len(base) * 8, "the result of .expandtabs()")
    return base.expandtabs(*args, **kwargs)


def _copy(interp: Any, base: list, args: list) -> list:
    interp.sizes.charge_sequence(len(base), "the copy of the list")
    return base.copy(*args)


def _replace(interp: Any, base: str, args: list) -> str:
    """The result's length is known before it is built: len + n * (len(new) - len(old))."""
    if len(args) not in (2, 3) or not all(isinstance(a, str) for a in args[:2]):
        return base.replace(*args)   # Python's own TypeError
    old, new = args[0], args[1]
    n = base.count(old) if old else len(base) + 1
    if len(args) == 3 and isinstance(args[2], int) and args[2] >= 0:
        n = min(n, args[2])
    interp.sizes.charge_sequence(max(len(base) + n * (len(new) - len(old)), 0), "the result of .replace()")
    return base.replace(*args)


def copying(method: str) -> Callable[..., Any]:
    """str.upper() and the like build a new string (or list) of at most len(base) items: counted
    in the run's total before it is built, as other built strings are."""
    def call(interp: Any, base: Any, args: list, **kwargs: Any) -> Any:
        interp.sizes.charge_sequence(len(base), f"the result of .{method}()")
        result = getattr(base, method)(*args, **kwargs)
        if type(result) is str and len(result) > len(base):   # 'ß'.upper() == 'SS': at most 3x
            interp.sizes.check_length(len(result), f"the result of .{method}()")
        return result
    return call


def _encode(interp: Any, base: str, args: list, **kwargs: Any) -> Any:
    from autogradlab.lang.bytes_values import encode
    return encode(interp, base, args, **kwargs)


def plain(method: str) -> Callable[..., Any]:
    """A method that builds nothing new (or a bool/int): called as it is."""
    return lambda interp, base, args: getattr(base, method)(*args)


# Methods whose keyword arguments are passed on (their values are data, checked by the caller).
KEYWORD_METHODS = frozenset({(str, "split"), (str, "rsplit"), (str, "splitlines"), (str, "expandtabs"),
                             (str, "encode")})


MORE_METHODS: dict[tuple[type, str], Callable[..., Any]] = {
    (list, "insert"): _insert, (list, "remove"): _remove,
    (list, "reverse"): plain("reverse"), (list, "clear"): plain("clear"), (list, "copy"): _copy,
    (str, "replace"): _replace, (str, "expandtabs"): _expandtabs, (str, "encode"): _encode,
    (str, "lstrip"): copying("lstrip"), (str, "rstrip"): copying("rstrip"),
    **{(str, name): plain(name) for name in ("find", "rfind", "count", "isdigit", "isalpha", "isspace",
                                              "isupper", "islower", "isnumeric", "isalnum", "istitle",
                                              "isdecimal", "index", "rindex", "isidentifier", "isascii",
                                              "isprintable")},
    **{(str, name): _padded(name) for name in ("center", "ljust", "rjust", "zfill")},
    **{(str, name): copying(name) for name in ("title", "capitalize", "swapcase", "casefold", "partition",
                                               "rpartition", "splitlines", "rsplit")},
}

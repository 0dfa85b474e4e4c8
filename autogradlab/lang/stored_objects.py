"""Objects of the program's classes inside lists, tuples and dicts (issue 9: `layers = [Layer(), Layer()]`,
`for layer in layers: x = layer(x)`, `d = {"a": A()}`).

An object may go into a container wherever the program builds one (displays, comprehensions, `append`,
`xs[i] = obj`, `*args`), and a container holding objects may go wherever the program itself uses it
(variables, attributes, `for`, unpacking, returns, arguments of its functions, len/list/enumerate/zip,
print). It stays no data: every torch, NumPy and Python library call checks its arguments with is_data,
which refuses a container holding an object, and, once a run has put an object into a container, walks
every container whole (lang/safe_values.py), so no list is too long to hide one.
"""

from __future__ import annotations

from typing import Any

from autogradlab.lang.safe_values import (
    _ATOM_TYPES,
    CODE_TYPES,
    STORED_OBJECT_TYPES,
    is_data,
    is_storable,
    note_stored_object,
    objects_stored,
)
from autogradlab.lang.set_value import ProgramSet
from autogradlab.utf8_text import encodable

_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
CONTAINERS = (list, tuple, dict, ProgramSet, *_VIEWS)   # what may hold objects of the program's classes


def require_item(value: Any, where: str) -> Any:
    """A value going into a list, tuple or dict: data, an object of the program's classes, or a
    container of those."""
    if type(value) in STORED_OBJECT_TYPES:
        note_stored_object()
        return value
    return require_storable(value, where)


def require_storable(value: Any, where: str) -> Any:
    """A value the program uses itself: data, or a container that may hold objects of its classes
    (an object on its own keeps its own paths and messages)."""
    if type(value) not in STORED_OBJECT_TYPES and is_storable(value):
        return value
    if not objects_stored() and type(value) not in STORED_OBJECT_TYPES:   # `[torch.sin, f]`: functions are
        note_stored_object()                                  # storable from now on (lang/safe_values.py)
        if is_storable(value):
            return value
    from autogradlab.lang.func_transforms import VjpResult
    if type(value) is VjpResult:   # `_, vjp_fn = vjp(f, x)`: the output and PyTorch's vjp_fn
        return value
    from autogradlab.lang.calls import require_data
    return require_data(value, where)


def require_index(value: Any) -> Any:
    """A part of `x[...]`: data, or an object or class of the program or a tuple holding them (a dict's
    key: `names[node]`, `edges[(a, b)]`); any other base refuses such an index (refuse_object_index)."""
    kind = type(value)
    if kind in _ATOM_TYPES:
        return value
    if kind in STORED_OBJECT_TYPES or kind is tuple and not is_data(value) and is_storable(value) \
            or isinstance(value, tuple(CODE_TYPES)):   # `ops[torch.sin]`: a function as a dict's key
        note_stored_object()
        return value
    from autogradlab.lang.calls import require_data
    return require_data(value, "as an index")


def refuse_object_index(index: Any) -> None:
    """`xs[node]`, `t[node, 0]`, `obj[node]`: an index holding an object reaches dicts alone; elsewhere it
    is refused as before (require_index notes every such index, so no run without objects walks one)."""
    kind = type(index)
    if not objects_stored() or kind in _ATOM_TYPES or kind is tuple and set(map(type, index)) <= _ATOM_TYPES:
        return   # (`t[i, 0]` in a loop: no walk)
    if kind in STORED_OBJECT_TYPES or kind is tuple and not is_data(index) \
            or isinstance(index, tuple(CODE_TYPES)):
        from autogradlab.lang.calls import require_data
        require_data(index, "as an index")


def first_non_data(value: Any) -> Any:
    """The first value inside a list, tuple or dict that is no data (for the message naming it), or the
    container itself when none is found."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        items = [*item.keys(), *item.values()] if isinstance(item, dict) else list(item) \
            if type(item) is ProgramSet else item
        if not isinstance(items, list | tuple):
            if not is_data(item):
                return item
            continue
        stack.extend(x for x in reversed(items) if type(x) not in _ATOM_TYPES)
    return value


MAX_TEXT_DEPTH = 100   # nesting container_text follows (Python's own repr stops at its recursion limit)


def container_text(interp: Any, value: Any, depth: int = 0, open_: set[int] | None = None) -> str:
    """repr() of a list, tuple or dict that holds objects of the program's classes, as Python builds it:
    each object's text from its own __repr__ (lang/class_dispatch.py), `[...]` for a list inside itself."""
    from autogradlab.errors import LimitExceeded
    from autogradlab.lang.builtins import text_of
    from autogradlab.lang.class_dispatch import object_text
    if type(value) in STORED_OBJECT_TYPES:
        text = object_text(interp, value, "repr")
        interp.sizes.charge_sequence(len(text), "the text")
        return text
    if not isinstance(value, CONTAINERS):
        return text_of(interp, value, repr)
    if depth > MAX_TEXT_DEPTH:
        raise LimitExceeded(f"the list to show is nested more than {MAX_TEXT_DEPTH} deep; the limit is "
                            f"{MAX_TEXT_DEPTH}", hint="show its parts instead")
    open_ = set() if open_ is None else open_
    if id(value) in open_:
        return "{...}" if isinstance(value, dict | ProgramSet) else "[...]" if isinstance(value, list) \
            else "(...)"
    if isinstance(value, _VIEWS):   # `print(d.items())`: dict_items([(Value(2.0), 0)])
        return f"{type(value).__name__}({container_text(interp, list(value), depth + 1, open_)})"
    open_.add(id(value))
    try:
        if isinstance(value, dict):
            parts = [f"{container_text(interp, key, depth + 1, open_)}: "   # `{node: 'x'}`: its own __repr__
                     f"{container_text(interp, item, depth + 1, open_)}" for key, item in list(value.items())]
            _check_joined(interp, parts)
            return "{" + ", ".join(parts) + "}"
        parts = []
        for index, item in enumerate(value):   # functions' texts take no step: the time limit is checked
            if index % 256 == 255:              # here (8 Variables of [f] * 100000 took 6 s of a 5 s limit)
                interp.check_time()
            parts.append(container_text(interp, item, depth + 1, open_))
    finally:
        open_.discard(id(value))
    _check_joined(interp, parts, one_tuple=isinstance(value, tuple))
    if isinstance(value, ProgramSet):   # a set of objects: in its own order, as Python's repr
        return "{" + ", ".join(parts) + "}" if parts else "set()"
    if isinstance(value, tuple):
        return "(" + parts[0] + ",)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"
    return "[" + ", ".join(parts) + "]"


def _check_joined(interp: Any, parts: list[str], one_tuple: bool = False) -> None:
    """The text of a container of objects is a string like any other (max_sequence_len), however short
    each object's own text: str([F()] * 50) of a 99,000-character __repr__ made 4.9M characters."""
    brackets = 2 * len(parts) + (one_tuple and len(parts) == 1)   # `[a, b]`; `(a,)`
    interp.sizes.check_length(sum(map(len, parts)) + max(brackets, 2), "the text")


class ShownText:
    """What a bare expression holding the program's objects displays: the text the interpreter made
    (their own __repr__ run under the run's limits), shown by the Report as it is."""

    __slots__ = ("text", "type_name")

    def __init__(self, text: str, type_name: str = "") -> None:
        self.text = text
        self.type_name = type_name   # `A`, `list`: the Variables table's type column

    def __repr__(self) -> str:
        return self.text


def display_value(interp: Any, value: Any) -> ShownText | None:
    """For a top-level bare expression that is no data: an object, a class, a function, or a container
    holding objects shows Python's repr of it (`<__main__.A object>` without the address); None otherwise."""
    from autogradlab.lang.class_dispatch import OBJECTS, object_text
    from autogradlab.lang.function_text import function_text
    if (text := function_text(value)) is not None:   # `torch.dot`, `f`: <built-in method dot of type object>
        return ShownText(text)
    if is_iterator(value):   # `islice(it, 5)`, `it = iter(xs)`: `<itertools.islice object>`, no address
        return ShownText(repr(value))
    if isinstance(value, OBJECTS):
        text = object_text(interp, value, "repr")
    elif isinstance(value, CONTAINERS) and is_storable(value):
        interp.sizes.check_text_weight(value, "the text")
        text = container_text(interp, value)
    else:
        return None
    interp.sizes.charge_sequence(len(text), "the text")
    text = text.replace(" at 0x7f0000000000>", ">")   # functions inside: no address, as the rest
    return ShownText(encodable(text))   # a __repr__ may return a lone surrogate (utf8_text.py)


VARIABLE_TEXT_STEPS = 10_000   # steps the program's __repr__ methods may take to write the Variables table
VARIABLE_TEXT_WEIGHT = 100_000  # a bigger list of objects is named, not written


def is_iterator(value: Any) -> bool:
    """A generator or an iterator (lang/iterators.ITERATORS), listed and shown by its text only."""
    return type(value).__name__ in ("ProgramGenerator", "SequenceIterator")


def shown_by_text(value: Any) -> bool:
    """Listed in the Variables table by its text only: a generator, an iterator, contextlib's nullcontext
    and suppress objects (Python lists what is not callable; a @contextmanager's manager is)."""
    return type(value).__name__ in ("ProgramGenerator", "SequenceIterator", "NullContext", "Suppress")


def iterator_type_name(value: Any) -> str:
    return "generator" if type(value).__name__ == "ProgramGenerator" else value.type_name


def variable_value(interp: Any, value: Any, run_code: bool) -> ShownText:
    shown = _variable_text(interp, value, run_code)
    shown.type_name = value.cls.name if hasattr(value, "cls") else type(value).type_name \
        if type(value) in STORED_OBJECT_TYPES else iterator_type_name(value) if shown_by_text(value) \
        else type(value).__name__
    return shown


def _variable_text(interp: Any, value: Any, run_code: bool) -> ShownText:
    """The text the Variables table shows for an object or a container holding objects: Python's repr,
    the program's own __repr__ included when the run ended well (run_code), with no hooks (nothing it
    computes reaches the graph or the printed text) and a step allowance of its own; Python's default
    `<__main__.A object>` texts otherwise, or when that fails."""
    if run_code:
        from autogradlab.lang.hooks import NullHooks
        hooks, max_steps = interp.hooks, interp._max_steps
        interp.hooks = NullHooks()
        interp._max_steps = min(max_steps, interp._steps + VARIABLE_TEXT_STEPS)
        try:
            interp.check_time()   # past the table's time: Python's default text (400 rows weighed 1.9 s)
            shown = display_value(interp, value)
            if shown is not None:
                return shown
        except Exception:  # noqa: BLE001 - a failing __repr__ leaves the default text
            pass
        finally:
            interp.hooks, interp._max_steps = hooks, max_steps
    from autogradlab.lang.text_weight import sequence_weight
    def too_large() -> ShownText:
        return ShownText(f"<{type(value).__name__} of {len(value):,} items: too large to show>")
    if sequence_weight(value, VARIABLE_TEXT_WEIGHT) > VARIABLE_TEXT_WEIGHT:
        return too_large()
    spent = getattr(interp, "variable_text_chars", 0)
    if spent > VARIABLE_TEXT_CHARS and hasattr(value, "__len__"):   # 100 lists of [f] * 100000: 7.5 s
        return too_large()
    try:
        text = repr(value)   # ProgramObject's own repr: `<__main__.A object>`
    except RecursionError:
        return ShownText("[...]")
    interp.variable_text_chars = spent + len(text)
    # 100,000 functions weigh 100,000 but write 2 MB: 200 names of one such list held 800 MB
    return too_large() if len(text) > VARIABLE_TEXT_CHARS and hasattr(value, "__len__") else ShownText(text)


VARIABLE_TEXT_CHARS = 1_000_000   # the Variables table's default texts write this much in all, then name


def program_variables(interp: Any, names: Any, texts: bool) -> dict[str, Any]:
    """The Report's variables: data as it is, objects and containers of them as their ShownText."""
    from autogradlab.lang.data_wrappers import SafeGradMode
    from autogradlab.lang.inert_values import InertValue
    from autogradlab.lang.namedtuple_values import is_namedtuple_class
    from autogradlab.lang.pprint_module import PrettyPrinterValue
    from autogradlab.lang.safe_values import is_data
    values = interp.globals.vars
    shown: dict[str, Any] = {}
    same: dict[int, ShownText] = {}   # `b = a` 200 times: one text (each took 0.07 s and 4 MB)
    for name in names:
        if name not in values:
            continue
        value = values[name]
        if id(value) in same:
            shown[name] = _own_copy(same[id(value)])
            continue
        if is_namedtuple_class(value):   # Point = namedtuple(...): a class (Python's are not listed)
            continue
        if isinstance(value, InertValue) and not value.listed:   # Vector = List[float] (inert_values.py)
            continue
        if is_class_value(value):   # `t = type(x)`, `f = np.float32`: classes (Python's are not listed)
            continue
        if isinstance(value, SafeGradMode):   # `_ = torch.set_grad_enabled(False)`: callable in
            continue   # PyTorch (a decorator too), so not data, as plain Python's variables say (session 38)
        if is_data(value) or isinstance(value, PrettyPrinterValue):   # pp = pprint.PrettyPrinter()
            shown[name] = value
        elif type(value) in STORED_OBJECT_TYPES or isinstance(value, CONTAINERS) \
                and is_storable(value) or shown_by_text(value):   # `it = iter(vals)`: its text
            shown[name] = same[id(value)] = variable_value(interp, value, texts)
    return shown


def is_class_value(value: Any) -> bool:
    """A class as the program holds it: int, torch.Tensor, np.ndarray, type(x) (SafeType) and np.float64
    (the scalar type, not an array's dtype)."""
    from autogradlab.lang.data_wrappers import SafeNumpyDtype, SafeType
    return isinstance(value, SafeType) or isinstance(value, SafeNumpyDtype) and value.scalar_type


def _own_copy(shown: ShownText) -> ShownText:
    """Each name its own text object when short (the report pickles as when each was written alone);
    a long one is shared (200 names of one 2 MB text held 800 MB)."""
    text = shown.text
    if len(text) < 10_000:
        text = "".join(list(text))
    return ShownText(text, shown.type_name)


VARIABLE_TEXT_SECONDS = 0.5   # all the Variables table's __repr__ calls together (within the soft deadline)
# Error kinds after which the objects' own __repr__ still runs for the Variables table (session 43: a run that
# ended in the program's own error showed `<__main__.V object>` where a notebook shows `V(3)`), as after a
# good run and within the same budget. Not after a limit, the time limit or memory: the run's budget is
# spent (steps, time), and the report still has to be built.
SHOWN_AFTER = frozenset({"unsupported", "name", "type", "value", "index", "shape", "autograd"})


def object_texts(interp: Any, raw: dict[str, Any], convert: Any) -> dict[str, Any]:
    """convert(text) for the Variables table's objects (and containers of them: the ShownText values of
    `raw`) of a run that ended well or in the program's own error (SHOWN_AFTER), their own __repr__ run
    (engine/run.py asks last: whatever that code changes, no other part of the report sees it; Python never
    calls it), within VARIABLE_TEXT_SECONDS."""
    names = [name for name, value in raw.items() if type(value) is ShownText]
    if not names:
        return {}
    import time
    values, deadline = interp.globals.vars, interp._deadline
    interp._deadline = min(deadline, time.monotonic() - interp.sizes.warm_up_s + VARIABLE_TEXT_SECONDS)
    try:
        same: dict[int, ShownText] = {}   # names of one value: its __repr__ runs once
        for name in names:
            if id(values[name]) not in same:
                same[id(values[name])] = variable_value(interp, values[name], True)
        return {name: convert(_own_copy(same[id(values[name])])) for name in names}
    finally:
        if interp.generators:   # started by a __repr__ and kept (`global g`): closed as the run's own
            from autogradlab.lang.generators import close_all
            close_all(interp)   # (else its greenlet stays suspended: the run's values are never freed)
        interp._deadline = deadline

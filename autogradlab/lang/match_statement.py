"""The `match` statement (Python 3.10+) as CPython 3.11 runs it (lang/match_checks.py checks its form).

The subject is evaluated once; each case's pattern is tried in order. A pattern's captures are
collected first and bound only when the whole pattern matched (CPython binds them then, before the
guard), each through Interpreter.assign, so the Variables table and the Steps see them as any
assignment. What a pattern may reach is what the program could reach anyway: a value pattern is the
expression `Color.RED` evaluated as the program would, `==` is the interpreter's comparison (a tensor
subject compares like `t == 1`, and its truth needs one element, as in PyTorch), a class pattern
is the engine's own isinstance against a class the program can name (its own classes, the builtin
types) and reads attributes through the checked attribute access. Sequence and mapping patterns test
CPython's own type flags (a list, tuple, range, deque; a dict and its collections kinds): a tensor,
a NumPy array, a str and an object of the program's classes are no sequence, as in CPython. Every
pattern tried costs a step, and the list a starred capture builds is counted like any list.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from autogradlab.errors import ProgramError
from autogradlab.lang.data_wrappers import SafeType
from autogradlab.lang.namedtuple_values import ProgramNamedTuple
from autogradlab.lang.operators import COMPARE, python_error
from autogradlab.lang.plain_classes import ProgramClass, attribute_allowed
from autogradlab.lang.safe_values import type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_SEQUENCE_FLAG = 1 << 5   # Py_TPFLAGS_SEQUENCE: list, tuple, range, deque (not str, bytes, Tensor)
_MAPPING_FLAG = 1 << 6    # Py_TPFLAGS_MAPPING: dict and its subclasses
# the builtin types whose one positional sub-pattern matches the subject itself (`case int(n):`)
_SELF_MATCHING = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)
_EQ = COMPARE[ast.Eq]
_ABSENT = object()


def run_match(interp: Interpreter, node: ast.Match) -> None:
    subject = interp.eval(node.subject)
    for case in node.cases:
        captured: dict[str, Any] = {}
        if not _matches(interp, case.pattern, subject, captured):
            continue
        for name in pattern_names(case.pattern):   # in the pattern's order, after it matched
            interp.assign(ast.Name(name, ast.Store()), captured[name], case.pattern)
        if case.guard is not None and not interp.truth(interp.eval(case.guard), case.guard):
            continue
        interp.exec_block(case.body)
        return


def pattern_names(pattern: ast.pattern, names: list[str] | None = None) -> list[str]:
    """The names a pattern binds, in the order CPython stores them: a capture after its own
    sub-pattern, `**rest` after the mapping's values; an `|`: its first alternative's order."""
    names = [] if names is None else names
    if isinstance(pattern, ast.MatchOr):
        return pattern_names(pattern.patterns[0], names)
    if isinstance(pattern, ast.MatchAs | ast.MatchStar):
        if isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
            pattern_names(pattern.pattern, names)
        if pattern.name is not None:
            names.append(pattern.name)
        return names
    children = [*pattern.patterns, *pattern.kwd_patterns] if isinstance(pattern, ast.MatchClass) else \
        getattr(pattern, "patterns", ())
    for child in children:
        pattern_names(child, names)
    if isinstance(pattern, ast.MatchMapping) and pattern.rest is not None:
        names.append(pattern.rest)
    return names


def _matches(interp: Interpreter, pattern: ast.pattern, subject: Any, captured: dict[str, Any]) -> bool:
    interp._tick()   # one step per pattern tried (the step limit stops a match in `while True`)
    try:
        kind = type(pattern)
        if kind is ast.MatchAs:
            if pattern.pattern is not None and not _matches(interp, pattern.pattern, subject, captured):
                return False
            if pattern.name is not None:
                captured[pattern.name] = subject
            return True
        if kind is ast.MatchValue:
            return interp.truth(interp.apply_binary(_EQ[0], _EQ[1], subject, interp.eval(pattern.value),
                                                    pattern), pattern)
        if kind is ast.MatchSingleton:
            return subject is pattern.value
        if kind is ast.MatchOr:
            for alternative in pattern.patterns:
                trial = dict(captured)
                if _matches(interp, alternative, subject, trial):
                    captured.update(trial)
                    return True
            return False
        if kind is ast.MatchSequence:
            return _sequence(interp, pattern, subject, captured)
        if kind is ast.MatchMapping:
            return _mapping(interp, pattern, subject, captured)
        if kind is ast.MatchClass:
            return _class(interp, pattern, subject, captured)
    except ProgramError as err:
        raise err.at(pattern.lineno, pattern.col_offset + 1) from None
    raise python_error(TypeError(f"unknown pattern {kind.__name__}"))   # the parser makes no other


def _sequence(interp: Interpreter, pattern: ast.MatchSequence, subject: Any,
              captured: dict[str, Any]) -> bool:
    if not type(subject).__flags__ & _SEQUENCE_FLAG:
        return False
    items = pattern.patterns
    star = next((i for i, item in enumerate(items) if isinstance(item, ast.MatchStar)), None)
    try:
        length = len(subject)
    except OverflowError as exc:   # len(range(10**20)): CPython's OverflowError too
        raise python_error(exc) from None
    if star is None:
        if length != len(items):
            return False
        return all(_matches(interp, item, subject[i], captured) for i, item in enumerate(items))
    after = len(items) - star - 1
    if length < len(items) - 1:
        return False
    for i in range(star):
        if not _matches(interp, items[i], subject[i], captured):
            return False
    name = items[star].name
    if name is not None:
        middle = length - star - after
        interp.sizes.charge_sequence(middle, f"the list `*{name}` captures")
        captured[name] = list(subject[star:length - after])
    for i in range(after):
        if not _matches(interp, items[star + 1 + i], subject[length - after + i], captured):
            return False
    return True


def _mapping(interp: Interpreter, pattern: ast.MatchMapping, subject: Any, captured: dict[str, Any]) -> bool:
    if not type(subject).__flags__ & _MAPPING_FLAG:
        return False
    if len(subject) < len(pattern.keys):
        return False
    keys = [interp.eval(key) for key in pattern.keys]
    seen: list[Any] = []
    try:
        for key in keys:
            if key in seen:   # two value patterns with the same value: CPython's ValueError
                raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
            seen.append(key)
        values = [dict.get(subject, key, _ABSENT) for key in keys]   # `get`: no __missing__, as CPython
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001 - an unhashable key: CPython's TypeError
        raise python_error(exc) from None
    if any(value is _ABSENT for value in values):
        return False
    if not all(_matches(interp, item, value, captured) for item, value in zip(pattern.patterns, values,
                                                                             strict=True)):
        return False
    if pattern.rest is not None:
        interp.sizes.charge_sequence(len(subject) - len(keys), f"the dict `**{pattern.rest}` captures")
        rest = dict(subject)
        for key in keys:
            del rest[key]
        captured[pattern.rest] = rest
    return True


def _class(interp: Interpreter, pattern: ast.MatchClass, subject: Any, captured: dict[str, Any]) -> bool:
    from autogradlab.lang.builtins import BUILTINS
    cls = interp.eval(pattern.cls)
    if not isinstance(cls, SafeType | ProgramClass):
        raise python_error(TypeError("called match pattern must be a type"))
    if not BUILTINS["isinstance"].impl(interp, [subject, cls], {}, pattern):
        return False
    name = cls.name if isinstance(cls, ProgramClass) else cls.py_type.__name__
    values: list[Any] = []
    seen: set[str] = set()
    if pattern.patterns:
        match_args, itself = _match_args(cls, name)
        allowed = 1 if itself else len(match_args)
        given = len(pattern.patterns)
        if allowed < given:
            raise python_error(TypeError(f"{name}() accepts {allowed} positional sub-pattern"
                                         f"{'' if allowed == 1 else 's'} ({given} given)"))
        if itself:
            values.append(subject)
        for attribute in match_args[:given] if not itself else ():
            if type(attribute) is not str:
                raise python_error(TypeError(f"__match_args__ elements must be strings (got "
                                             f"{type_text(attribute)})"))
            value = _attribute(interp, subject, attribute, name, seen, pattern)
            if value is _ABSENT:
                return False
            values.append(value)
    for attribute in pattern.kwd_attrs:
        value = _attribute(interp, subject, attribute, name, seen, pattern)
        if value is _ABSENT:
            return False
        values.append(value)
    return all(_matches(interp, item, value, captured)
               for item, value in zip([*pattern.patterns, *pattern.kwd_patterns], values, strict=True))


def _match_args(cls: Any, name: str) -> tuple[tuple, bool]:
    """(__match_args__, whether the one sub-pattern is the subject itself)."""
    if isinstance(cls, ProgramClass):
        found = cls.find("__match_args__")
        if found is None:
            return (), False
        value = found[2]
    else:
        kind = cls.py_type
        if issubclass(kind, ProgramNamedTuple):   # a namedtuple class: its fields, as CPython's
            return tuple(kind._fields), False
        if kind not in _SELF_MATCHING:
            return (), False   # torch.Tensor, np.ndarray, the exception types have none
        return (), True
    if type(value) is not tuple:
        raise python_error(TypeError(f"{name}.__match_args__ must be a tuple (got {type_text(value)})"))
    return value, False


def _attribute(interp: Interpreter, subject: Any, attribute: str, name: str, seen: set[str],
               pattern: ast.AST) -> Any:
    """`subject.attribute` read as the program reads it; missing: no match (CPython's AttributeError)."""
    from autogradlab.lang import attributes
    if attribute in seen:
        raise python_error(TypeError(f"{name}() got multiple sub-patterns for attribute {attribute!r}"))
    seen.add(attribute)
    if not attribute_allowed(subject, attribute):
        attributes.check_attribute_name(attribute)
    try:
        return attributes.read_attribute(interp, subject, attribute, pattern)
    except ProgramError as err:
        if getattr(err, "py_type", None) is AttributeError:
            return _ABSENT
        raise

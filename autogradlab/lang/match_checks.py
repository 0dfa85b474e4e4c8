"""The static form of a `match` statement (lang/match_statement.py runs it).

The names a pattern binds are checked like any name the program makes up; the attributes a class
pattern reads (`case Point(x=0)`) like any attribute it reads (no `__dunder__`, no `_private` outside
a program with classes). The errors CPython's compiler raises for patterns, which ast.parse lets
through (a capture or wildcard that makes later cases unreachable, alternatives binding different
names, a name bound twice, a mapping checking a literal key twice, two stars, a repeated attribute,
an f-string as a value) are raised here with CPython's words and position: the pattern CPython was
compiling when it found them (it walks patterns in order and reports at the last one it entered).
"""

from __future__ import annotations

import ast

from autogradlab.errors import ProgramSyntaxError
from autogradlab.lang.construct_checks import (
    _allow,
    _check_attribute,
    _check_identifier,
    _Context,
)


def _check_match(node: ast.Match, ctx: _Context) -> None:
    last = len(node.cases) - 1
    for i, case in enumerate(node.cases):
        _PatternCompile(case.guard is not None or i == last).check(case.pattern)


def _check_capture(node: ast.MatchAs | ast.MatchStar, ctx: _Context) -> None:
    _check_identifier(node.name, "names")


def _check_mapping(node: ast.MatchMapping, ctx: _Context) -> None:
    _check_identifier(node.rest, "names")


def _check_class_pattern(node: ast.MatchClass, ctx: _Context) -> None:
    for name in node.kwd_attrs:   # `case C(x=0)` reads `.x` as `subject.x` would
        _check_attribute(ast.Attribute(ast.Name("_", ast.Load()), name, ast.Load()), ctx)


class _PatternCompile:
    """CPython's checks of one case's pattern (Python/compile.c, compiler_pattern_*)."""

    def __init__(self, allow_irrefutable: bool) -> None:
        self.allow_irrefutable = allow_irrefutable
        self.stores: list[str] = []
        self.at: ast.pattern | None = None

    def error(self, text: str) -> ProgramSyntaxError:
        at = self.at
        return ProgramSyntaxError(text).at(at.lineno, at.col_offset + 1)   # type: ignore[union-attr]

    def store(self, name: str) -> None:
        if name in self.stores:
            raise self.error(f"multiple assignments to name {name!r} in pattern")
        self.stores.append(name)

    def sub(self, pattern: ast.pattern) -> None:
        """A sub-pattern: may be irrefutable."""
        allow, self.allow_irrefutable = self.allow_irrefutable, True
        self.check(pattern)
        self.allow_irrefutable = allow

    def check(self, pattern: ast.pattern) -> None:
        self.at = pattern
        if isinstance(pattern, ast.MatchAs):
            if pattern.pattern is None:
                if not self.allow_irrefutable:
                    raise self.error(f"name capture {pattern.name!r} makes remaining patterns unreachable"
                                     if pattern.name else "wildcard makes remaining patterns unreachable")
            else:
                self.check(pattern.pattern)
            if pattern.name is not None:
                self.store(pattern.name)
        elif isinstance(pattern, ast.MatchStar):
            if pattern.name is not None:
                self.store(pattern.name)
        elif isinstance(pattern, ast.MatchValue):
            if not isinstance(_folded(pattern.value), ast.Constant | ast.Attribute):
                raise self.error("patterns may only match literals and attribute lookups")
        elif isinstance(pattern, ast.MatchSequence):
            if sum(isinstance(item, ast.MatchStar) for item in pattern.patterns) > 1:
                raise self.error("multiple starred names in sequence pattern")
            for item in pattern.patterns:
                self.sub(item)
        elif isinstance(pattern, ast.MatchMapping):
            self._mapping(pattern)
        elif isinstance(pattern, ast.MatchClass):
            for i, name in enumerate(pattern.kwd_attrs):
                if name in pattern.kwd_attrs[:i]:
                    self.at = pattern.kwd_patterns[i]
                    raise self.error(f"attribute name repeated in class pattern: {name}")
            for item in [*pattern.patterns, *pattern.kwd_patterns]:
                self.sub(item)
        elif isinstance(pattern, ast.MatchOr):
            self._alternatives(pattern)

    def _mapping(self, pattern: ast.MatchMapping) -> None:
        seen: list[object] = []
        for key in pattern.keys:
            folded = _folded(key)
            if isinstance(folded, ast.Constant):
                if folded.value in seen:   # CPython's set of keys: 1 and True are one key
                    raise self.error(f"mapping pattern checks duplicate key ({folded.value!r})")
                seen.append(folded.value)
            elif not isinstance(folded, ast.Attribute):
                raise self.error("mapping pattern keys may only match literals and attribute lookups")
        for item in pattern.patterns:
            self.sub(item)
        if pattern.rest is not None:
            self.store(pattern.rest)

    def _alternatives(self, pattern: ast.MatchOr) -> None:
        outer, allow = self.stores, self.allow_irrefutable
        control: list[str] | None = None
        for i, alternative in enumerate(pattern.patterns):
            self.stores = []
            self.allow_irrefutable = i == len(pattern.patterns) - 1 and allow
            self.check(alternative)
            if control is None:
                control = self.stores
            elif sorted(control) != sorted(self.stores):
                raise self.error("alternative patterns bind different names")
        self.stores, self.allow_irrefutable = outer, allow
        for name in control or ():
            self.store(name)


def _folded(value: ast.expr) -> ast.expr:
    """`-1`, `1 + 2j` as the constant CPython's optimizer folds them into before compiling."""
    if isinstance(value, ast.UnaryOp | ast.BinOp):
        try:
            return ast.Constant(ast.literal_eval(value))
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return value
    return value


PATTERN_HANDLERS = {   # the checker's handlers of the nodes a `match` statement holds
    ast.Match: _check_match, ast.match_case: _allow, ast.MatchValue: _allow, ast.MatchSingleton: _allow,
    ast.MatchSequence: _allow, ast.MatchMapping: _check_mapping, ast.MatchClass: _check_class_pattern,
    ast.MatchStar: _check_capture, ast.MatchAs: _check_capture, ast.MatchOr: _allow,
}

"""CPython's compiler as the oracle of the static checker's SyntaxErrors: the engine refuses exactly what
`compile()` refuses, with CPython's words, line and column, and accepts what it compiles."""

from __future__ import annotations

import pytest

from autogradlab.errors import ProgramError
from autogradlab.lang.parse import parse_program
from autogradlab.limits import DEFAULT_LIMITS


def assert_syntax_error_is_cpythons(source: str) -> None:
    with pytest.raises(SyntaxError) as python:
        compile(source, "<program>", "exec")
    with pytest.raises(ProgramError) as engine:
        parse_program(source, DEFAULT_LIMITS)
    said = python.value
    assert (engine.value.kind, engine.value.message, engine.value.line, engine.value.column) == \
        ("syntax", said.msg, said.lineno, said.offset)


def assert_accepted_as_cpython_compiles(source: str) -> None:
    compile(source, "<program>", "exec")
    parse_program(source, DEFAULT_LIMITS)

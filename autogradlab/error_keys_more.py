"""Message keys for the interpreter's refusals and errors beyond the common ones (calls, keyword
arguments, devices, dictionaries, NumPy, Python's own errors, the size limits, syntax) and their
hints, so the error box can say them in Chinese too (issue 10).

The patterns are made from the English catalogue texts themselves (autogradlab/messages/errors_more.py,
errors_runtime.py, errors_hints.py): each `{field}` becomes a group, so the English template and the
engine's sentence cannot drift apart unnoticed (tests/unit/test_zh_error_corpus.py runs real programs).
"""

from __future__ import annotations

import re

from autogradlab.messages import (
    errors_breadth,
    errors_classes,
    errors_corpus34,
    errors_functions,
    errors_generators,
    errors_hints,
    errors_more,
    errors_numpy,
    errors_patterns,
    errors_records,
    errors_runtime,
    errors_s36,
    errors_s37,
    errors_s38,
    errors_s39,
    errors_s40,
    errors_s40b,
    errors_s42breadth,
    errors_s42lead,
    errors_s43breadth,
    errors_s43python,
    errors_s43red,
    errors_s44breadth,
    errors_s44red,
    errors_s45breadth,
    errors_s45red,
    errors_work,
)

_FIELD = re.compile(r"\{(\w+)\}")
# Given from the error's origin (errors.ProgramError.to_info) or used as a frame (error_text.say),
# never recognised from wording: their patterns would match almost anything.
ASSIGNED = frozenset({"errors_runtime.python_said", "errors_runtime.key_error", "errors_more.op_prefix",
                      "errors_runtime.raised", "errors_runtime.raised_bare"})   # lang/exception_objects.py


def pattern(template: str) -> re.Pattern[str]:
    """The template as a regex: text literal, `{name}` a group (inside backticks: no backtick),
    a field seen before must repeat its value."""
    parts, seen, at = [], set(), 0
    for match in _FIELD.finditer(template):
        parts.append(re.escape(template[at:match.start()]))
        name = match.group(1)
        if name in seen:
            parts.append(f"(?P={name})")
        else:
            quoted = "`" in (template[match.start() - 1:match.start()], template[match.end():match.end() + 1])
            parts.append(f"(?P<{name}>[^`]+?)" if quoted else f"(?P<{name}>.+?)")
            seen.add(name)
        at = match.end()
    parts.append(re.escape(template[at:]))
    return re.compile("".join(parts), re.DOTALL)


def _rules(*catalogues: dict[str, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((pattern(text), key) for catalogue in catalogues for key, text in catalogue.items()
                 if key not in ASSIGNED)


_LANGUAGE = {**errors_generators.EN, **errors_functions.EN, **errors_classes.EN, **errors_work.EN}
_GENERATOR_HINTS = {k: v for k, v in _LANGUAGE.items() if k.endswith("_hint")}
_BREADTH = {k: v for k, v in errors_breadth.EN.items() if not k.endswith("_hint")}
_RECORDS = {k: v for k, v in errors_records.EN.items() if not k.endswith("_hint")}
_S36 = {k: v for k, v in errors_s36.EN.items() if not k.endswith("_hint")}
_S37 = {k: v for k, v in errors_s37.EN.items() if not k.endswith("_hint")}
_S40 = {k: v for k, v in errors_s40.EN.items() if not k.endswith("_hint")}
_S42 = {k: v for k, v in errors_s42breadth.EN.items() if not k.endswith("_hint")}
MORE = _rules(errors_numpy.EN, _BREADTH, errors_corpus34.EN, _RECORDS, _S36, _S37, errors_s38.EN,
              errors_s39.EN, _S40, errors_s40b.EN, _S42, errors_s43breadth.EN, errors_s43red.EN,
              errors_s44breadth.EN, errors_s44red.EN, errors_s45red.EN,
              errors_s45breadth.EN, errors_more.EN, errors_runtime.EN,
              errors_patterns.EN,
              {k: v for k, v in _LANGUAGE.items() if k not in _GENERATOR_HINTS})
MORE_HINTS = _rules(errors_hints.EN, _GENERATOR_HINTS,
                    {k: v for k, v in errors_breadth.EN.items() if k.endswith("_hint")},
                    {k: v for k, v in errors_records.EN.items() if k.endswith("_hint")},
                    {k: v for k, v in errors_s36.EN.items() if k.endswith("_hint")},
                    {k: v for k, v in errors_s37.EN.items() if k.endswith("_hint")},
                    {k: v for k, v in errors_s40.EN.items() if k.endswith("_hint")},
                    {k: v for k, v in errors_s42breadth.EN.items() if k.endswith("_hint")},
                    errors_s42lead.EN, errors_s43python.EN)

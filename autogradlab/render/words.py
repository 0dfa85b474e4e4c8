"""The language of the words drawn into a graph (legend, "value", "grad", "saved x").

The label builders of dot.py and steps.py are many small functions; rather than threading a `lang`
argument through each, `annotated_dot(..., lang=)` and `step_layout(..., lang=)` set it for the
duration of one drawing (a ContextVar, so concurrent sessions in other threads are not affected).
English, the default, gives exactly the DOT text the tests and exports know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from autogradlab.engine.step_rules import prose_parts
from autogradlab.messages import normalize, text

_LANG: ContextVar[str] = ContextVar("autogradlab_render_lang", default="en")


@contextmanager
def language(lang: str) -> Iterator[None]:
    token = _LANG.set(normalize(lang))
    try:
        yield
    finally:
        _LANG.reset(token)


def tall_glyphs() -> bool:
    """The drawing being made is in a language whose glyphs fill the whole em (Chinese)."""
    return _LANG.get() == "zh"


def w(key: str, /, **params: object) -> str:
    """The drawing's text of `render.<key>` in the language of the drawing being made."""
    return text(_LANG.get(), f"render.{key}", **params)


# A value's summary (engine/values.py, trace.py) as the engine wrote it in English: numbers and
# arrays stay, these sentences (and the mean/min/max words of a big tensor) are said from the catalogue.
_SUMMARIES = (("render.changed_later", re.compile(r"changed in place after this op")),
              ("render.complex_values", re.compile(r"(?P<count>[\d,]+) complex values")),
              ("render.none_finite", re.compile(r"(?P<count>[\d,]+) values, none finite")),
              ("render.stats", re.compile(r"mean (?P<mean>\S+), min (?P<min>\S+), max (?P<max>\S+)")))


def say_summary(lang: str, summary: str) -> str:
    """`summary` (TensorSnapshot.summary) in `lang`: the engine's few English sentences translated."""
    lang = normalize(lang)
    if lang == "en" or not summary or summary[0] in "[(":
        return summary
    for key, pattern in _SUMMARIES:
        match = pattern.fullmatch(summary)
        if match:
            return text(lang, key, **match.groupdict())
    return summary


# Inside a longer text (a step's rule, its numbers): a big tensor's summary and the broadcast note.
# A number ends at a space, comma, semicolon or the rule's product dot (`max 1.·2·mean 1.2, ...`).
_INLINE = (("render.stats", re.compile(r"mean (?P<mean>[^\s,;·]+), min (?P<min>[^\s,;·]+), "
                                       r"max (?P<max>[^\s,;·]+)")),
           ("render.sum_to_shape", re.compile(r" \(summed to the shape (?P<shape>\(.*?\)|None) of "
                                              r"(?P<name>[^\s:]+): sum-to-shape\)")))


_NAME = r"[^\s,∂]+"   # a name in a rule (`x`, `sin₂`, `ḡ`): no space; never the `∂/∂x` of a reverse rule


def _rule_pattern(english: str) -> re.Pattern[str]:
    """The filled-in English rule as a regex: each {slot} a name (its repeats the same name)."""
    out, seen = [r"(?<![^\s(\[])"], set()
    for literal, slot in re.findall(r"([^{]*)(?:\{(\w+)\})?", english):
        out.append(re.escape(literal))
        if slot:
            out.append(f"(?P={slot})" if slot in seen else f"(?P<{slot}>{_NAME})")
            seen.add(slot)
    return re.compile("".join(out))


@cache
def _rule_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every rule with English words (engine/step_rules.py), the longest first, so that
    `y = x broadcast (expand)` is said whole before `ẋ broadcast` could match a part of it."""
    parts = sorted(prose_parts().items(), key=lambda item: -len(item[1]))
    return tuple((key, _rule_pattern(english)) for key, english in parts)


def say_rule(lang: str, line: str) -> str:
    """The local rules' English words in `line` said in `lang` from the catalogue (steps.rule.*)."""
    for key, pattern in _rule_patterns():
        line = pattern.sub(lambda m, key=key: text(lang, key, **m.groupdict()), line)
    return line


def say_inline(lang: str, line: str) -> str:
    """`line` (a step's rule or numbers, written by the engine in English) with the rules' words,
    the summaries and the notes in it said in `lang`; formulas and numbers stay."""
    if normalize(lang) == "en":
        return line
    line = say_rule(lang, line)
    for key, pattern in _INLINE:
        line = pattern.sub(lambda m, key=key: text(lang, key, **m.groupdict()), line)
    return line


_SLOT_WORDS = {"grad": "render.slot.grad", "seed": "render.slot.seed"}


def say_slot(lang: str, slot: str) -> str:
    """A step slot as render/step_frames.py writes it ("= [1., 2.]", "grad mean 1., min 1., max 1.",
    "seed 1.") in `lang`: its word ("grad", "seed") and the summary after it said from the catalogue;
    the signs (=, ḡ, ṫ, J·v) stay."""
    lang = normalize(lang)
    sign, space, rest = slot.partition(" ")
    if lang == "en" or not (space and rest):
        return slot
    word = text(lang, _SLOT_WORDS[sign]) if sign in _SLOT_WORDS else sign
    return f"{word} {say_summary(lang, rest)}"


def summary(value: str) -> str:
    """say_summary in the language of the drawing being made."""
    return say_summary(_LANG.get(), value)

"""What an error message may quote of the program's own text (red team, session 26).

A message names the program's words: a keyword argument's name (`deque(**{'x' * 100000: 1})`), a
dictionary key, an attribute, a dtype string. Those words come from the program, which can make
them 100,000 characters long; echoed whole, one refusal sends 100 KB to the error box and the
terminal. As the messages that cut their own quotes (name_binding.py, numpy_dtype_names.py,
class_checks.py: 40 characters and "…"), every message is cut where it leaves the engine
(errors.ProgramError.to_info): a run of more than QUOTED_CHARS characters without a space keeps its
first HEAD_CHARS and last TAIL_CHARS (so a quote's closing `'` or backtick stays), with "…" between.
A long text of short words (an exception holding a list, below the weight print() allows) stays
CPython's (tests/unit/test_breakout_s24.py). `except ... as e: print(e)` still prints Python's whole
text: only the error box and the report are cut.
"""

from __future__ import annotations

import re

QUOTED_CHARS = 80
HEAD_CHARS, TAIL_CHARS = 40, 8
_LONG_WORD = re.compile(r"\S{" + str(QUOTED_CHARS + 1) + ",}")


def _cut(match: re.Match[str]) -> str:
    word = match.group(0)
    return word[:HEAD_CHARS] + "…" + word[-TAIL_CHARS:]


def capped(text: str) -> str:
    """`text` with every word longer than QUOTED_CHARS cut to HEAD_CHARS + "…" + TAIL_CHARS."""
    return text if len(text) <= QUOTED_CHARS else _LONG_WORD.sub(_cut, text)

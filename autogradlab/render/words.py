"""The language of the words drawn into a graph (legend, "value", "grad", "saved x").

The label builders of dot.py and steps.py are many small functions; rather than threading a `lang`
argument through each, `annotated_dot(..., lang=)` and `step_layout(..., lang=)` set it for the
duration of one drawing (a ContextVar, so concurrent sessions in other threads are not affected).
English, the default, gives exactly the DOT text the tests and exports know.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from autogradlab.messages import normalize, text

_LANG: ContextVar[str] = ContextVar("autogradlab_render_lang", default="en")


@contextmanager
def language(lang: str) -> Iterator[None]:
    token = _LANG.set(normalize(lang))
    try:
        yield
    finally:
        _LANG.reset(token)


def w(key: str, /, **params: object) -> str:
    """The drawing's text of `render.<key>` in the language of the drawing being made."""
    return text(_LANG.get(), f"render.{key}", **params)

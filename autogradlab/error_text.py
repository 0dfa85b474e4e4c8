"""An ErrorInfo's words in a language, as the error box shows them (headline, message, hint).

Pure (no Streamlit), so the box (components/error_box.py) and the tests that render every kind of
error in Chinese use the same code. English shows the engine's own words, exactly as the CLI does;
another language uses the message's catalogue key (autogradlab/error_keys*.py) when it has one."""

from __future__ import annotations

from autogradlab import error_classes, error_keys, error_words, messages
from autogradlab.report import ErrorInfo

_SAID = ("errors_torch.said", "errors_torch.op_said")
KINDS = ("syntax", "unsupported", "name", "type", "value", "index", "shape", "autograd", "limit",
         "timeout", "memory", "crash", "internal", "busy")


def say(lang: str, text: str, key: str | None, params: tuple[tuple[str, str], ...]) -> str:
    """`text` in `lang` through its key; the English text when there is no key or a parameter is off."""
    lang = messages.normalize(lang)
    if key is None or lang == messages.DEFAULT_LANG or key not in messages.catalogue(lang):
        return text
    values = dict(params)
    if key in _SAID and isinstance(values.get("text"), str):   # words of ours that reached PyTorch's frame
        inner_key, inner_params = error_keys.recognise(values["text"])
        if inner_key is not None and inner_key not in _SAID:
            inner = say(lang, values["text"], inner_key, inner_params)
            return inner if "op" not in values else messages.text(lang, "errors_more.op_prefix",
                                                                   op=values["op"], text=inner)
    if "what" in values:   # the thing a message names ("dict comprehensions", "the list") in `lang`
        values["what"] = error_words.say_what(lang, values["what"])
    if "where" in values:
        values["where"] = error_words.say_where(lang, values["where"])
    if "inner" in values:   # a hint inside a hint ("turn it into a # comment (or <hint>)")
        values["inner"] = say(lang, values["inner"], *error_keys.recognise(values["inner"], error_keys.HINTS))
    try:
        return messages.text(lang, key, **values)
    except (KeyError, IndexError, ValueError):   # a parameter missing: the English text is still right
        return text


def message(lang: str, error: ErrorInfo) -> str:
    return say(lang, error.message, error.key, error.params)


def hint(lang: str, error: ErrorInfo) -> str | None:
    return say(lang, error.hint, error.hint_key, error.hint_params) if error.hint else None


def position(lang: str, error: ErrorInfo) -> str:
    if error.line is None:
        return ""
    if error.column is None:
        return messages.text(lang, "common.line", line=error.line)
    return messages.text(lang, "common.line_column", line=error.line, column=error.column)


def title(lang: str, error: ErrorInfo) -> str:
    """Python's class name for Python's own errors (`AttributeError`, in Chinese with its gloss),
    else the kind's title ("Shape error", "Limit reached")."""
    name = error_classes.python_class(error)
    if name is not None:
        key = f"errors.class.{name}"
        return messages.text(lang, key) if key in messages.catalogue(lang) else name
    kind = error.kind
    return messages.text(lang, f"errors.kind.{kind}") if kind in KINDS else kind.capitalize()


def headline(lang: str, error: ErrorInfo) -> str:
    title_ = title(lang, error)
    where = position(lang, error)
    return messages.text(lang, "errors.headline", title=title_, where=where) if where else title_


def box(lang: str, error: ErrorInfo) -> str:
    """Everything the error box says in words, one part a line (the quoted source line aside)."""
    parts = [headline(lang, error), message(lang, error)]
    said_hint = hint(lang, error)
    if said_hint:
        parts.append(messages.text(lang, "errors.hint") + " " + said_hint)
    return "\n".join(parts)

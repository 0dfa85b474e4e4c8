"""Every user-facing text of the app, in English and 简体中文, from one catalogue per language.

Each area of the app has its own module here (`common`, `graph`, `steps`, ...) defining two dicts,
`EN` and `ZH`, with the same keys. Keys are namespaced by area (`graph.empty_help`). Texts may hold
`str.format` fields (`{line}`); technical names stay code (`backward()`, `requires_grad`).

    text("zh", "common.run")                  -> "运行"
    text("en", "common.error_at", line=3)     -> "... line 3 ..."

A key missing from a language falls back to English (a test checks that none is missing), and an
unknown key comes back as the key itself, so a slip shows up on screen instead of crashing a page.
Pure: no Streamlit here; `components/i18n.py` picks the session's language.
"""

from __future__ import annotations

import importlib
from functools import cache

LANGS = ("en", "zh")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": "English", "zh": "简体中文"}

# The area modules; a new area adds its module name here.
AREAS = ("common", "errors", "graph", "steps", "jacobian", "eigen", "about", "links", "render", "present",
         "fold", "gallery", "jacobian_extra", "hosting", "notes", "errors_torch",
         "errors_lang", "errors_more", "errors_runtime", "errors_hints", "errors_generators",
         "errors_functions", "errors_numpy", "errors_classes", "step_rules", "errors_patterns",
         "errors_work", "errors_breadth", "errors_corpus34", "errors_records",
         "errors_s36", "errors_s37", "errors_s38", "errors_s39", "errors_s40", "errors_s40b",
         "errors_s42breadth", "errors_s42lead", "errors_s43breadth", "errors_s44breadth",
         "errors_s43python", "errors_s43red", "errors_s44red", "errors_s45red", "errors_s45breadth")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language, merged over the areas. Raises ValueError on a key defined twice."""
    merged: dict[str, str] = {}
    attr = lang.upper()
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        for key, value in getattr(module, attr).items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice (area {area!r})")
            merged[key] = value
    return merged


def normalize(lang: str | None) -> str:
    """`zh`, `zh-CN`, `zh_Hans` -> `zh`; anything not offered -> the default."""
    if not lang:
        return DEFAULT_LANG
    head = lang.replace("_", "-").split("-", 1)[0].strip().lower()
    return head if head in LANGS else DEFAULT_LANG


def text(lang: str, key: str, /, **params: object) -> str:
    """The text of `key` in `lang` (English when missing), formatted with `params`."""
    template = catalogue(normalize(lang)).get(key) or catalogue(DEFAULT_LANG).get(key) or key
    return template.format(**params) if params else template

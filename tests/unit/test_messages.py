"""The catalogue: every key exists in every language with the same format fields."""

import string

import pytest

from autogradlab import messages


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("lang", [lang for lang in messages.LANGS if lang != messages.DEFAULT_LANG])
def test_every_key_in_every_language(lang):
    base, other = messages.catalogue(messages.DEFAULT_LANG), messages.catalogue(lang)
    assert sorted(set(base) - set(other)) == []
    assert sorted(set(other) - set(base)) == []
    for key, template in base.items():
        assert _fields(template) == _fields(other[key]), key
        assert other[key].strip(), key


def test_run_button_in_chinese():
    assert messages.text("zh", "common.run") == "运行"
    assert messages.text("en", "common.run") == "Run"


@pytest.mark.parametrize("given, expected", [("zh-CN", "zh"), ("zh_Hans", "zh"), ("ZH", "zh"),
                                             ("en-US", "en"), ("fr", "en"), (None, "en"), ("", "en")])
def test_normalize(given, expected):
    assert messages.normalize(given) == expected


def test_unknown_key_shows_itself():
    assert messages.text("zh", "no.such.key") == "no.such.key"

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


def test_the_catalogue_does_not_import_torch():
    """The UI process never imports torch; every page loads the catalogue."""
    import subprocess
    import sys

    code = ("import sys; from autogradlab import messages; messages.catalogue('en'); "
            "messages.catalogue('zh'); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_eigen_presets_english_texts_are_the_presets_own():
    from autogradlab.engine.eigen_presets import PRESETS

    for i, preset in enumerate(PRESETS):
        assert messages.text("en", f"eigen.preset.{i}") == preset.label
        assert messages.text("en", f"eigen.preset_line.{i}") == preset.line
        assert messages.text("zh", f"eigen.preset.{i}") != preset.label

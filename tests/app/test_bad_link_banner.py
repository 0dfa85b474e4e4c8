"""A bad link's banner names the problem in the page's language (the messages catalogue, never
Python's or zlib's English), and a bad link opened in a session that already has a program keeps
that program and its result on screen (a fresh session still gets the default program)."""

from __future__ import annotations

import base64

from streamlit.testing.v1 import AppTest

from autogradlab import links, messages
from components import state
from tests.app.test_lang import APP, TIMEOUT
from tests.app.test_zh_no_english import english

TYPED = "import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nz = (w * w).sum()\nz.backward()\n"
NOT_ZLIB = base64.urlsafe_b64encode(b"garbage that is not zlib").decode().rstrip("=")


def banner(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def test_a_bad_links_banner_is_chinese_on_a_chinese_page():
    for code in ("garbage", NOT_ZLIB, "%%%garbage"):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.query_params["code"], at.query_params["lang"] = code, "zh"
        at.run()
        assert not at.exception
        shown = banner(at)
        assert "此链接无法按原样使用" in shown, shown
        assert "zlib" not in shown and "base64" not in shown and not english(shown), shown
        assert at.text_area(key=state.EDITOR).value == state.DEFAULT_PROGRAM   # a fresh session


def test_not_base64_and_not_zlib_are_told_apart_in_both_languages():
    for lang in ("en", "zh"):
        said = set()
        for code in ("a", NOT_ZLIB):   # one character is never base64; the other is base64, not zlib
            at = AppTest.from_file(APP, default_timeout=TIMEOUT)
            at.query_params["code"], at.query_params["lang"] = code, lang
            said.add(banner(at.run()))
        assert len(said) == 2, said
    assert "not base64" in messages.text("en", "links.not_base64")


def test_a_bad_link_keeps_the_sessions_program_and_result():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "zh"
    at.run()
    at.text_area(key=state.EDITOR).input(TYPED)
    at = at.button(key=state.RUN_BUTTON).click().run()
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]"       # PyTorch: d(w·w)/dw = 2w
    at.query_params["code"] = "garbage"
    at = at.run()
    assert not at.exception
    shown = banner(at)
    assert messages.text("zh", "links.bad_link_kept", message="")[:10] in shown, shown
    assert not english(shown), shown
    assert at.text_area(key=state.EDITOR).value == TYPED
    frame = at.dataframe[0].value
    assert frame[frame["name"] == "w"].iloc[0]["grad"] == "[2., 4.]", "the last good result stays"
    assert links.decode_code(at.query_params["code"]) == TYPED, "the address bar shows the kept program"


def test_a_bad_matrix_cell_or_vector_in_a_link_is_said_in_chinese():
    """`matrix` with a word in it, `cell` and `v` not numbers: these banners were English in zh."""
    from tests.app.test_lang import open_app

    for page, params, words in (("eigen.py", {"matrix": '[[1,2],[3,"a"]]'}, "只能包含数字"),
                                ("eigen.py", {"v": "a,b"}, "用逗号分隔的数字"),
                                ("jacobian.py", {"cell": "a"}, "用逗号分隔的数字")):
        at = open_app(page, lang="zh", **params)
        assert not at.exception
        shown = banner(at)
        assert words in shown and not english(shown), (params, shown)
        at = open_app(page, lang="en", **params)
        assert "must hold numbers only" in banner(at) or "numbers separated by commas" in banner(at)


def test_a_bad_lang_or_present_warns_and_is_dropped():
    """`lang=fr` and `present=maybe` were ignored with no message (links.md: a bad link shows a plain
    message); now each is named, and the URL drops it, so it reproduces what is shown."""
    for params, said in (({"lang": "fr"}, "`lang` must be one of en, zh, not 'fr'"),
                         ({"present": "maybe"}, "`present` must be 1 or 0, not 'maybe'")):
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception
        assert said in banner(at), banner(at)
        assert not set(params) & set(at.query_params)
        assert at.text_area(key=state.EDITOR).value == state.DEFAULT_PROGRAM
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"], at.query_params["present"] = "zh", "1"
    at.run()
    assert not at.exception and not at.warning, "good values say nothing"
    assert at.query_params["lang"] == "zh" and at.query_params["present"] == "1"

"""`?output=NAME` naming no tensor variable of the program: the Graph and Steps pages warn as for any
other bad parameter (en and zh) and draw the default output; a good name is drawn without a warning."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from autogradlab import links

TIMEOUT = 90
ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ("import torch\nw = torch.tensor([1.0, 2.0], requires_grad=True)\nh = w * 3\nz = (h * h).sum()\n"
           "n = 4\nz.backward()\n")


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def warnings(at: AppTest) -> str:
    return " ".join(w.value for w in at.warning)


def test_graph_page_warns_of_an_unknown_output_in_en_and_zh():
    for lang, words in (("en", "the link's `output` must name a tensor variable of this program, not 'nope'"),
                        ("zh", "链接中的 `output` 必须是本程序中某个张量变量的名字，而不是 'nope'")):
        at = open_page("app.py", code=links.encode_code(PROGRAM), output="nope", lang=lang)
        assert not at.exception
        assert words in warnings(at), warnings(at)
        assert at.dataframe, "the program still runs and shows its variables"
    for name in ("n", "1x", "a" * 120):   # a number variable, no identifier, too long
        at = open_page("app.py", code=links.encode_code(PROGRAM), output=name)
        assert "the link's `output` must name a tensor variable" in warnings(at), (name, warnings(at))


def test_a_known_output_and_no_output_warn_nothing():
    for params in ({"output": "h"}, {}):
        at = open_page("app.py", code=links.encode_code(PROGRAM), **params)
        assert not at.exception and not at.warning, warnings(at)
        assert at.query_params.get("output") == params.get("output")


def test_steps_page_warns_of_an_unknown_output():
    at = open_page("views/steps.py", code=links.encode_code(PROGRAM), output="nope", mode="reverse")
    assert not at.exception
    assert "the link's `output` must name a tensor variable of this program" in warnings(at), warnings(at)

"""Parameters a page does not use survive a trip across pages (`../shared/links.md`). Streamlit
empties the query string when the user switches page (st.navigation); `links.carry` puts the last
run's parameters back on the new page's first run, and leaves a page's own removals alone.
The browser check is tests/e2e/test_links_pages_browser.py; this one names each rule."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from components import links

    links.carry(st.session_state["page"])
    try:
        if st.session_state.get("drop"):             # the page removes a parameter it owns
            del st.query_params[st.session_state.pop("drop")]
    finally:
        links.remember()


def run(at: AppTest, page: str, url: dict[str, str]) -> dict[str, str]:
    """One run on `page` with the browser's query string `url` (what Streamlit hands the script)."""
    at.session_state["page"] = page
    for key in list(at.query_params):
        del at.query_params[key]
    for key, value in url.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return {key: at.query_params[key] for key in at.query_params}


LINK = {"code": "eJzLSM3JyQcABiwCFQ", "seed": "3", "matrix": "[[3,1],[0,2]]", "v": "0,1", "mode": "reverse",
        "step": "2", "cell": "1,0", "lang": "zh"}


def test_a_page_switch_puts_back_every_parameter_of_the_last_run():
    at = AppTest.from_function(_script)
    assert run(at, "eigen", LINK) == LINK
    assert run(at, "steps", {}) == LINK                       # the switch emptied the URL
    assert run(at, "about", {"lang": "zh"}) == LINK


def test_what_the_new_url_says_wins_over_the_carried_value():
    at = AppTest.from_function(_script)
    run(at, "eigen", LINK)
    assert run(at, "steps", {"step": "5"}) == {**LINK, "step": "5"}


def test_a_parameter_the_page_removed_is_not_brought_back():
    at = AppTest.from_function(_script)
    run(at, "jacobian", LINK)
    at.session_state["drop"] = "cell"                         # e.g. the Jacobian page's cell cleared
    after = run(at, "jacobian", LINK)
    assert "cell" not in after
    assert run(at, "graph", {}) == after


def test_the_same_page_never_gets_old_parameters_back():
    at = AppTest.from_function(_script)
    run(at, "steps", LINK)
    assert run(at, "steps", {"code": LINK["code"]}) == {"code": LINK["code"]}   # a rerun: the URL rules

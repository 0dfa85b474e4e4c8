"""The address bar is always a link that reproduces the view (`../shared/links.md`).

Each page calls, in this order:
- `apply_program_link()` before `editor.show()`: a link's `code`/`seed` are put into the editor once
  (on load, or when the URL's program changes), so an edit typed afterwards is never overwritten;
- `param(name, parser, default)` for each of its own parameters: the checked value, or the default
  with a plain warning for a bad one;
- `sync(source, seed, **params)` after it knows its state: writes the URL, keeping parameters other
  pages use. Values equal to None are removed, and so is a program too long for a link (`too_long`
  says so under the editor): the page never writes a link it would itself refuse.

All checking lives in `autogradlab.links` (pure, unit-tested); this module only talks to Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from autogradlab import error_keys, note_keys
from autogradlab import links as core
from components import state
from components.i18n import localize, t
from components.text import markdown_with_code

T = TypeVar("T")


def _query() -> dict[str, str]:
    return {key: st.query_params.get(key) for key in st.query_params}


def _signature(code: str | None, seed: str | None) -> str:
    return f"{code}\0{seed}"


def warn(message: str, *, kept: bool = False) -> None:
    """A link's complaint in the page's language; `kept`: the user's program stayed (not the default)."""
    # The message quotes the link's value: escaped, so `[Log in](https://...)` or `![](...)` in a link
    # shows as typed, not as a link or a remote image on the app's own page.
    shown = st.session_state.setdefault(state.LINK_SHOWN, [])
    if (message, kept) in shown:      # said once per run
        return
    shown.append((message, kept))
    _say(message, kept)


def _say(message: str, kept: bool) -> None:
    st.warning(t("links.bad_link_kept" if kept else "links.bad_link",
                 message=markdown_with_code(localize(message, error_keys.LINKS + note_keys.LINKS))),
               icon=":material/link_off:")


def apply_program_link() -> None:
    """Load the link's program and seed into the editor when the URL brings a new one."""
    query = _query()
    code, seed = query.get("code"), query.get("seed")
    signature = _signature(code, seed)
    if code is None and seed is None:
        return
    if st.session_state.get(state.LINK_APPLIED) == signature:
        for message in st.session_state.get(state.LINK_ERRORS, ()):
            warn(message, kept=message == st.session_state.get(state.LINK_KEPT))
        return
    st.session_state[state.LINK_APPLIED] = signature
    errors: list[str] = []
    # A bad link opened in a session that has a program (typed or from an earlier link) keeps it, so
    # the program and its last result stay on screen; a fresh session shows the default program.
    has_program = bool(st.session_state.get(state.EDITOR))
    st.session_state[state.LINK_KEPT] = None
    if code is not None:
        try:
            st.session_state[state.EDITOR] = core.decode_code(code)
        except core.LinkError as exc:
            errors.append(str(exc))
            if has_program:
                st.session_state[state.LINK_KEPT] = str(exc)
            else:
                st.session_state[state.EDITOR] = state.DEFAULT_PROGRAM
    if seed is not None:
        try:
            st.session_state[state.SEED] = core.parse_seed(seed)
        except core.LinkError as exc:
            errors.append(str(exc))
    st.session_state[state.LINK_ERRORS] = tuple(errors)
    for message in errors:
        warn(message, kept=message == st.session_state[state.LINK_KEPT])


def param(name: str, parser: Callable[[str], T], default: T) -> T:
    """The page's own parameter `name`, checked by `parser`; a bad value warns and gives `default`."""
    text = st.query_params.get(name)
    if text is None:
        return default
    try:
        return parser(text)
    except core.LinkError as exc:
        warn(str(exc))
        return default


# parameters that name a part of the program (`../shared/links.md`): left out with a program no link carries
PROGRAM_PARTS = ("output", "step", "dir", "call", "cell")


def sync(source: str | None, seed: int | None, **params: str | int | None) -> None:
    """Make the URL reproduce the current view. Only changed keys are written (each write is a
    message to the browser); keys not named here are kept."""
    wanted: dict[str, str | None] = {key: None if value is None else str(value)
                                     for key, value in params.items()}
    if source is not None:   # a program no link can carry is left out (the editor says why)
        wanted["code"] = core.link_code(source)
        if wanted["code"] is None:   # and what names a part of it: the link opens the default program
            wanted.update(dict.fromkeys(PROGRAM_PARTS))
    if seed is not None:
        wanted["seed"] = str(int(seed))
    current = _query()
    for key, value in wanted.items():
        if value is None:
            if key in current:
                del st.query_params[key]
        elif current.get(key) != value:
            st.query_params[key] = value
    after = _query()
    st.session_state[state.LINK_APPLIED] = _signature(after.get("code"), after.get("seed"))
    st.session_state[state.LINK_ERRORS] = ()
    st.session_state[state.LINK_CARRY] = after


def too_long(source: str) -> None:
    """Under the editor: why the address bar does not carry this program (sync leaves it out)."""
    if source and core.link_code(source) is None:
        st.warning(t("links.program_not_in_link", length=f"{len(source):,}",
                     limit=f"{core.MAX_SOURCE_CHARS:,}"), icon=":material/link_off:")


def carry(page: str) -> None:
    """Keep the parameters a page does not use through a trip across pages (`../shared/links.md`).
    Streamlit empties the query string when the user switches page, so on the first run of another
    page the parameters of the last run are put back (the ones the new URL does not set itself);
    the page then overwrites or removes those it owns."""
    last = st.session_state.get(state.LINK_PAGE)
    kept = st.session_state.get(state.LINK_CARRY) or {}
    st.session_state[state.LINK_PAGE] = page
    if last is not None and last != page:
        current = _query()
        for key, value in kept.items():
            if key not in current and isinstance(value, str):
                st.query_params[key] = value
    _warn_again()


def _warn_again() -> None:
    """A bad link's warnings stay while the page and its URL do: a rerun nobody asked for (the
    fitting script of presentation mode and the Jacobian page's width report each rerun the page
    once it has drawn) showed the page without them, a second after they appeared. A slot at the
    top of the page, filled by `remember` at the end of the run if the run kept the page and gave no
    parameter of the URL another value (`_same_view`: the page may add one it settles on or drop the
    bad one); a new program, step, mode, cell or language drops them."""
    if st.session_state.get(state.LINK_WARNINGS) is not None:
        st.session_state[state.LINK_SLOT] = st.empty()


def _same_view(before: dict[str, str], now: dict[str, str]) -> bool:
    """No parameter given another value; `output` aside (the page settles it itself: a bad one
    becomes the drawn output on the next run)."""
    return all(now.get(key, value) == value for key, value in before.items() if key != "output")


def remember() -> None:
    """Note the URL as it stands now: what `carry` puts back after a page switch, and the link
    warnings shown since the last call, kept with it for `_warn_again`. Called after each full run,
    and by every writer that may run inside a fragment (whose runs skip the app script)."""
    query = _query()
    st.session_state[state.LINK_CARRY] = query
    shown = st.session_state.pop(state.LINK_SHOWN, None) or []
    slot = st.session_state.pop(state.LINK_SLOT, None)
    page = st.session_state.get(state.LINK_PAGE)
    said = st.session_state.get(state.LINK_WARNINGS)
    if said is not None and said[0] == page and _same_view(said[1], query):
        again = [warning for warning in said[2] if warning not in shown]
        if slot is not None and again:
            with slot.container():
                for message, kept in again:
                    _say(message, kept)
        shown = [*again, *shown]
    if shown:
        st.session_state[state.LINK_WARNINGS] = (page, query, tuple(shown))
    else:
        st.session_state.pop(state.LINK_WARNINGS, None)


def output_choice(source: str) -> str | None:
    """The tensor whose graph a page draws: the output picker's choice for this program, or, the
    first time the program is seen, the link's `output` (a variable name; anything else is ignored)."""
    from components.graph_view import chosen_output

    key = state.output_key(source)
    linked = st.query_params.get("output", "")
    # The URL's `output` came with this program (a link), or is the last program's, kept by the app
    # through an edit: a name the edited program lacks is no bad link (check_output).
    code = st.query_params.get("code")
    # No `code` because the program is too long for a link (sync left it out): the last program's.
    st.session_state[state.OUTPUT_LINKED] = (code is None and core.link_code(source) is not None) \
        or (code is not None and _decodes_to(code, source))
    if key not in st.session_state and linked.isidentifier() and len(linked) <= 100:
        st.session_state[key] = linked
    return chosen_output(key)


def _decodes_to(code: str, source: str) -> bool:
    try:
        return core.decode_code(code) == source
    except core.LinkError:
        return False


def check_output(linked: str | None, output: str | None, shown: str | None, ran: bool) -> None:
    """Warn, as for any bad parameter, when the link's `output` (`linked`, read before `sync` drops
    a name that is no identifier) names no tensor variable of the program: `output_choice` asked
    for it (`output`) or skipped it, and the run drew `shown` instead. `ran`: the program ran without
    error (else the name may be defined after the error). The last program's `output`, kept in the URL
    through an edit, is dropped without a word when the new program has no such tensor (it said the
    typed program was a bad link, session 37)."""
    if not linked or not ran or output not in (None, linked):   # no link, or the picker's own choice
        return
    try:
        core.check_output(linked, shown)
    except core.LinkError as exc:
        if st.session_state.get(state.OUTPUT_LINKED, True):
            warn(str(exc))
        elif st.query_params.get("output") == linked:   # the last program's output: not this one's
            del st.query_params["output"]

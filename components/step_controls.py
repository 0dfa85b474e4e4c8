"""The Steps page's options (left column): mode, tangent direction, backward toggle and free values,
read from the link when the URL brings new ones and written back to it (components/step_player.py
shows the player; split from it without behaviour change)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from autogradlab import error_keys, note_keys
from autogradlab import links as core
from autogradlab.leaf_paths import split_parts
from autogradlab.render.step_frames import MODES
from components import links, state
from components.i18n import current_lang, t


@dataclass(frozen=True)
class Options:
    mode: str
    direction: tuple[tuple[str, object], ...]
    direction_text: str
    backward_if_missing: bool
    values: tuple[tuple[str, object], ...]


def _link_text(name: str) -> str | None:
    """The URL's `name` when it differs from what this page last read or wrote, else None."""
    text, key = st.query_params.get(name), f"{state.STEPS_LINK_SEEN}_{name}"
    if text is None or st.session_state.get(key) == text:
        return None
    st.session_state[key] = text
    return text


def _seen(name: str, text: str | None) -> None:
    st.session_state[f"{state.STEPS_LINK_SEEN}_{name}"] = text


def _pairs(text: str, what: str) -> tuple[tuple[str, object], ...]:
    """`x=[1,0]; d['w']=2` -> (("x", [1, 0]), ("d['w']", 2)); a bad part warns and is left out."""
    pairs = []
    for part in split_parts(text):
        try:
            pairs.append(core.parse_direction(part))
        except core.LinkError as exc:    # typed in the box, not linked: said so
            shown = note_keys.say_typed(current_lang(), str(exc), error_keys.LINKS + note_keys.LINKS)
            st.warning(f"{what}: {shown}", icon=":material/warning:")
    return tuple(pairs)


def controls(source: str) -> Options:
    """Mode and run options (left column). Link values are applied when the URL brings new ones."""
    if (text := _link_text("mode")) is not None:
        try:
            st.session_state[state.STEPS_MODE] = core.parse_mode(text)
        except core.LinkError as exc:
            links.warn(str(exc))
    if (text := _link_text("dir")) is not None:
        try:
            core.parse_direction(text)
            st.session_state[state.STEPS_DIRECTION] = text
        except core.LinkError as exc:
            links.warn(str(exc))
    st.session_state.setdefault(state.STEPS_MODE, MODES[0])
    mode = st.segmented_control(t("steps.mode"), MODES, format_func=lambda m: t(f"steps.mode_{m}"),
                                required=True, help=t("steps.mode_help"),
                                key=state.STEPS_MODE, persist_state=state.PERSIST)
    mode = mode if mode in MODES else MODES[0]
    direction_text = st.text_input(
        t("steps.direction"), key=state.STEPS_DIRECTION, persist_state=state.PERSIST,
        placeholder=t("steps.direction_placeholder"), help=t("steps.direction_help")).strip()
    direction = _pairs(direction_text, t("steps.direction_what"))
    backward = st.toggle(t("steps.backward"), key=state.STEPS_BACKWARD, persist_state=state.PERSIST,
                         help=t("steps.backward_help"))
    from autogradlab.free_names import free_names

    names = free_names(source)
    values: tuple[tuple[str, object], ...] = ()
    if names:
        st.info(t("steps.free_names", names=", ".join(names)), icon=":material/function:")
        from components import free_values

        values = free_values.table(names, source)
    return Options(mode, direction, direction_text if direction else "", bool(backward), values)


def sync_link(source: str, seed: int, output: str | None, options: Options) -> None:
    """Keep the URL's program, mode and direction current (the step is written by the player)."""
    direction = options.direction_text or None
    from components.free_values import link_text

    links.sync(source, seed, output=output, mode=options.mode, dir=direction,
               values=link_text(options.values))
    _seen("mode", options.mode)
    _seen("dir", direction)

"""The step player: previous / next / play / jump / first / last (← → Home End), the graph with the
current node highlighted, and the explanation card beside it (the options: components/step_controls.py).

Stepping never re-runs the program or re-lays out the graph: the layout and its SVG template are made
once per program (cached), the player lives in an st.fragment (a step change reruns only it), and a
step only picks a frame of the cached trace and recolours the template (render/steps.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from autogradlab import error_keys, note_keys
from autogradlab import links as core
from autogradlab.render.step_frames import Frame, frame_view, frames, mode_steps
from autogradlab.report import Graph, Report
from components import cached, fold_view, links, present, state, step_card
from components.graph_view import FOLD_OFFER_NODES, MAX_NODES, inert_svg
from components.i18n import current_lang, localize, say_note, t
from components.step_controls import Options, _link_text, _seen, controls, sync_link

__all__ = ["Options", "controls", "show", "sync_link"]   # the Steps page's API (options: step_controls)

SECONDS = {"slow": 1.6, "normal": 0.9, "fast": 0.4}
SVG_STYLE = "display:block;margin:0 auto;max-width:100%;height:auto;max-height:70vh;width:auto"


def _drawing(run_key: tuple, fold: bool, opened: tuple[str, ...], graph: Graph, lang: str = "en"):
    """Layout and SVG template, made once per (program run, fold choice, open groups, language,
    presentation mode: its larger small lines): graphviz runs here only. Keyed by a repr, as
    fold_view.folded is (values x=[0,-0] were drawn from the cache of x=[0,0])."""
    presenting = present.active()
    return _drawn(repr((run_key, fold, opened, lang, presenting)), fold, opened, graph, lang, presenting)


@st.cache_resource(max_entries=32, ttl=3600, show_spinner=False)
def _drawn(key: str, _fold: bool, _opened: tuple[str, ...], _graph: Graph, _lang: str, _presenting: bool):
    from autogradlab.render.legend import PRESENT_SMALL_SIZE, SMALL_SIZE
    from autogradlab.render.steps import step_layout, svg_template

    layout = step_layout(_graph, fold=_fold, max_nodes=MAX_NODES, expanded=_opened, lang=_lang,
                         small_size=PRESENT_SMALL_SIZE if _presenting else SMALL_SIZE)
    svg = inert_svg(cached.svg_for_web(layout.dot)).replace("<svg", f'<svg style="{SVG_STYLE}"', 1)
    return layout, svg_template(svg, layout.fills, one_line=True)


@st.cache_resource(max_entries=16, ttl=3600, show_spinner=False)
def _frame_index(key: str, opened: tuple[str, ...], mode: str, *, _graph: Graph, _trace, _owner, _frames):
    """Per (run and options: `key`; open groups; mode): the walk over a long trace, done once, so a
    step costs a lookup per drawn node (render/frame_index.py)."""
    from autogradlab.render.frame_index import FrameIndex

    return FrameIndex(_graph, _trace, mode, _owner, _frames)


def _fold_choice(graph: Graph) -> bool:
    if len(graph.nodes) > MAX_NODES:
        return True
    if len(graph.nodes) <= FOLD_OFFER_NODES:
        return False
    from autogradlab.render.fold import has_repeats

    return has_repeats(graph, MAX_NODES) and st.toggle(
        t("steps.fold"), value=True, key=state.STEPS_FOLD,
        persist_state=state.PERSIST)


TANGENT_STOPPED = "forward mode stopped"   # the start of step_tangents' note (en, as notes are kept)


def _empty_message(report: Report, mode: str) -> str:
    if mode == "reverse":
        return t("steps.no_backward")
    if mode == "tangent":   # a direction that could not be used (said above), forward mode stopped before the
        if report.steps.direction_error:   # graph (its note above says why), or no leaf to give one to
            return t("steps.no_tangent_direction")
        if any(note.startswith(TANGENT_STOPPED) for note in report.steps.notes):
            return t("steps.no_tangent_stopped")
        return t("steps.no_tangent")
    return t("steps.no_ops")


def show(report: Report, options: Options, source: str, run_key: tuple) -> int | None:
    """Draw the player for a report run with steps; returns the shown step index (for the link)."""
    trace, graph, mode = report.steps, report.graph, options.mode
    if trace is None or graph is None or not graph.nodes:
        st.info(t("steps.no_graph"), icon=":material/account_tree:")
        return None
    for note in note_keys.skipped_lines(report.notes):   # lines of the program that did not run
        st.caption(say_note(note))
    for note in trace.notes:     # an unusable direction is said once, by step_direction.settle
        if note != trace.direction_error:
            st.caption(say_note(note, note_keys.STEPS))
    steps = mode_steps(trace, mode)
    if not steps:
        st.info(_empty_message(report, mode), icon=":material/info:")
        return None
    fold = _fold_choice(graph)
    from autogradlab.render.export import RenderError

    opened = fold_view.expanded(source, report.output) if fold else ()
    folded_graph = fold_view.folded(("steps", *run_key), graph, MAX_NODES, opened) if fold else None
    if folded_graph is not None:
        fold_view.group_pills(folded_graph, source, report.output)
    try:
        layout, template = _drawing(run_key, fold, opened, graph, current_lang())
    except RenderError as exc:      # graphviz missing, failed or too slow: say so, keep the page alive
        st.warning(t("steps.render_failed", reason=say_note(str(exc), note_keys.RENDER)),
                   icon=":material/warning:")
        return None
    if layout.folded:
        st.caption(t("steps.folded", title=layout.title))
    all_frames = frames(steps, layout.owner, layout.counts)
    # Keyed by the output actually drawn (not the one asked for: None and "d" are the same run).
    shown = (run_key[0], run_key[1], report.output, *run_key[3:], mode, fold, options.direction)
    key = state.STEPS_FRAME_PREFIX + state.digest(repr(shown))
    fold_view.keep_step(key, all_frames, opened)
    if (text := _link_text("step")) is not None:
        try:
            step = core.parse_int("step", text, 0, len(steps) - 1)
            st.session_state[key] = next(i for i, f in enumerate(all_frames) if f.first <= step <= f.last) + 1
        except core.LinkError as exc:
            links.warn(t("steps.step_range", reason=localize(str(exc), error_keys.LINKS), count=len(steps)))
    st.session_state[key] = min(max(int(st.session_state.get(key, 1)), 1), len(all_frames))
    # Presentation mode: the selection and Play share one row, so the drawing starts higher on screen
    with present.row("steps_top_row"):
        fold_view.selection_bar(graph, steps, all_frames, key, source, report.output)
        playing = _play_controls(len(all_frames))
    picked = fold_view.drawn_selection(layout, fold_view.selected(source, report.output))
    run_every = SECONDS.get(st.session_state.get(state.STEPS_SPEED), 0.9) if playing else None
    index = _frame_index(key, opened, mode, _graph=graph, _trace=trace, _owner=layout.owner,
                         _frames=all_frames)
    drawn = (run_key[0], run_key[1], report.output, *run_key[3:], fold, opened, current_lang())
    drawing = Drawing(state.digest(repr(drawn)), report.output,
                      fold_view.graph_click(source, report.output, folded_graph))
    st.fragment(_player, run_every=run_every)(graph, trace, mode, all_frames, layout, template, key, source,
                                              playing, picked, index, drawing)
    step_card.cost_panel(trace.cost)
    # Written on every full run too: steps taken by Play's timed fragment runs do not reach the
    # browser's address bar (Streamlit 1.67), so the run that ends Play puts the step there.
    step = str(all_frames[st.session_state[key] - 1].first)
    st.query_params["step"] = step
    _seen("step", step)
    return int(step)


def _play_controls(n: int) -> bool:
    with st.container(horizontal=True, vertical_alignment="center", key="steps_play_row"):
        playing = st.toggle(t("steps.play"), key=state.STEPS_PLAY, disabled=n < 2)
        st.segmented_control(t("steps.speed"), state.STEPS_SPEEDS, default="normal", key=state.STEPS_SPEED,
                             format_func=lambda s: t(f"steps.speed_{s}"),
                             label_visibility="collapsed", persist_state=state.PERSIST)
    return bool(playing) and n > 1


def _step_buttons(key: str, n: int, position: int) -> None:
    with st.container(horizontal=True, gap="small", key="steps_buttons",
                      width="content" if present.active() else "stretch"):
        for label, icon, shortcut, to, delta, off in (
                ("First", "first_page", "Home", 1, 0, position <= 1),
                ("Previous", "chevron_left", "Left", None, -1, position <= 1),
                ("Next", "chevron_right", "Right", None, 1, position >= n),
                ("Last", "last_page", "End", n, 0, position >= n)):
            # Presentation mode: icons only, the words stay the button's accessible name (present.py CSS)
            st.button(t(f"steps.{label.lower()}"), icon=f":material/{icon}:", shortcut=shortcut,
                      key=f"steps_{label.lower()}", on_click=_move, args=(key, n, to, delta), disabled=off)


def _move(key: str, n: int, to: int | None, delta: int = 0) -> None:
    """Button callbacks read the position at click time, so quick repeated clicks all count."""
    target = to if to is not None else int(st.session_state.get(key, 1)) + delta
    st.session_state[key] = min(max(target, 1), n)


@dataclass(frozen=True)
class Drawing:
    """What the clickable step drawing needs besides the frame: the layout's identity (a new frame of
    the same layout keeps the zoom and pan) and the folded-group click handler."""
    layout_key: str
    output: str | None = None   # the output drawn (the shared selection is kept per program and output)
    on_group: object = None   # Callable[[str], bool]: opens/folds a group, True when the id was one


DRAWING_KEY = "steps_drawing"     # the clickable step drawing (components/svg_view.py)
CLICKED = "steps_drawing_clicked"  # bool: a click changed the selection or a group; the page reruns


def _clicked(source: str, drawing: Drawing) -> None:
    """A click (or Tab + Enter) on the step drawing: a folded group opens or folds, any other node
    becomes the selection shared with the Graph page."""
    from autogradlab.render.dot import COPY_SEPARATOR

    node = getattr(st.session_state.get(DRAWING_KEY), "click", None)
    node = node.split(COPY_SEPARATOR)[0] if isinstance(node, str) else None
    if node is None:
        return
    if drawing.on_group is None or not drawing.on_group(node):
        fold_view.remember(source, drawing.output, node)
    st.session_state[CLICKED] = True


def _player(graph: Graph, trace, mode: str, all_frames: tuple[Frame, ...], layout, template, key: str,
            source: str, playing: bool, picked: str | None = None, index=None,
            drawing: Drawing | None = None) -> None:
    if st.session_state.pop(CLICKED, False):
        st.rerun(scope="app")     # the selection bar and the drawing's highlight live outside this fragment
    n = len(all_frames)
    position = int(st.session_state.get(key, 1))
    if playing and time.monotonic() - st.session_state.get(f"{key}_t", 0.0) > 0.3:
        if position >= n:
            st.session_state[state.STEPS_PLAY] = False
            st.rerun(scope="app")
        position = position + 1
        st.session_state[key] = position
    st.session_state[f"{key}_t"] = time.monotonic()
    with present.row("steps_nav_row"):   # presentation mode: the slider beside the buttons
        _step_buttons(key, n, position)
        if n > 1:
            st.slider(t("steps.step"), 1, n, key=key, format=t("steps.slider_format", count=n),
                      label_visibility="collapsed")
    frame = all_frames[st.session_state[key] - 1]
    view = index.view(st.session_state[key] - 1) if index is not None else \
        frame_view(graph, trace, mode, layout.owner, all_frames, st.session_state[key] - 1)
    from autogradlab.render.steps import paint

    st.session_state[f"{key}_first"] = frame.first      # kept when a group opens (fold_view.keep_step)
    looks = view.looks if picked is None or view.looks.get(picked) == "current" else \
        {**view.looks, picked: "selected"}
    svg = paint(template, looks, _said(view.values), _said(view.derivs))
    # Presentation mode: the drawing takes 3/4 of the player's width (its 16:9 box is what limits it)
    left, right = present.columns([5, 3], presenting=(3, 1), gap="small" if present.active() else "medium")
    with left, st.container(key="steps_graph"):
        from components import present_fit, svg_view

        drawing = drawing or Drawing("")
        with present_fit.box("steps"):
            svg_view.show(svg, key=DRAWING_KEY, max_height=present.figure_height("72vh"),
                          on_click=lambda: _clicked(source, drawing), layout_key=drawing.layout_key,
                          aspect=present.aspect(),
                          min_scale=None if present.active() else svg_view.NORMAL_MIN_SCALE,
                          focus=next((n for n, look in view.looks.items() if look == "current"), None))
    with right:
        step_card.show(graph, trace, mode, mode_steps(trace, mode), frame, frame is all_frames[-1])
        step_card.source_lines(source, mode_steps(trace, mode)[frame.last].line)
        _downloads(layout, template, graph, trace, mode, all_frames, st.session_state[key] - 1,
                   present.slug(source, graph.output))
    step = str(frame.first)
    if st.query_params.get("step") != step:
        st.query_params["step"] = step
        links.remember()     # a fragment run: the app script's own remember() does not run
    _seen("step", step)


def _said(values: dict[str, str]) -> dict[str, str]:
    """A frame's slots ("= [1., 2.]", "= changed in place after this op", "grad [0., 4.]", "seed 1.")
    in the page's language: the slot's word and the summary after it are said from the catalogue."""
    from autogradlab.render.words import say_slot

    lang = current_lang()
    if lang == "en":
        return values
    return {k: say_slot(lang, v) for k, v in values.items()}


def _downloads(layout, template, graph: Graph, trace, mode: str, all_frames, k: int,
               slug: str = "program") -> None:
    from autogradlab.render import step_export
    from autogradlab.render.export import render_dot
    from autogradlab.render.steps import frame_dot
    from autogradlab.render.words import say_slot

    lang = current_lang()   # now: the PNG and GIF are drawn on click, outside this script run

    def dot_of(i: int) -> str:
        v = frame_view(graph, trace, mode, layout.owner, all_frames, i)
        return frame_dot(layout, template, v.looks, {n: say_slot(lang, s) for n, s in v.values.items()},
                         {n: say_slot(lang, s) for n, s in v.derivs.items()})

    with st.container(horizontal=True, gap="small", key="steps_downloads"):
        # A standalone file as graphviz writes it (the page's SVG carries the page's sizing style)
        st.download_button("SVG", lambda: render_dot(dot_of(k), "svg"),
                           file_name=f"{slug}-{mode}-step-{k + 1}.svg", mime="image/svg+xml",
                           icon=":material/download:", type="tertiary", on_click="ignore")
        st.download_button("PNG", lambda: render_dot(dot_of(k), "png", dpi=192),
                           file_name=f"{slug}-{mode}-step-{k + 1}.png",
                           mime="image/png", icon=":material/download:", type="tertiary", on_click="ignore")
        st.download_button("GIF", lambda: step_export.gif_of_frames(len(all_frames), dot_of),
                           file_name=f"{slug}-{mode}-steps.gif", mime="image/gif",
                           icon=":material/animation:", type="tertiary", on_click="ignore",
                           help=t("steps.gif_help", frames=step_export.MAX_FRAMES))

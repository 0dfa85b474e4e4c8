"""Folded groups you can open and fold again, and one node selection shared by the Graph and Steps
pages (issue 10 §2, issue 6 "a folded loop is stepped as one group, expandable").

Both are kept per program and output in session state (plain strings, keys in state.py), so a group
opened on the Graph page is open on the Steps page too, and a node chosen on one page is the one the
other page shows. Drawn ids are those of the SVG export and the CLI JSON (`n3`); groups are `fold3`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import streamlit as st

from autogradlab.report import Graph
from components import state
from components.i18n import t

if TYPE_CHECKING:       # imported when used: component tests swap the renderers for fakes
    from autogradlab.render.fold import FoldedGraph, FoldNode

MAX_PILLS = 12     # the Steps page offers the biggest groups first


def _suffix(source: str, output: str | None) -> str:
    return state.digest(f"{output}\0{source}")


def expanded(source: str, output: str | None) -> tuple[str, ...]:
    from autogradlab.render.fold_expand import parse_expanded

    return parse_expanded(st.session_state.get(state.FOLD_EXPANDED_PREFIX + _suffix(source, output)))


def set_expanded(source: str, output: str | None, names: tuple[str, ...]) -> None:
    st.session_state[state.FOLD_EXPANDED_PREFIX + _suffix(source, output)] = ",".join(names)


def toggle(source: str, output: str | None, group: str) -> None:
    from autogradlab.render.fold_expand import toggled

    set_expanded(source, output, toggled(expanded(source, output), group))


def selected(source: str, output: str | None) -> str | None:
    value = st.session_state.get(state.FOLD_SELECTED_PREFIX + _suffix(source, output))
    return value if isinstance(value, str) else None


def remember(source: str, output: str | None, node: str | None) -> None:
    st.session_state[state.FOLD_SELECTED_PREFIX + _suffix(source, output)] = node


def adopt_selection(node_key: str, source: str, output: str | None, ids: set[str]) -> None:
    """Before the Graph page's node picker is drawn: a node chosen on the Steps page becomes its
    choice (the picker's own state is dropped while another page is shown)."""
    shared = selected(source, output)
    if node_key not in st.session_state and shared in ids:
        st.session_state[node_key] = shared


@st.cache_resource(max_entries=32, ttl=3600, show_spinner=False)
def _folded(key: str, max_nodes: int, _opened: tuple[str, ...], _graph: Graph) -> FoldedGraph:
    from autogradlab.render.fold_expand import expanded_fold

    return expanded_fold(_graph, max_nodes, _opened)


def folded(run_key: tuple, graph: Graph, max_nodes: int, opened: tuple[str, ...]) -> FoldedGraph:
    """The folding with the open groups opened, once per (run, open groups). Keyed by the repr of
    both: Streamlit reuses an earlier equal item's hash within one argument (values x=[0,-0] hashed
    as x=[0,0]) and joins a tuple's items without lengths (see cached.cache_key)."""
    return _folded(repr((run_key, opened)), max_nodes, opened, graph)


def is_group(drawn_id: str, folded_graph: FoldedGraph) -> bool:
    from autogradlab.render.fold_expand import group_of, groups

    return group_of(drawn_id) in groups(folded_graph)


def group_text(node: FoldNode, is_open: bool) -> str:
    return f"{'▾' if is_open else '▸'} {node.text} × {node.count}"


def _pills_changed(key: str, source: str, output: str | None) -> None:
    chosen = tuple(st.session_state.get(key) or ())
    set_expanded(source, output, tuple(g for g in chosen if isinstance(g, str)))


def group_pills(folded_graph: FoldedGraph, source: str, output: str | None) -> None:
    """The Steps page's way to open a folded loop: one toggle button (a pill) per group; Tab reaches
    it and Enter opens or folds it. Shares the open set with the Graph page's clicks."""
    from autogradlab.render.fold_expand import groups

    found = groups(folded_graph)
    if not found:
        return
    options = sorted(found, key=lambda g: -found[g].size)[:MAX_PILLS]
    opened = expanded(source, output)
    key = state.FOLD_PILLS_PREFIX + _suffix(source, output)
    st.session_state[key] = [g for g in options if g in opened]
    st.pills(t("fold.groups"), options, selection_mode="multi", key=key,
             format_func=lambda g: group_text(found[g], g in opened), help=t("fold.groups_help"),
             on_change=_pills_changed, args=(key, source, output))


def graph_click(source: str, output: str | None, folded_graph: FoldedGraph | None) -> Callable[[str], bool]:
    """For the Graph page's click callback: a click on a folded group (or on an opened group's box)
    opens or folds it and returns True; any other id is left to the node selection."""
    def handle(drawn_id: str) -> bool:
        if folded_graph is None or not is_group(drawn_id, folded_graph):
            return False
        toggle(source, output, drawn_id)
        return True
    return handle


def drawn_selection(folded_graph: FoldedGraph | None, node: str | None) -> str | None:
    """The drawn node that stands for a selected original node (its folded group, when folded)."""
    if node is None or folded_graph is None:
        return node
    return folded_graph.owner.get(node, node)


def step_of(steps: tuple, node: str | None) -> int | None:
    """The index of the (last) step of a node in a mode's steps, else None."""
    found = [i for i, step in enumerate(steps) if step.node == node] if node else []
    return found[-1] if found else None


def _jump(key: str, frame: int) -> None:
    st.session_state[key] = frame


def _select_current(key: str, all_frames: tuple, steps: tuple, source: str, output: str | None) -> None:
    position = min(max(int(st.session_state.get(key, 1)), 1), len(all_frames))
    remember(source, output, steps[all_frames[position - 1].last].node)


def selection_bar(graph: Graph, steps: tuple, all_frames: tuple, key: str, source: str,
                  output: str | None) -> None:
    """The shared selection on the Steps page: jump to the selected node's step, or make the
    current step's node the selection the Graph page shows."""
    from components.node_details import node_label

    chosen = selected(source, output)
    node = next((n for n in graph.nodes if n.id == chosen), None)
    with st.container(horizontal=True, vertical_alignment="center", key="fold_selection"):
        if node is not None:
            st.caption(t("fold.selected", node=node_label(node)))
            at = step_of(steps, node.id)
            frame = next((k for k, f in enumerate(all_frames) if f.first <= at <= f.last), None) \
                if at is not None else None
            st.button(t("fold.jump"), key="fold_jump", icon=":material/my_location:", disabled=frame is None,
                      on_click=_jump, args=(key, (frame or 0) + 1),
                      help=None if frame is not None else t("fold.no_step"))
        st.button(t("fold.select_current"), key="fold_select_current", icon=":material/ads_click:",
                  on_click=_select_current, args=(key, all_frames, steps, source, output))


def keep_step(key: str, all_frames: tuple, opened: tuple[str, ...]) -> None:
    """Opening or folding a group changes the frames; stay at the step shown before."""
    marker = ",".join(opened)
    before = st.session_state.get(f"{key}_open")
    st.session_state[f"{key}_open"] = marker
    step = st.session_state.get(f"{key}_first")
    if before is None or before == marker or not isinstance(step, int):
        return
    st.session_state[key] = next((k + 1 for k, f in enumerate(all_frames) if f.first <= step <= f.last), 1)


"""Opening folded groups in place (issue 10 §2): the opened drawing holds exactly that group's
original nodes, with their own ids, and every other drawn node keeps its id."""

from __future__ import annotations

import pytest
from test_render_fold import HAS_DOT, branch_graph, chain_graph, needs_dot, wide_graph

from autogradlab.render.dot import annotated_dot
from autogradlab.render.fold import fold_graph
from autogradlab.render.fold_expand import (
    MORE,
    expand,
    expanded_fold,
    group_of,
    groups,
    parse_expanded,
    toggled,
)
from autogradlab.render.step_frames import frames
from autogradlab.render.steps import step_layout


def members(folded, group: str) -> set[str]:
    return {i for part in folded.parts[group] for i in part}


def test_opening_a_loop_group_draws_exactly_its_original_nodes_and_keeps_other_ids():
    graph = chain_graph(30)
    folded = fold_graph(graph, 500)
    (group,) = groups(folded)
    opened = expanded_fold(graph, 500, (group,))
    drawn = {n.id for n in opened.nodes}
    kept = {n.id for n in folded.nodes} - {group}
    assert kept <= drawn
    assert drawn - kept == members(folded, group)
    assert len(members(folded, group)) == 90                    # 30 × (sin, mul, add)
    inside = members(folded, group)
    assert all(n.node is not None and n.node.id == n.id for n in opened.nodes if n.id in inside)
    assert sum(n.size for n in opened.nodes) == len(graph.nodes) == sum(n.size for n in folded.nodes)


def test_opened_group_keeps_the_original_edges_between_its_nodes():
    graph = chain_graph(10)
    opened = expanded_fold(graph, 500, ("fold1",))
    drawn = {n.id for n in opened.nodes}
    inside = {(a, b) for a, b in graph.edges if a in drawn and b in drawn}
    assert inside <= set(opened.edges)
    assert set(opened.edges) == set(graph.edges)               # everything is open again here


def test_a_group_too_big_for_the_budget_opens_whole_iterations_and_counts_the_rest():
    graph = chain_graph(1000)
    opened = expanded_fold(graph, 500, ("fold1",))
    assert len(opened.nodes) <= 500
    more = next(n for n in opened.nodes if n.id == "fold1" + MORE)
    shown = sum(1 for n in opened.nodes if n.node is not None and n.kind == "op")
    assert shown % 3 == 0 and shown > 300                      # whole iterations only
    assert more.count == 1000 - shown // 3 and more.text == "sin → mul → add"
    assert sum(n.size for n in opened.nodes) == len(graph.nodes)
    assert group_of(more.id) == "fold1" and "fold1" in groups(opened)


def test_opening_a_fan_group_shows_each_sibling():
    for graph in (wide_graph(12), branch_graph(8)):
        folded = fold_graph(graph, 500)
        (group,) = groups(folded)
        opened = expand(folded, graph, (group,), 500)
        assert {n.id for n in opened.nodes} == {n.id for n in graph.nodes}
        assert sum(n.size for n in opened.nodes) == len(graph.nodes)


def test_unknown_or_stale_group_names_change_nothing():
    graph = chain_graph(10)
    folded = fold_graph(graph, 500)
    assert expand(folded, graph, ("fold99", "n3", ""), 500) is folded


def test_session_text_and_toggling():
    assert parse_expanded("fold3, fold7,fold3,n2,,foldx") == ("fold3", "fold7")
    assert parse_expanded(None) == ()
    assert toggled(("fold3",), "fold7") == ("fold3", "fold7")
    assert toggled(("fold3", "fold7"), "fold3") == ("fold7",)
    assert toggled(("fold3",), "fold3" + MORE) == ()          # the rest of an opened group folds it
    assert toggled(("fold3",), "fold3.box") == ()              # and so does a click on its box


def test_opened_group_is_a_box_with_the_group_id_in_the_dot():
    graph = chain_graph(10)
    dot = annotated_dot(graph, folded=expanded_fold(graph, 500, ("fold1",)))
    assert 'subgraph "cluster_fold1"' in dot and 'id="fold1.box"' in dot
    assert '"n5" [id="n5"' in dot                             # the original id, as in the export


@needs_dot
def test_opened_group_svg_has_more_nodes_and_a_clickable_cluster():
    from autogradlab.render.export import svg_for_web

    graph = chain_graph(10)
    closed = svg_for_web(annotated_dot(graph, fold=True))
    opened = svg_for_web(annotated_dot(graph, folded=expanded_fold(graph, 500, ("fold1",))))
    assert closed.count('class="node"') == 3
    assert opened.count('class="node"') == len(graph.nodes)
    assert '<g id="fold1.box" class="cluster">' in opened


def test_steps_of_an_opened_group_are_one_frame_each():
    graph = chain_graph(10)
    ops = [n for n in graph.nodes if n.kind == "op"]
    steps = tuple(type("S", (), {"node": n.id})() for n in ops)
    closed = step_layout(graph, fold=True)
    assert len(frames(steps, closed.owner, closed.counts)) == 10          # one per iteration
    opened = step_layout(graph, fold=True, expanded=("fold1",))
    assert len(frames(steps, opened.owner, opened.counts)) == 30          # one per op
    assert "cluster_fold1" in opened.dot


@pytest.mark.skipif(not HAS_DOT, reason="Debian graphviz (`dot`) is not installed")
def test_steps_template_of_an_opened_group_keeps_every_node():
    from autogradlab.render.export import svg_for_web
    from autogradlab.render.steps import svg_template

    graph = chain_graph(10)
    layout = step_layout(graph, fold=True, expanded=("fold1",))
    template = svg_template(svg_for_web(layout.dot), layout.fills)
    assert set(template.node_ids) == {n.id for n in graph.nodes}

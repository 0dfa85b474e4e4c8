"""A graph's folding is computed once while the graph lives (render/fold.py MEMO, identity_memo.py).

The Graph page asked three questions of the same folding on every rerun (has_repeats for a mid-size
graph, the drawing, the summary lines under it) and each folded the graph again. The memo must give
exactly what a fresh fold gives, never answer for another graph (equal or not, or one that reuses a
dead graph's id), and let go of a graph that is gone.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import replace

import pytest

from autogradlab.render import fold
from autogradlab.render.dot import annotated_dot
from autogradlab.render.fold import fold_graph, fold_summary_lines, has_repeats
from autogradlab.render.fold_analysis import Analysis
from autogradlab.render.fold_expand import expanded_fold
from autogradlab.render.identity_memo import IdentityMemo
from tests.unit.test_render_fold import branch_graph, chain_graph, scattered_graph, wide_graph

GRAPHS = {"chain": lambda: chain_graph(400), "wide": lambda: wide_graph(900),
          "branches": lambda: branch_graph(300), "scattered": lambda: scattered_graph(700),
          "chain5": lambda: chain_graph(7, ("exp", "sum", "mul", "add", "pow"))}


def fresh(graph, max_nodes):
    """The folding without the memo, as every call computed it before."""
    saved = fold.MEMO
    fold.MEMO = False
    try:
        return fold_graph(graph, max_nodes)
    finally:
        fold.MEMO = saved


def summary_without_memo(graph):
    """The summary lines as fold_summary_lines computed them before: its own analysis and build."""
    a = Analysis(graph)
    b = fold._Builder(a)
    b.build()
    lines = [f"{len(a.nodes):,} nodes, {a.edge_count:,} edges; longest chain {a.longest_chain_ops():,} ops"]
    return lines + [f"repeated: {text}" for _, _, text in sorted(b.repeats)[:5]]


@pytest.mark.parametrize("name", sorted(GRAPHS))
@pytest.mark.parametrize("max_nodes", [40, 500])
def test_memo_gives_what_a_fresh_fold_gives(name, max_nodes):
    graph = GRAPHS[name]()
    first = fold_graph(graph, max_nodes)
    assert first == fresh(graph, max_nodes)
    assert fold_graph(graph, max_nodes) is first            # the second question is not folded again
    assert annotated_dot(graph, max_nodes=max_nodes, fold=True) == \
        annotated_dot(graph, max_nodes=max_nodes, fold=True, folded=fresh(graph, max_nodes))


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_summary_lines_equal_their_own_analysis_for_any_budget(name):
    graph = GRAPHS[name]()
    expected = summary_without_memo(graph)
    assert fold_summary_lines(graph) == expected
    assert fold_summary_lines(graph, 40) == expected      # repeats are counted before the trim
    assert fold_summary_lines(GRAPHS[name]()) == expected  # an equal graph, folded on its own


def test_summary_line_of_a_known_graph():
    assert fold_summary_lines(chain_graph(1000), 500)[:2] == [
        "3,002 nodes, 3,001 edges; longest chain 3,000 ops", "repeated: sin → mul → add × 1000"]


def test_an_equal_graph_is_folded_on_its_own_and_a_different_budget_too():
    a, b = chain_graph(50), chain_graph(50)
    assert a == b
    assert fold_graph(a, 500) is not fold_graph(b, 500)
    assert fold_graph(a, 500) == fold_graph(b, 500)
    assert fold_graph(a, 20) is not fold_graph(a, 500)
    c = scattered_graph(100)
    assert len(fold_graph(c, 20).nodes) <= 20 < len(fold_graph(c, 500).nodes) == 100


def test_a_changed_copy_is_not_answered_from_the_original():
    graph = chain_graph(30)
    fold_graph(graph, 500)
    other = replace(graph, nodes=graph.nodes[:-1] + (replace(graph.nodes[-1], label="z"),))
    assert fold_graph(other, 500) == fresh(other, 500)
    assert fold_graph(other, 500) is not fold_graph(graph, 500)


def test_has_repeats_and_expanded_fold_share_the_folding():
    graph = chain_graph(200)
    assert has_repeats(graph, 500) is True
    base = fold_graph(graph, 500)
    assert expanded_fold(graph, 500) is base
    group = next(n.id for n in base.nodes if n.id in base.parts)
    opened = expanded_fold(graph, 500, (group,))
    assert opened.longest_chain == base.longest_chain == 600
    assert [summary.id for summary, _ in opened.clusters] == [group]      # the group is open
    assert opened == expand_fresh(graph, group)
    assert not has_repeats(scattered_graph(300), 500)


def expand_fresh(graph, group):
    saved = fold.MEMO
    fold.MEMO = False
    try:
        return expanded_fold(graph, 500, (group,))
    finally:
        fold.MEMO = saved


def test_an_entry_goes_with_its_graph_and_a_reused_id_never_answers():
    memo = IdentityMemo(4)

    class Box:
        pass

    box = Box()
    memo.put(box, 1, "value")
    assert memo.get(box, 1) == "value" and memo.get(box, 2) is None and len(memo) == 1
    del box
    gc.collect()
    assert len(memo) == 0
    others = [Box() for _ in range(200)]                    # some may take the dead object's id
    assert all(memo.get(o, 1) is None for o in others)


def test_a_live_entry_is_not_answered_for_a_new_object_with_its_id():
    memo = IdentityMemo(4)

    class Box:
        pass

    box = Box()
    memo.put(box, 1, "value")
    ref_entry = memo.kept[(id(box), 1)]
    memo.kept[(id(box), 1)] = (lambda: None, ref_entry[1])   # as if the id were another object's
    assert memo.get(box, 1) is None


def test_the_memo_keeps_only_its_last_entries():
    memo = IdentityMemo(3)
    graphs = [chain_graph(3) for _ in range(5)]
    for i, g in enumerate(graphs):
        memo.put(g, 500, i)
    assert len(memo) == 3
    assert [memo.get(g, 500) for g in graphs] == [None, None, 2, 3, 4]
    memo.get(graphs[2], 500)                                # used last: kept when a new one comes
    memo.put(graphs[0], 500, 0)
    assert [memo.get(g, 500) for g in graphs] == [0, None, 2, None, 4]


def test_a_folded_graph_that_dies_is_let_go():
    graph = chain_graph(100)
    fold_graph(graph, 500)
    key = (id(graph), 500)
    assert key in fold._MEMO.kept
    del graph
    gc.collect()
    len(fold._MEMO)                                         # drops what died
    assert key not in fold._MEMO.kept


def test_threads_folding_the_same_graph_get_equal_foldings():
    graph = chain_graph(300)
    expected = fresh(graph, 500)
    results, errors = [], []

    def ask():
        try:
            for _ in range(20):
                results.append(fold_graph(graph, 500))
        except Exception as exc:       # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors and len(results) == 120
    assert all(r == expected for r in results)

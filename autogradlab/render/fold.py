"""Fold big autograd graphs into a drawing a browser can hold.

A 3,000-op loop body is one idea repeated, so we draw it once with a count ("sin → mul → add
× 1000") instead of asking graphviz and the browser for 3,000 boxes. The analysis:

1. attachments: a leaf or saved tensor used by exactly one op, with no inputs of its own, belongs to
   that op (it is drawn with it and counted in its signature);
2. chains: maximal paths of the remaining nodes along which each node has one consumer, and that
   consumer has no other such single-consumer input;
3. repeats: inside each chain, runs of a repeated block of signatures are one summary node;
4. fans: identical short chains between the same neighbours, and identical attachments of one op,
   become one node with a count.

Everything is iterative and linear-ish in the graph size (10,000 nodes fold in a few tens of ms).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from autogradlab.render.fold_analysis import (
    Analysis,
    attachment_key,
    find_runs,
    op_text,
)
from autogradlab.render.identity_memo import IdentityMemo
from autogradlab.render.words import w
from autogradlab.report import Graph, GraphNode

MIN_FAN = 3            # identical siblings drawn separately up to this many minus one
FAN_CHAIN_MAX = 64     # longer chains are not compared as fan siblings
REST_ID = "fold_rest"
MEMO = True            # a graph's folding is kept while the graph lives (identity_memo)
MEMO_ENTRIES = 8


@dataclass(frozen=True)
class FoldNode:
    """A node of the folded drawing: an original node kept as is, or a summary of many."""

    id: str
    kind: str                          # GraphNode kinds when kept; "repeat" | "fan" | "rest"
    node: GraphNode | None = None      # the original node when kept
    text: str = ""                     # summary text: "sin → mul → add", "leaf"
    count: int = 1                     # repetitions / siblings
    size: int = 1                      # original nodes it stands for
    fill_kind: str = "op"              # legend colour of a summary
    lines: tuple[int, ...] = ()        # source lines of a summary's members (first few)


@dataclass(frozen=True)
class FoldedGraph:
    nodes: tuple[FoldNode, ...]
    edges: tuple[tuple[str, str], ...]
    original_nodes: int
    original_edges: int
    repeats: tuple[str, ...]           # "sin → mul → add × 1000", biggest first
    owner: dict[str, str] = field(default_factory=dict)  # original id -> drawn id
    # summary id -> its parts (one loop iteration or one fan sibling each), original ids in order
    parts: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # expanded groups (fold_expand.py): (the summary as it was folded, the drawn ids standing in for it)
    clusters: tuple[tuple[FoldNode, tuple[str, ...]], ...] = ()
    longest_chain: int = 0             # longest path of the original graph, in op nodes

    @property
    def title(self) -> str:
        """In the language of the drawing being made (render.words.language; English otherwise)."""
        counts = {"nodes": f"{self.original_nodes:,}", "shown": f"{len(self.nodes):,}"}
        if not self.clusters:
            return w("folded", **counts)
        many = len(self.clusters) > 1
        groups = w("groups.many", count=len(self.clusters)) if many else w("groups.one")
        return w("folded_open", groups=groups, **counts)

def _lines(nodes: list[GraphNode]) -> tuple[int, ...]:
    found: dict[int, None] = {}
    for node in nodes:
        if node.line is not None and node.line not in found:
            found[node.line] = None
            if len(found) == 3:
                break
    return tuple(found)


class _Builder:
    """Collects the folded nodes and which drawn node stands for each original node."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.owner: list[str] = [""] * len(a.nodes)
        self.entries: list[tuple[int, FoldNode]] = []     # (first original index, node)
        self.repeats: list[tuple[int, int, str]] = []      # (-size, first index, text)
        self.parts: dict[str, tuple[tuple[str, ...], ...]] = {}

    def keep(self, i: int) -> None:
        node = self.a.nodes[i]
        self.owner[i] = node.id
        self.entries.append((i, FoldNode(id=node.id, kind=node.kind, node=node)))

    def summary(self, members: list[int], kind: str, text: str, count: int, fill_kind: str,
                parts: list[list[int]]) -> None:
        key = f"fold{len(self.entries)}"
        ids = self.a.nodes
        self.parts[key] = tuple(tuple(ids[i].id for i in sorted(part)) for part in parts)
        for i in members:
            self.owner[i] = key
        node = FoldNode(id=key, kind=kind, text=text, count=count, size=len(members), fill_kind=fill_kind,
                        lines=_lines([self.a.nodes[i] for i in members]))
        self.entries.append((min(members), node))
        self.repeats.append((-len(members), min(members), f"{text} × {count}"))

    def with_attachments(self, units: list[int]) -> list[int]:
        return units + [p for u in units for p in self.attachments.get(u, ())]

    def build(self) -> None:
        a = self.a
        self.attachments: dict[int, list[int]] = {}
        for p, c in enumerate(a.attached_to):
            if c >= 0:
                self.attachments.setdefault(c, []).append(p)
        grouped = self._fan_groups()
        for chain in a.chains:
            if id(chain) in grouped:
                continue
            for start, period, reps in find_runs([a.sig[i] for i in chain]):
                units = chain[start:start + period * reps]
                if reps >= 2:
                    text = " → ".join(op_text(a.nodes[i]) for i in units[:period])
                    fill = "op" if any(a.nodes[i].kind == "op" for i in units) else a.nodes[units[0]].kind
                    parts = [self.with_attachments(units[r * period:(r + 1) * period]) for r in range(reps)]
                    self.summary(self.with_attachments(units), "repeat", text, reps, fill, parts)
                else:
                    self.keep(units[0])
                    self._attachment_fans(units[0])

    def _attachment_fans(self, c: int) -> None:
        groups: dict[tuple[str, str], list[int]] = {}
        for p in self.attachments.get(c, ()):
            groups.setdefault(attachment_key(self.a.nodes[p]), []).append(p)
        for (kind, _), members in groups.items():
            if len(members) >= MIN_FAN:
                text = f"{op_text(self.a.nodes[members[0]])} → {op_text(self.a.nodes[c])}"
                self.summary(members, "fan", text, len(members), kind, [[p] for p in members])
            else:
                for p in members:
                    self.keep(p)

    def _fan_groups(self) -> set[int]:
        """Identical short chains between the same neighbours become one fan node each group."""
        a = self.a
        groups: dict[tuple, list[list[int]]] = {}
        for chain in a.chains:
            if len(chain) > FAN_CHAIN_MAX:
                continue
            ins = tuple(sorted(p for p in a.pred[chain[0]] if a.attached_to[p] < 0))
            outs = tuple(sorted(a.succ[chain[-1]]))
            groups.setdefault((ins, outs, tuple(a.sig[i] for i in chain)), []).append(chain)
        done: set[int] = set()
        for chains in groups.values():
            if len(chains) < MIN_FAN:
                continue
            first = chains[0]
            text = " → ".join(op_text(a.nodes[i]) for i in first)
            outs = a.succ[first[-1]]
            if len(outs) == 1:
                text += f" → {op_text(a.nodes[outs[0]])}"
            fill = "op" if any(a.nodes[i].kind == "op" for i in first) else a.nodes[first[0]].kind
            parts = [self.with_attachments(chain) for chain in chains]
            self.summary([m for part in parts for m in part], "fan", text, len(chains), fill, parts)
            done.update(id(chain) for chain in chains)
        return done


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The analysis allocates many small lists; the cyclic collector would scan them repeatedly."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# A page draws the same Report's graph on every rerun (components/report_memo.py hands back the same
# frozen Report) and asks several questions of one folding (has_repeats, the drawing, the summary
# lines): each used to fold the graph again (3,500 nodes: 15-50 ms each).
_MEMO = IdentityMemo(MEMO_ENTRIES)


def fold_graph(graph: Graph, max_nodes: int) -> FoldedGraph:
    """The folded drawing of `graph`, with at most `max_nodes` nodes (a "rest" node if needed)."""
    if MEMO:
        kept = _MEMO.get(graph, max_nodes)
        if kept is not None:
            return kept
    with _gc_paused():
        folded = _fold(graph, max_nodes)
    if MEMO:
        _MEMO.put(graph, max_nodes, folded)
    return folded


def _fold(graph: Graph, max_nodes: int) -> FoldedGraph:
    a = Analysis(graph)
    b = _Builder(a)
    b.build()
    b.entries.sort(key=lambda e: e[0])
    nodes = [node for _, node in b.entries]
    owner = {a.nodes[i].id: b.owner[i] for i in range(len(a.nodes))}
    edges = _remap_edges(graph.edges, owner)
    if len(nodes) > max_nodes:
        nodes, edges, owner = _trim(nodes, edges, owner, max(max_nodes, 2))
    repeats = tuple(text for _, _, text in sorted(b.repeats))
    return FoldedGraph(tuple(nodes), tuple(edges), len(a.nodes), a.edge_count, repeats, owner, b.parts,
                       longest_chain=a.longest_chain_ops())


def _remap_edges(edges, owner: dict[str, str]) -> list[tuple[str, str]]:
    out: dict[tuple[str, str], None] = {}
    for x, y in edges:
        fx, fy = owner.get(x), owner.get(y)
        if fx and fy and fx != fy:
            out[(fx, fy)] = None
    return list(out)


def _trim(nodes: list[FoldNode], edges, owner: dict[str, str], max_nodes: int):
    """Keep the nodes nearest the output (reverse breadth-first), the rest become one node."""
    preds: dict[str, list[str]] = {}
    has_succ: set[str] = set()
    for x, y in edges:
        preds.setdefault(y, []).append(x)
        has_succ.add(x)
    outputs = [n.id for n in nodes if n.kind == "output"]
    sinks = outputs + [n.id for n in reversed(nodes) if n.id not in has_succ and n.kind != "output"]
    kept: dict[str, None] = {}
    queue, head = sinks, 0
    while head < len(queue) and len(kept) < max_nodes - 1:
        node_id = queue[head]
        head += 1
        if node_id in kept:
            continue
        kept[node_id] = None
        queue.extend(preds.get(node_id, ()))
    dropped = [n for n in nodes if n.id not in kept]
    hidden = sum(n.size for n in dropped)
    rest = FoldNode(id=REST_ID, kind="rest", text=f"{hidden:,} more nodes not shown", count=len(dropped),
                    size=hidden, fill_kind="rest")
    new_owner = {k: (v if v in kept else REST_ID) for k, v in owner.items()}
    drawn = {n.id: (n.id if n.id in kept else REST_ID) for n in nodes}
    new_nodes = [rest] + [n for n in nodes if n.id in kept]
    return new_nodes, _remap_edges(edges, drawn), new_owner


def has_repeats(graph: Graph, max_nodes: int) -> bool:
    """Whether folding would count repeated steps (a loop body) rather than only trim."""
    return bool(fold_graph(graph, max_nodes).repeats)


def fold_summary_lines(graph: Graph, max_nodes: int = 500) -> list[str]:
    """What the page says about a graph's size and its repeated structure, one line each (the same
    for any `max_nodes`: repeats are counted before the drawing is trimmed; pass the page's budget so
    that the folding it draws is reused)."""
    folded = fold_graph(graph, max_nodes)
    lines = [f"{folded.original_nodes:,} nodes, {folded.original_edges:,} edges; "
             f"longest chain {folded.longest_chain:,} ops"]
    lines += [f"repeated: {text}" for text in folded.repeats[:5]]
    return lines

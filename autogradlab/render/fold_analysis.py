"""The analysis behind folding (see fold.py): topology, attachments, chains, signatures and the
repeated runs inside a chain. Iterative throughout, so a 10,000-node chain needs no recursion."""

from __future__ import annotations

from autogradlab.report import Graph, GraphNode

MAX_PERIOD = 12        # longest repeated block we look for (ops per loop body)
SOURCES = ("leaf", "saved")
SIDE_CHAIN_MAX = 3     # ops of a side computation from leaves that fold into their consumer


class Analysis:
    """Topology, attachments, chains and signatures of one Graph, computed once."""

    def __init__(self, graph: Graph) -> None:
        self.nodes = graph.nodes
        n = len(self.nodes)
        index = {node.id: i for i, node in enumerate(self.nodes)}
        self.succ: list[list[int]] = [[] for _ in range(n)]
        self.pred: list[list[int]] = [[] for _ in range(n)]
        seen: set[tuple[int, int]] = set()
        for a, b in graph.edges:
            ia, ib = index.get(a), index.get(b)
            if ia is None or ib is None or ia == ib or (ia, ib) in seen:
                continue
            seen.add((ia, ib))
            self.succ[ia].append(ib)
            self.pred[ib].append(ia)
        self.edge_count = len(seen)
        self.depth = self._depths()        # topology only: shared by both chain passes and the summary
        self.attached_to = self._attachments()
        self.chains = self._chains()
        if self._absorb_side_chains():
            self.chains = self._chains()
        self.sig = self._signatures()

    def _attachments(self) -> list[int]:
        nodes, pred, succ = self.nodes, self.pred, self.succ
        owner = [-1] * len(nodes)
        for c, node in enumerate(nodes):
            if node.kind in SOURCES:
                continue
            cands = [p for p in pred[c] if nodes[p].kind in SOURCES and not pred[p] and len(succ[p]) == 1]
            if not cands:
                continue
            leaves = [p for p in cands if nodes[p].kind == "leaf"]
            if len(pred[c]) == len(cands) and len(leaves) == 1:
                cands.remove(leaves[0])        # the sole input of a chain's first op heads the chain
            for p in cands:
                owner[p] = c
        return owner

    def _absorb_side_chains(self) -> bool:
        """A short chain made from leaves alone that feeds one op of another chain (`0.1 * x` in
        `y = sin(y) * 1.01 + 0.1 * x`) belongs to that op like an attachment: each loop pass then folds
        whole, instead of leaving one side op (and a copy of `x`) per pass beside the summary."""
        nodes, pred, succ, owner = self.nodes, self.pred, self.succ, self.attached_to
        found: dict[int, list[list[int]]] = {}     # the op fed -> side chains into it
        into: dict[int, int] = {}        # a side chain's node -> the op it feeds
        for chain in self.chains:
            if len(chain) > SIDE_CHAIN_MAX or len(succ[chain[-1]]) != 1:
                continue
            c = succ[chain[-1]][0]
            if owner[c] >= 0 or c in chain or any(len(succ[i]) != 1 for i in chain[:-1]):
                continue
            members = set(chain)
            outside = [p for i in chain for p in pred[i] if p not in members and owner[p] < 0]
            if any(pred[p] or nodes[p].kind != "leaf" for p in outside):
                continue
            found.setdefault(c, []).append(chain)
        for c, chains in found.items():
            if len(chains) == 1:          # several side chains into one op are a fan (fold.py)
                into.update((i, c) for i in chains[0])
        if not into:
            return False

        def root(i: int) -> int:         # a side chain feeding another side chain: the last consumer
            seen = 0
            while i in into and seen <= len(into):
                i, seen = into[i], seen + 1
            return i

        for i in range(len(owner)):
            target = into.get(i, owner[i])
            if target >= 0:
                owner[i] = root(target)
        return True

    def _signatures(self) -> list[int]:
        """Interned signature per node: what must match for two nodes to fold together."""
        by_consumer: dict[int, list[tuple[str, str]]] = {}
        for p, c in enumerate(self.attached_to):
            if c >= 0:
                by_consumer.setdefault(c, []).append(attachment_key(self.nodes[p]))
        table: dict[tuple, int] = {}
        sigs = []
        for i, node in enumerate(self.nodes):
            att = tuple(sorted(by_consumer.get(i, ())))
            key = (node.kind, op_text(node) if node.kind == "op" else "", node.grad_fn or "", att)
            sigs.append(table.setdefault(key, len(table)))
        return sigs

    def _chains(self) -> list[list[int]]:
        n = len(self.nodes)
        core = [c < 0 for c in self.attached_to]
        depth = self.depth
        csucc = [[j for j in self.succ[i] if core[j]] for i in range(n)]
        nxt, has_prev = [-1] * n, [False] * n
        for j in range(n):
            if not core[j]:
                continue
            cands = [i for i in self.pred[j] if core[i] and len(csucc[i]) == 1]
            if len(cands) > 1:   # `sin(y) * 1.01 + 0.1 * x`: the chain goes on through the deepest input
                deepest = max(depth[i] for i in cands)
                cands = [i for i in cands if depth[i] == deepest]
            if len(cands) == 1:
                nxt[cands[0]], has_prev[j] = j, True
        chains, placed = [], [False] * n
        for start in [i for i in range(n) if core[i] and not has_prev[i]] + list(range(n)):
            if placed[start] or not core[start]:
                continue                        # the second pass only breaks (impossible) cycles
            chain, i = [], start
            while i >= 0 and not placed[i]:
                placed[i] = True
                chain.append(i)
                i = nxt[i]
            chains.append(chain)
        chains.sort(key=lambda c: c[0])
        return chains

    def _depths(self) -> list[int]:
        """Per node, the longest path to it counted in op nodes (Kahn order, so no recursion and
        any id order)."""
        n = len(self.nodes)
        indeg = [len(p) for p in self.pred]
        best = [0] * n
        ready = [i for i in range(n) if indeg[i] == 0]
        while ready:
            i = ready.pop()
            best[i] += self.nodes[i].kind == "op"
            for j in self.succ[i]:
                best[j] = max(best[j], best[i])
                indeg[j] -= 1
                if indeg[j] == 0:
                    ready.append(j)
        return best

    def longest_chain_ops(self) -> int:
        """Longest path counted in op nodes."""
        return max(self.depth, default=0)


def attachment_key(node: GraphNode) -> tuple[str, str]:
    return (node.kind, (node.saved_name or node.label) if node.kind == "saved" else "")


def op_text(node: GraphNode) -> str:
    """The short name a student knows: the forward op, else the label, else the PyTorch class."""
    if node.kind == "op":
        return node.op or node.label or node.grad_fn or "op"
    if node.kind in ("leaf", "saved"):
        return node.kind
    return node.label or node.kind


def find_runs(sigs: list[int], max_period: int = MAX_PERIOD) -> list[tuple[int, int, int]]:
    """Split a signature sequence into (start, period, repetitions) segments, greedily.

    At each position the period covering the most elements wins (ties: the shorter period);
    positions that start no repetition become (start, 1, 1).
    """
    out, i, n = [], 0, len(sigs)
    while i < n:
        best_p, best_cover = 1, 1
        for p in range(1, min(max_period, (n - i) // 2) + 1):
            j = i
            while j + p < n and sigs[j] == sigs[j + p]:
                j += 1
            cover = ((j - i + p) // p) * p
            if cover >= 2 * p and cover > best_cover:
                best_p, best_cover = p, cover
        out.append((i, best_p, best_cover // best_p))
        i += best_cover
    return out

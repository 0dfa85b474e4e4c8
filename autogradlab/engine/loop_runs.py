"""What skim.SkimHooks knows of each loop node over all its runs (_Loop: the fewest ops and backward
calls a pass made, what was skimmed, the pass-local verdict) and of one run of it (_Run: its passes,
the counts at the pass's start, the evidence of the pass-aware window and the sparse window)."""

from __future__ import annotations

import ast


class _Loop:
    """What is known of one loop node over all its runs."""

    __slots__ = ("node", "min_ops", "min_backwards", "skimmed_ops", "skimmed_backwards", "cut", "sure",
                 "local", "tail", "lines")

    def __init__(self, node: ast.AST, sure: int) -> None:
        self.node = node
        self.sure = sure          # backward() calls every pass surely makes (sure_backwards.py)
        self.min_ops: int | None = None
        self.min_backwards: int | None = None
        self.skimmed_ops = 0
        self.skimmed_backwards = 0
        self.cut = False          # a run of it that skimmed ops or backward calls stopped early (an error)
        self.local: bool | None = None   # pass_local.py's verdict on its body (PassChecks)
        self.tail = 0             # passes recorded in full at the end of its last run that skimmed
        self.lines: frozenset[int] | None = None   # pass_local.steady_lines of its body (PassChecks)


class _Run:
    """One run of a loop (a loop in a function called twice runs twice)."""

    __slots__ = ("loop", "saved", "governs", "passes", "ops_at", "backwards_at", "skimmed_at",
                 "skimmed_backwards_at", "left", "start", "grad_free", "bad", "refs", "tail", "checked",
                 "steady", "settled", "op_passes", "tail_op_passes", "sparse_until", "sparse_used",
                 "counting")

    def __init__(self, loop: _Loop, saved: tuple[bool, bool, int], governs: bool, start: int) -> None:
        self.loop, self.saved, self.governs, self.passes, self.left = loop, saved, governs, 0, 0
        self.ops_at = self.backwards_at = self.skimmed_at = self.skimmed_backwards_at = 0
        self.start = start        # trace.total when the run began
        self.grad_free = True     # no op of its passes made an autograd Node (criterion a)
        self.bad = False          # criterion b is out for this run (pass_checks.py)
        self.refs: list | None = []   # the last pass's outputs with a graph (they must die in the next)
        self.checked = 0          # passes whose outputs were seen dying in the next one
        self.tail = 0             # passes recorded in full since it last skimmed one
        self.steady = True        # every pass so far made an op on a line run every pass (pass_checks)
        self.settled = False      # no later pass of this run can be skimmed (_settles): O(1) passes
        self.op_passes = 0        # passes that made an op (sparse_window.py)
        self.tail_op_passes = 0   # ... since the last pass that skimmed one
        self.sparse_until = 0     # skimming its passes while `left` is at least this (sparse_window.py)
        self.sparse_used = False
        self.counting = False     # its last pass was skimmed on the count rule or no-grad guard (_counted)

"""The pass-aware window for loops whose passes do not all make ops (issue 9: python_sum).

`for n in range(1, 3001): total += 1 / n ** 2; if n % 10 == 0: best = torch.maximum(...)` makes its
ops every tenth pass: the count rule never skims it (its fewest ops in a pass is 0) and the
pass-aware window needs every pass to make an op on a line run every pass (skim.py: else the op
list of a loop whose last passes make no op, `if n < 600:` in 800 passes, ended with its first
passes). So its 600 ops were all recorded, 500 of them kept, and the report paid for them.

Here a grad-free run (criterion (a) of pass_checks.py: no op of its passes made an autograd Node,
and a skimmed pass that is about to make one is recorded in full from that op on) of a loop with
no sure backward call, once it has run QUIET_PASSES passes of which at least KEEP_PASSES made ops,
skims its passes while the passes left are expected, at the rate of passes with ops seen so far,
to make at least SPARSE_PASSES more passes with ops. The decision is made once: on_loop then only
counts the skimmed passes (O(1)), and they are closed all at once when the window ends. Skimming
cannot change the graph (criterion (a)); the op list holds the loop's first passes and its last
ones. That the last ones made at least KEEP_PASSES passes with ops is checked when the loop ends
(sparse_check): when the rate forecast was wrong (the ops stopped), or an error stopped the loop
(the failing pass's ops would be missing), the run is flagged and run.py runs the program again
without skimming (skim_rerun.py), so the op list never ends with the loop's first passes.
Oracles: tests/unit/test_skim_sparse.py (the run without skimming).
"""

from __future__ import annotations

from typing import Any

KEEP_PASSES = 3           # skim.KEEP_PASSES (a loop's last passes recorded in full)
QUIET_PASSES = 20         # skim.QUIET_PASSES: passes seen before the rate is trusted
SPARSE_PASSES = 4 * KEEP_PASSES   # passes with ops the passes left must be expected to make


class SparseWindow:
    """Mixed into Recorder through SkimHooks."""

    sparse_broken = False   # a sparse window's loop ended with too few passes with ops (skim_rerun.py)

    def sparse_start(self, run: Any, left: int) -> bool:
        """Whether this pass of `run` (grad-free, not steady, not bad) starts the sparse window;
        it then lasts while `left` >= run.sparse_until (skim.on_loop)."""
        if run.loop.sure or run.passes <= QUIET_PASSES or run.op_passes < KEEP_PASSES:
            return False
        closed = run.passes - 1   # passes closed so far (on_loop counted this one already)
        until = -(-SPARSE_PASSES * closed // run.op_passes)   # passes that make SPARSE_PASSES with ops
        if left < until + KEEP_PASSES:
            return False
        run.sparse_until, run.sparse_used = until, True
        return True

    def quiet_passes(self, left: int) -> None:
        """Before on_loop_end of a range loop that left passes untold since its last on_loop
        (`left`: the last pass's), its run counts them as on_loop would have: run.left is then the
        last pass's, as on_loop_end's cut check and sparse_check read it."""
        run = self._runs[-1]
        if run.left > left:
            run.passes += run.left - left
            run.left = left

    def sparse_check(self, run: Any) -> None:
        """The run of a loop that used the sparse window ended: at its last pass, its passes recorded
        in full after the last skimmed one must include KEEP_PASSES that made ops; an error that
        stopped it before (a skimmed pass's ops, the failing one's too, would be missing) breaks it."""
        if run.left or run.tail_op_passes < KEEP_PASSES:
            self.sparse_broken = True

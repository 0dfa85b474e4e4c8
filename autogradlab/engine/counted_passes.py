"""on_loop's short way for a long loop's steady skimmed passes (issue 9: skim.py's on_loop and
_close_pass cost power_iteration ~5 us a pass, a fifth of its recording).

A run whose last pass was skimmed on the count rule or under the no-grad guard (pass_checks.py,
criterion (a)) is marked `counting` (skim.on_loop). Before its next pass, _counted checks that the
pass that ended changed none of what the full way reads: it ran at least as many ops and backward
calls as the fewest so far (the minimums stand, min_ops > 0: neither quiet nor settled), and either
no evidence was due (the count rule skims the next passes anyway) or the pass was skimmed whole under
the no-grad guard (then check_pass finds no op that made a Node and changes nothing, and steady_pass
finds its last op on a line run every pass). Then the pass is closed and the next one decided as
_close_pass and on_loop would (the count rule, else the no-grad guard), without their calls and
branches; anything else takes the full way. tests/unit/test_skim_counted.py compares reports with it
on and off.
"""

from __future__ import annotations

from typing import Any

from autogradlab.engine.pass_checks import GUARD_NO_GRAD, GUARD_NONE
from autogradlab.engine.trace import _FIELDS

COUNTED = True                     # tests compare reports with it off
rules: Any = None                  # the module skim.py, which sets it (its constants are read at call
                                   # time: tests set them; it imports this module, so not imported here)


class CountedPasses:
    """Mixed into Recorder through SkimHooks."""

    trace: Any
    skimmed_ops: int
    skimmed_backwards: int
    backwards_run: int
    skim_enabled: bool
    skimming: bool
    skim_guard: int
    skim_violated: bool
    skim_backward: bool

    def _counted(self, run: Any, left: int) -> bool:
        """The pass of `run` that ended closed and the next one (`left` passes after it) decided, if the
        short way holds (see the module's docstring); False: nothing changed, take the full way."""
        loop, trace = run.loop, self.trace
        total, backwards = trace.total, self.backwards_run
        ops, min_ops = total - run.ops_at, loop.min_ops
        if not (COUNTED and ops >= min_ops > 0 and backwards - run.backwards_at >= loop.min_backwards
                and self.skim_enabled):
            run.counting = False
            return False
        skimmed = self.skimmed_ops
        need = rules.SKIM_WINDOWS * trace.window + rules.SKIM_MARGIN_OPS
        evidence = (run.left - rules.CHECK_MARGIN_PASSES) * min_ops < need   # due (_close_pass)
        if evidence and not (self.skimming and self.skim_guard == GUARD_NO_GRAD
                             and skimmed - run.skimmed_at == ops and run.grad_free and run.steady
                             and not run.bad and 4 * ops <= trace.window and ops <= len(trace._entries)
                             and loop.lines is not None and trace._entries[-1][_FIELDS][2] in loop.lines):
            run.counting = False   # evidence that may change something: check_pass and steady_pass
            return False
        if left * min_ops >= need:
            guard = GUARD_NONE
        elif left >= rules.KEEP_PASSES and run.passes >= 2 and run.grad_free and run.steady and not run.bad:
            guard = GUARD_NO_GRAD   # (on_loop's run.passes > 2, counted after its increment)
        else:
            run.counting = False
            return False
        if not evidence and (run.grad_free or not run.bad):
            run.refs, run.checked = None, 0
        skimmed_backwards = self.skimmed_backwards
        run.op_passes += 1
        run.tail_op_passes = 0 if skimmed != run.skimmed_at else run.tail_op_passes + 1
        loop.skimmed_ops += skimmed - run.skimmed_at
        loop.skimmed_backwards += skimmed_backwards - run.skimmed_backwards_at
        run.ops_at, run.backwards_at = total, backwards
        run.skimmed_at, run.skimmed_backwards_at = skimmed, skimmed_backwards
        run.passes += 1
        run.left = left
        run.tail = 0
        self.skim_violated = False
        self.skimming, self.skim_guard = True, guard
        sure, few = loop.sure, loop.min_backwards
        self.skim_backward = sure > 0 and few >= sure and left * sure >= rules.SKIM_MIN_BACKWARDS
        return True

"""Skimming the middle of a long loop (issue 9): count its passes' ops instead of recording them.

The trace keeps the last RECORD_WINDOW ops in full (trace.py) and the gradients of the last
KEPT_BACKWARDS backward calls (grads.py): in `for t in range(2000)` the records and gradient hooks
of the first ~1,970 passes were built and thrown away. A loop that surely runs to its end tells the
hooks before each pass how many passes are left (lang/loop_skim.py). A pass is skimmed when it is
not the loop's first and the passes left still run more ops than the window holds (at the fewest
ops a pass has run so far, with a margin). A pass's backward calls, skimmed or not its ops, put no
gradient hooks on the graph when the passes left surely run at least KEPT_BACKWARDS backward calls
(sure_backwards.py: `.backward()` statements of the loop's own body, not the calls seen so far,
which a branch can make fewer later): they would be let go before the report is built.

A skimmed op keeps everything but the record: trace.total and summary, the alive-results limit
max_ops, the tensors' numbers, last_line, and an entry in the window without a record (a "ghost":
its place, elements and keys in `origins`; its claim on a tensor it made is on the tensor's entry,
tensor_numbers.claimed), so every record and key leaves the window exactly when it would have and
the last passes' records come out the same. It skips the
argument texts, the value capture and the record (skimmed_ops.py). An op of an uncommon shape (a
new leaf, a NumPy argument, an argument of another kind) is recorded in full. A skimmed backward
keeps the memory bookkeeping (held outputs on a .grad are copied before it writes) and the backward
list, and puts no gradient hooks on the graph. Loops inside a skimmed pass (and in the functions it
calls) follow the loop that decided; a loop that starts while nothing is skimmed decides for
itself. The Steps page's hooks and a Jacobian's take no loop news (no on_loop), and a run that
called jacobian() skims no more. tests/unit/test_skim.py compares every report with skimming on and
off.

The pass-aware window (pass_checks.py): a pass of a loop that surely runs to its end is also
skimmed when it is not among its last KEEP_PASSES passes and skimming it cannot change the report's
graph: (a) no op of the loop's passes so far made an autograd Node (a per-op guard records the op
that first does, and the rest of its pass), or (b) the loop's body runs the same statements every
pass (pass_local.py) and every pass so far let its graph go within the next pass (checked after
each pass). Both need every pass of the run so far to have made an op on a line of the loop's
body that runs every pass (pass_local.steady_lines, run.steady): else a loop whose last passes run
no op (`if n < 600:` in 800 passes) skimmed the passes that held its last ops and its op list ended
with its first passes. Otherwise today's rule applies. (A grad-free loop whose passes do not all
make ops: sparse_window.py; a count-rule forecast that broke: skim_rerun.py; a run that can skim no
more is settled, O(1) a pass; a steady skimmed pass is closed the short way: counted_passes.py.)
Report.ops then holds fewer records (the loop's first passes, which gave the evidence, and its last
KEEP_PASSES); everything else the report shows is the same (tests/unit/test_skim_window.py,
test_skim_window_tail.py; bench/report_identity.py --ignore-ops against the reference).
"""

from __future__ import annotations

import ast
import sys
from typing import Any

from autogradlab import messages
from autogradlab.engine import counted_passes
from autogradlab.engine.counted_passes import CountedPasses
from autogradlab.engine.grads import KEPT_BACKWARDS
from autogradlab.engine.loop_runs import _Loop, _Run
from autogradlab.engine.pass_checks import GUARD_NO_GRAD, GUARD_NONE, GUARD_PASS_LOCAL, PassChecks
from autogradlab.engine.skimmed_ops import SkimmedOps
from autogradlab.engine.sparse_window import SparseWindow
from autogradlab.engine.sure_backwards import defines_backward, sure_backwards
from autogradlab.engine.trace import RECORD_WINDOW

SKIM = True                                      # tests compare reports with it off
SKIM_WINDOWS = 1                                 # the passes left must run this many windows of ops
SKIM_MARGIN_OPS = RECORD_WINDOW // 5             # ... plus this many (a pass may run fewer ops than
                                                 # the fewest seen so far: the body can branch)
SKIM_MIN_BACKWARDS = KEPT_BACKWARDS              # backward calls the passes left must run: exact, no
                                                 # margin. The later passes' calls are all hooked once
                                                 # left * sure < this, and at least this many of them
                                                 # run (sure is static: each pass makes at least sure
                                                 # calls), so this call's gradients would be let go
                                                 # (grads.py keeps KEPT_BACKWARDS). A loop stopped
                                                 # early is cut (skim_rerun.py), as with any margin.
KEEP_PASSES = 3                                  # the last passes of a loop always recorded in full
QUIET_PASSES = 20                                # passes without any op before a loop is no more told
QUIET_SHORTCUT = True                            # _close_pass's short way for a pass without ops
                                                 # (tests compare reports with it off)
SETTLE = True                                    # on_loop's O(1) way for a run that can skim no more
                                                 # (_settles; tests compare reports with it off)
SPARSE = True                                    # the window for grad-free loops with passes without ops
                                                 # (sparse_window.py; tests compare reports with it off)
CHECK_MARGIN_PASSES = 5                          # pass_checks start this many passes before today's
                                                 # rule stops skimming (their evidence takes 3 passes)


class SkimHooks(SkimmedOps, PassChecks, SparseWindow, CountedPasses):
    """Mixed into Recorder: on_loop_start / on_loop / on_loop_end and the skimmed op path."""

    trace: Any
    grads: Any
    lines: list[str]   # the program's lines (Recorder)

    def _init_skim(self, enabled: bool) -> None:
        self.skim_enabled = enabled
        self.skimming = False            # this pass's ops are counted, not recorded
        self.skim_backward = False       # ... and its backward calls hook no graph
        self.skim_guard = GUARD_NONE     # why this pass is skimmed when today's rule would not (pass_checks)
        self.skim_violated = False       # the guard stopped this pass's skimming
        self.skimmed_ops = 0
        self.skimmed_backwards = 0
        self.backwards_run = 0           # every backward call begun (skimmed or not)
        self._loops: dict[int, _Loop] = {}
        self._runs: list[_Run] = []
        self._defines_backward: bool | None = None   # see _sure_backwards

    def stop_skimming(self) -> None:
        """From now on nothing is skimmed (a jacobian() call: its record is built from the run)."""
        self.skim_enabled = self.skimming = self.skim_backward = False
        self.skim_guard = GUARD_NONE

    # ---- loop news (lang/loop_skim.py) ---------------------------------------------------------
    def on_loop_start(self, node: ast.AST) -> None:
        loop = self._loops.get(id(node))
        if loop is None or loop.node is not node:
            loop = self._loops[id(node)] = _Loop(node, self._sure_backwards(node))
        run = _Run(loop, (self.skimming, self.skim_backward, self.skim_guard), not self.skimming,
                   self.trace.total)
        self._close_pass(run)
        self._runs.append(run)

    def on_loop(self, node: ast.AST, left: int) -> bool | int:
        """Before each pass; False: this loop will never skim (passes without ops: python_sum's
        3,000 passes of plain numbers paid ~2 us each for nothing), so the loop stops telling its
        passes for the rest of this run. An int `until` (true) in the sparse window: the passes
        while left >= until and the window holds need not be told (sparse_window.quiet_passes)."""
        run = self._runs[-1]
        if run.counting and self._counted(run, left):   # the short way (a steady skimmed pass)
            return True
        until = run.sparse_until
        if until:   # the sparse window's passes: counted, skimmed, closed all at once (sparse_window.py)
            # (a range loop tells none of them after the answer `until`: run.left - left - 1 passes
            # untold since the last call, counted here as if told; 0 for a loop that tells each)
            if left >= until and self.skimming and not self.skim_violated and self.skim_enabled:
                run.passes += run.left - left
                run.left = left
                return until
            if run.left > left + 1:
                run.passes += run.left - left - 1
                run.left = left + 1
            run.sparse_until = 0
        if run.settled:   # nothing below can skim a pass of this run any more (_settles)
            if run.passes >= QUIET_PASSES and self.trace.total == run.start:   # as below, without a close
                self.skimming = self.skim_backward = False
                self.skim_guard = GUARD_NONE
                run.left = 0
                return False
            run.passes += 1
            run.left = left
            run.tail += 1
            self.skim_violated = self.skimming = self.skim_backward = False
            self.skim_guard = GUARD_NONE
            return True
        if run.passes:
            self._close_pass(run)
            if run.governs and self.skim_enabled and SETTLE and self._settles(run):
                run.settled = True
        run.passes += 1
        run.left = left
        if not run.governs or not self.skim_enabled:
            return True
        self.skim_violated = False
        loop = run.loop
        min_ops = loop.min_ops
        if min_ops == 0 and run.passes > QUIET_PASSES and self.trace.total == run.start:
            self.skimming = self.skim_backward = False
            self.skim_guard = GUARD_NONE
            run.left = 0
            return False
        window = self.trace.window
        skimming = min_ops is not None and left * min_ops >= SKIM_WINDOWS * window + SKIM_MARGIN_OPS
        guard = GUARD_NONE
        if not skimming and left >= KEEP_PASSES and run.passes > 2 and not run.bad and run.steady:
            if run.grad_free:
                guard = GUARD_NO_GRAD
            elif run.checked >= 2 and self.pass_local(loop):
                guard = GUARD_PASS_LOCAL
            skimming = guard != GUARD_NONE
        if not skimming and SPARSE and run.grad_free and not (run.steady or run.bad or run.sparse_used):
            skimming = self.sparse_start(run, left)
            if skimming:
                guard = GUARD_NO_GRAD
        self.skimming, self.skim_guard = skimming, guard
        run.tail = 0 if skimming else run.tail + 1
        sure, few = loop.sure, loop.min_backwards   # (few: a `backward` the checker did not see)
        self.skim_backward = (min_ops is not None and sure > 0 and few is not None and few >= sure
                              and left * sure >= SKIM_MIN_BACKWARDS)
        run.counting = (skimming and guard != GUARD_PASS_LOCAL and not run.settled and not run.sparse_until
                        and min_ops is not None and min_ops > 0)
        return True

    @staticmethod
    def _settles(run: _Run) -> bool:
        """Whether no later pass of this run can be skimmed, whatever it does: the count rule needs
        min_ops > 0 (a minimum only falls), the pass-aware window a run neither bad nor unsteady
        (neither comes back), skimmed backward calls a minimum of them at least loop.sure > 0.
        Then on_loop only counts the passes, and _close_pass keeps no per-pass minimum or evidence
        (python_sum: 3,000 passes, a tensor op every tenth; issue 9). The counts of skimmed ops
        (nested loops' too) are differences of running totals: closing many passes at once adds
        the same."""
        loop = run.loop
        few = loop.min_backwards
        return (loop.min_ops == 0 and (run.bad or not run.steady)
                and (loop.sure == 0 or (few is not None and few < loop.sure))
                and not (SPARSE and run.grad_free and loop.sure == 0) and not run.sparse_used)

    def _sure_backwards(self, node: ast.AST) -> int:
        """sure_backwards of the loop's body; 0 when the program defines a `backward` of its own
        (looked up once per run, only when a loop has such statements: the interpreter's tree is
        walked only when the text has a `backward` that is not `.backward(`)."""
        sure = sure_backwards(getattr(node, "body", None) or [])
        if sure:
            defines = self._defines_backward
            if defines is None:
                text = "\n".join(self.lines)
                if text.count("backward") == text.count(".backward("):
                    defines = False   # every `backward` in the text is a call of a method: no walk
                else:   # (a `backward()` in a comment or a string comes here: the tree has no such name)
                    tree = self.program_ast()
                    defines = True if tree is None else defines_backward(tree)
                self._defines_backward = defines
            if defines:
                return 0
        return sure

    def on_loop_end(self, node: ast.AST) -> None:
        runs = self._runs
        while runs:
            run = runs.pop()
            if run.passes:
                self._close_pass(run)
                if run.left and run.governs and (run.loop.skimmed_ops or run.loop.skimmed_backwards):
                    run.loop.cut = True   # stopped before its last pass (skim_rerun.stopped_in_skim)
                if run.governs and run.loop.skimmed_ops:
                    run.loop.tail = run.tail
                if run.sparse_used:
                    self.sparse_check(run)
            if run.loop.node is node:
                break
        if self.skim_enabled:
            self.skimming, self.skim_backward, self.skim_guard = run.saved
            if self.skim_violated:   # a pass the guard stopped skimming (pass_checks.py) stays so
                self.skimming, self.skim_guard = False, GUARD_NONE
        else:
            self.skimming = self.skim_backward = False
            self.skim_guard = GUARD_NONE

    def _close_pass(self, run: _Run) -> None:
        """The pass that just ended: its ops and backward calls (the fewest so far), and what the
        deciding loop skimmed in it; then the counts at the start of the next pass."""
        loop, total, backwards = run.loop, self.trace.total, self.backwards_run
        if run.settled:   # no minimum or evidence matters any more (_settles): only the skimmed counts
            loop.skimmed_ops += self.skimmed_ops - run.skimmed_at
            loop.skimmed_backwards += self.skimmed_backwards - run.skimmed_backwards_at
        elif run.passes:
            ops = total - run.ops_at
            if (not ops and backwards == run.backwards_at and loop.min_ops == 0 and loop.min_backwards == 0
                    and run.grad_free and QUIET_SHORTCUT):
                # a pass without ops or backward calls (python_sum's plain-number passes, issue 9): no
                # minimum, count or mark below changes (no op: nothing skimmed; check_pass of a pass
                # without ops keeps a grad-free run as it is), and the counts at the next pass's start
                # are these; the pass ran no op, so the pass-aware window is out for the run
                run.steady = False
                return
            if loop.min_ops is None or ops < loop.min_ops:
                loop.min_ops = ops
            if ops:   # (sparse_window.py)
                run.op_passes += 1
                run.tail_op_passes = 0 if self.skimmed_ops != run.skimmed_at else run.tail_op_passes + 1
            calls = backwards - run.backwards_at
            if loop.min_backwards is None or calls < loop.min_backwards:
                loop.min_backwards = calls
            if run.governs:
                loop.skimmed_ops += self.skimmed_ops - run.skimmed_at
                loop.skimmed_backwards += self.skimmed_backwards - run.skimmed_backwards_at
                if self.skim_enabled and (run.grad_free or not run.bad):   # pass_checks.py's evidence
                    if (run.left - CHECK_MARGIN_PASSES) * loop.min_ops >= SKIM_WINDOWS * self.trace.window \
                            + SKIM_MARGIN_OPS:   # today's rule skims the next passes anyway: no evidence
                        run.refs, run.checked = None, 0   # needed yet (it is gathered again before)
                    else:
                        hooked = calls - (self.skimmed_backwards - run.skimmed_backwards_at)
                        if run.steady:
                            run.steady = self.steady_pass(run, ops)
                        self.check_pass(run, ops, hooked > 0)
        run.ops_at, run.backwards_at = total, backwards
        run.skimmed_at, run.skimmed_backwards_at = self.skimmed_ops, self.skimmed_backwards

    def skim_notes(self) -> list[str]:
        """What the report says about skimmed loops (en; note_keys.py finds the key)."""
        notes = []
        for loop in sorted(self._loops.values(), key=lambda loop: getattr(loop.node, "lineno", 0)):
            if loop.skimmed_ops or (loop.cut and loop.skimmed_backwards):
                line = getattr(loop.node, "lineno", 0)
                key = ("notes.skimmed_cut_backward" if not loop.skimmed_ops else   # only backward calls
                       "notes.skimmed_cut" if loop.cut else
                       "notes.skimmed_backward" if loop.skimmed_backwards else "notes.skimmed")
                notes.append(messages.text("en", key, count=f"{loop.skimmed_ops:,}", line=line,
                                           backwards=f"{loop.skimmed_backwards:,}", passes=f"{loop.tail:,}"))
        return notes


counted_passes.rules = sys.modules[__name__]

"""The zygote's spare job processes (sandbox_zygote): which one the next job takes, and retiring them.

A spare is a fork of the zygote waiting for one job on its link (sandbox_zygote.fork_spare). The zygote
keeps SPARES of them: `spare`, the one the next job takes (with whether it may warm up and whether
it was told to: `spare_may_warm`, `spare_told`), and `reserve`, the ones after it, oldest first.
Each spare closes every other spare's link and position area right after its fork, so no job holds
another's (tests/unit/test_sandbox_spare.py).
"""

from __future__ import annotations

import mmap
import os
import select
import signal
import socket

# Spare job processes kept ready. With one, a run sent ~15 ms after the last one's Report (a steps
# run, a retry, a class; bench/loop_programs.py) found the spare forked at the last job's exit still
# copying its pages (sandbox_prefault), and paid for them in the run (issue 9, bench/README.md
# "Session 21"); with two, the next job takes the one forked a run earlier. Each holds only its
# copied pages (~3-8 MB) beyond what it shares with the zygote.
SPARES = 2


class SpareSet:
    """The spare bookkeeping of sandbox_zygote._Zygote (which sets these attributes)."""

    spare: tuple[int, socket.socket, mmap.mmap] | None
    reserve: list[tuple[tuple[int, socket.socket, mmap.mmap], bool]]
    spare_may_warm: bool
    spare_told: bool
    paused: set[int]   # spares stopped (SIGSTOP) while a job runs: _pause_spares

    def _pause_spares(self) -> None:
        """Stop every spare while a job runs (the zygote calls it once the job is handed over): a
        reserve still copying its pages (sandbox_prefault, ~7 ms of CPU) or a spare still warming
        up (sandbox_warm.warm_idle, ~30 ms) took a core and the shared cache from the job on a
        2-core machine (issue 9). _resume_spares when no job runs, _resume before a job is handed
        to one. A stopped process still dies of SIGKILL (retiring, the zygote's death)."""
        for pid, _link, _area in self._spares():
            if pid not in self.paused:
                try:
                    os.kill(pid, signal.SIGSTOP)
                except ProcessLookupError:   # died: replaced when a job comes (start_job)
                    continue
                self.paused.add(pid)

    def _resume(self, pid: int) -> None:
        if pid in self.paused:
            self.paused.discard(pid)
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass

    def _resume_spares(self) -> None:
        for pid in list(self.paused):
            self._resume(pid)

    def _spares(self) -> list[tuple[int, socket.socket, mmap.mmap]]:
        """Every spare waiting for a job, the next one first."""
        return ([self.spare] if self.spare is not None else []) + [spare for spare, _warm in self.reserve]

    def _next_spare(self) -> None:
        """The oldest of the reserve becomes the spare the next job takes (after one was taken)."""
        self.spare = None
        if self.reserve:
            self.spare, self.spare_may_warm = self.reserve.pop(0)
            self.spare_told = False

    def _retire_spare(self, reserve: bool = False) -> None:
        """Retire the next spare (a reserve one takes its place), or with `reserve` the first reserve."""
        if reserve:
            (pid, link, area), _warm = self.reserve.pop(0)
        elif self.spare is not None:
            pid, link, area = self.spare
            self._next_spare()
        else:
            return
        link.close()
        area.close()
        os.kill(pid, signal.SIGKILL)   # (a stopped one too)
        self.paused.discard(pid)
        os.waitpid(pid, 0)

    def _warming(self) -> bool:
        """The next spare was told to warm up and has not yet said it ran its program (a byte on its
        link, sandbox_warm.warm_idle): a job handed to it would wait for that (~25 ms, more on a
        loaded machine; issue 9: runs 30-55 ms after the last one's Report took ~30 ms, not ~18)."""
        return self.spare_told and not select.select([self.spare[1]], [], [], 0)[0]

    def _retire_spares(self) -> None:
        while self.spare is not None:
            self._retire_spare()

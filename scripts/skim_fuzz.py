"""The skim's differential fuzzing, long runs: random long-loop programs (tests/skim_programs.py) run
with skimming off and on (the reports must be the same but for notes, timings and op records) and by
real Python (the same printed text, or both stop on an error); prints each mismatch.

    python3 scripts/skim_fuzz.py --count 500 --seed 1 [--show 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import pickle
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    import autogradlab.engine.skim as skim
    from autogradlab.engine import run_program
    from autogradlab.limits import Limits
    from tests.skim_programs import make_loop_program
    from tests.unit.test_skim import comparable, records_agree, skim_notes

    limits = Limits(timeout_s=600.0)
    rng = random.Random(args.seed)
    start = time.process_time()
    mismatches: list[tuple[str, list[str]]] = []
    skimmed = stopped = 0
    for _ in range(args.count):
        source = make_loop_program(rng)
        skim.SKIM = False
        off = run_program(source, limits=limits)
        skim.SKIM = True
        on = run_program(source, limits=limits)
        printed = io.StringIO()
        raised = None
        torch.manual_seed(0)
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(source, "oracle", "exec"), {"__name__": "__main__"})  # noqa: S102 - generated text
        except Exception as exc:  # noqa: BLE001 - the oracle's error is part of the outcome
            raised = exc
        problems = []
        if comparable(on) != comparable(off):
            fields = [f for f in ("variables", "graph", "printed", "error", "backward_calls", "displayed")
                      if pickle.dumps(getattr(on, f)) != pickle.dumps(getattr(off, f))]
            problems.append(f"skimming changed the report: {', '.join(fields) or 'another field'}")
        try:
            records_agree(on, off)
        except AssertionError:
            problems.append("the skimmed run's op records are not the unskimmed run's")
        if on.printed != printed.getvalue():
            problems.append("printed text differs from Python's")
        if (raised is None) != (on.error is None):
            problems.append(f"Python raised {raised!r}, the engine's error: {on.error and on.error.message}")
        skimmed += bool(skim_notes(on))
        stopped += raised is not None
        if problems:
            mismatches.append((source, problems))
    print(f"{args.count} programs, {skimmed} skimmed, {stopped} stop on an error in Python, "
          f"{len(mismatches)} mismatches, {time.process_time() - start:.1f} CPU s")
    for source, problems in mismatches[:args.show]:
        print("=" * 70)
        print(source)
        print("\n".join(problems))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

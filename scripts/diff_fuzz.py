"""Differential fuzzing, long runs: random programs (tests/diff_programs.py) run by real Python and by
run_program; prints each mismatch and the refusals seen, by message.

    python3 scripts/diff_fuzz.py --count 3000 --seed 1 [--show 20]
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.diff_compare import compare, engine_run, oracle_batch  # noqa: E402
from tests.diff_programs import make_program  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--batch", type=int, default=250)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    programs = [make_program(rng) for _ in range(args.count)]
    start = time.process_time()
    refusals: collections.Counter[str] = collections.Counter()
    mismatches = []
    errors = 0
    failures: collections.Counter[str] = collections.Counter()
    for first in range(0, len(programs), args.batch):
        chunk = programs[first:first + args.batch]
        for source, oracle in zip(chunk, oracle_batch(chunk), strict=True):
            if oracle and oracle["error"]:
                errors += 1
                failures[f"{oracle['error'][0]}: {oracle['error'][1][:70]}"] += 1
            outcome = compare(oracle, engine_run(source))
            if outcome.refused:
                refusals[outcome.refused] += 1
            elif outcome.problems:
                mismatches.append((source, outcome.problems))
    print(f"{len(programs)} programs, {errors} fail in Python, {sum(refusals.values())} refused, "
          f"{len(mismatches)} mismatches, {time.process_time() - start:.1f} CPU s (this process)")
    for message, n in failures.most_common(args.show):
        print(f"  python fails {n:5d}: {message}")
    for message, n in refusals.most_common(15):
        print(f"  refused {n:5d}: {message}")
    for source, problems in mismatches[:args.show]:
        print("=" * 70)
        print(source)
        print("\n".join(problems))
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())

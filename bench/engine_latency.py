"""Engine latency per lesson program: plain PyTorch vs run_program vs the warm sandbox pool.

For every program tests/programs/manifest.py lists (the lessons' examples in lessons/) this
measures the median wall time of three ways to run the same text:
  plain    exec() of the text by real Python in this process (trusted; benchmark only),
  engine   autogradlab.engine.run_program in this process (parse + interpret + graph + torchviz),
  sandbox  autogradlab.sandbox.get_pool().run(source), warm, i.e. what the app pays per Run.
The three are interleaved within each repetition so that load from other processes hits them alike.
Programs expected to fail are skipped (nothing to compare): those tests/programs/manifest.py lists
with ok=False or oracle=False (the latter must never run in real Python: they touch files or
pandas); without a manifest, those that raise in plain PyTorch.

    python bench/engine_latency.py [--reps 20] [--programs tests/programs]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table, verdict  # noqa: E402

TARGET_OVERHEAD_MS = 50.0
WARMUP_RUNS = 2


def run_plain(source: str, filename: str) -> None:
    """The program as plain Python would run it (print output swallowed, like the engine's)."""
    code = compile(source, filename, "exec")
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, {"__name__": "__main__"})  # noqa: S102 - trusted lesson text, benchmark only


def fails_in_plain_pytorch(source: str, filename: str) -> str | None:
    """The exception a program raises in plain PyTorch (an error example), or None."""
    try:
        run_plain(source, filename)
    except BaseException as exc:  # SystemExit included: a program must not end the benchmark
        return f"{type(exc).__name__}: {exc}".splitlines()[0][:70]
    return None


def manifest_selection(folder: Path) -> tuple[list[tuple[Path, int]], list[tuple[str, str]]] | None:
    """(program, seed) pairs the manifest expects to run, and the skipped ones with a reason; None
    without a manifest. A file listed with several seeds is measured once, with the first."""
    manifest_path = folder / "manifest.py"
    if not manifest_path.exists():
        return None
    spec = importlib.util.spec_from_file_location("bench_programs_manifest", manifest_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    chosen: dict[str, tuple[Path, int]] = {}
    skipped: dict[str, str] = {}
    for program in module.PROGRAMS:
        stem = program.file.removesuffix(".py")
        if stem.startswith("loop_"):
            continue   # long loops: bench/loop_programs.py times them against plain PyTorch
        if not program.ok:
            skipped[stem] = f"expected error ({program.error_kind})"
        elif not program.oracle:
            skipped[stem] = "never run in real Python (manifest: oracle=False)"
        else:
            chosen.setdefault(program.file, (program.path, program.seed))
    return list(chosen.values()), sorted(skipped.items())


def timed_ms(fn: Callable[[], object]) -> tuple[float, object]:
    """Wall time of one call in ms, and what it returned."""
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


@dataclass
class ProgramTimes:
    name: str
    plain: list[float] = field(default_factory=list)
    engine: list[float] = field(default_factory=list)
    sandbox: list[float] = field(default_factory=list)
    problems: set[str] = field(default_factory=set)

    @property
    def overhead(self) -> float:
        return median(self.sandbox) - median(self.plain)


def check_report(report: object, where: str, problems: set[str]) -> None:
    """A benchmark of a failing run measures the wrong thing: flag it in the table."""
    error = getattr(report, "error", None)
    if error is not None:
        problems.add(f"{where}: {error.kind}: {error.message}".splitlines()[0][:70])


def measure(path: Path, seed: int, reps: int, run_program: Callable, pool: object) -> ProgramTimes:
    source = path.read_text(encoding="utf-8")
    name = str(path.name)
    times = ProgramTimes(path.stem)
    for _ in range(WARMUP_RUNS):
        run_plain(source, name)
        check_report(run_program(source, seed=seed), "engine", times.problems)
        check_report(pool.run(source, seed=seed), "sandbox", times.problems)
    for _ in range(reps):
        times.plain.append(timed_ms(lambda: run_plain(source, name))[0])
        times.engine.append(timed_ms(lambda: run_program(source, seed=seed))[0])
        times.sandbox.append(timed_ms(lambda: pool.run(source, seed=seed))[0])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="timed runs per program and mode (default 20)")
    parser.add_argument("--programs", type=Path, default=REPO / "tests" / "programs",
                        help="folder of *.py lesson programs (default tests/programs)")
    args = parser.parse_args(argv)

    selection = manifest_selection(args.programs)
    if selection is None:
        programs = [(path, 0) for path in sorted(args.programs.glob("*.py"))]
        skipped: list[tuple[str, str]] = []
        programs_ok = []
        for path, seed in programs:
            reason = fails_in_plain_pytorch(path.read_text(encoding="utf-8"), path.name)
            if reason is None:
                programs_ok.append((path, seed))
            else:
                skipped.append((path.stem, f"fails in plain PyTorch: {reason}"))
        programs = programs_ok
    else:
        programs, skipped = selection
    if not programs:
        print(f"no programs to measure in {args.programs}")
        return 0

    import torch  # noqa: F401 - imported before any timing, as the warm workers have it

    from autogradlab.engine import run_program
    from autogradlab.sandbox import get_pool

    results: list[ProgramTimes] = []
    pool = get_pool()
    try:
        pool.warm()
        for path, seed in programs:
            results.append(measure(path, seed, args.reps, run_program, pool))
    finally:
        close = getattr(pool, "close", None)
        if close is not None:
            close()

    print(f"\nEngine latency per program, median of {args.reps} runs (ms); overhead = sandbox - plain\n")
    print_table(
        ["program", "plain ms", "engine ms", "sandbox ms", "overhead ms", "note"],
        [[t.name, fmt(median(t.plain), 2), fmt(median(t.engine), 2), fmt(median(t.sandbox), 2),
          fmt(t.overhead, 2), "; ".join(sorted(t.problems))]
         for t in results],
    )
    if skipped:
        print(f"\nskipped {len(skipped)} program(s) expected to fail:")
        for name, reason in skipped:
            print(f"  {name}: {reason}")
    clean = [t for t in results if not t.problems]
    if clean:
        # Runs that ended in an error (e.g. "not supported in Autograd Lab") measure a shortcut, not
        # the program: they stay in the table but not in the summary.
        overhead = median([t.overhead for t in clean])
        engine_over = median([median(t.engine) - median(t.plain) for t in clean])
        print(f"\nprograms in the summary: {len(clean)} of {len(results)} measured "
              f"({len(results) - len(clean)} ended in an engine/sandbox error, see note)")
        print(f"median overhead, engine in-process - plain: {fmt(engine_over, 2)} ms")
        print(f"median overhead, sandbox - plain:           {fmt(overhead, 2)} ms   "
              f"target <= {TARGET_OVERHEAD_MS:.0f} ms: {verdict(overhead <= TARGET_OVERHEAD_MS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

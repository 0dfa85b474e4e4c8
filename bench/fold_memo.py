"""The Graph page's folding questions per rerun, with and without the fold memo (render/fold.py MEMO).

Every rerun of the Graph page (a node clicked, a toggle, a language switch) asked of a big graph's
folding: the summary lines under the drawing (fold_summary_lines), and for a mid-size graph whether
it has repeats (has_repeats); each folded the whole graph again. The drawing's own folding was
already cached per run (components/fold_view.folded). This prints, for each loop program's graph,
the median CPU time of those questions on a rerun and of the first draw (the folding, then the
questions), memo off and on, interleaved in one run.

    python bench/fold_memo.py [--reps 7] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402

MAX_NODES, FOLD_OFFER_NODES = 500, 60      # components/graph_view.py
# a mid-size graph (offered folded, has_repeats asked on every rerun): 40 steps of a scalar chain
MID_PROGRAM = """import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for i in range(40):
    y = torch.sin(y) * 1.01 + 0.1 * x
y.backward()
"""


def page_questions(graph) -> None:
    from autogradlab.render.fold import fold_summary_lines, has_repeats

    if FOLD_OFFER_NODES < len(graph.nodes) <= MAX_NODES:
        has_repeats(graph, MAX_NODES)
    fold_summary_lines(graph, MAX_NODES)


def first_draw(graph) -> None:
    from autogradlab.render.fold_expand import expanded_fold

    expanded_fold(graph, MAX_NODES, ())
    page_questions(graph)


def cpu_ms(work, graph) -> float:
    start = time.process_time()
    work(graph)
    return (time.process_time() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    from dataclasses import replace

    from autogradlab.engine import run_program
    from autogradlab.render import fold

    paths = sorted((REPO / "tests" / "programs").glob("loop_*.py"))
    if args.only:
        paths = [p for p in paths if p.stem.removeprefix("loop_") in args.only]
    programs = [(p.stem.removeprefix("loop_"), p.read_text(encoding="utf-8")) for p in paths]
    if not args.only or "mid_chain" in args.only:
        programs.insert(0, ("mid_chain", MID_PROGRAM))
    rows = []
    for name, source in programs:
        graph = run_program(source).graph
        if graph is None or len(graph.nodes) <= FOLD_OFFER_NODES:
            continue
        figures = {key: [] for key in ("first off", "first on", "rerun off", "rerun on")}
        for _ in range(args.reps):
            for memo in (False, True):
                fold.MEMO = memo
                fresh = replace(graph)          # a graph the memo has not seen: the run's first draw
                figures[f"first {'on' if memo else 'off'}"].append(cpu_ms(first_draw, fresh))
                figures[f"rerun {'on' if memo else 'off'}"].append(cpu_ms(page_questions, fresh))
        fold.MEMO = True
        row = [name, f"{len(graph.nodes):,}"]
        row += [fmt(median(figures[key])) for key in figures]
        rows.append(row)
    print_table(["program", "nodes", "first draw off", "first draw on", "rerun off", "rerun on"], rows)
    print("CPU ms, median; 'off' folds for every question as before, 'on' keeps the folding per graph.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

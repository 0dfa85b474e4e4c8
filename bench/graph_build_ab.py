"""build_graph of a loop program's output, a reference checkout's graph.py against this one, in one
process (issue 9: the report's graph of loop_scalar_chain is 3,502 nodes).

    python3 bench/graph_build_ab.py /work/wt/base15 [scalar_chain] [--reps 30]

The program runs once (this checkout's engine); then the reference's engine/graph.py, loaded as a
module of its own on top of this checkout's package, and this checkout's build the graph of the same
output from the same recorder, alternating, with the collector paused as run_program pauses it.
Prints CPU ms (min and median) of each and whether both graphs pickle to the same bytes. A reference
graph.py that needs modules this checkout no longer has cannot be loaded: compare whole runs instead
(/work/wt/ab2.py, bench/loop_programs.py --cpu).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import pickle
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402

from bench.common import REPO  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", help="a checkout whose autogradlab/engine/graph.py is the reference")
    parser.add_argument("program", nargs="?", default="scalar_chain",
                        help="loop_<program>.py of tests/programs")
    parser.add_argument("--reps", type=int, default=30, help="builds per side (default 30)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    import autogradlab.engine.graph as ours
    import autogradlab.engine.run as run_module
    from autogradlab.engine import run_program

    spec = importlib.util.spec_from_file_location(
        "reference_graph", Path(args.reference) / "autogradlab" / "engine" / "graph.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)

    seen: dict = {}
    graph_of = run_module._graph_of

    def spy(output, var, recorder, label=None, walked=None):
        root_key = id(output.grad_fn) if output.grad_fn is not None else id(output)
        seen.update(output=output, var=var, recorder=recorder, label=label,
                    grads=recorder.grads.latest_covering(root_key))
        return graph_of(output, var, recorder, label, walked)

    let_go = run_module._let_go
    run_module._graph_of = spy
    run_module._let_go = lambda recorder: None   # the recorder's tables are read again below
    try:
        run_program((REPO / "tests" / "programs" / f"loop_{args.program}.py").read_text())
    finally:
        run_module._graph_of = graph_of
        run_module._let_go = let_go
    if not seen:
        print(f"loop_{args.program}: no graph in its report")
        return 1
    output, recorder = seen["output"], seen["recorder"]
    grads = seen["grads"]   # (taken before the run let go of them)
    walked = ours.walk_graph(output.grad_fn)
    times: dict[str, list[float]] = {"reference": [], "this": []}
    pickles = set()
    keep = []   # built graphs stay alive: their freeing is not timed
    for i in range(args.reps):
        sides = [("reference", reference), ("this", ours)]
        for name, module in sides if i % 2 else sides[::-1]:
            gc.disable()
            started = time.process_time()
            graph = module.build_graph(output, output_var=seen["var"], output_label=seen["label"],
                                       ctx=recorder, grads=grads, backward_done=grads is not None,
                                       walked=walked)
            times[name].append(time.process_time() - started)
            gc.enable()
            keep.append(graph)
            pickles.add(pickle.dumps(graph))
    nodes = len(keep[0].nodes)
    line = "  ".join(f"{name} min {min(t) * 1000:.2f} med {statistics.median(t) * 1000:.2f} ms"
                     for name, t in times.items())
    print(f"loop_{args.program} ({nodes:,} nodes, CPU): {line}; same pickle: {len(pickles) == 1}")
    return 0 if len(pickles) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())

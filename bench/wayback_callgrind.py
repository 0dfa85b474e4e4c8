"""Instructions (valgrind callgrind) of the report's way back, per checkout: figures that a loaded
machine does not move (issue 9; session 29: with 3 helpers on 2 cores, wall and CPU times of the
same checkout differed by 30-50 % from run to run).

Per checkout and phase, one process under callgrind with instrumentation off until the phase starts
(callgrind_control -i on; ~1 min per phase, mostly the uninstrumented start), PYTHONHASHSEED=0:
  build   the graph build (engine/run.py _graph_of), instrumented around each call
  dump    sandbox_wire.dump_report of the program's Report (the job's side)
  load    sandbox_wire.load_report, the Reports kept alive, then the app's next allocations (a
          young collection the load left due is counted)
  read    load, then the Graph page's full read (render.dot.annotated_dot, folded): `read` minus
          `load` is what the page adds
  run     the whole engine.run_program (interpret, record, report, let go), after three warm runs;
          with a 600 s time limit: an instrumented run is ~50 times slower, and on a loaded machine the
          default 5 s cut it (session 43: a timed-out run counted 437 M instead of 304 M). Not in the
          default phases (ask for it: --phases run). A short program (loop_power_iteration, 2 reps)
          printed 0.0: callgrind_control's `-i on` had not taken effect before `-i off` (not looked
          into; loop_scalar_chain's runs are long enough)
Prints millions of instructions per repetition. Deterministic to ~1 % (addresses, GC timing).

    python3 bench/wayback_callgrind.py /tmp/base . [--program loop_scalar_chain] [--phases dump load]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PHASES = ("build", "dump", "load", "read")
CHOICES = (*PHASES, "run")


def child(root: str, program: str, phase: str, reps: int) -> None:
    sys.path.insert(0, root)
    import torch

    torch.set_num_threads(1)
    from autogradlab import sandbox_wire
    from autogradlab.engine import run as run_module
    from autogradlab.render.dot import annotated_dot

    source = (Path(root) / "tests" / "programs" / f"{program}.py").read_text(encoding="utf-8")
    report = run_module.run_program(source)
    payload = sandbox_wire.dump_report(report)
    loaded = sandbox_wire.load_report(payload)
    if loaded.graph is not None:   # (a program without tensors, loop_layer_objects, has no graph)
        annotated_dot(loaded.graph, max_nodes=500, fold=True)   # imports, caches

    def toggle(state: str) -> None:
        subprocess.run(["callgrind_control", "-i", state, str(os.getpid())], capture_output=True, check=False)

    kept = []
    if phase == "run":
        from autogradlab.limits import Limits

        limits = Limits(timeout_s=600)
        for _ in range(3):
            kept.append(run_module.run_program(source, limits=limits))
        toggle("on")
        for _ in range(reps):
            kept.append(run_module.run_program(source, limits=limits))
        toggle("off")
        os._exit(0)
    if phase == "build":
        graph_of = run_module._graph_of

        def measured(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            toggle("on")
            try:
                return graph_of(*args, **kwargs)
            finally:
                toggle("off")

        run_module._graph_of = measured
        for _ in range(reps):
            kept.append(run_module.run_program(source))
        os._exit(0)
    toggle("on")
    for _ in range(reps):
        if phase == "dump":
            kept.append(sandbox_wire.dump_report(report))
            continue
        back = sandbox_wire.load_report(payload)
        kept.append(back)
        if phase == "read":
            annotated_dot(back.graph, max_nodes=500, fold=True)
        junk = [[] for _ in range(3000)]   # the app goes on allocating
        del junk
    os._exit(0)


def callgrind_millions(start: str, arguments: list[str], reps: int) -> float | None:
    """Millions of instructions per repetition that callgrind counted in `python3 arguments` (with
    `start`: "--instr-atstart=no" or "--collect-atstart=no"; PYTHONHASHSEED=0)."""
    with tempfile.TemporaryDirectory() as tmp:
        command = ["valgrind", "--tool=callgrind", start, f"--callgrind-out-file={tmp}/out", sys.executable,
                   *arguments]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        out = subprocess.run(command, capture_output=True, text=True, env=env, check=False).stderr
    found = re.search(r"Collected : (\d+)", out)
    return int(found.group(1)) / reps / 1e6 if found else None


def measure(root: Path, program: str, phase: str, reps: int) -> float | None:
    return callgrind_millions("--instr-atstart=no", [__file__, "--child", str(root), "--program", program,
                                                     "--phases", phase, "--reps", str(reps)], reps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+")
    parser.add_argument("--program", default="loop_scalar_chain")
    parser.add_argument("--phases", nargs="+", default=list(PHASES), choices=CHOICES)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.checkouts[0], args.program, args.phases[0], args.reps)
        return 0
    print(f"{args.program}: millions of instructions per repetition ({args.reps} each)")
    print(f"{'checkout':40s} " + " ".join(f"{p:>8s}" for p in args.phases))
    for checkout in args.checkouts:
        root = Path(checkout).resolve()
        figures = [measure(root, args.program, phase, args.reps) for phase in args.phases]
        print(f"{str(root):40s} " + " ".join("       ?" if f is None else f"{f:8.1f}" for f in figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

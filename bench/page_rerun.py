"""A page's rerun after a run (a click, a toggle): the app's own CPU per rerun, two trees side by side.

After a program has run, every widget change reruns the page script: it reads the cached Report and
draws it again. For a big graph (loop_scalar_chain: 3,502 nodes) that rerun is what a student waits
for on every click. This runs the app with Streamlit's AppTest (real sandbox pool, real renderers) in
a fresh process per tree and round, submits the program once (the Run click's script CPU: reading
the job's Report and the first drawing, not the job itself, which runs in a sandbox process), then
times `--reruns` plain reruns: the script thread's CPU (time.thread_time, not disturbed by other
jobs' load) and the wall time.
Trees alternate round by round so that background load hits them alike.

    python bench/page_rerun.py BASE_TREE OUR_TREE [--program loop_scalar_chain] [--rounds 3] [--reruns 8]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import REPO, fmt, median, print_table  # noqa: E402

CHILD = r'''
import json, logging, os, sys, threading, time
logging.disable(logging.WARNING)
from streamlit.testing.v1 import AppTest
from components import state
source, reruns, page = sys.argv[1], int(sys.argv[2]), sys.argv[3]
at = AppTest.from_file(os.path.join(os.getcwd(), "app.py"), default_timeout=180).run()
if page != "graph":
    at = at.switch_page(f"views/{page}.py").run()
cpu, wall = [], []
import streamlit.runtime.scriptrunner.script_runner as runner_module
original = runner_module.ScriptRunner._run_script
def timed(self, *args, **kwargs):
    start = time.thread_time()
    try:
        return original(self, *args, **kwargs)
    finally:
        cpu.append((time.thread_time() - start) * 1000)
runner_module.ScriptRunner._run_script = timed
at.text_area(key=state.EDITOR).input(source)
cpu.clear()
at.button(key=state.RUN_BUTTON).click().run()
first = sum(cpu)
at.run()
cpu.clear()
for _ in range(reruns):
    start = time.perf_counter()
    at.run()
    wall.append((time.perf_counter() - start) * 1000)
errors = [e.value for e in at.exception]
options = max((len(s.options) for s in at.selectbox), default=0)
print(json.dumps({"options": options, "first": first, "cpu": cpu, "wall": wall,
                  "errors": [str(e)[:200] for e in errors]}))
'''


def one(tree: Path, source: str, reruns: int, page: str) -> dict:
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(Path.home())}
    out = subprocess.run([sys.executable, "-c", CHILD, source, str(reruns), page], cwd=tree,
                         capture_output=True, text=True, env=env, timeout=900)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{tree}: no figures\n{out.stderr[-2000:]}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs=2, type=Path)
    parser.add_argument("--program", default="loop_scalar_chain")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reruns", type=int, default=8)
    parser.add_argument("--page", default="graph", help="views/<page>.py with an editor (graph, steps)")
    args = parser.parse_args(argv)
    source = (REPO / "tests" / "programs" / f"{args.program}.py").read_text(encoding="utf-8")
    figures = {tree: {"first": [], "cpu": [], "wall": [], "errors": set(), "options": 0}
               for tree in args.trees}
    for _ in range(args.rounds):
        for tree in args.trees:
            got = one(tree, source, args.reruns, args.page)
            figures[tree]["first"].append(got["first"])
            figures[tree]["options"] = max(figures[tree]["options"], got["options"])
            figures[tree]["cpu"] += got["cpu"]
            figures[tree]["wall"] += got["wall"]
            figures[tree]["errors"].update(got["errors"])
    rows = [[str(tree), fmt(median(f["first"])), fmt(median(f["cpu"])), fmt(median(f["wall"])), len(f["cpu"]),
             f["options"], "; ".join(sorted(f["errors"])) or "-"] for tree, f in figures.items()]
    print(f"{args.program}, {args.page} page: rerun after a run, "
          f"median of {args.rounds} rounds x {args.reruns} reruns")
    print_table(["tree", "Run click CPU ms", "rerun CPU ms", "rerun wall ms", "reruns", "picker options",
                 "exceptions"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())

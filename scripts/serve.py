"""Start Autograd Lab with its sandbox workers already warming: `python scripts/serve.py [streamlit args]`.

`streamlit run app.py` starts the pool with the first visitor, who then waits for `import torch` in
the worker (about 1.5 s). This launcher starts the process-wide pool first, in the server process,
then hands over to Streamlit's own CLI in the same process, so the app's `cached.warm_pool()` finds
the pool already up. It also freezes the objects of start-up (streamlit, numpy, ...) out of the
cyclic garbage collector's reach: Streamlit's full collection after every script run then has far
fewer objects to walk (see issue 11 and .streamlit/config.toml `runner.postScriptGC`).
"""

from __future__ import annotations

import gc
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


STATUS_EVERY_S = 60.0


def _log_status(pool) -> None:
    """Once a minute, one line for the teacher: sessions, runs and refusals per minute, queue,
    memory of the server and its workers. Never a program's text."""
    import threading
    import time

    def loop() -> None:
        last = pool.stats()
        while True:
            time.sleep(STATUS_EVERY_S)
            now = pool.stats()
            print(f"autogradlab status: sessions={_sessions()} "
                  f"runs/min={now['runs'] - last['runs']} busy/min={now['refused'] - last['refused']} "
                  f"queued={now['queued']} workers={now['workers']} mean_run_ms={now['mean_run_ms']} "
                  f"memory_mb={_memory_mb()}", file=sys.stderr, flush=True)
            last = now

    threading.Thread(target=loop, name="autogradlab-status", daemon=True).start()


def _sessions() -> int | str:
    try:
        from streamlit.runtime import Runtime

        return Runtime.instance()._session_mgr.num_active_sessions()
    except Exception:
        return "?"


def _memory_mb() -> int:
    """PSS of this process and its descendants (the sandbox workers), from /proc."""
    total_kb, todo = 0, [os.getpid()]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total_kb += sum(int(line.split()[1]) for line in f if line.startswith("Pss:"))
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                todo.extend(int(p) for p in f.read().split())
        except OSError:
            continue
    return total_kb // 1024


def main(argv: list[str]) -> None:
    sys.path.insert(0, ROOT)
    os.chdir(ROOT)
    from autogradlab import sandbox

    pool = sandbox.get_pool()
    _log_status(pool)
    from streamlit.web import cli

    gc.freeze()   # no collection first: ~0.1 s for a few hundred objects, before the server answers
    sys.argv = ["streamlit", "run", os.path.join(ROOT, "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])

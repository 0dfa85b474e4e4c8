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
    """Once a minute, one line for the teacher (autogradlab/host_status.py): sessions, runs and
    refusals in the last minute, queue, workers, memory of the server and its workers. Never a
    program's text. The same figures are on the /status page (AUTOGRADLAB_STATUS_KEY)."""
    import threading
    import time

    from autogradlab import host_status
    from components.server_status import session_count

    def loop() -> None:
        while True:
            time.sleep(STATUS_EVERY_S)
            record = host_status.snapshot(pool.stats(), session_count())
            print(host_status.log_line(record), file=sys.stderr, flush=True)

    threading.Thread(target=loop, name="autogradlab-status", daemon=True).start()


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

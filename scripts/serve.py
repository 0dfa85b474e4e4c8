"""Start Autograd Lab with its sandbox workers already warming: `python scripts/serve.py [streamlit args]`.

`streamlit run app.py` starts the pool with the first visitor, who then waits for `import torch` in
the worker (about 1.5 s). This launcher starts the process-wide pool first (its zygote imports torch
while Streamlit starts), hands over to Streamlit's own CLI in the same process, and once Streamlit
answers imports the first page's modules (pandas, our components), so that the first script run
does not; the app's `cached.warm_pool()` finds the pool already warming. It also freezes
the objects of start-up (streamlit, numpy, ...) out of the cyclic garbage collector's reach:
Streamlit's full collection after every script run then has far fewer objects to walk (see issue
11 and .streamlit/config.toml `runner.postScriptGC`).
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


POOL_START_ENV = "AUTOGRADLAB_POOL_START"   # "early" (default) or "serving": when the zygote starts


def _start_pool(when: str) -> None:
    """Start the sandbox pool (the zygote's `import torch`, ~1.1-1.5 s of CPU in its own process).

    "early" (the default) starts it here, in the main thread, before Streamlit's own imports:
    Streamlit's start-up is one Python thread, so on 2 cores the zygote imports torch on the core
    it leaves idle, and is ready sooner after the browser connects. "serving" waits until Streamlit
    answers (the session-4 order: the health check came sooner under heavy load, the first graph
    not; `bench/app_startup.py --pool-start early --pool-start serving` compares both in one run).
    A visitor faster than either starts it from `app.py` (cached.warm_pool), the same pool."""
    if when == "early":
        from autogradlab import sandbox

        sandbox.get_pool()
    _after_serving()


def _runtime_serving() -> bool:
    """Streamlit's runtime is up, asked without importing anything: an import in this thread while
    the main thread imports Streamlit could meet a half-initialised module ("cannot import name
    'Runtime' from partially initialized module 'streamlit.runtime'": the server exited at start,
    found by bench/dockerfile_run.py)."""
    module = sys.modules.get("streamlit.runtime.runtime")
    runtime = getattr(module, "Runtime", None)
    try:
        return runtime is not None and runtime.exists() \
            and runtime.instance().state.name.endswith("CONNECTED")
    except Exception:   # noqa: BLE001 - still starting
        return False


def _after_serving() -> None:
    """Once Streamlit answers: the pool (if not started yet), the status log, the UI preload."""
    import threading
    import time

    def start() -> None:
        deadline = time.monotonic() + 120.0
        while not _runtime_serving() and time.monotonic() < deadline:
            time.sleep(0.02)
        from autogradlab import sandbox

        _log_status(sandbox.get_pool())
        _preload_ui_modules()

    threading.Thread(target=start, name="autogradlab-pool-start", daemon=True).start()


# What the first script run imports (app.py and the Graph page): pandas, plotly through Streamlit's
# elements, our components. About 0.5 s of CPU on a quiet machine, 2-4 s under load.
UI_MODULES = ("pandas", "components.i18n", "components.cached", "components.present", "components.state",
              "components.editor", "components.links", "components.error_box", "components.results")


def _preload_ui_modules() -> None:
    """Import the first page's modules while the first browser still loads the front end (~1 s of
    mostly waiting), instead of in the first visitor's script run. pandas first, as in app.py, so a
    session starting meanwhile waits on its import lock instead of seeing it half-initialised."""
    import importlib

    for name in UI_MODULES:
        try:
            importlib.import_module(name)
        except Exception:   # noqa: BLE001 - the script run imports it again and shows any error
            pass


def main(argv: list[str]) -> None:
    sys.path.insert(0, ROOT)
    os.chdir(ROOT)
    _start_pool(os.environ.get(POOL_START_ENV, "early"))
    from streamlit.web import cli

    from components import deep_link_base

    deep_link_base.install()   # a page's own address asks for no /<page>/_stcore/... (404s)

    gc.freeze()   # no collection first: ~0.1 s for a few hundred objects, before the server answers
    sys.argv = ["streamlit", "run", os.path.join(ROOT, "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])

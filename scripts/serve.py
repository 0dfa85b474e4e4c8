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


def main(argv: list[str]) -> None:
    sys.path.insert(0, ROOT)
    os.chdir(ROOT)
    from autogradlab import sandbox

    sandbox.get_pool().warm()
    from streamlit.web import cli

    gc.collect()
    gc.freeze()
    sys.argv = ["streamlit", "run", os.path.join(ROOT, "app.py"), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])

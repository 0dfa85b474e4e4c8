"""Run `python -m autogradlab ...` two ways with the same answer: `real` starts the command in a fresh
interpreter (kept for one test per subcommand family: exit status, stdout contract, no traceback);
`in_process` calls `autogradlab.cli.main(argv)` with the test process's shared sandbox pool, the
same code path minus interpreter start-up and `import torch` (seconds per call on a loaded 2-core
machine). Both capture everything written to stdout/stderr, argparse's own messages included."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def real(*args: str, stdin: str = "", timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "autogradlab", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=timeout, cwd=REPO)


def in_process(*args: str, stdin: str = "") -> Done:
    from autogradlab import sandbox
    from autogradlab.cli import Streams, main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args), runner=sandbox.get_pool(), streams=Streams(io.StringIO(stdin), out, err))
    return Done(code, out.getvalue(), err.getvalue())

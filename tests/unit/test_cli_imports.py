"""The CLI imports torch only for what runs programs: `gallery`, `--help` and a typed `eigen` MATRIX
start in a fraction of a second (a fresh interpreter, as `python -m autogradlab` is)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = """
import contextlib, io, json, sys
from autogradlab.cli import Streams, main
out = io.StringIO()
def quiet():
    return Streams(io.StringIO(), io.StringIO(), io.StringIO())
codes = [main(["gallery", "--json"], streams=Streams(io.StringIO(), out, io.StringIO())),
         main(["eigen", "[[2,1],[1,2]]", "--json"], streams=quiet())]
with contextlib.redirect_stdout(io.StringIO()):
    codes.append(main(["--help"]))
lines = len(out.getvalue().splitlines())
print(json.dumps({"codes": codes, "torch": "torch" in sys.modules, "lines": lines}))
"""


def test_gallery_help_and_typed_eigen_do_not_import_torch():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["codes"] == [0, 0, 0]
    assert result["torch"] is False
    from autogradlab import gallery

    assert result["lines"] == len(gallery.entries())


def test_python_m_autogradlab_gallery_does_not_import_torch():
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "autogradlab", "gallery", "--json"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "autogradlab.gallery" in imported and "torch" not in imported
    assert all(json.loads(line)["id"] for line in done.stdout.splitlines())

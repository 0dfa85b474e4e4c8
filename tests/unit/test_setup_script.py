"""scripts/setup.sh (run by scripts/app.sh, scripts/test.sh and .ci/run) installs what the exports need
on a fresh machine: graphviz, the CJK font that draws Chinese labels in PNG/PDF, and a Chromium for
kaleido (the heatmap and eigen plot PNG/SVG downloads), in `app` mode too. Run here with stand-in
commands on an otherwise empty PATH: apt-get records what it was asked to install."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("grep", "dirname", "id", "cat")


def run_setup(tmp_path: Path, mode: str, present: dict[str, str]) -> list[str]:
    """Run setup.sh `mode` with only `present` (name -> script body) and a recording apt-get."""
    bin_dir, log = tmp_path / "bin", tmp_path / "apt.log"
    bin_dir.mkdir()
    for tool in TOOLS:
        os.symlink(shutil.which(tool), bin_dir / tool)
    stubs = {"apt-get": f'echo "$@" >> {log}', "python3": "exit 0", "sudo": 'exec "$@"', **present}
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n")
        (bin_dir / name).chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    result = subprocess.run([shutil.which("bash"), str(ROOT / "scripts" / "setup.sh"), mode], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    installs = [line for line in (log.read_text().splitlines() if log.exists() else []) if "install" in line]
    return installs[-1].split() if installs else []


def test_app_setup_on_a_bare_machine_installs_graphviz_the_cjk_font_and_chromium(tmp_path):
    wanted = run_setup(tmp_path, "app", {})
    assert {"graphviz", "fonts-noto-cjk", "chromium"} <= set(wanted), wanted


def test_app_setup_installs_nothing_when_everything_is_there(tmp_path):
    present = {"dot": "exit 0", "fc-list": 'echo "Noto Sans CJK SC"', "chromium": "exit 0"}
    assert run_setup(tmp_path, "app", present) == []


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs /usr/bin/chromium present")
def test_test_setup_finds_the_machines_chromium(tmp_path):
    present = {"dot": "exit 0", "fc-list": 'echo "Noto Sans CJK SC"'}
    assert "chromium" not in run_setup(tmp_path, "test", present)

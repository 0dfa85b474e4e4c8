"""Red team of the hosted demo's surfaces other than the language (session 23): the CLI's inputs.

The cache-key collisions found in the same pass are tested with the app's components in
tests/app/test_cached_keys.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from autogradlab import messages
from autogradlab.links import MAX_SEED
from tests.unit.cli_run import in_process as cli

PROGRAM = "import torch\nx = torch.randn(3, requires_grad=True)\ny = (x * x).sum()\n"


@pytest.fixture
def program(tmp_path: Path) -> Path:
    path = tmp_path / "p.py"
    path.write_text(PROGRAM, encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", [str(2**64), str(-2**63 - 1), "99999999999999999999", "-1",
                                  str(MAX_SEED + 1)])
@pytest.mark.parametrize("command", ["run", "jacobian"])
def test_a_seed_the_app_cannot_link_is_a_usage_error_not_an_internal_one(program, command, seed):
    """`--seed 99999999999999999999` reached torch.Generator().manual_seed in the worker and came back
    as "internal error in Autograd Lab: ValueError" (cli.py: --seed was any int)."""
    done = cli(command, "--json", "--seed", seed, str(program))
    assert done.returncode == 2, done
    assert "internal" not in done.stdout + done.stderr
    assert f"--seed must be a whole number from 0 to {MAX_SEED:,}" in done.stderr
    assert done.stdout == ""


def test_the_seed_limits_themselves_run(program):
    for seed in ("0", str(MAX_SEED)):
        done = cli("run", "--json", "--seed", seed, str(program))
        assert done.returncode == 0 and '"error": null' in done.stdout, done


def test_an_out_of_range_seed_is_said_in_chinese(tmp_path, program):
    done = cli("export", str(program), "--out", str(tmp_path / "out"), "--lang", "zh", "--seed", "-5")
    assert done.returncode == 2
    assert messages.text("zh", "present.cli_seed_range", high=f"{MAX_SEED:,}", seed="-5") in done.stderr
    assert not (tmp_path / "out").exists()

"""The Dockerfile cannot be built here (no base-image registry), so it is checked statically against
the repository: what it copies exists and is not ignored, it installs the pinned requirements and
the Debian packages the app needs, runs as a non-root user, and checks /_stcore/health on the port
it serves. Each check reads the file as Docker does (instructions, `\\` continuations, comments)."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the served app reads at run time (a .dockerignore entry hiding one would break the image).
RUNTIME_PATHS = ("app.py", "views/graph.py", "components/cached.py", "autogradlab/sandbox.py",
                 "lessons/gallery.toml", "static/editor", ".streamlit/config.toml", "scripts/serve.py")


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1].rstrip() + " "
            continue
        whole = pending + stripped
        pending = ""
        keyword, _, args = whole.partition(" ")
        result.append((keyword.upper(), args.strip()))
    return result


@pytest.fixture(scope="module")
def steps() -> list[tuple[str, str]]:
    return instructions((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def _args(steps: list[tuple[str, str]], keyword: str) -> list[str]:
    return [args for key, args in steps if key == keyword]


def _ignored(path: str) -> bool:
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines()
                if p.strip() and not p.startswith("#")]
    parts = Path(path).parts
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatch(prefix, pattern) for pattern in patterns for prefix in prefixes)


def test_the_parser_joins_continuations_and_drops_comments() -> None:
    parsed = instructions("# c\nFROM a\nRUN x \\\n && y\n  # inner\nUSER u\n")
    assert parsed == [("FROM", "a"), ("RUN", "x && y"), ("USER", "u")]


def test_base_image_is_slim_python_of_the_projects_version(steps) -> None:
    assert steps[0][0] == "FROM"
    match = re.fullmatch(r"python:(\d+)\.(\d+)-slim\S*", steps[0][1])
    assert match, steps[0][1]
    required = re.search(r'requires-python\s*=\s*">=(\d+)\.(\d+)"', (ROOT / "pyproject.toml").read_text())
    assert (int(match[1]), int(match[2])) >= (int(required[1]), int(required[2]))


def test_every_copied_file_exists_and_is_not_ignored(steps) -> None:
    sources = []
    for args in _args(steps, "COPY"):
        words = [w for w in shlex.split(args) if not w.startswith("--")]
        sources += words[:-1]
    assert "requirements.txt" in sources and "." in sources
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such file"
        assert source == "." or not _ignored(source), f"COPY {source}: hidden by .dockerignore"
    for path in RUNTIME_PATHS:
        assert (ROOT / path).exists(), path
        assert not _ignored(path), f"{path} is needed at run time but .dockerignore hides it"


def test_the_ignore_check_can_fail() -> None:
    assert _ignored("tests/unit/test_dockerfile.py") and _ignored("autogradlab/__pycache__/x.pyc")


def test_the_pinned_requirements_are_installed_after_being_copied(steps) -> None:
    order = [key + " " + args for key, args in steps]
    copy_at = next(i for i, step in enumerate(order)
                   if step.startswith("COPY") and "requirements.txt" in step)
    pip_at = next(i for i, step in enumerate(order) if step.startswith("RUN") and "pip install" in step)
    assert copy_at < pip_at
    assert "-r requirements.txt" in order[pip_at]
    pins = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    pins = [pin for pin in pins if pin]
    assert pins and all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+]+", pin) for pin in pins), pins
    assert any(pin.startswith("kaleido==") for pin in pins)


def test_debian_packages_cover_graphs_fonts_and_kaleidos_browser(steps) -> None:
    installs = " ".join(args for args in _args(steps, "RUN") if "apt-get install" in args)
    packages = set(installs.split())
    assert {"graphviz", "fonts-noto-cjk", "chromium"} <= packages
    assert "--no-install-recommends" in installs and "rm -rf /var/lib/apt/lists" in installs
    cloud = {line.strip() for line in (ROOT / "packages.txt").read_text().splitlines() if line.strip()}
    assert cloud <= packages, "packages.txt (Streamlit Community Cloud) lists what the image lacks"


def test_it_runs_as_a_non_root_user_it_creates(steps) -> None:
    users = _args(steps, "USER")
    assert users and users[-1] not in ("root", "0")
    keys = [key for key, _ in steps]
    assert keys.index("USER") < keys.index("CMD")
    assert any(re.search(rf"useradd\b.*\b{re.escape(users[-1])}$", args) for args in _args(steps, "RUN"))


def test_health_check_asks_streamlits_health_endpoint_on_the_served_port(steps) -> None:
    (health,) = _args(steps, "HEALTHCHECK")
    (exposed,) = _args(steps, "EXPOSE")
    (cmd,) = _args(steps, "CMD")
    assert f"127.0.0.1:{exposed}/_stcore/health" in health
    command = json.loads(cmd)
    assert command[:2] == ["python", "scripts/serve.py"]
    assert command[command.index("--server.port") + 1] == exposed
    assert command[command.index("--server.address") + 1] == "0.0.0.0"

"""Run the Dockerfile without a Docker engine: its steps into a fresh directory and a fresh venv,
the CMD as the image's non-root user, then its HEALTHCHECK and a first graph in Chromium.

This machine has the docker client but no engine and no base-image registry, so `docker build`
cannot run. This script follows the Dockerfile instruction by instruction instead:

- FROM python:X.Y-slim: this machine's python3 must be X.Y (checked), in a fresh `venv` (no system
  site-packages), so only what the Dockerfile installs is importable;
- RUN apt-get install ...: the Debian packages must be installed here (`dpkg -s`; not installed);
- RUN useradd --uid N: the later steps run as uid N (`setpriv`, no account is created);
- WORKDIR, COPY (honouring .dockerignore, `--chown`), ENV, USER, EXPOSE: as Docker does them, into
  a fresh temporary directory;
- RUN pip install ...: the venv's pip with the same arguments (an index URL this machine cannot
  reach is left out, and said so); any other RUN: `sh -c` in the work directory;
- CMD: started as the USER (the EXPOSEd port rewritten to a free one, so it cannot clash with
  another server here); then the HEALTHCHECK's command must exit 0, and Chromium must show the
  first page's graph.

    python bench/dockerfile_run.py [--keep] [--venv DIR]

`--venv DIR` reuses a venv this script made before (skips the ~1-3 min pip install); `--keep`
leaves the temporary directory for inspection. Exit status 0 only if every step passed.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import OURS, REPO, chromium_browser, free_port  # noqa: E402

FIRST_GRAPH_TIMEOUT_MS = 180_000


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, `\\` continuations joined, comments dropped (as Docker)."""
    result: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1].rstrip() + " "
            continue
        keyword, _, args = (pending + stripped).partition(" ")
        pending = ""
        result.append((keyword.upper(), args.strip()))
    return result


def ignored(relative: str, patterns: list[str]) -> bool:
    parts = Path(relative).parts
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatch(prefix, pattern) for pattern in patterns for prefix in prefixes)


def reachable(url: str) -> bool:
    if url.startswith("file:"):
        return True
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except Exception:   # noqa: BLE001 - any failure means pip would stall on it
        return False


def exec_form(args: str) -> list[str]:
    """A CMD/RUN argument list: JSON (exec form) or a shell string (shell form)."""
    return json.loads(args) if args.startswith("[") else ["sh", "-c", args]


class Build:
    def __init__(self, root: Path, venv: Path | None) -> None:
        self.root = root
        self.venv = venv or root / "venv"
        self.fresh_venv = venv is None
        self.workdir = root / "fs"
        self.uid: int | None = None    # the USER's uid, once set
        self.users: dict[str, int] = {}
        self.env = {"PATH": f"{self.venv}/bin:/usr/local/bin:/usr/bin:/bin", "HOME": str(root / "home"),
                    "LANG": "C.UTF-8"}
        self.exposed: list[str] = []
        self.healthcheck: list[str] | None = None
        self.cmd: list[str] | None = None
        self.log: list[tuple[str, bool, str]] = []

    def step(self, name: str, ok: bool, detail: str = "") -> None:
        self.log.append((name, ok, detail))
        print(f"  [{'ok' if ok else 'FAIL'}] {name}" + (f": {detail}" if detail else ""), flush=True)
        if not ok:
            raise SystemExit(1)

    def as_user(self) -> list[str]:
        if self.uid is None:
            return []
        return ["setpriv", f"--reuid={self.uid}", f"--regid={self.uid}", "--clear-groups"]

    def run(self, argv: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.as_user(), *argv], cwd=self.workdir, env=self.env, text=True,
                              capture_output=True, **kwargs)

    # --- instructions ---
    def FROM(self, args: str) -> None:   # noqa: N802 - named after the instruction
        match = re.fullmatch(r"python:(\d+\.\d+)[-\w.]*", args)
        wanted = match[1] if match else "?"
        # Debian's interpreter, not this user's (a pyenv under /root is not readable by the USER).
        python = shutil.which(f"python{wanted}", path="/usr/local/bin:/usr/bin")
        self.step(f"FROM {args}", python is not None, f"python{wanted}: {python}")
        if self.fresh_venv:
            subprocess.run([python, "-m", "venv", str(self.venv)], check=True)
        (self.root / "home").mkdir(exist_ok=True)
        self.workdir.mkdir(exist_ok=True)

    def RUN(self, args: str) -> None:   # noqa: N802
        if "apt-get install" in args:
            packages = [w for w in args.split("apt-get install", 1)[1].split("&&")[0].split()
                        if not w.startswith("-")]
            missing = [p for p in packages if subprocess.run(
                ["dpkg", "-s", p], capture_output=True).returncode != 0]
            self.step(f"RUN apt-get install {' '.join(packages)}", not missing,
                      f"missing here: {' '.join(missing)} (apt-get install them)" if missing
                      else "all installed here (dpkg -s)")
        elif args.startswith("useradd"):
            words = shlex.split(args)
            uid = int(words[words.index("--uid") + 1])
            self.users[words[-1]] = uid
            self.step(f"RUN useradd {words[-1]}", True, f"later steps run as uid {uid} (setpriv)")
        elif args.startswith("pip install"):
            words = shlex.split(args)[2:]
            kept: list[str] = []
            skipped: list[str] = []
            i = 0
            while i < len(words):
                if words[i] in ("--extra-index-url", "--index-url") and not reachable(words[i + 1]):
                    skipped.append(words[i + 1])
                    i += 2
                    continue
                kept.append(words[i])
                i += 1
            if not self.fresh_venv:
                self.step("RUN pip install", True, f"reusing {self.venv}")
                self.note_torch()
                return
            started = time.monotonic()
            done = self.run([str(self.venv / "bin" / "pip"), "install", *kept], timeout=1800)
            note = f"{time.monotonic() - started:.0f} s" + (f"; left out (unreachable): {' '.join(skipped)}"
                                                            if skipped else "")
            self.step(f"RUN pip install {' '.join(kept)}", done.returncode == 0,
                      note if done.returncode == 0 else done.stderr[-2000:])
            self.note_torch()
        else:
            done = self.run(["sh", "-c", args], timeout=600)
            self.step(f"RUN {args}", done.returncode == 0, done.stderr[-500:])

    def note_torch(self) -> None:
        """Which torch build pip chose, and the venv's size: without PyTorch's CPU index (unreachable
        here) pip takes PyPI's CUDA build, several GB the image would not have."""
        probe = self.run([str(self.venv / "bin" / "python"), "-c", "import torch; print(torch.__version__)"])
        size = subprocess.run(["du", "-sm", str(self.venv)], capture_output=True, text=True).stdout.split()[0]
        print(f"  [note] torch {probe.stdout.strip() or probe.stderr[-200:]} in a {size} MB venv"
              + ("" if "+cpu" in probe.stdout else " (not the CPU-only build the image gets from its index)"))

    def WORKDIR(self, args: str) -> None:   # noqa: N802
        self.workdir = self.root / "fs" / args.lstrip("/")
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.step(f"WORKDIR {args}", True, str(self.workdir))

    def COPY(self, args: str) -> None:   # noqa: N802
        words = shlex.split(args)
        chown = next((w.split("=", 1)[1] for w in words if w.startswith("--chown=")), None)
        words = [w for w in words if not w.startswith("--")]
        *sources, target = words
        dest = self.workdir / target if target not in (".", "./") else self.workdir
        ignore_file = REPO / ".dockerignore"
        patterns = [p.strip() for p in ignore_file.read_text().splitlines()
                    if p.strip() and not p.startswith("#")] if ignore_file.exists() else []
        count = 0
        for source in sources:
            base = REPO / source
            files = [base] if base.is_file() else [p for p in base.rglob("*") if p.is_file()]
            for path in files:
                relative = path.relative_to(REPO).as_posix()
                if ignored(relative, patterns):
                    continue
                out = dest / (path.name if base.is_file() else path.relative_to(base))
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, out)
                count += 1
        if chown:
            uid = self.users.get(chown.split(":")[0], None)
            for path in [dest, *dest.rglob("*")]:
                os.chown(path, uid, uid)
        self.step(f"COPY {args}", count > 0, f"{count} files")

    def USER(self, args: str) -> None:   # noqa: N802
        self.uid = self.users[args] if args in self.users else int(args)
        os.chown(self.root / "home", self.uid, self.uid)
        self.step(f"USER {args}", self.uid != 0, f"uid {self.uid}")

    def ENV(self, args: str) -> None:   # noqa: N802
        for word in shlex.split(args):
            key, _, value = word.partition("=")
            self.env[key] = value
        self.step(f"ENV {args}", True)

    def EXPOSE(self, args: str) -> None:   # noqa: N802
        self.exposed += args.split()
        self.step(f"EXPOSE {args}", True)

    def HEALTHCHECK(self, args: str) -> None:   # noqa: N802
        self.healthcheck = exec_form(args.split(" CMD ", 1)[1].strip())
        self.step("HEALTHCHECK", True, " ".join(self.healthcheck)[:100])

    def CMD(self, args: str) -> None:   # noqa: N802
        self.cmd = exec_form(args)
        self.step(f"CMD {args}", True)


def with_port(argv: list[str], exposed: list[str], port: int) -> list[str]:
    return [re.sub(rf"\b({'|'.join(exposed)})\b", str(port), a) if exposed else a for a in argv]


def serve_and_check(build: Build) -> None:
    port = free_port()
    cmd = with_port(build.cmd or [], build.exposed, port)
    print(f"  starting CMD as uid {build.uid} on port {port} (EXPOSE {' '.join(build.exposed)} rewritten)")
    log = open(build.root / "server.log", "w")   # noqa: SIM115 - closed below
    started = time.monotonic()
    server = subprocess.Popen([*build.as_user(), *cmd], cwd=build.workdir, env=build.env, stdout=log,
                              stderr=subprocess.STDOUT, start_new_session=True)
    try:
        check = with_port(build.healthcheck or [], build.exposed, port)
        healthy = False
        while time.monotonic() - started < 120 and server.poll() is None:
            if build.run(check, timeout=10).returncode == 0:
                healthy = True
                break
            time.sleep(0.5)
        build.step("HEALTHCHECK command exits 0", healthy,
                   f"after {time.monotonic() - started:.1f} s" if healthy else (build.root / "server.log")
                   .read_text()[-1500:])
        with chromium_browser() as browser:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector(OURS.graph, state="visible", timeout=FIRST_GRAPH_TIMEOUT_MS)
            text = page.locator(OURS.graph).first.text_content() or ""
            build.step("first page shows the lesson's graph in Chromium", "DotBackward0" in text,
                       f"{time.monotonic() - started:.1f} s after CMD; the SVG has DotBackward0"
                       if "DotBackward0" in text else f"graph text: {text[:120]!r}")
        users = subprocess.run(["ps", "-o", "uid=,args=", "-g", str(server.pid)], capture_output=True,
                               text=True).stdout.splitlines()
        root_procs = [u for u in users if u.split()[0] == "0"]
        build.step("no process of the server runs as root", not root_procs and bool(users),
                   f"{len(users)} processes, uids {sorted({u.split()[0] for u in users})}")
    finally:
        try:
            os.killpg(server.pid, 15)
            server.wait(10)
        except ProcessLookupError:   # it had exited (the step above says why)
            pass
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
        log.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--venv", type=Path, help="reuse this venv (made by an earlier run)")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="agl-docker-"))
    os.chmod(root, 0o755)
    build = Build(root, args.venv)
    print(f"Emulating {REPO / 'Dockerfile'} in {root}")
    try:
        for keyword, rest in instructions((REPO / "Dockerfile").read_text(encoding="utf-8")):
            handler = getattr(build, keyword, None)
            if handler is None:
                build.step(f"{keyword} {rest}", False, "this emulation does not know the instruction")
            handler(rest)
        serve_and_check(build)
    except SystemExit:
        print("\nNOT MET: a step failed (above)")
        return 1
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\nMET: all {len(build.log)} steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

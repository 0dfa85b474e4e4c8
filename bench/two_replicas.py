"""Two replicas behind nginx, one killed mid-class: does every student get their view back?

Starts two replicas of Autograd Lab (scripts/serve.py) and nginx with deploy/nginx.conf (ports
rewritten to free loopback ports). Students connect through nginx from different loopback
addresses (127.0.1.1, 127.0.1.2, ...), so the address hash spreads them over both replicas. Each
opens a link to its own program (`/?code=...`, the state lives in the link), makes edits, and
after the first round one replica is killed. A student whose websocket dies reconnects through
nginx, as the browser does, with its current link, and must see its own program's graph again.

    python bench/two_replicas.py [--students 12] [--edits 3]

Needs nginx (`apt-get install nginx`). Prints per replica how many students it served, how many
reconnected, and how many views came back; exit status 0 even when a check fails (it says NOT MET).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from autogradlab.links import encode_code  # noqa: E402
from bench.common import OUR_APP, REPO, free_port, start_streamlit, stop_streamlit, wait_healthy  # noqa: E402

TIMEOUT_S = 60.0


def program(student: int, edit: int) -> str:
    name = f"s{student}e{edit}"
    return (f"import torch\n{name} = torch.tensor([1.0, {edit + 2}.0], requires_grad=True)\n"
            f"out_{name} = ({name} * {name}).sum()\nout_{name}.backward()\n")


async def open_link(url: str, source: str, local_ip: str) -> tuple[object, bool]:
    """Connect (through nginx) and run the page for this link; (websocket, graph shows the program)."""
    ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=2**27,
                                  open_timeout=TIMEOUT_S, local_addr=(local_ip, 0))
    msg = BackMsg()
    msg.rerun_script.query_string = f"code={encode_code(source)}&seed=0"
    await ws.send(msg.SerializeToString())
    marker = source.split("\n")[1].split(" ")[0]
    drawn = False
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        raw = await asyncio.wait_for(ws.recv(), deadline - time.monotonic())
        fwd = ForwardMsg()
        fwd.ParseFromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            etype = element.WhichOneof("type")   # the clickable graph (svg_view) is a bidi_component
            body = (element.markdown.body if etype == "markdown" else
                    element.bidi_component.json if etype == "bidi_component" else "")
            if "<svg" in body:
                drawn = drawn or marker in body
        elif kind == "script_finished" and fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return ws, drawn
    return ws, drawn


async def student(index: int, url: str, edits: int, killed: asyncio.Event, stats: dict) -> None:
    ip = f"127.0.1.{index + 1}"
    ws = None

    async def show(source: str, reconnect: bool) -> None:
        nonlocal ws
        for attempt in range(5):
            try:
                ws, drawn = await open_link(url, source, ip)
                stats["views"] += 1
                stats["drawn"] += drawn
                if reconnect:
                    stats["reconnected"] += 1
                    stats["came_back"] += drawn
                return
            except (OSError, websockets.ConnectionClosed, TimeoutError, websockets.InvalidStatus):
                await asyncio.sleep(1.0 + attempt)
        stats["lost"] += 1

    await show(program(index, 0), reconnect=False)
    await killed.wait()
    await asyncio.sleep(1.0)
    if ws is not None and ws.state is not websockets.protocol.State.OPEN:
        await show(program(index, 0), reconnect=True)     # the browser reconnects with its link
    for edit in range(1, edits):
        if ws is not None:
            await ws.close()                              # a new link: a new session
        await show(program(index, edit), reconnect=False)
        await asyncio.sleep(0.5)
    if ws is not None:
        await ws.close()


def start_nginx(ports: tuple[int, int], listen: int, workdir: Path) -> subprocess.Popen:
    conf = (REPO / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("127.0.0.1:8600", f"127.0.0.1:{listen}")
    conf = conf.replace("127.0.0.1:8601", f"127.0.0.1:{ports[0]}").replace("127.0.0.1:8602",
                                                                          f"127.0.0.1:{ports[1]}")
    conf = re.sub(r"^worker_processes auto;", "worker_processes 1;\ndaemon off;\nuser root;", conf,
                  flags=re.M)
    path = workdir / "nginx.conf"
    path.write_text(conf)
    return subprocess.Popen(["nginx", "-c", str(path), "-p", str(workdir)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT, start_new_session=True)


async def run_class(url: str, students: int, edits: int, kill) -> dict:
    stats = {"views": 0, "drawn": 0, "reconnected": 0, "came_back": 0, "lost": 0}
    killed = asyncio.Event()

    async def killer() -> None:
        await asyncio.sleep(6.0)
        kill()
        killed.set()

    await asyncio.gather(killer(), *(student(i, url, edits, killed, stats) for i in range(students)))
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=12)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    if shutil.which("nginx") is None:
        print("nginx is missing: apt-get install nginx")
        return 0
    replicas = [start_streamlit(OUR_APP), start_streamlit(OUR_APP)]
    workdir = Path(tempfile.mkdtemp(prefix="autogradlab-nginx-"))
    listen = free_port()
    nginx = None
    try:
        for replica in replicas:
            wait_healthy(replica, timeout=120)
        time.sleep(3.0)
        nginx = start_nginx((replicas[0].port, replicas[1].port), listen, workdir)
        time.sleep(1.0)
        url = f"ws://127.0.0.1:{listen}/_stcore/stream"
        sessions_before: list[int] = []

        def kill() -> None:
            sessions_before.extend(_open_connections(r.port) for r in replicas)
            stop_streamlit(replicas[0])

        stats = asyncio.run(run_class(url, args.students, args.edits, kill))
        print(f"\nTwo replicas behind nginx, {args.students} students, {args.edits} links each; "
              "replica 1 killed after the first round\n")
        print(f"  students on replica 1 / 2 before the kill: {sessions_before[0]} / {sessions_before[1]}")
        for key, label in (("views", "views opened"), ("drawn", "views that showed their own graph"),
                           ("reconnected", "views that needed a reconnect"),
                           ("came_back", "of those, views that came back"), ("lost", "views lost")):
            print(f"  {label}: {stats[key]}")
        checks = [("students spread over both replicas", min(sessions_before) > 0),
                  ("every view drawn", stats["drawn"] == stats["views"]),
                  ("no view lost", stats["lost"] == 0),
                  ("every student of the killed replica reconnected and got the view back",
                   stats["reconnected"] == sessions_before[0] == stats["came_back"])]
        for label, ok in checks:
            print(f"  {label}: {'met' if ok else 'NOT MET'}")
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(10)
        for replica in replicas:
            stop_streamlit(replica)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _open_connections(port: int) -> int:
    """Established TCP connections to a replica's port (its students' websockets, via nginx)."""
    out = subprocess.run(["ss", "-Htn", "state", "established", f"( sport = :{port} )"],
                         capture_output=True, text=True).stdout
    return len([line for line in out.splitlines() if line.strip()])


if __name__ == "__main__":
    sys.exit(main())

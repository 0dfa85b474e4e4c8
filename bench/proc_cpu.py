"""CPU seconds per process role, read from /proc (no psutil): which process spent the start-up.

On this shared 2-core machine wall times mostly measure the wait for a core; CPU seconds per
process say where the work went. Roles:

- **server**: the Streamlit process (ours: scripts/serve.py; naive: `streamlit run`), its own CPU;
- **zygote**: our sandbox zygote (`autogradlab.sandbox_zygote`), its own CPU;
- **jobs**: the zygote's job processes (the live spare's CPU plus the reaped jobs' CPU, which the
  kernel adds to the zygote's children's time);
- **tools**: the server's reaped children (graphviz `dot`);
- **chromium**: every chromium process under this benchmark's process (browser, renderer, GPU,
  network), as a difference between two snapshots.
"""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
ROLES = ("server", "zygote", "jobs", "tools", "chromium")


def _stat(pid: int) -> tuple[int, float, float] | None:
    """(ppid, own CPU s, reaped children's CPU s) of a live process, None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = text[text.rindex(")") + 2:].split()
    utime, stime, cutime, cstime = (int(v) for v in rest[11:15])
    return int(rest[1]), (utime + stime) / CLOCK_TICKS, (cutime + cstime) / CLOCK_TICKS


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _tree() -> dict[int, tuple[int, float, float]]:
    table: dict[int, tuple[int, float, float]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                table[int(entry)] = stat
    return table


def _descendants(table: dict[int, tuple[int, float, float]], root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _own, _reaped) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def server_roles(server_pid: int) -> dict[str, float]:
    """CPU seconds so far of a server's roles (server, zygote, jobs, tools)."""
    table = _tree()
    roles = dict.fromkeys(ROLES[:4], 0.0)
    if server_pid not in table:
        return roles
    _ppid, own, reaped = table[server_pid]
    roles["server"] = own
    zygotes = [pid for pid in _descendants(table, server_pid) if "sandbox_zygote" in _cmdline(pid)]
    for zygote in zygotes:
        roles["zygote"] += table[zygote][1]
        live_jobs = _descendants(table, zygote)
        roles["jobs"] += table[zygote][2] + sum(table[p][1] for p in live_jobs if p in table)
    # The server's reaped children: `dot` runs (a zygote is a live child, not in this figure).
    roles["tools"] = reaped
    return roles


def chromium_cpu() -> float:
    """CPU seconds so far of the chromium processes started under this process (Playwright's)."""
    table = _tree()
    return sum(table[pid][1] for pid in _descendants(table, os.getpid())
               if pid in table and "chrom" in _cmdline(pid))

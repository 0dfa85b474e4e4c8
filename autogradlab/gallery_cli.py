"""`python -m autogradlab gallery [--json]`: the gallery's entries, one line each.

With --json each line is exactly {"id", "title", "title_zh", "page", "source"} (a contract other
tools read); without, a table for people. Reads lessons/gallery.toml only: no sandbox, no torch.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from autogradlab import gallery


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("gallery", help="list the lessons' examples (the /gallery page)")
    parser.add_argument("--json", action="store_true",
                        help='one JSON object per entry: {"id", "title", "title_zh", "page", "source"}')


def run(args: argparse.Namespace, io: Any) -> int:
    entries = gallery.entries()
    if args.json:
        for entry in entries:
            io.stdout.write(json.dumps(entry.as_json(), ensure_ascii=False) + "\n")
        return 0
    width = max(len(entry.id) for entry in entries)
    for entry in entries:
        io.stdout.write(f"{entry.id:<{width}}  {entry.page:<8}  {entry.title}\n")
    return 0

"""Exit 0 when every pin of a requirements file (following `-r`) is installed at a matching version,
1 otherwise. setup.sh asks this before `pip install -r`: on a machine that already has everything,
pip spends ~3 s of CPU (and 20 s of wall time on a loaded machine) to say so; reading the installed
metadata takes ~0.05 s. Anything this does not understand (a URL, an option other than -r, no
`packaging` module) answers 1, and pip decides as before.

Usage: python scripts/requirements_met.py requirements-dev.txt
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path


def requirement_lines(path: Path) -> list[str]:
    lines: list[str] = []
    for raw in path.read_text().splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("-r "):
            lines += requirement_lines(path.parent / line[3:].strip())
        elif line.startswith("-"):
            raise ValueError(f"option not understood here: {line}")
        else:
            lines.append(line)
    return lines


def met(path: Path) -> bool:
    from packaging.requirements import Requirement

    for line in requirement_lines(path):
        requirement = Requirement(line)
        if requirement.url or requirement.extras:
            return False
        if requirement.marker and not requirement.marker.evaluate():
            continue
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(installed, prereleases=True):
            return False
    return True


if __name__ == "__main__":
    try:
        sys.exit(0 if met(Path(sys.argv[1])) else 1)
    except Exception:  # noqa: BLE001 - not sure: let pip look
        sys.exit(1)

"""The UI process never imports torch (COMMON rule; `import torch` costs ~1.5 s and ~220 MB, and
with it Streamlit's per-run garbage collection gets slower for every session).

A fresh interpreter imports what app.py imports, every components/ module, and every module the
views/ pages import (the pages themselves are scripts that would run, so their import statements
are read instead), then reports whether torch got loaded and by which of them first.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imported_modules(script: Path) -> set[str]:
    """Top-level and nested `import x` / `from x import y` of a script (y too, if it is a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _ui_modules() -> list[str]:
    modules = {f"components.{path.stem}" for path in (ROOT / "components").glob("*.py")}
    for script in [ROOT / "app.py", *(ROOT / "views").glob("*.py")]:
        modules |= _imported_modules(script)
    return sorted(modules)


_PROBE = """
import importlib, importlib.util, json, logging, sys
logging.disable(logging.CRITICAL)
sys.path.insert(0, {root!r})
first = None
for name in {modules!r}:
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False   # `from pkg import function`: the function is not a module
    if found:
        importlib.import_module(name)
    if first is None and "torch" in sys.modules:
        first = name
print(json.dumps({{"torch": "torch" in sys.modules, "first": first}}))
"""


def test_ui_modules_do_not_import_torch() -> None:
    modules = _ui_modules()
    assert "components.eigen_input" in modules and "components.graph_view" in modules
    probe = _PROBE.format(root=str(ROOT), modules=modules)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"torch": False, "first": None}, f"torch imported by {result['first']}"


def test_probe_notices_a_module_that_imports_torch() -> None:
    """The probe can fail: the engine's run module does import torch."""
    probe = _PROBE.format(root=str(ROOT), modules=["components.state", "autogradlab.engine.run"])
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          timeout=240)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"torch": True,
                                                                 "first": "autogradlab.engine.run"}


def test_serve_preloads_only_modules_the_pages_import() -> None:
    """scripts/serve.py imports the first page's modules while the browser loads the front end; the
    list must stay within what app.py and the pages import (so it is torch-free, checked above)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("serve_script", ROOT / "scripts" / "serve.py")
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    assert serve.UI_MODULES[0] == "pandas"   # first, as in app.py (its import raced between sessions)
    assert set(serve.UI_MODULES) <= set(_ui_modules())

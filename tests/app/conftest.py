"""Fixtures for AppTest tests: paths to the app, and a fake core for component tests.

Page tests run the real sandbox pool (process-wide, started once); component tests draw hand-built
Reports and may swap the sandbox and renderers for tests/app/fake_core.py.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fake_core  # noqa: E402


@pytest.fixture
def app_file() -> str:
    return str(ROOT / "app.py")


@pytest.fixture
def fake_core_installed(monkeypatch: pytest.MonkeyPatch) -> fake_core.FakePool:
    """Replace autogradlab.sandbox and the renderers by fake_core for one test; caches are cleared
    before and after so no fake Report or SVG leaks into other tests."""
    import autogradlab
    import autogradlab.render

    pool = fake_core.FakePool()
    sandbox = types.ModuleType("autogradlab.sandbox")
    sandbox.get_pool = lambda: pool
    monkeypatch.setitem(sys.modules, "autogradlab.sandbox", sandbox)
    monkeypatch.setattr(autogradlab, "sandbox", sandbox, raising=False)
    renderers = {"dot": ("annotated_dot",), "export": ("svg_for_web", "render_dot", "RenderError"),
                 "fold": ("fold_summary_lines", "has_repeats")}
    import autogradlab.render.fold as real_fold

    for name, functions in renderers.items():
        module = types.ModuleType(f"autogradlab.render.{name}")
        if name == "fold":   # the real folding stays there for fold_expand (open groups, fold_view.py)
            for attr in ("FoldedGraph", "FoldNode", "_gc_paused", "_remap_edges", "fold_graph"):
                setattr(module, attr, getattr(real_fold, attr))
        for function in functions:
            setattr(module, function, getattr(fake_core, function))
        monkeypatch.setitem(sys.modules, f"autogradlab.render.{name}", module)
        monkeypatch.setattr(autogradlab.render, name, module, raising=False)
    from components import report_memo

    st.cache_data.clear()
    st.cache_resource.clear()
    report_memo.clear()
    yield pool
    st.cache_data.clear()
    st.cache_resource.clear()
    report_memo.clear()

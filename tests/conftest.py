"""Fixtures for every test level.

PNG/SVG figures (plotly through kaleido) are drawn by a Chromium. By default kaleido starts a new
Chromium for every figure (~1 s of CPU and several seconds of wall time on a loaded 2-core machine);
here the first figure a test process draws starts kaleido's own long-lived server (one Chromium per
test process) and every later figure goes through it. Same Chromium, same plotly.js, same bytes; if
it cannot start (no Chromium), every figure goes the usual one-shot way and fails as it would
without this.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings

import pytest

pytest_plugins = ["tests.cpu_durations"]   # --cpu-durations=N: the tests that take most CPU time

# Bytecode caches on, for this process and the ones it starts (xdist workers, CLI runs, served apps).
# With PYTHONDONTWRITEBYTECODE set (as on the shared test machines) pytest rewrites the asserts of all
# ~250 test modules from source in every worker on every run (~4.7 s of CPU per process, measured on a
# collection: 10.9 s without caches, 6.2 s with), and every CLI subprocess and served app compiles the
# package again. The caches are __pycache__/ (git-ignored); the sandbox workers already write theirs.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# The Hypothesis tests (test_steps_fuzz, test_fuzz_engine, test_parse_guards) draw new programs on
# every run here; in CI (a clean clone, no example database) they draw the same ones every time, so
# a lucky draw cannot fail a change that did not cause it (session 18: an overflowing draw failed
# test_steps_fuzz locally on an unchanged checkout). A failure they find locally is kept in the
# example database (.hypothesis/, git-ignored) and replayed until it is fixed.
if os.environ.get("CI"):
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True)
    _hypothesis_settings.load_profile("ci")


def _one_chromium_for_all_figures() -> None:
    try:
        import kaleido
    except ImportError:
        return
    oneshot = kaleido.calc_fig_sync

    def calc_fig_sync(*args, **kwargs):
        server = kaleido._global_server
        if not server.is_running():
            try:
                kaleido.start_sync_server(silence_warnings=True)
            except Exception:  # noqa: BLE001 - no Chromium: the one-shot path says why
                return oneshot(*args, **kwargs)
        with warnings.catch_warnings():   # plotly always passes (empty) kopts; a server has its own
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return oneshot(*args, **kwargs)

    kaleido.calc_fig_sync = calc_fig_sync


def pytest_configure(config: pytest.Config) -> None:
    _one_chromium_for_all_figures()
    config.addinivalue_line("markers", "opens_its_own_url: a browser test whose first step opens a link "
                            "(tests/e2e/conftest.py: its `page` starts blank, not on the home page)")
    if hasattr(config.option, "loadscopereorder"):   # pytest-xdist: keep the order below
        config.option.loadscopereorder = False


def pytest_unconfigure(config: pytest.Config) -> None:
    try:
        import kaleido
    except ImportError:
        return
    if kaleido._global_server.is_running():
        kaleido.stop_sync_server(silence_warnings=True)


# --- the heap that is already there, out of the garbage collector's way ------------------------------
@pytest.fixture(scope="module", autouse=True)
def _heap_frozen_per_file() -> None:
    """What is alive when a test file starts (torch, the collected modules and test items, caches and
    session fixtures of earlier files) is frozen out of the cyclic garbage collector, as a sandbox
    worker freezes its warm heap (sandbox_zygote.py). Full collections are frequent here: Streamlit
    runs one after every AppTest script run (runner.postScriptGC), the hostile-program tests run one
    before each case (a fresh job's baseline), lang/live_memory.py one near a memory limit; in a
    worker process that holds torch and a few hundred test modules each took ~0.3 s of CPU (~75 s
    over test_breakout.py's 250 cases alone), walking objects that live to the end anyway. Garbage
    made since the file started is collected as before, and what the earlier files left is collected
    here first; frozen objects are still freed by their reference counts."""
    gc.collect()
    gc.freeze()


# --- order: the longest files first -----------------------------------------------------------------
# `-n 2 --dist loadfile` hands whole files to the two workers as they free up. xdist's default order
# (the files with most tests first) left the long browser files with one test or two for last, so one
# worker ran them alone while the other had finished. Here the files that take longest (wall time per
# file on the whole suite) start first, then every other file in collection order, and the many short
# files fill the gaps at the end. A file missing from this list only starts later; nothing is skipped.
LONGEST_FIRST = (
    "tests/e2e/test_figure_downloads_browser.py",
    "tests/e2e/test_present_figures_browser.py",
    "tests/e2e/test_eigen_page_browser.py",
    "tests/unit/test_seed_programs.py",
    "tests/unit/test_zh_notes_corpus.py",
    "tests/unit/test_sandbox_position.py",
    "tests/unit/test_kaleido_browser.py",
    "tests/unit/test_zh_error_corpus.py",
    "tests/unit/test_startup_warm.py",
    "tests/unit/test_allowlist_coverage.py",
    "tests/unit/test_steps_seeds.py",
    "tests/unit/test_compiled_numbers.py",
    "tests/e2e/test_present_controls_browser.py",
    "tests/unit/test_live_memory.py",
    "tests/e2e/test_graph_page_browser.py",
    "tests/unit/test_interpreter.py",
    "tests/unit/test_compiled_fused.py",
    "tests/unit/test_breakout_s5.py",
    "tests/unit/test_fuzz_engine.py",
    "tests/unit/test_cli_jacobian.py",
    "tests/e2e/test_present_browser.py",
    "tests/e2e/test_gallery_browser.py",
    "tests/unit/test_tangent_meta.py",
    "tests/unit/test_sandbox.py",
    "tests/e2e/test_busy_retry_browser.py",
    "tests/unit/test_ui_never_imports_torch.py",
    "tests/unit/test_export_cli.py",
    "tests/unit/test_sizes.py",
    "tests/e2e/test_links_browser.py",
    "tests/unit/test_tutorial_programs.py",
    "tests/e2e/test_fold_browser.py",
    "tests/app/test_gallery_entries_run.py",
    "tests/e2e/test_steps_page_browser.py",
    "tests/e2e/test_jacobian_page_browser.py",
    "tests/app/test_eigen_page.py",
    "tests/e2e/test_graph_click_browser.py",
    "tests/e2e/test_gallery_links_browser.py",
    "tests/e2e/test_steps_drawing_browser.py",
    "tests/e2e/test_steps_readable_browser.py",
    "tests/unit/test_diff_fuzz.py",
    "tests/unit/test_eigen_cli.py",
    "tests/e2e/test_editor_browser.py",
    "tests/e2e/test_lang_browser.py",
    "tests/e2e/test_first_visit_browser.py",
    "tests/app/test_gallery_page.py",
    "tests/app/test_lang.py",
    "tests/unit/test_plotly_export.py",
    "tests/app/test_graph_page.py",
    "tests/unit/test_jacobian_cold_func.py",
    "tests/unit/test_cli.py",
    "tests/unit/test_pool_ready.py",
    "tests/unit/test_loop_speed.py",
    "tests/unit/test_steps_fuzz.py",
    "tests/app/test_figure_downloads.py",
)


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))   # stable

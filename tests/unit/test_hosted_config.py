"""The hosted settings of .streamlit/config.toml (issue 11 §2, security.md item 8), read by
Streamlit's own config parser: a misspelt option would be ignored by Streamlit (a warning in the
log, the default in force), so the checks ask Streamlit what it will use, not the TOML text."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def option():
    """Streamlit's options as `streamlit run` in the repository root sets them (no flags)."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        config.get_config_options(force_reparse=True)
        yield config.get_option
    finally:
        os.chdir(here)
        config.get_config_options(force_reparse=True)


def test_error_details_never_reach_the_browser(option) -> None:
    assert option("client.showErrorDetails") == "none"   # not False: in 1.67 that means "stacktrace"
    assert option("client.toolbarMode") == "minimal"     # no developer menu (rerun, clear cache) for students


def test_uploads_are_capped_and_no_page_offers_one(option) -> None:
    assert option("server.maxUploadSize") <= 1           # MB: Streamlit has no "off"; 1 is its smallest
    files = [ROOT / "app.py", *(ROOT / "views").rglob("*.py"), *(ROOT / "components").rglob("*.py")]
    uploader = re.compile(r"\bst\.(file_uploader|camera_input)\b|accept_file")
    offenders = [str(p.relative_to(ROOT)) for p in files if uploader.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_websocket_messages_are_capped_below_the_default(option) -> None:
    default = config._config_options["server.maxMessageSize"].default_val
    assert option("server.maxMessageSize") <= 50 < default


def test_xsrf_protection_on_and_cors_not_loosened(option) -> None:
    assert option("server.enableXsrfProtection") is True
    assert option("server.enableCORS") is True            # XSRF protection needs CORS on in Streamlit


def test_no_usage_statistics_and_no_development_mode(option) -> None:
    assert option("browser.gatherUsageStats") is False
    assert option("global.developmentMode") is False
    assert option("server.runOnSave") is False and option("server.fileWatcherType") == "none"

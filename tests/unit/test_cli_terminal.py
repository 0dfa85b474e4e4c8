"""`python -m autogradlab run FILE` in text mode: what an untrusted program prints (its text, its
values, its error message) reaches a terminal, so control characters other than newline and tab are
shown as Python escapes; --json is unchanged (JSON escapes them itself)."""

from __future__ import annotations

import json
from pathlib import Path

from autogradlab.cli_text import terminal_safe
from tests.unit.cli_run import in_process as cli

# ESC [ 2 J clears the screen, OSC 52 writes the clipboard, \r overwrites the line, \x9b is an 8-bit CSI
PROGRAM = ("print('a\\x1b[2Jb')\nprint('\\x1b]52;c;ZXZpbA==\\x07')\nprint('ok\\rno\\ttab')\n"
           "print('c\\x9bd\\x7f')\nassert False, 'bad\\x1b[0m'\n")


def test_terminal_safe_escapes_controls_but_newline_and_tab():
    assert terminal_safe("a\x1b[2Jb\r\n\t\x00\x07\x7f\x9b\x9f\xa0é中") == \
        "a\\x1b[2Jb\\r\n\t\\x00\\x07\\x7f\\x9b\\x9f\xa0é中"
    assert terminal_safe("plain text\n") == "plain text\n"


def test_text_mode_shows_escapes_and_json_keeps_the_text(tmp_path: Path):
    path = tmp_path / "evil.py"
    path.write_text(PROGRAM)
    text = cli("run", str(path))
    written = text.stdout + text.stderr
    assert "\x1b" not in written and "\r" not in written and "\x9b" not in written and "\x7f" not in written
    assert "a\\x1b[2Jb" in text.stdout and "\\x1b]52;c;ZXZpbA==\\x07" in text.stdout
    assert "ok\\rno\ttab" in text.stdout
    assert "c\\x9bd\\x7f" in text.stdout
    assert "bad\\x1b[0m" in text.stderr and text.returncode == 1
    line = json.loads(cli("run", "--json", str(path)).stdout)
    assert "a\x1b[2Jb\n" in line["printed"] and "ok\rno\ttab" in line["printed"]

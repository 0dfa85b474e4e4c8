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


def _no_controls(*texts: str) -> None:
    for text in texts:
        assert not any(ch in text for ch in "\x1b\r\x9b\x7f\x07"), repr(text)


def test_jacobian_text_and_its_stderr_lines_are_terminal_safe(tmp_path: Path):
    """cli_jacobian wrote the error line and the notes to stderr unescaped (red team, session 22)."""
    path = tmp_path / "evil\x1b[2J.py"
    path.write_text(PROGRAM)
    done = cli("jacobian", str(path))
    _no_controls(done.stdout, done.stderr)
    assert "bad\\x1b[0m" in done.stderr and "evil\\x1b[2J.py" in done.stderr and done.returncode == 1
    good = tmp_path / "good.py"
    good.write_text("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n")
    done = cli("jacobian", str(good), "--of", "y\x1b[2J", "--wrt", "x")
    _no_controls(done.stdout, done.stderr)


def test_eigen_messages_are_terminal_safe(tmp_path: Path):
    """eigen_cli's `autogradlab eigen: ...` line carried a program's variable name and the MATRIX text."""
    done = cli("eigen", "[[1,\x1b[2J]]")
    _no_controls(done.stdout, done.stderr)
    assert "\\x1b[2J" in done.stderr and done.returncode == 2
    path = tmp_path / "m.py"
    path.write_text("import torch\nA = torch.eye(2)\nprint('\\x1b]0;title\\x07')\n")
    done = cli("eigen", "--from", str(path), "--var", "B\x1b[31m")
    _no_controls(done.stdout, done.stderr)
    assert "B\\x1b[31m" in done.stderr


def test_json_output_escapes_del_and_c1_controls_and_decodes_to_the_same_text(tmp_path: Path):
    """json.dumps(ensure_ascii=False) escapes C0 controls but writes DEL and U+0080..U+009F (U+009B: an
    8-bit CSI) as they are; --json now writes them as \\u escapes."""
    path = tmp_path / "evil.py"
    path.write_text("assert False, 'e\\x9bf\\x7f'\n")
    for command in ("run", "jacobian"):
        done = cli(command, "--json", str(path))
        _no_controls(done.stdout, done.stderr)
        assert json.loads(done.stdout)["error"]["message"] == "assertion failed: e\x9bf\x7f"
    done = cli("eigen", "--json", "[[1,\x9b]]")
    _no_controls(done.stdout)
    assert json.loads(done.stdout)["error"]["message"].startswith("MATRIX is not JSON")


def test_terminal_safe_writer_keeps_json_valid():
    from autogradlab.cli_text import json_terminal_safe
    text = json.dumps({"k": "a\x9b\x7f\x1b中"}, ensure_ascii=False)
    assert json.loads(json_terminal_safe(text)) == {"k": "a\x9b\x7f\x1b中"}
    assert "\x9b" not in json_terminal_safe(text) and "中" in json_terminal_safe(text)

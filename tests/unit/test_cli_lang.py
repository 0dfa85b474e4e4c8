"""`python -m autogradlab eigen --lang zh`: the sentences in Chinese; without --lang the output,
JSON included, stays English (it is a contract)."""

from __future__ import annotations

import io
import json

from autogradlab.cli import Streams, main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["eigen", *argv], streams=Streams(io.StringIO(), out, io.StringIO()))
    return status, out.getvalue()


def test_eigen_text_in_chinese():
    status, out = run("[[2,1],[1,2]]", "--lang", "zh")
    assert status == 0
    assert "对称（A = Aᵀ）" in out and "模最大" in out
    assert "Symmetric" not in out


def test_eigen_default_stays_english():
    status, out = run("[[2,1],[1,2]]", "--json")
    assert status == 0
    assert "largest modulus" in json.loads(out)["power_iteration"]["why"]
    _, text = run("[[2,1],[1,2]]")
    assert "Symmetric (A = Aᵀ)" in text

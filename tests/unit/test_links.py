"""The link contract (`../shared/links.md`): encoding, bounded decoding, checked parameters."""

from __future__ import annotations

import base64
import zlib

import pytest

from autogradlab import links


def contract_encode(source: str) -> str:
    return base64.urlsafe_b64encode(zlib.compress(source.encode("utf-8"), 9)).decode().rstrip("=")


def test_code_round_trip_matches_contract_encoding():
    source = "import torch\nx = torch.ones(3, requires_grad=True)  # 张量\ny = (x * x).sum()\n"
    code = links.encode_code(source)
    assert code == contract_encode(source)
    assert "=" not in code
    assert links.decode_code(code) == source


def test_zip_bomb_refused_without_inflating():
    bomb = base64.urlsafe_b64encode(zlib.compress(b"#" * 50_000_000, 9)).decode().rstrip("=")
    assert len(bomb) < links.MAX_CODE_PARAM_CHARS
    with pytest.raises(links.LinkError, match="longer than the limit"):
        links.decode_code(bomb)


def test_program_just_below_and_above_size_limit():
    ok = "x = 1\n" * (links.MAX_SOURCE_CHARS // 6)
    assert links.decode_code(contract_encode(ok)) == ok
    with pytest.raises(links.LinkError, match="longer than the limit"):
        links.decode_code(contract_encode(ok + "y = 22\n"))


@pytest.mark.parametrize("code, message", [
    ("!!!not base64!!!", "not base64|not zlib"),
    (base64.urlsafe_b64encode(b"plain text").decode(), "not zlib"),
    (contract_encode("x = 1\n" * 100)[:-6], "cut short|not zlib|incomplete"),
    (base64.urlsafe_b64encode(zlib.compress(b"\xff\xfe")).decode(), "UTF-8"),
    ("A" * (links.MAX_CODE_PARAM_CHARS + 1), "too long"),
])
def test_bad_code_gets_plain_message(code, message):
    with pytest.raises(links.LinkError, match=message):
        links.decode_code(code)


def test_seed_and_step_bounds():
    assert links.parse_seed("42") == 42
    assert links.parse_seed(str(links.MAX_SEED)) == links.MAX_SEED
    for bad in ("-1", str(links.MAX_SEED + 1), "1e3", "x", "9" * 400):
        with pytest.raises(links.LinkError, match="seed"):
            links.parse_seed(bad)
    assert links.parse_int("step", "3", 0, 10) == 3
    with pytest.raises(links.LinkError, match="between 0 and 10"):
        links.parse_int("step", "11", 0, 10)


def test_mode_and_flags():
    assert links.parse_mode("Reverse") == "reverse"
    with pytest.raises(links.LinkError, match="forward, reverse, tangent"):
        links.parse_mode("sideways")
    assert links.parse_flag("present", "1") is True
    assert links.parse_flag("present", "0") is False
    with pytest.raises(links.LinkError, match="present"):
        links.parse_flag("present", "maybe")


def test_matrix_parsing():
    assert links.parse_matrix("[[2,1],[1,2]]") == ((2.0, 1.0), (1.0, 2.0))
    assert len(links.parse_matrix("[[1,0,0],[0,1,0],[0,0,1]]")) == 3
    for bad, message in [("[[1,2],[3]]", "square"), ("[[1]]", "2×2 or 3×3"), ("[[1,2],[3,NaN]]", "finite"),
                         ("[[1,'a'],[3,4]]", "JSON"), ('[[1,"a"],[3,4]]', "numbers only"),
                         ("[1,2]", "nested list"), ("[" * 5000, "too long|JSON")]:
        with pytest.raises(links.LinkError, match=message):
            links.parse_matrix(bad)


def test_direction_cell_and_vector():
    assert links.parse_direction("x=[1,0,0]") == ("x", [1, 0, 0])
    assert links.parse_direction("w=2.5") == ("w", 2.5)
    assert links.format_direction("x", [1, 0]) == "x=[1,0]"
    for bad in ("x", "=[1]", "x=[1,", "x=[true]", "1x=[1]"):
        with pytest.raises(links.LinkError, match="dir"):
            links.parse_direction(bad)
    assert links.parse_cell("3,7") == (3, 7)
    with pytest.raises(links.LinkError, match="cell"):
        links.parse_cell("3,-1")
    assert links.parse_numbers("v", "1,0", 2) == (1.0, 0.0)
    with pytest.raises(links.LinkError, match="finite"):
        links.parse_numbers("v", "inf,0", 2)

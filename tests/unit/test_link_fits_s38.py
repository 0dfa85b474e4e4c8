"""`links.link_code` (session 38): the `code` a page writes is one `decode_code` takes back, or None.
A pasted program over the link's limits was written into the URL (a 566,633-character program as
105,743 characters of `code`), and the same app then refused that link when it was opened."""

from __future__ import annotations

import random

import pytest

from autogradlab import links


def _refused(source: str) -> bool:
    """The oracle: what opening a link with this program does."""
    try:
        code = links.encode_code(source)
    except UnicodeEncodeError:
        return True
    try:
        return links.decode_code(code) != source
    except links.LinkError:
        return True


def _cjk(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(n))


CASES = {
    "lesson": "import torch\nx = torch.arange(4.0, requires_grad=True)\n(x * x).sum().backward()\n",
    "at the limit": "x = 1\n" * (links.MAX_SOURCE_CHARS // 6) + "#" * (links.MAX_SOURCE_CHARS % 6),
    "one over the limit": "#" * (links.MAX_SOURCE_CHARS + 1),
    "huge": "x = torch.tensor(1.0)\n" * 500_000,
    "poorly compressible, within the size limit": "# " + _cjk(30_000) + "\n",
    "compressible Chinese": "# " + "张量" * 20_000 + "\n",
    "lone surrogate": "x = '\ud800'\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_link_is_written_exactly_when_it_can_be_opened(name: str):
    source = CASES[name]
    code = links.link_code(source)
    assert (code is None) == _refused(source)
    if code is not None:
        assert code == links.encode_code(source) and links.decode_code(code) == source


def test_the_cases_cover_both_answers():
    answers = {links.link_code(source) is None for source in CASES.values()}
    assert answers == {True, False}
    assert len(CASES["poorly compressible, within the size limit"]) < links.MAX_SOURCE_CHARS

"""Links: every view of Autograd Lab is a URL (the contract is `../shared/links.md`).

Pure functions that turn query-parameter strings into checked values and back. A link is untrusted
input like typed code: decompression is bounded (a zip bomb is refused without inflating it), and every
parser raises `LinkError` with a plain message instead of a traceback. The program a link carries still
goes through the same parser and limits as typed code when it runs; this module only unpacks it.

Never imports streamlit or torch.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import math
import zlib

from autogradlab.leaf_paths import split_direction
from autogradlab.limits import DEFAULT_LIMITS

MAX_SOURCE_CHARS = DEFAULT_LIMITS.max_source_chars
# A compressed program never needs to be longer than the program itself plus zlib's framing; anything
# longer is refused before decoding (base64 of 50,000 raw characters is about 67,000).
MAX_CODE_PARAM_CHARS = (MAX_SOURCE_CHARS * 4) // 3 + 64
MAX_PARAM_CHARS = 4_000          # any other parameter
MAX_SEED = 2**31 - 1
MODES = ("forward", "reverse", "tangent")
LANGS = ("en", "zh")


class LinkError(ValueError):
    """A query parameter that cannot be used; the message names the parameter and the problem."""


def encode_code(source: str) -> str:
    """The program as the `code` parameter: urlsafe base64 of zlib level 9, no trailing `=`."""
    return base64.urlsafe_b64encode(zlib.compress(source.encode("utf-8"), 9)).decode().rstrip("=")


def link_code(source: str) -> str | None:
    """The `code` of a link that carries `source`, or None when `decode_code` would refuse it (a
    program over the size limit, or one that compresses too poorly to fit the parameter): the page
    never writes a link it would itself refuse."""
    if len(source) > MAX_SOURCE_CHARS:     # said before compressing: a pasted 10 MB text costs nothing
        return None                        # (and is not kept by the cache below)
    return _fitting_code(source)


@functools.lru_cache(maxsize=8)   # the page and the editor ask on every run
def _fitting_code(source: str) -> str | None:
    try:
        code = encode_code(source)
    except UnicodeEncodeError:             # a lone surrogate: not UTF-8 text, refused when opened
        return None
    return code if len(code) <= MAX_CODE_PARAM_CHARS else None


def decode_code(code: str, max_chars: int = MAX_SOURCE_CHARS) -> str:
    """The program a `code` parameter carries. Inflates at most the program size limit (in bytes,
    4 per character at most): a longer program or a zip bomb is refused without inflating it."""
    if len(code) > MAX_CODE_PARAM_CHARS:
        raise LinkError(f"the link's program is too long ({len(code):,} characters of `code`; "
                        f"the limit is {MAX_CODE_PARAM_CHARS:,})")
    try:
        raw = base64.urlsafe_b64decode(code.strip() + "=" * (-len(code.strip()) % 4))
    except (binascii.Error, ValueError):
        raise LinkError("the link's `code` is not a program encoded by Autograd Lab "
                        "(not base64; was the link cut short?)") from None
    inflater = zlib.decompressobj()
    limit = max_chars * 4
    try:
        data = inflater.decompress(raw, limit + 1)
    except zlib.error:
        raise LinkError("the link's `code` is not a program encoded by Autograd Lab "
                        "(not zlib data; was the link cut short?)") from None
    if len(data) > limit or inflater.unconsumed_tail:
        raise LinkError(f"the link's program is longer than the limit of {max_chars:,} characters")
    if not inflater.eof:
        raise LinkError("the link's `code` is incomplete (was the link cut short?)")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LinkError("the link's program is not UTF-8 text") from None
    if len(source) > max_chars:
        raise LinkError(f"the link's program is longer than the limit of {max_chars:,} characters")
    return source


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _check_length(name: str, text: str) -> None:
    if len(text) > MAX_PARAM_CHARS:
        raise LinkError(f"the link's `{name}` is too long ({len(text):,} characters)")


def parse_int(name: str, text: str, low: int = 0, high: int = MAX_SEED) -> int:
    """A whole number in [low, high], e.g. `seed` or `step`."""
    _check_length(name, text)
    stripped = text.strip()
    try:   # isdigit() also says yes to `²`, which int() refuses
        value = int(stripped) if stripped.removeprefix("-").isdigit() and len(stripped) <= 19 else None
    except ValueError:
        value = None
    if value is None:
        raise LinkError(f"the link's `{name}` must be a whole number, not {_short(text)!r}")
    if not low <= value <= high:
        raise LinkError(f"the link's `{name}` must be between {low} and {high:,}, not {value:,}")
    return value


def parse_seed(text: str) -> int:
    return parse_int("seed", text)


def parse_choice(name: str, text: str, choices: tuple[str, ...]) -> str:
    """One of a fixed set of words (`mode`, `lang`)."""
    value = text.strip().lower()
    if value not in choices:
        raise LinkError(f"the link's `{name}` must be one of {', '.join(choices)}, not {_short(text)!r}")
    return value


def parse_mode(text: str) -> str:
    return parse_choice("mode", text, MODES)


def parse_flag(name: str, text: str) -> bool:
    """`present=1` style switches: 1/true/yes/on or 0/false/no/off."""
    value = text.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise LinkError(f"the link's `{name}` must be 1 or 0, not {_short(text)!r}")


def _json(name: str, text: str) -> object:
    _check_length(name, text)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise LinkError(f"the link's `{name}` is not valid JSON: {_short(text)!r}") from None


def _finite_number(name: str, item: object) -> float:
    if isinstance(item, bool) or not isinstance(item, int | float):
        raise LinkError(f"the link's `{name}` must hold numbers only, not {_short(repr(item))}")
    try:
        value = float(item)
    except OverflowError:   # a 400-digit whole number: too large for a float
        value = math.inf
    if not math.isfinite(value):
        raise LinkError(f"the link's `{name}` must hold finite numbers (no NaN or infinity)")
    return value


def parse_numbers(name: str, text: str, count: int | None = None) -> tuple[float, ...]:
    """Comma-separated finite numbers (`v=1,0`, `cell=3,7`), optionally exactly `count` of them."""
    _check_length(name, text)
    parts = [p.strip() for p in text.strip().strip("[]()").split(",")]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise LinkError(f"the link's `{name}` must be numbers separated by commas, "
                        f"not {_short(text)!r}") from None
    if any(not math.isfinite(v) for v in values):
        raise LinkError(f"the link's `{name}` must hold finite numbers (no NaN or infinity)")
    if count is not None and len(values) != count:
        raise LinkError(f"the link's `{name}` must have {count} numbers, not {len(values)}")
    return values


def parse_cell(text: str) -> tuple[int, int]:
    """`cell=i,j`: two non-negative whole numbers."""
    values = parse_numbers("cell", text, 2)
    if any(v < 0 or v != int(v) or v > MAX_SEED for v in values):   # 1e300: a 301-digit index
        raise LinkError(f"the link's `cell` must be two whole numbers i,j, not {_short(text)!r}")
    return int(values[0]), int(values[1])


def check_cell(cell: tuple[int, int], shape: tuple[int, int]) -> tuple[int, int]:
    """A linked cell inside the shown Jacobian (the link may be older than the program's last edit)."""
    rows, cols = shape
    if not (cell[0] < rows and cell[1] < cols):
        raise LinkError(f"the link's `cell` {cell[0]},{cell[1]} is outside the {rows}×{cols} Jacobian")
    return cell


def check_call(call: int, count: int) -> int:
    """A linked `call` among the program's jacobian(...) calls (0-based; the link may be older than
    the program's last edit)."""
    if call >= count:
        raise LinkError(f"the link's `call` must be 0 to {count - 1} (this program's Jacobians), not {call}")
    return call


def check_output(name: str, shown: str | None) -> str:
    """A linked `output` the run drew: a tensor variable of the program (the link may be older than
    the program's last edit); the engine draws the default output for any other name."""
    if name != shown:
        raise LinkError("the link's `output` must name a tensor variable of this program, "
                        f"not {_short(name)!r}")
    return name


def parse_matrix(text: str, sizes: tuple[int, ...] = (2, 3)) -> tuple[tuple[float, ...], ...]:
    """`matrix=[[2,1],[1,2]]`: a square JSON matrix of finite numbers whose size is in `sizes`."""
    value = _json("matrix", text)
    if not isinstance(value, list) or not value or not all(isinstance(row, list) for row in value):
        raise LinkError("the link's `matrix` must be a nested list such as [[2,1],[1,2]]")
    n = len(value)
    if any(len(row) != n for row in value):
        raise LinkError(f"the link's `matrix` must be square (it has {n} rows of lengths "
                        f"{', '.join(str(len(r)) for r in value[:4])})")
    if n not in sizes:
        raise LinkError(f"the link's `matrix` must be {' or '.join(f'{s}×{s}' for s in sizes)}, "
                        f"not {n}×{n}")
    return tuple(tuple(_finite_number("matrix", item) for item in row) for row in value)


def parse_direction(text: str) -> tuple[str, object]:
    """`dir=NAME=VALUES`: a variable name or a leaf's path (`layers[0].w`, `d['w']`: leaf_paths.py)
    and a JSON number or nested list (checked against the leaf's shape later, where the program's
    leaves are known)."""
    _check_length("dir", text)
    found = split_direction(text)
    if found is None:
        raise LinkError(f"the link's `dir` must read NAME=VALUES (e.g. x=[1,0,0]), not {_short(text)!r}")
    name, values = found
    value = _json("dir", values)

    def check(item: object, depth: int = 0) -> None:
        if depth > 8:
            raise LinkError("the link's `dir` is nested too deeply")
        if isinstance(item, list):
            for sub in item:
                check(sub, depth + 1)
        else:
            _finite_number("dir", item)

    check(value)
    return name, value


def format_direction(name: str, value: object) -> str:
    return f"{name}={json.dumps(value, separators=(',', ':'))}"


def format_matrix(rows: object) -> str:
    return json.dumps(rows, separators=(",", ":"))


def format_numbers(values: object) -> str:
    return ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)  # type: ignore[union-attr]

"""DOT text to SVG/PNG/PDF through the Debian `dot` binary, and DOT fixes for the browser.

Rendering runs graphviz as a subprocess with a timeout, so a pathological graph costs at most that
long and never the process that asked. Failures raise RenderError with a reason a person can act on.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from autogradlab.render.figure_names import CSS_DPI, PNG_SCALES

FORMATS = ("svg", "png", "pdf", "dot")
TIMEOUT_S = 20.0
PNG_DPI = 150           # readable on a projector, still a few hundred kB for a typical graph


class RenderError(Exception):
    """Graphviz is missing, failed, or took too long; the message says which."""


def render_dot(dot: str, fmt: str, *, timeout: float = TIMEOUT_S, dpi: int | None = None) -> bytes:
    """The drawing of `dot` as bytes in `fmt`; "dot" returns the DOT source itself (UTF-8). `dpi`
    (PNG only) sets the pixel size: CSS_DPI * scale gives a PNG `scale` times the screen size."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot.encode("utf-8")
    binary = shutil.which("dot")
    if binary is None:
        raise RenderError("graphviz is not installed (the `dot` program was not found); "
                          "install it with `apt-get install graphviz`")
    args = [binary, f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={dpi or PNG_DPI}")
    try:
        done = subprocess.run(args, input=dot.encode("utf-8"), capture_output=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"graphviz took longer than {timeout:g} s to lay out this graph") from exc
    except OSError as exc:
        raise RenderError(f"graphviz could not be started: {exc}") from exc
    if done.returncode != 0 or not done.stdout:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = reason[0] if reason else f"exit status {done.returncode}"
        raise RenderError(f"graphviz could not draw this graph: {detail}")
    return done.stdout


_PROLOG = re.compile(r"\A(?:\s*(?:<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->))*\s*", re.DOTALL)


def svg_for_web(dot: str, *, timeout: float = TIMEOUT_S) -> str:
    """SVG text starting at `<svg`, without the XML prolog, doctype and comments, for embedding."""
    svg = render_dot(dot, "svg", timeout=timeout).decode("utf-8")
    return _PROLOG.sub("", svg, count=1)


# A quoted label (escaped quotes allowed inside) and the fill colour later in the same attribute list.
_LABEL = re.compile(r'(\blabel\s*=\s*")((?:[^"\\]|\\.)*)"')
_FILL = re.compile(r'\bfillcolor\s*=\s*"?([A-Za-z0-9#]+)')
_FIRST_BREAK = re.compile(r"\A[ \t]*(?:\n|\\n)")
_NAME_BY_FILL = {"lightblue": "leaf", "orange": "saved", "darkolivegreen1": "output",
                 "darkolivegreen3": "view"}


def clean_dot_for_streamlit(dot: str, *, placeholder: str | None = None) -> str:
    """DOT for st.graphviz_chart with no label starting on an empty line.

    Streamlit 1.67's chart stopped redrawing after an edit when a label began with an empty line,
    which torchviz writes for every unnamed tensor (`label="<newline> (4)"`). The empty first line
    becomes the tensor's role read from its torchviz colour ("leaf", "saved", "output"), or
    `placeholder` when given.
    """

    def fix(m: re.Match[str]) -> str:
        first_break = _FIRST_BREAK.match(m.group(2))
        if first_break is None:
            return m.group(0)
        end = dot.find("]", m.end())
        fill = _FILL.search(dot, m.end(), end if end >= 0 else len(dot))
        name = placeholder or _NAME_BY_FILL.get(fill.group(1) if fill else "", "tensor")
        name = name.replace("\\", "").replace('"', "").replace("\n", " ")
        rest = m.group(2)[first_break.end():]
        return m.group(1) + name + first_break.group(0).strip(" \t") + rest + '"'

    return _LABEL.sub(fix, dot)


def render_png(dot: str, scale: int = 2, *, timeout: float = TIMEOUT_S) -> bytes:
    """A PNG `scale` times the drawing's on-screen size (1x..4x)."""
    if scale not in PNG_SCALES:
        raise RenderError(f"unknown PNG scale {scale!r}: choose one of {', '.join(map(str, PNG_SCALES))}")
    return render_dot(dot, "png", timeout=timeout, dpi=CSS_DPI * scale)

"""Presentation mode (`?present=1`, or the toggle in the header of every page): for a projector.

`apply()` (called once per run by app.py, before the page) reads the link, draws the language and
presentation toggles side by side (one compact row at the header's right end), keeps
the URL current (a page switch clears the query string; the mode is put back) and, when on, adds one
scoped stylesheet: projector-size fonts, a high-contrast light theme, the step drawing in a box of
fixed height (72% of the screen: stepping never moves the layout; the graph already fills that much).
Every rule starts from a marker element that exists only in presentation mode, so normal mode is
untouched even if the browser keeps the style element. Pages ask `active()`; `columns()` gives the
figure most of the width; `row()` puts controls side by side (screen height is what a projector lacks);
the editor folds itself (its summary on at most two lines: on one, the Chinese "（编辑）" was cut
in the Graph page's narrow column at 1920x1080); `figure()` enlarges a plotly figure's text.
"""

from __future__ import annotations

import streamlit as st

from components.i18n import t

PARAM = "present"
TOGGLE = "present_toggle"      # bool: the toggle (the mode itself)
LINK_SEEN = "present_link_seen"  # str | None: the `present` value last read from or written to the URL
MARKER = "present_on"          # container key: the stylesheet applies only while it is on the page
FIGURE_HEIGHT = "72vh"         # the figure's height: what the screen leaves under the page's controls
ASPECT = "16 / 9"               # the figure area's shape in presentation mode (a projector's)
# Projector-size text in proportion to the screen: 22 px on a 1920-pixel-wide screen, 16 px (the normal
# size, which a 1280×720 projector shows as large as 24 px on a 1080p one) on a narrower one. A fixed
# 22 px at 1280×720 wrapped the controls' labels and left the step drawing 655×462 px of the screen.
FONT_SIZE = "min(22px, max(16px, 1.15vw))"

_ON = f"body:has(.st-key-{MARKER})"
# Always on (both modes): the page controls (language, presentation) sit together in the header's
# empty right end instead of taking rows (in presentation mode they keep their normal size: zoom).
# Below 1000 px the header has no room left of the navigation (it needs ~960): they take a row instead.
# Printed output (components/results.py, not wrapped) at 0.8rem in normal mode (the theme's 0.95rem
# in presentation mode, where it is full width): an 80-character row
# PyTorch prints fits the Graph page's editor column at 1920 px (at 0.95rem it needed 779 px of 672);
# narrower, the block scrolls sideways.
# The language buttons keep their width: at 390 px (a phone) the row shrank them to 153 of 166 px and
# cut 简体中文's button short; they now take the row's width and the mode switch wraps below them.
_BAR_CSS = """.st-key-present_bar { position: fixed; top: 0.6rem; right: 4.5rem; width: auto !important;
  z-index: 999991; }
.st-key-present_bar .stElementContainer { width: auto !important; }
.st-key-present_bar > [data-testid="stLayoutWrapper"]:has(> .st-key-lang_bar) { min-width: max-content; }
@media (max-width: 1000px) { .st-key-present_bar { position: static; align-self: flex-end; } }
.stElementContainer.st-key-figure_widths { display: none; }
[class*="st-key-printed_"] code { font-size: 0.8rem; }"""
_CSS = f"""
html:has(.st-key-{MARKER}) {{ font-size: {FONT_SIZE}; }}
{_ON} .stApp, {_ON} [data-testid="stHeader"] {{ background: #ffffff; color: #000000; }}
{_ON} .stApp p, {_ON} .stApp li, {_ON} .stApp label, {_ON} .stApp h1, {_ON} .stApp h2,
{_ON} .stApp h3, {_ON} .stApp h4 {{ color: #000000; }}
{_ON} [data-testid="stCaptionContainer"], {_ON} [data-testid="stCaptionContainer"] * {{ color: #1b1b1b; }}
{_ON} [data-testid="stMainBlockContainer"] {{ padding-top: 70px; padding-left: 1.5rem; padding-right: 1.5rem;
  max-width: none; }}
{_ON} [data-testid="stLayoutWrapper"]:has(> .st-key-{MARKER}), {_ON} .stElementContainer.st-key-present_fit {{
  display: none; }}
{_ON} .stApp code {{ color: #000000; background: #eef1f5; }}
{_ON} [data-testid="stExpander"] details, {_ON} [data-testid="stVerticalBlockBorderWrapper"] {{
  border-color: #000000; }}
{_ON} .stApp button[kind="primary"] {{ background: #0645ad; border-color: #0645ad; }}
{_ON} .st-key-steps_card {{ min-height: 12rem; }}
{_ON} [class*="st-key-printed_"] code {{ font-size: 0.95rem; }}
{_ON} [data-testid="stExpander"]:has(.st-key-editor_source) summary [data-testid="stMarkdownContainer"] p {{
  white-space: normal; word-break: keep-all; overflow: hidden; display: -webkit-box;
  -webkit-box-orient: vertical; -webkit-line-clamp: 2; }}
{_ON} .st-key-present_bar {{ zoom: 0.73; top: 0.55rem; right: 3.5rem; }}
{_ON} .st-key-steps_controls [role="radiogroup"] {{ flex-wrap: wrap; row-gap: 0.3rem; }}
{_ON} .st-key-steps_controls [role="radiogroup"] button {{ flex: 0 0 auto; }}
{_ON} .st-key-steps_buttons {{ flex-wrap: nowrap; }}
{_ON} .st-key-steps_buttons button [data-testid="stMarkdownContainer"] {{ position: absolute; width: 1px;
  height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }}
{_ON} .st-key-steps_buttons button kbd {{ display: none; }}
{_ON} .st-key-steps_controls .stMarkdownEllipsis, {_ON} .st-key-steps_controls .stMarkdownEllipsis p {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }}
"""


def _from_link() -> None:
    """A `present` value the URL brings (a link opened, not one this session wrote) sets the mode."""
    linked = st.query_params.get(PARAM)
    if linked is not None and linked != st.session_state.get(LINK_SEEN):
        st.session_state[LINK_SEEN] = linked
        st.session_state[TOGGLE] = linked.strip() in ("1", "true", "on", "yes")


def active() -> bool:
    """True in presentation mode (the link or the toggle)."""
    _from_link()
    return bool(st.session_state.get(TOGGLE, False))


def _check_switches() -> None:
    """`lang` and `present` in a link are checked like every other parameter: a bad value (`lang=fr`,
    `present=maybe`) says so in a plain message and is dropped from the URL (it was ignored silently)."""
    from autogradlab import links as core
    from components import links

    checks = (("lang", lambda text: core.parse_choice("lang", text, core.LANGS)),
              (PARAM, lambda text: core.parse_flag(PARAM, text)))
    for name, parse in checks:
        if name in st.query_params and links.param(name, parse, None) is None:
            del st.query_params[name]


def apply() -> bool:
    """Toggle, URL and stylesheet, once per run before the page; returns whether the mode is on."""
    _check_switches()
    _from_link()
    st.html(f"<style>{_BAR_CSS}</style>")
    from components import i18n

    with st.container(horizontal=True, vertical_alignment="center", gap="medium", key="present_bar"):
        i18n.toggle()
        on = st.toggle(t("present.toggle"), key=TOGGLE, help=t("present.toggle_help"))
    value = "1" if on else None
    if value is not None and st.query_params.get(PARAM) != value:
        st.query_params[PARAM] = value
    elif value is None and PARAM in st.query_params:
        del st.query_params[PARAM]
    st.session_state[LINK_SEEN] = value
    if on:
        st.container(key=MARKER, height=1, border=False)
        st.html(f"<style>{_CSS}</style>")
        from components import present_fit

        present_fit.mount()
    return bool(on)


def row(key: str):  # noqa: ANN201 - a Streamlit container
    """In presentation mode one horizontal row (what is drawn inside sits side by side, saving the
    screen height a projector lacks); otherwise a plain container."""
    if active():
        return st.container(horizontal=True, vertical_alignment="center", gap="medium", key=key)
    return st.container(key=key)


def columns(spec: list[float], presenting: tuple[float, ...] = (1, 4), **kwargs: object) -> list:
    """st.columns for a page's editor | figure split; in presentation mode `presenting` instead (the
    figure gets 4/5 of the width by default)."""
    return st.columns(list(presenting) if active() else spec, **kwargs)


def wide(key: str):  # noqa: ANN201 - a Streamlit container, or None
    """In presentation mode a full-width container here (made before a page's columns: above them, so
    an error is on screen and whole, not folded into the editor's 1/5 column); None otherwise (the page
    then uses its column: `with present.wide(k) or left:`)."""
    return st.container(key=key) if active() else None


def figure_height(default: str) -> str:
    return FIGURE_HEIGHT if active() else default


def program_label(source: str) -> str:
    """The editor's one-line summary: "Program: 6 lines, y = 2 * torch.dot(x, x) … (edit)"."""
    from autogradlab.render.figure_names import summary

    lines, line = summary(source)
    if not lines:
        return t("present.program_empty")
    return t("present.program_summary", lines=lines, line=line.removesuffix("…").rstrip())  # it adds " …"


PLOT_HEIGHT_PX = 720   # a plot's height in presentation mode (most of a 1080-pixel projector)
TITLE_LINE_GROWTH_PX = 16   # a title line at 26 px needs this much more room than at 14 px
ANNOTATION_SIZE = 18        # text placed on a figure (a heatmap's block names) in presentation mode
TITLE_FONT_PX = 26          # a figure's title in presentation mode
CELL_TEXT_GROWTH = 1.6      # numbers written in a heatmap's cells: the plot is 720 px high, not 450


def figure(fig):  # noqa: ANN001, ANN201 - a plotly Figure (no plotly import in this module)
    """A plotly figure with projector-size text in presentation mode (its size then comes from its
    16:9 box, components/present_fit.py); unchanged otherwise."""
    if not active():
        return fig
    fig = enlarge(fig)
    if isinstance(fig, dict):
        return {**fig, "layout": {k: v for k, v in fig["layout"].items() if k not in ("height", "width")}}
    fig.layout.height = None
    return fig


def plot_height() -> str:
    """st.plotly_chart's height: the 16:9 box's in presentation mode, the figure's own otherwise."""
    return "stretch" if active() else "content"


def aspect() -> str | None:
    """The clickable SVG view's area shape: 16:9 in presentation mode, the drawing's own otherwise."""
    return ASPECT if active() else None


def enlarge(fig):  # noqa: ANN001, ANN201 - a plotly Figure or its dict form
    """The figure with projector-size text and height (no session needed: usable in a download)."""
    big = {"font": {"size": 20, "color": "#000000"}, "height": PLOT_HEIGHT_PX}
    axis = {"tickfont": {"size": 18, "color": "#000000"}, "title": {"font": {"size": 20, "color": "#000000"}}}
    if isinstance(fig, dict):       # a figure as plain dicts (render/eigen_plot.py)
        layout = dict(fig.get("layout") or {})
        layout.update(big)
        for name in {"xaxis", "yaxis", *(k for k in layout if k.startswith(("xaxis", "yaxis")))}:
            old = layout.get(name) or {}
            title = old.get("title")
            title = {**title, "font": axis["title"]["font"]} if isinstance(title, dict) else \
                {"text": title, "font": axis["title"]["font"]} if title else None
            layout[name] = {**old, "tickfont": axis["tickfont"], **({"title": title} if title else {})}
        layout["title"] = {**(layout.get("title") or {}), "font": {"size": TITLE_FONT_PX}} \
            if isinstance(layout.get("title"), dict) else layout.get("title")
        layout["legend"] = {**(layout.get("legend") or {}), "font": {"size": 18}}
        data = [{**trace, "textfont": {**trace["textfont"], "size": 22}} if isinstance(trace, dict)
                and isinstance(trace.get("textfont"), dict) else trace for trace in fig.get("data") or ()]
        return {**fig, "layout": layout, "data": data}
    fig.update_layout(**big, title_font_size=TITLE_FONT_PX, legend_font_size=18)
    fig.update_annotations(font_size=ANNOTATION_SIZE)   # a tuple's block names (`inputs[0]`): 12 px
    for trace in fig.data:      # a small Jacobian's numbers in its cells (render/heatmap.py)
        if trace.type == "heatmap" and trace.textfont.size:
            trace.textfont.size = round(trace.textfont.size * CELL_TEXT_GROWTH)
    title = str(fig.layout.title.text or "")   # each line of a title grows with its font (one line too:
    extra = title.count("<br>")                 # at 26 px a one-line title touched the heatmap's top)
    if title and fig.layout.margin.t is not None:
        fig.update_layout(margin_t=fig.layout.margin.t + TITLE_LINE_GROWTH_PX * (extra + 1))
    fig.update_xaxes(tickfont=axis["tickfont"], title_font=axis["title"]["font"])
    fig.update_yaxes(tickfont=axis["tickfont"], title_font=axis["title"]["font"])
    return fig


def slug(source: str | None = None, output: str | None = None) -> str:
    """The name figures of this program are saved under (`y-dot`): from `source`, else the
    program last run (all pages share it)."""
    from autogradlab.render.figure_names import program_slug
    from components import state

    if source is None:
        source = st.session_state.get(state.EDITOR_COPY) or ""
    return program_slug(source, output, entry_id=_gallery_id(source))


@st.cache_data(max_entries=64, show_spinner=False)
def _gallery_id(source: str) -> str | None:
    from autogradlab.render.figure_names import gallery_id

    return gallery_id(source)


def graph_downloads(dot: str, svg: str | None, name: str, *, key: str, figure: str = "graph") -> None:
    """SVG, PNG at a chosen scale (2x by default) and PDF of a DOT drawing, named
    `<name>-<figure>.<ext>`. PNG, PDF (and the SVG when `svg` is None) are rendered on click."""
    from autogradlab.render.figure_names import PNG_SCALES, file_name

    def render(fmt: str, scale: int = 2):  # noqa: ANN202 - a deferred download: bytes on click
        def make() -> bytes:
            from autogradlab.render import export
            from autogradlab.render.figure_names import CSS_DPI

            if fmt == "png":
                return export.render_dot(dot, "png", dpi=CSS_DPI * scale)
            return export.render_dot(dot, fmt)
        return make

    common = {"icon": ":material/download:", "type": "tertiary", "on_click": "ignore"}
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key=key):
        st.download_button("SVG", svg if svg is not None else render("svg"),
                           file_name=file_name(name, figure, "svg"), mime="image/svg+xml",
                           help=t("present.download_svg"), **common)
        scale = st.selectbox(t("present.png_scale"), PNG_SCALES, index=PNG_SCALES.index(2),
                             format_func=lambda s: f"PNG {s}×", key=f"{key}_scale",
                             label_visibility="collapsed", help=t("present.png_scale_help"), width=130)
        st.download_button("PNG", render("png", int(scale or 2)), file_name=file_name(name, figure, "png"),
                           mime="image/png", help=t("present.download_png", scale=scale), **common)
        st.download_button("PDF", render("pdf"), file_name=file_name(name, figure, "pdf"),
                           mime="application/pdf", help=t("present.download_pdf"), **common)

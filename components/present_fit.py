"""Presentation mode's figure area: every page's main figure fills a 16:9 box, as wide as its column
allows and as tall as the screen leaves below the figure's top (so the whole figure is on screen).

A page puts its figure inside `box(name)` (a container keyed `present_figure_<name>`). In presentation
mode `mount()` adds one small element whose script, in the browser, measures each box (its column's
width, its top on the page, the window's height) and writes their sizes into one stylesheet; it
refits when the window or the page above the figure changes, and re-measures twice a second for
layout changes no observer sees (a late font, a scrollbar that makes the text above wrap). A plotly
chart inside a box fills it (`plot_height()`); the clickable SVG view fills it with `aspect`
(components/svg_view.py).
A box named in TALL (the step drawing, a tall graph beside its explanation card) is not 16:9 but as
wide as its column and as tall as the screen leaves: a 16:9 box there left a third of the screen's
height empty and drew the nodes' text at 3/4 of the Graph page's size. Each box's shape is written
as `--agl-fit-aspect`, which the SVG view inside takes as its area's shape (less its zoom buttons' row,
TOOLBAR_PX, above the drawing).
In normal mode the boxes are plain containers and only `report_widths()` runs (on the Jacobian page):
the same script, with no stylesheet, reports the REPORTED boxes' column widths, so a figure title fits
the figure there too (without it the title was broken at 48 characters whatever the width).
"""

from __future__ import annotations

import streamlit as st

from components.svg_view_markup import TOOLBAR_PX

PREFIX = "present_figure_"
ASPECT = 16 / 9
MARGIN_PX = 12          # kept free under the figure
MIN_HEIGHT_PX = 200     # a box never shrinks below this (a tiny window scrolls instead)
TALL = ("steps",)       # boxes that take the column's width and the screen's remaining height
MAX_TALL_ASPECT = 1.0   # ...but never taller than wide (a portrait window)
POLL_MS = 500           # the boxes are also re-measured this often (the stylesheet changes only on change)
# Boxes whose width the page needs in Python (a plotly title cannot wrap itself: the Jacobian's title is
# wrapped to fit it), reported in steps of WIDTH_STEP_PX so a small change does not rerun the page.
REPORTED = ("jacobian",)
WIDTH_STEP_PX = 40
WIDTH_RANGE_PX = (200, 8000)   # what the browser says is taken within this
REPORT_KEY = "figure_widths"   # normal mode's reporting script (report_widths)
ROOT_RANGE_PX = (8, 64)   # a root font size the browser reports is taken within this (present.FONT_SIZE)

_JS = f"""
const SELECTOR = '[class*="st-key-{PREFIX}"]';
const STYLE_ID = "agl-present-fit";
const TALL = {list(TALL)!r}.map((n) => "st-key-{PREFIX}" + n);
const REPORTED = {list(REPORTED)!r};
let reported = "";
let rootSeen = 0;   // the root font size (px) fit() last saw (presentation mode's follows the window)

function scrollerOf(el) {{
  for (let p = el.parentElement; p; p = p.parentElement) {{
    const o = getComputedStyle(p).overflowY;
    if ((o === "auto" || o === "scroll") && p.scrollHeight > p.clientHeight) return p;
  }}
  return document.scrollingElement;
}}

function fit(setStateValue) {{
  const rules = [], widths = {{}};
  for (const el of document.querySelectorAll(SELECTOR)) {{
    const name = [...el.classList].find((c) => c.startsWith("st-key-{PREFIX}"));
    const column = el.parentElement;
    if (!name || !column) continue;
    const width = column.getBoundingClientRect().width;
    const scroller = scrollerOf(el);
    const top = el.getBoundingClientRect().top + (scroller ? scroller.scrollTop : 0);
    const room = Math.max(window.innerHeight - top - {MARGIN_PX}, {MIN_HEIGHT_PX});
    const tall = TALL.includes(name);
    const w = Math.floor(tall ? width : Math.min(width, room * {ASPECT}));
    const h = Math.floor(tall ? Math.min(room, w * {MAX_TALL_ASPECT}) : w / {ASPECT});
    if (w <= 0) continue;
    const short = name.slice("st-key-{PREFIX}".length);
    if (REPORTED.includes(short)) widths[short] = Math.floor(w / {WIDTH_STEP_PX}) * {WIDTH_STEP_PX};
    rules.push(`body:has(.st-key-present_on) .${{name}} {{ width: ${{w}}px !important;
      --agl-fit-aspect: ${{w}} / ${{Math.max(h - {TOOLBAR_PX}, 1)}};
      height: ${{h}}px !important; min-height: 0 !important; max-height: ${{h}}px !important;
      flex: 0 0 auto !important;
      margin-left: auto; margin-right: auto; overflow: hidden; }}`);
  }}
  let style = document.getElementById(STYLE_ID);
  if (!style) {{
    style = document.createElement("style");
    style.id = STYLE_ID;
    document.head.appendChild(style);
  }}
  const text = rules.join("\\n");
  if (style.textContent !== text) style.textContent = text;
  const said = JSON.stringify(widths);
  if (Object.keys(widths).length && said !== reported) {{
    reported = said;
    setStateValue("widths", widths);
  }}
  const root = Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize)) || 0;
  // also the first (the table may have mounted before this size was set), but not while the page's
  // script runs: a report then restarted the run (a fresh presentation-mode load's first figure came
  // ~0.1-0.7 s later); the rerun it asks for comes after the run instead (the next measure: POLL_MS)
  if (root && root !== rootSeen && !scriptRunning()) {{
    rootSeen = root;
    setStateValue("root_px", root);
  }}
}}

// Whether Streamlit is running the page's script now (the app element's state attribute: "initial",
// "running", "notRunning"); an app without it (another Streamlit version) counts as not running, so the
// root size is reported at once as before.
function scriptRunning() {{
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app ? app.getAttribute("data-test-script-state") : null;
  return state === "running" || state === "initial";
}}

export default function (component) {{
  const {{ setStateValue, data }} = component;
  if (data && data.report_only) {{   // normal mode: measure the columns, write no stylesheet
    let timer = 0;
    const measure = () => {{
      timer = 0;
      const widths = {{}};
      for (const el of document.querySelectorAll(SELECTOR)) {{
        const name = [...el.classList].find((c) => c.startsWith("st-key-{PREFIX}"));
        const short = name ? name.slice("st-key-{PREFIX}".length) : "";
        const width = el.parentElement ? el.parentElement.getBoundingClientRect().width : 0;
        if (REPORTED.includes(short) && width > 0)
          widths[short] = Math.floor(width / {WIDTH_STEP_PX}) * {WIDTH_STEP_PX};
      }}
      const said = JSON.stringify(widths);
      if (Object.keys(widths).length && said !== reported) {{
        reported = said;
        setStateValue("widths", widths);
      }}
    }};
    const later = () => {{ if (!timer) timer = setTimeout(measure, 100); }};
    measure();
    window.addEventListener("resize", later);
    const poll = setInterval(later, {POLL_MS});
    return () => {{
      reported = "";
      clearInterval(poll);
      clearTimeout(timer);
      window.removeEventListener("resize", later);
    }};
  }}
  let frame = 0;
  const refit = () => {{ frame = 0; fit(setStateValue); }};
  const later = () => {{ if (!frame) frame = requestAnimationFrame(refit); }};
  fit(setStateValue);
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const watch = new MutationObserver(later);
  watch.observe(main, {{ childList: true, subtree: true }});
  const sizes = new ResizeObserver(later);
  sizes.observe(main);
  window.addEventListener("resize", later);
  // Layout can move a box with no DOM change under stMain and no change of stMain's size: a late
  // web font, or a scrollbar that narrows the column so the text above wraps onto more lines.
  const poll = setInterval(later, {POLL_MS});
  if (document.fonts) document.fonts.ready.then(later);
  return () => {{
    reported = "";   // a new mount (presentation mode toggled) starts with no width on the server
    rootSeen = 0;
    clearInterval(poll);
    watch.disconnect();
    sizes.disconnect();
    window.removeEventListener("resize", later);
    cancelAnimationFrame(frame);
    const style = document.getElementById(STYLE_ID);
    if (style) style.remove();
  }};
}}
"""

_FITTER = st.components.v2.component("autogradlab_present_fit", js=_JS)


def mount() -> None:
    """The fitting script (presentation mode only; once per run, before the page)."""
    _FITTER(key="present_fit", on_widths_change=lambda: None, on_root_px_change=lambda: None)


def root_px() -> int | None:
    """The page's root font size in CSS pixels as the fitting script last reported it (once it has
    measured, and whenever the window's size changes it: presentation mode's text is in proportion to
    the window), or None. st.dataframe draws its text on a canvas at the root size it was mounted with,
    which on a fresh load can be the normal 16 px (the table mounted before presentation mode's
    stylesheet applied), so the Variables table is keyed by this (components/variables_table.py): a
    new size mounts it afresh. Browser input: only an int within ROOT_RANGE_PX."""
    value = getattr(st.session_state.get("present_fit"), "root_px", None)
    low, high = ROOT_RANGE_PX
    return int(value) if isinstance(value, (int, float)) and low <= value <= high else None


def report_widths() -> None:
    """Normal mode: the script that only reports the REPORTED boxes' widths (hidden by present.py's
    always-on stylesheet; a key of its own, so switching modes mounts the other script afresh)."""
    _FITTER(key=REPORT_KEY, data={"report_only": True}, on_widths_change=lambda: None)


def width(name: str) -> int | None:
    """The width in CSS pixels the browser last reported for box `name` (one of REPORTED), or None
    (not yet measured). Presentation mode reads its fitting script, normal mode the reporting one.
    Browser input: only an int within WIDTH_RANGE_PX."""
    from components import present

    key = "present_fit" if present.active() else REPORT_KEY
    widths = getattr(st.session_state.get(key), "widths", None)
    value = widths.get(name) if isinstance(widths, dict) else None
    low, high = WIDTH_RANGE_PX
    return int(value) if isinstance(value, (int, float)) and low <= value <= high else None


def box(name: str):  # noqa: ANN201 - a Streamlit container
    """The container a page's main figure goes in (`present_figure_<name>`)."""
    return st.container(key=f"{PREFIX}{name}")

"""A graph drawing you can zoom, pan and click (issue 10): a small Components-v2 element.

It mounts our own server-rendered graphviz SVG (already made inert: no scripts, links or handlers),
and adds, in the browser only: wheel / pinch zoom around the pointer, drag to pan, a reset button,
a click (or Tab + Enter) on a node that sends the node's id back to Python, and the selection as a
CSS class, so choosing a node never redraws or moves the layout. Zoom and pan survive reruns while
the drawing stays the same. Node ids are the DOT ids (`n3`): the same as the SVG export and the CLI.

Its script in three parts: this module's sizes and fits the drawing (and follows the step player's
node); svg_view_input.py listens to the user (wheel, pinch, drag, click, keys, the tool buttons);
svg_view_label.py keeps the legend in view. svg_view_markup.py holds the element's markup and CSS.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.i18n import t
from components.svg_view_input import INPUT_JS
from components.svg_view_label import LABEL_JS
from components.svg_view_markup import CSS, HTML

_JS = r"""
const views = new WeakMap();
const zooms = new Map();   // layoutKey -> {tx, ty, s}: the zoom and pan of a layout (the step drawing)
const cleanups = new WeakMap();   // listeners of the previous render: a rerun must not add a second set
const IDLE_MS = 200;   // after this long without input the drawing is re-rastered crisply

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const stage = parentElement.querySelector(".stage");
  for (const [act, words] of Object.entries(data.labels || {})) {   // the page's language
    const button = parentElement.querySelector(`button[data-act="${act}"]`);
    if (button) { button.title = words.title; if (words.text) button.textContent = words.text; }
  }
  let view = views.get(parentElement);
  if (!view || view.svgText !== data.svg) {
    // The same layout drawn again (a step recoloured): the zoom and pan stay where the user put them.
    // Kept per layout, not per element: a rerun that adds elements above may mount a new element.
    const kept = data.layoutKey ? (view && view.layoutKey === data.layoutKey ? view
                                   : zooms.get(data.layoutKey)) : null;
    stage.innerHTML = data.svg;
    const svg = stage.querySelector("svg");
    view = { svgText: data.svg, svg, layoutKey: data.layoutKey || null, tx: kept ? kept.tx : 0,
             ty: kept ? kept.ty : 0, s: kept ? kept.s : 1, idle: null, auto: !kept };
    views.set(parentElement, view);
    if (svg) {
      // Graphviz's own size in pt (width="123pt"; the viewBox's units): the scale cap below keeps a
      // 2-node graph from filling the column with 30-40 px text.
      const natural = (attr, vb) => {
        const m = /^([\d.]+)(pt|px)?$/.exec(svg.getAttribute(attr) || "");
        return m ? parseFloat(m[1]) * (m[2] === "px" ? 3 / 4 : 1) : vb;
      };
      const vb = svg.viewBox && svg.viewBox.baseVal;
      view.naturalW = natural("width", vb ? vb.width : 0);
      view.naturalH = natural("height", vb ? vb.height : 0);
      view.viewBox = vb ? [vb.x, vb.y, vb.width, vb.height] : null;
      svg.removeAttribute("width");
      svg.style.maxHeight = data.maxHeight || "72vh";
      svg.style.width = "100%";
      svg.style.transformOrigin = "0 0";
      view.label = gatherLabel(svg);   // the legend: kept in view (components/svg_view_label.py)
      for (const node of svg.querySelectorAll("g.node, g.cluster")) {   // a cluster: an opened group
        node.setAttribute("tabindex", "0");
        node.setAttribute("role", "button");
        const words = [...node.querySelectorAll("text")].map((t) => t.textContent).join(" ");
        node.setAttribute("aria-label", words || node.id);
      }
    }
  }
  const svg = view.svg;
  if (!svg) return;
  // A fixed aspect (presentation mode: "16 / 9"): the drawing fills that area, centred, whatever it shows.
  // Inside a presentation box (components/present_fit.py) the box's own shape wins.
  stage.style.aspectRatio = data.aspect ? `var(--agl-fit-aspect, ${data.aspect})` : "";
  svg.style.height = data.aspect ? "100%" : "";
  svg.style.maxHeight = data.aspect ? "none" : (data.maxHeight || "72vh");
  // Never drawn larger than graphviz's size × maxScale (CSS px per pt): a small graph's text stays
  // the size of a normal graph's (it was scaled up to the column's width). Normally the drawing then
  // narrows and is centred; in a fixed area (presentation mode) it keeps filling the area, and its
  // viewBox widens around the graph instead, so the area's layout does not change.
  const cap = data.maxScale || 0;
  const sizeNormally = () => {
    const capped = cap && !data.aspect && view.naturalW > 0;
    svg.style.maxWidth = capped ? `${(view.naturalW * cap).toFixed(1)}px` : "";
    if (cap && !data.aspect && view.naturalH > 0) {
      svg.style.maxHeight = `min(${data.maxHeight || "72vh"}, ${(view.naturalH * cap).toFixed(1)}px)`;
    }
    if (!data.aspect) svg.style.height = "";
  };
  sizeNormally();
  // Zoom and pan move the drawing as one composited layer (a CSS transform), not by re-laying out
  // its hundreds of text elements; when the input stops the layer is dropped and drawn sharp.
  const fitViewBox = () => {
    if (!view.viewBox) return;
    const [x, y, w, h] = view.viewBox;
    const W = stage.clientWidth, H = stage.clientHeight;
    let box = view.viewBox;
    if (cap && data.aspect && W > 0 && H > 0 && w > 0 && h > 0 && Math.min(W / w, H / h) > cap) {
      const nw = W / cap, nh = H / cap;
      box = [x - (nw - w) / 2, y - (nh - h) / 2, nw, nh];
    }
    const text = box.map((v) => +v.toFixed(2)).join(" ");
    if (svg.getAttribute("viewBox") !== text) svg.setAttribute("viewBox", text);
    readable(box, W, H);
    follow();
    pinLabel(view.label, stage);
  };
  // The step player's current node (`focus`), when the drawing is larger than its area: a step whose
  // node is out of view moves the drawing so the node is in the middle (once per step).
  const follow = () => {
    if (!data.focus || !view.big || view.followed === data.focus) return;
    const node = [...svg.querySelectorAll("g.node")].find((g) => g.id === data.focus);
    if (!node) return;
    view.followed = data.focus;
    const r = stage.getBoundingClientRect(), b = node.getBoundingClientRect();
    if (b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom) return;
    view.auto = false;
    // ... but never past the drawing's edge: an empty strip beside a node at the drawing's side
    // (a step drawing at 1920x1080 showed a third of its area blank, the rest of the graph cut)
    const d = svg.getBoundingClientRect();
    const keep = (shift, low, high, lowEdge, highEdge) => high - low < highEdge - lowEdge ? shift
      : Math.min(Math.max(shift, highEdge - high), lowEdge - low);
    view.tx += keep(r.left + r.width / 2 - (b.left + b.width / 2), d.left, d.right, r.left, r.right);
    view.ty += keep(r.top + r.height / 2 - (b.top + b.height / 2), d.top, d.bottom, r.top, r.bottom);
    apply();
  };
  // A fixed area (presentation mode) with a minimum scale: a graph that fits only below it (a
  // 100-node graph on a projector: 5 px text) starts at that scale, its top (the output) in view,
  // to be dragged or zoomed; "Whole" shows all of it, "Reset" comes back. Until the user moves it.
  const whole = parentElement.querySelector('button[data-act="whole"]');
  const maxHeightPx = () => {   // data.maxHeight ("72vh", "600px") in CSS px
    const m = /^([\d.]+)(vh|px)$/.exec(data.maxHeight || "72vh");
    return !m ? 0.72 * window.innerHeight : m[2] === "vh" ? parseFloat(m[1]) * window.innerHeight / 100
      : parseFloat(m[1]);
  };
  const BIG_NODES = 12;
  const SMALL_SHRINK = 0.8;
  const readable = (box, W, H) => {
    const min = data.minScale || 0;
    const sized = box[2] > 0 && box[3] > 0;
    // Normal mode: the scale the drawing fits the column's width and maxHeight at. A drawing that
    // would start below `min` (a 12-op chain at 1280x720: 5-6 px text) gets a box as wide as the
    // column and as tall as it needs at `min` (at most maxHeight), and starts at `min` in it (its
    // fitted scale there is the same).
    const normal = !data.aspect && min > 0 && sized && W > 0;
    const most = normal ? maxHeightPx() : 0;
    const f = !sized ? 0 : data.aspect ? Math.min(W / box[2], H / box[3])
      : normal ? Math.min(W / box[2], most / box[3], cap || Infinity) : 0;
    // big: many nodes that fit only below the readable scale (a 26-node graph on a projector); a
    // small graph stays whole where that draws it a little smaller (6 nodes at 1280x720: cut
    // otherwise), but not far below it: a 6-op chain (11 tall, narrow nodes) fitted at 1280x720
    // drew its text at 7-8 px
    const few = svg.querySelectorAll("g.node").length < BIG_NODES;
    const big = min > 0 && f > 0 && f < min * (few ? SMALL_SHRINK : 1);
    if (normal && big) {
      H = Math.min(most, box[3] * min);
      svg.style.maxWidth = "none";
      svg.style.maxHeight = "none";
      svg.style.height = `${H.toFixed(1)}px`;
    } else if (!data.aspect) {
      sizeNormally();
    }
    if (whole) whole.hidden = !big;
    view.big = big;
    if (!big || !view.auto) return;
    const s = min / f;
    // a left-to-right drawing starts at its right end (the output), centred in height when it fits;
    // a bottom-to-top one at its top, centred in width
    const across = data.start === "right";
    view.s = s;
    view.ty = across && box[3] * f * s <= H ? (H / 2) * (1 - s) : -s * ((H - box[3] * f) / 2);
    view.tx = across ? W - s * (W + box[2] * f) / 2 : (W / 2) * (1 - s);
    apply();
  };
  const apply = () => {
    svg.style.willChange = "transform";
    svg.style.transform = `translate(${view.tx}px, ${view.ty}px) scale(${view.s})`;
    clearTimeout(view.idle);
    view.idle = setTimeout(() => { svg.style.willChange = "auto"; }, IDLE_MS);
    svg.dataset.zoom = view.s.toFixed(3);
    pinLabel(view.label, stage);
    if (view.layoutKey) {
      zooms.delete(view.layoutKey);
      zooms.set(view.layoutKey, { tx: view.tx, ty: view.ty, s: view.s });
      if (zooms.size > 32) zooms.delete(zooms.keys().next().value);
    }
  };
  fitViewBox();
  const resized = new ResizeObserver(fitViewBox);
  resized.observe(stage);
  if (view.s !== 1 || view.tx || view.ty) apply();
  for (const node of svg.querySelectorAll("g.node")) {
    const sel = data.selected;   // a leaf drawn again beside a consumer is `n0~n3`
    node.classList.toggle("selected", !!sel && (node.id === sel || node.id.startsWith(sel + "~")));
  }

  const previous = cleanups.get(parentElement);
  if (previous) previous();
  const unbind = bindInput(parentElement, stage, view, apply, fitViewBox,
                           (node) => setTriggerValue("click", node.id));
  const cleanup = () => {
    cleanups.delete(parentElement);
    resized.disconnect();
    unbind();
  };
  cleanups.set(parentElement, cleanup);
  return cleanup;
}
"""

_COMPONENT = st.components.v2.component(name="autogradlab_svg_view", html=HTML, css=CSS,
                                        js=LABEL_JS + INPUT_JS + _JS)


# The largest scale a drawing is shown at, in CSS px per graphviz pt: a node's 16 pt title is then
# at most 14.4 px, about the page's text (a 2-node graph was stretched to the column's width: its
# title 21 px, 28 px in presentation mode, while a 20-node graph's is 5-9 px). In presentation mode
# (a 16:9 area, read from the back of a room) a little larger: 18.4 px, the mode's text at 1600 px.
MAX_SCALE = 0.9
PRESENT_MAX_SCALE = 1.15
# The smallest scale a graph starts at in presentation mode: its 16 pt value lines 13.6 px, 18 pt
# titles 15.3 px (a 26-node graph fitted whole in 1920x1080 drew them at 6-7 px).
PRESENT_MIN_SCALE = 0.85
# The Graph page's smallest starting scale in normal mode (a column, not a 16:9 area): 16 pt node
# text at 12 px, the 12 pt class names at 9 px (a 12-op chain fitted whole at 1280x720: 5-6 px).
NORMAL_MIN_SCALE = 0.75


def show(svg: str, *, key: str, selected: str | None = None, max_height: str = "72vh",
         on_click: Callable[[], None] | None = None, layout_key: str | None = None,
         aspect: str | None = None, max_scale: float | None = None,
         min_scale: float | None = None, focus: str | None = None, start: str = "top") -> str | None:
    """Mount an inert SVG with zoom, pan and node clicks. Returns the id of the node clicked in the
    interaction that caused this rerun, else None. `on_click` runs before the rerun (a callback:
    read the clicked id from st.session_state[key].click). A new `svg` with the same `layout_key`
    (the step player's recoloured frames) keeps the zoom and pan. `aspect` ("16 / 9") gives the
    drawing an area of that shape, filled (presentation mode). `max_scale` caps the drawing's
    size, in CSS px per graphviz pt (default: MAX_SCALE, or PRESENT_MAX_SCALE with `aspect`);
    `min_scale` (with `aspect`; default PRESENT_MIN_SCALE) the smallest it starts at (then panned);
    `focus`: a node id kept in view at that scale (the step player's current node); `start`: the end
    a drawing started at `min_scale` shows ("top", or "right" for a left-to-right drawing)."""
    if max_scale is None:
        max_scale = PRESENT_MAX_SCALE if aspect else MAX_SCALE
    if min_scale is None:
        min_scale = PRESENT_MIN_SCALE if aspect else 0.0
    labels = {"in": {"title": t("common.zoom_in")}, "out": {"title": t("common.zoom_out")},
              "reset": {"title": t("common.zoom_reset_help"), "text": t("common.zoom_reset")},
              "whole": {"title": t("common.zoom_whole_help"), "text": t("common.zoom_whole")}}
    result = _COMPONENT(data={"svg": svg, "selected": selected, "maxHeight": max_height, "labels": labels,
                              "layoutKey": layout_key, "aspect": aspect, "maxScale": max_scale,
                              "minScale": min_scale, "focus": focus, "start": start},
                        key=key,
                        on_click_change=on_click or (lambda: None))
    return getattr(result, "click", None)

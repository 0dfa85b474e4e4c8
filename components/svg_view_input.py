"""Zoom, pan, click and keys of the clickable SVG view (components/svg_view.py): the part of its
script that listens to the user. `bindInput` is called on every render with the drawing's state and
the view's own `apply` (draw at view.tx, view.ty, view.s) and `fitViewBox` (start over); it returns
the function that removes its listeners, so a rerun never adds a second set.

A wheel or pinch zooms around the pointer, a drag pans, the tool buttons zoom in and out, reset and
show the whole drawing, and a click (or Tab + Enter / Space) on a node sends its id back to Python
(`choose`). A drag of 4 px or more is a pan, not a click.
"""

INPUT_JS = r"""
function bindInput(parentElement, stage, view, apply, fitViewBox, choose) {
  const svg = view.svg;
  // Pointer positions relative to the drawing's untransformed corner (the transform's origin): a
  // drawing narrower than its area is centred, so that corner is not the area's.
  const corner = () => {
    const r = stage.getBoundingClientRect(), b = svg.getBoundingClientRect();
    return [r, b.left - r.left - view.tx, b.top - r.top - view.ty];
  };
  const local = (clientX, clientY) => {
    const [r, ox, oy] = corner();
    return [clientX - r.left - ox, clientY - r.top - oy];
  };
  const zoom = (factor, px, py) => {
    const s = Math.min(Math.max(view.s * factor, 0.25), Math.max(20, view.s));
    view.auto = false;
    const k = s / view.s;
    if (px === undefined) { const [r, ox, oy] = corner(); px = r.width / 2 - ox; py = r.height / 2 - oy; }
    view.tx = px - (px - view.tx) * k;
    view.ty = py - (py - view.ty) * k;
    view.s = s;
    apply();
  };
  const onWheel = (e) => {
    e.preventDefault();
    if (!e.deltaY) return;   // a sideways trackpad scroll: nothing to zoom
    const [px, py] = local(e.clientX, e.clientY);
    // In proportion to the roll: a mouse notch (~100 px) zooms 15 %; a trackpad pinch arrives as
    // many ctrl+wheel events of a few px each (Chromium: scale = exp(-deltaY / 100)) and follows the
    // fingers instead of jumping 15 % per event. Line or page deltas (Firefox) count as 33 / 800 px.
    const px100 = e.deltaY * (e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 800 : 1);
    const rate = e.ctrlKey ? 0.01 : 0.0014;
    zoom(Math.exp(-Math.max(Math.min(px100 * rate, 1), -1)), px, py);
  };
  const pointers = new Map();
  let moved = 0;
  let pinch = null;
  const onDown = (e) => {
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    moved = 0;
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
  };
  const onMove = (e) => {
    if (!pointers.has(e.pointerId)) return;
    const [ox, oy] = pointers.get(e.pointerId);
    pointers.set(e.pointerId, [e.clientX, e.clientY]);
    if (pointers.size === 2 && pinch) {
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
      const [px, py] = local((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
      zoom(d / pinch, px, py);
      pinch = d;
      return;
    }
    const dx = e.clientX - ox, dy = e.clientY - oy;
    moved += Math.abs(dx) + Math.abs(dy);
    if (moved < 4) return;
    if (stage.setPointerCapture && !stage.hasPointerCapture(e.pointerId)) {
      try { stage.setPointerCapture(e.pointerId); } catch (err) { /* synthetic pointer */ }
    }
    stage.classList.add("dragging");
    view.auto = false;
    view.tx += dx;
    view.ty += dy;
    apply();
  };
  const onUp = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    stage.classList.remove("dragging");
  };
  const onClick = (e) => {
    if (moved >= 4) return;
    const node = e.target.closest("g.node, g.cluster");
    if (node) choose(node);
  };
  const onKey = (e) => {
    const node = e.target.closest && e.target.closest("g.node, g.cluster");
    if (node && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); choose(node); }
  };
  const onTool = (e) => {
    const button = e.target.closest("button");
    const act = button && button.dataset.act;
    if (act === "in") zoom(1.3);
    else if (act === "out") zoom(1 / 1.3);
    else if (act === "reset" && view.big) { view.auto = true; fitViewBox(); }
    else if (act === "reset" || act === "whole") {
      view.auto = false; view.tx = 0; view.ty = 0; view.s = 1; apply();
    }
  };
  const tools = parentElement.querySelector(".tools");
  stage.addEventListener("wheel", onWheel, { passive: false });
  stage.addEventListener("pointerdown", onDown);
  stage.addEventListener("pointermove", onMove);
  stage.addEventListener("pointerup", onUp);
  stage.addEventListener("pointercancel", onUp);
  stage.addEventListener("click", onClick);
  stage.addEventListener("keydown", onKey);
  tools.addEventListener("click", onTool);
  return () => {
    stage.removeEventListener("wheel", onWheel);
    stage.removeEventListener("pointerdown", onDown);
    stage.removeEventListener("pointermove", onMove);
    stage.removeEventListener("pointerup", onUp);
    stage.removeEventListener("pointercancel", onUp);
    stage.removeEventListener("click", onClick);
    stage.removeEventListener("keydown", onKey);
    tools.removeEventListener("click", onTool);
  };
}
"""

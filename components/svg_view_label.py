"""The graph's own label (the legend, and a title above it) kept in view while the drawing is zoomed
and panned: a script the clickable SVG view (components/svg_view.py) puts before its own.

Graphviz draws a graph label as bare shapes and text in `g.graph` (after the background polygon,
before the first node; inside a `<g><a>` when the graph has a tooltip). In presentation mode a wide
graph starts zoomed, its top centred, so a legend at the drawing's left edge was cut or off screen
(session 23's look, 1280x720). The label's shapes are gathered into one group drawn last, on a
white backing, and after every zoom or pan moved by an SVG transform just enough to lie inside the
view; the drawing itself never moves.
"""

LABEL_JS = r"""
const LABEL_PAD_PX = 6;   // the label keeps this far from the view's edges

function gatherLabel(svg) {
  const graph = svg && svg.querySelector("g.graph");
  if (!graph) return null;
  // Its shapes: everything drawn outside the nodes, edges and clusters (a tooltip wraps them in
  // `<g><a>`), but the first polygon, the drawing's white background.
  const shapes = [...graph.querySelectorAll("polygon, path, polyline, ellipse, text, image")]
    .filter((el) => !el.closest("g.node, g.edge, g.cluster"));
  const parts = shapes.slice(shapes[0] && shapes[0].tagName.toLowerCase() === "polygon" ? 1 : 0);
  if (!parts.length) return null;
  const ns = "http://www.w3.org/2000/svg";
  const label = document.createElementNS(ns, "g");
  label.setAttribute("class", "agl-label");
  const backing = document.createElementNS(ns, "rect");
  backing.setAttribute("fill", "white");
  backing.setAttribute("fill-opacity", "0.9");
  label.appendChild(backing);
  for (const part of parts) label.appendChild(part);
  graph.appendChild(label);   // last: drawn over the nodes it may be moved onto
  const box = label.getBBox();
  for (const [name, value] of [["x", box.x - 2], ["y", box.y - 2], ["width", box.width + 4],
                               ["height", box.height + 4]]) backing.setAttribute(name, value);
  return label;
}

function pinLabel(label, stage) {
  if (!label) return;
  label.removeAttribute("transform");
  // The view: the stage, where the drawing's own (zoomed) box covers it; the drawing clips what lies
  // outside its box (a step drawing zoomed to a readable scale at 1920x1080 cut "leaf tensor").
  const area = stage.getBoundingClientRect(), shown = label.getBoundingClientRect();
  const drawn = label.ownerSVGElement ? label.ownerSVGElement.getBoundingClientRect() : area;
  const view = { left: Math.max(area.left, drawn.left), right: Math.min(area.right, drawn.right),
                 top: Math.max(area.top, drawn.top), bottom: Math.min(area.bottom, drawn.bottom) };
  view.width = view.right - view.left;
  const own = label.getBBox();
  if (!own.width || !shown.width || view.width <= 0) return;
  const k = shown.width / own.width;   // screen px per drawing unit (zoom and fit together)
  const into = (low, high, size, lowEdge, highEdge) => {
    if (low < lowEdge + LABEL_PAD_PX || size > highEdge - lowEdge - 2 * LABEL_PAD_PX)
      return lowEdge + LABEL_PAD_PX - low;
    if (high > highEdge - LABEL_PAD_PX) return highEdge - LABEL_PAD_PX - high;
    return 0;
  };
  let dx = into(shown.left, shown.right, shown.width, view.left, view.right);
  let dy = into(shown.top, shown.bottom, shown.height, view.top, view.bottom);
  // Never under the zoom buttons (they float over the view's top right corner): beside them on the
  // left when it fits, else below them (a zoomed step drawing at 1280x720 hid "Whole" and "−").
  const tools = stage.parentElement && stage.parentElement.querySelector(".tools");
  const t = tools && tools.getBoundingClientRect();
  if (t && t.width && shown.left + dx < t.right && shown.right + dx > t.left
      && shown.top + dy < t.bottom && shown.bottom + dy > t.top) {
    const left = t.left - LABEL_PAD_PX - (shown.right + dx);
    if (shown.left + dx + left >= view.left + LABEL_PAD_PX) dx += left;
    else dy += t.bottom + LABEL_PAD_PX - (shown.top + dy);
  }
  if (dx || dy) label.setAttribute("transform", `translate(${(dx / k).toFixed(2)} ${(dy / k).toFixed(2)})`);
}
"""

"""Pan and zoom a ~500-node graph in Chromium: is it interactive? (issue 10 §2)

Side by side in one run, on the same DOT (the annotated drawing of a program with ~480 graph nodes,
folding off so every node is drawn):

- ours: the Graph page's clickable drawing (components/svg_view.py), which pans and zooms the SVG as
  one composited layer (a CSS transform);
- reference: the same DOT drawn by plain `st.graphviz_chart` (bench/graphviz_chart_app.py), panned
  the way its d3-graphviz/d3-zoom does it: the root group's `transform` attribute set per step,
  which makes the browser re-render every node's shapes and text.

Two figures per step kind (drag, wheel), timed inside the page so the browser's cost is measured,
not the driver's round trips: "step" = from the input to the frame after the one it changed (two
requestAnimationFrame callbacks, ~33 ms at 60 Hz is its floor); "fps" = frames painted per second
while the input arrives once per frame (60 is the ceiling). Blocks of ours and the reference are
interleaved (--rounds) so a change in the machine's load hits both.

    python bench/graph_pan.py [--steps 60] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab.links import encode_code  # noqa: E402
from bench.common import (  # noqa: E402
    OUR_APP,
    REPO,
    chromium_browser,
    fmt,
    median,
    percentile,
    start_streamlit,
    stop_streamlit,
    wait_healthy,
)

REFERENCE_APP = REPO / "bench" / "graphviz_chart_app.py"
# 95 loop steps of 5 nodes each: close to 500 graph nodes with saved tensors and leaves.
PROGRAM = ("import torch\nx = torch.tensor([0.5, 1.0], requires_grad=True)\ny = x\n"
           "for i in range(95):\n    y = torch.sin(y) * 1.01 + 0.1\nz = y.sum()\nz.backward()\n")
OURS = ".st-key-graph_view svg"
REFERENCE = "[data-testid='stGraphVizChart'] svg"
# ours: events on the element's stage (its own handlers move the drawing); the reference: the root
# group's transform attribute, as d3-zoom sets it on a drag or a wheel step.
IN_PAGE_JS = """async ({who, kind, steps, x, y, paced}) => {
  let move;
  if (who === 'ours') {
    const host = [...document.querySelectorAll('.st-key-graph_view *')].find(e => e.shadowRoot);
    const stage = (host ? host.shadowRoot : document).querySelector('.stage');
    const opts = {bubbles: true, clientX: x, clientY: y, pointerId: 7, isPrimary: true};
    if (kind === 'drag') stage.dispatchEvent(new PointerEvent('pointerdown', opts));
    move = (i) => kind === 'drag'
      ? stage.dispatchEvent(new PointerEvent('pointermove', {...opts, clientX: x + (i % 20) * 6 + 5,
                                                              clientY: y + (i % 10) * 4 + 5}))
      : stage.dispatchEvent(new WheelEvent('wheel', {bubbles: true, cancelable: true, clientX: x,
                                                     clientY: y, deltaY: i % 2 ? 100 : -100}));
  } else {
    const root = document.querySelector("[data-testid='stGraphVizChart'] svg g.graph");
    const base = root.getAttribute('transform') || '';
    let s = 1;
    move = (i) => {
      if (kind === 'wheel') s = i % 2 ? s / 1.15 : s * 1.15;
      const shift = `translate(${(i % 20) * 6 + 5},${(i % 10) * 4 + 5})`;
      root.setAttribute('transform', `${shift} scale(${s}) ${base}`);
    };
  }
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const times = [];
  if (paced) {            // one input per frame: how many frames a second get painted
    await frame();
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) { move(i); await frame(); }
    return [steps * 1000 / (performance.now() - t0)];
  }
  for (let i = 0; i < steps; i++) {
    const t = performance.now();
    move(i);
    await frame(); await frame();
    times.push(performance.now() - t);
  }
  if (who === 'ours' && kind === 'drag') {
    const host = [...document.querySelectorAll('.st-key-graph_view *')].find(e => e.shadowRoot);
    host.shadowRoot.querySelector('.stage').dispatchEvent(new PointerEvent('pointerup', {pointerId: 7}));
  }
  return times;
}"""


def _dot() -> str:
    """The DOT the Graph page draws for PROGRAM with folding off."""
    from autogradlab.engine.run import run_program
    from autogradlab.render.dot import annotated_dot

    report = run_program(PROGRAM)
    return annotated_dot(report.graph, max_nodes=500, fold=False)


def _open_ours(browser, url: str):
    page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    page.goto(f"{url}?code={encode_code(PROGRAM)}")
    toggle = page.get_by_text("Fold repeated steps")
    toggle.wait_for(timeout=180_000)
    toggle.click()
    page.locator(f"{OURS} g.node").nth(300).wait_for(state="attached", timeout=180_000)
    time.sleep(1.0)
    return page, OURS


def _open_reference(browser, url: str):
    page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
    page.goto(url)
    page.locator(f"{REFERENCE} g.node").nth(300).wait_for(state="attached", timeout=180_000)
    time.sleep(1.0)
    return page, REFERENCE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False) as f:
        f.write(_dot())
    ours_server = start_streamlit(OUR_APP)
    ref_server = start_streamlit(REFERENCE_APP, env={"AGL_BENCH_DOT": f.name})
    results: dict[tuple[str, str, str], list[float]] = {}
    try:
        wait_healthy(ours_server, timeout=120)
        wait_healthy(ref_server, timeout=120)
        with chromium_browser() as browser:
            pages = {"ours": _open_ours(browser, ours_server.url),
                     "reference": _open_reference(browser, ref_server.url)}
            nodes = {who: page.locator(f"{sel} g.node").count() for who, (page, sel) in pages.items()}
            for _ in range(args.rounds):
                for who, (page, sel) in pages.items():
                    page.bring_to_front()
                    box = page.locator(sel).bounding_box()
                    cx, cy = box["x"] + box["width"] / 2, box["y"] + min(box["height"], 600) / 2
                    for kind in ("drag", "wheel"):
                        for paced in (False, True):
                            got = page.evaluate(IN_PAGE_JS, {"who": who, "kind": kind, "steps": args.steps,
                                                             "x": cx, "y": cy, "paced": paced})
                            results.setdefault((who, kind, "fps" if paced else "step"), []).extend(got)
    finally:
        stop_streamlit(ours_server)
        stop_streamlit(ref_server)
        os.unlink(f.name)
    print(f"\nPan and zoom in Chromium, {args.rounds} interleaved rounds of {args.steps} steps each; "
          f"nodes drawn: ours {nodes['ours']}, reference {nodes['reference']}\n")
    print(f"  {'':28}{'ours':>28}{'st.graphviz_chart + d3-zoom way':>36}")
    for kind in ("drag", "wheel"):
        o, r = results[("ours", kind, "step")], results[("reference", kind, "step")]
        ours, ref = (f"{fmt(median(v))} ({fmt(percentile(v, 90))})" for v in (o, r))
        print(f"  {kind + ' step, median (p90) ms':28}{ours:>28}{ref:>36}")
        fo, fr = results[("ours", kind, "fps")], results[("reference", kind, "fps")]
        print(f"  {kind + ' frames/s, median':28}{fmt(median(fo)):>28}{fmt(median(fr)):>36}")
    ok = all(median(results[("ours", k, "step")]) <= 40 for k in ("drag", "wheel"))
    print(f"\n  ours interactive (median step <= 40 ms, two frames): {'met' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

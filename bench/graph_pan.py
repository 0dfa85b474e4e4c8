"""Pan and zoom a ~500-node graph in Chromium: is it interactive? (issue 10)

Opens a link to a program whose graph has close to 500 nodes, turns folding off so every node is
drawn, then drags the drawing in small steps and rolls the wheel, timing each step from the input
event to the frame after the one it changed (two requestAnimationFrame callbacks, so ~33 ms at
60 Hz is the floor of this measurement). Prints the median and p90 per step; "interactive" is a
median within two frames plus margin (40 ms).

    python bench/graph_pan.py [--steps 60]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autogradlab.links import encode_code  # noqa: E402
from bench.common import (  # noqa: E402
    OUR_APP,
    chromium_browser,
    fmt,
    median,
    percentile,
    start_streamlit,
    stop_streamlit,
    wait_healthy,
)

# 95 loop steps of 5 nodes each: close to 500 graph nodes with saved tensors and leaves.
PROGRAM = ("import torch\nx = torch.tensor([0.5, 1.0], requires_grad=True)\ny = x\n"
           "for i in range(95):\n    y = torch.sin(y) * 1.01 + 0.1\nz = y.sum()\nz.backward()\n")
GRAPH = ".st-key-graph_view svg"
# Inside the page, so the browser's own cost is measured, not the test driver's round trips: each
# step dispatches the input event on the drawing and waits for the frame after the one it changed.
IN_PAGE_JS = """async ({kind, steps, x, y}) => {
  const host = [...document.querySelectorAll('.st-key-graph_view *')].find(e => e.shadowRoot);
  const stage = (host ? host.shadowRoot : document).querySelector('.stage');
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const times = [];
  const opts = {bubbles: true, clientX: x, clientY: y, pointerId: 7, isPrimary: true};
  if (kind === 'drag') stage.dispatchEvent(new PointerEvent('pointerdown', opts));
  for (let i = 0; i < steps; i++) {
    const t = performance.now();
    if (kind === 'drag') {
      stage.dispatchEvent(new PointerEvent('pointermove', {...opts, clientX: x + (i % 20) * 6 + 5,
                                                            clientY: y + (i % 10) * 4 + 5}));
    } else {
      stage.dispatchEvent(new WheelEvent('wheel', {bubbles: true, cancelable: true, clientX: x,
                                                   clientY: y, deltaY: i % 2 ? 120 : -120}));
    }
    await frame();
    times.push(performance.now() - t);
  }
  if (kind === 'drag') stage.dispatchEvent(new PointerEvent('pointerup', opts));
  return times;
}"""
FRAME_JS = ("() => new Promise(r => requestAnimationFrame(() => "
            "requestAnimationFrame(() => r(performance.now()))))")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=60)
    args = parser.parse_args(argv)
    server = start_streamlit(OUR_APP)
    try:
        wait_healthy(server, timeout=120)
        with chromium_browser() as browser:
            page = browser.new_context(viewport={"width": 1600, "height": 1000}).new_page()
            page.goto(f"{server.url}?code={encode_code(PROGRAM)}")
            toggle = page.get_by_text("Fold repeated steps")
            try:
                toggle.wait_for(timeout=120_000)
            except Exception:
                page.screenshot(path="/tmp/graph_pan_fail.png")
                raise
            toggle.click()
            page.wait_for_function(f"() => document.querySelector('{GRAPH}') === null || true")
            page.locator(f"{GRAPH} g.node").nth(300).wait_for(state="attached", timeout=120_000)
            time.sleep(1.0)
            nodes = page.locator(f"{GRAPH} g.node").count()
            box = page.locator(GRAPH).bounding_box()
            cx, cy = box["x"] + box["width"] / 2, box["y"] + min(box["height"], 600) / 2
            pan = page.evaluate(IN_PAGE_JS, {"kind": "drag", "steps": args.steps, "x": cx, "y": cy})
            wheel = page.evaluate(IN_PAGE_JS, {"kind": "wheel", "steps": args.steps, "x": cx, "y": cy})
    finally:
        stop_streamlit(server)
    print(f"\nPan and zoom in Chromium, {nodes} graph nodes drawn, {args.steps} steps each\n")
    for name, values in (("drag step", pan), ("wheel step", wheel)):
        print(f"  {name}: median {fmt(median(values))} ms, p90 {fmt(percentile(values, 90))} ms "
              f"(input -> painted frame)")
    ok = median(pan) <= 40 and median(wheel) <= 40
    print(f"  interactive (median <= 40 ms, two frames): {'met' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Heatmap / Eigen figure downloads: plotly's one-off Chromium per file vs the kept Chromium.

The Jacobian page's heatmap and the Eigen page's plot are written by kaleido (a headless Chromium).
plotly's `to_image` starts a new Chromium per file; render/kaleido_browser.py keeps one. Both are
timed side by side in one run on the same figures: wall time per file (median of REPEAT), the kept
browser's first file (which starts it) apart from the rest.

    python bench/plotly_export_latency.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from autogradlab.engine.eigen import analyse, power_iteration  # noqa: E402
from autogradlab.render import eigen_plot, kaleido_browser  # noqa: E402
from autogradlab.render.plotly_export import SCREEN  # noqa: E402


def figures() -> dict:
    import plotly.graph_objects as go

    an = analyse([[2.0, 1.0], [1.0, 2.0]])
    z = np.arange(36.0).reshape(6, 6)
    return {
        "heatmap 6x6": go.Figure(go.Heatmap(z=z, text=z.astype(int).astype(str), texttemplate="%{text}")),
        "eigen plane": go.Figure(eigen_plot.plane_figure(an, np.array([1.0, 0.0]), power_iteration(an), "A")),
    }


def timed(export, fig, fmt: str, w: int, h: int) -> float:
    started = time.perf_counter()
    export(fig, fmt, w, h)
    return (time.perf_counter() - started) * 1000.0


def one_off(fig, fmt: str, w: int, h: int) -> bytes:
    return fig.to_image(format=fmt, width=w, height=h)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    w, h = SCREEN["width"], SCREEN["height"]
    print(f"{'figure':<14} {'fmt':<4} {'one-off (plotly)':>17} {'kept: first':>12} {'kept: next':>11}")
    for name, fig in figures().items():
        for fmt in ("png", "svg"):
            kaleido_browser.close()
            oneoff = statistics.median(timed(one_off, fig, fmt, w, h) for _ in range(args.repeat))
            first = timed(kaleido_browser.to_image, fig, fmt, w, h)
            kept = statistics.median(timed(kaleido_browser.to_image, fig, fmt, w, h)
                                     for _ in range(args.repeat))
            print(f"{name:<14} {fmt:<4} {oneoff:>14.0f} ms {first:>9.0f} ms {kept:>8.0f} ms")
    kaleido_browser.close()


if __name__ == "__main__":
    main()

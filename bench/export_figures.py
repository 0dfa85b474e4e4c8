"""Export costs: time and size of each graph file a student downloads, per format and PNG scale.

Real programs run through the sandbox (the dot example and a 30-step loop, unfolded), then every
format is rendered REPEAT times with the Debian `dot`; the median time is printed with the file size
and the PNG's pixel size. There is no reference app with exports to compare against: the figures
are for choosing the default PNG scale (2x) and for the "rendered on click" design.

    python bench/export_figures.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

from autogradlab.render.dot import annotated_dot  # noqa: E402
from autogradlab.render.export import render_dot, render_png  # noqa: E402

PROGRAMS = {
    "dot example": "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = 2 * torch.dot(x, x)\n"
                   "y.backward()\n",
    "30-step loop": "import torch\nx = torch.tensor(0.5, requires_grad=True)\ny = x\nfor i in range(30):\n"
                    "    y = torch.sin(y) * 1.01\ny.backward()\n",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from autogradlab.sandbox import get_pool

    pool = get_pool()
    print(f"{'program':<14} {'nodes':>5} {'format':<8} {'median ms':>9} {'size kB':>8} {'pixels':>11}")
    for name, source in PROGRAMS.items():
        report = pool.run(source)
        dot = annotated_dot(report.graph)
        makers = {"svg": lambda d=dot: render_dot(d, "svg"), "pdf": lambda d=dot: render_dot(d, "pdf")}
        makers.update({f"png {k}x": (lambda k=k, d=dot: render_png(d, k)) for k in (1, 2, 3, 4)})
        for fmt, make in makers.items():
            times, data = [], b""
            for _ in range(args.repeat):
                start = time.perf_counter()
                data = make()
                times.append((time.perf_counter() - start) * 1000)
            pixels = "x".join(map(str, Image.open(io.BytesIO(data)).size)) if fmt.startswith("png") else ""
            print(f"{name:<14} {len(report.graph.nodes):>5} {fmt:<8} {statistics.median(times):>9.0f} "
                  f"{len(data) / 1024:>8.1f} {pixels:>11}")
    pool.close()


if __name__ == "__main__":
    main()

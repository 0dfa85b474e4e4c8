"""The step sequence as files for slides: one PNG per frame (zip) or an animated GIF.

Each frame is graphviz's drawing of render/steps.frame_dot, whose boxes keep their on-screen sizes,
so every frame has the same layout and the animation does not jump. Long sequences are sampled down
to MAX_FRAMES (first and last always kept) so an export never takes more than a few seconds.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from autogradlab.render.export import render_dot

MAX_FRAMES = 40
GIF_MS_PER_FRAME = 900


def sample(n: int, limit: int = MAX_FRAMES) -> list[int]:
    """At most `limit` frame indices out of n, evenly spread, first and last included."""
    if n <= limit:
        return list(range(n))
    return sorted({round(i * (n - 1) / (limit - 1)) for i in range(limit)})


def frame_pngs(n: int, dot_of: Callable[[int], str]) -> list[bytes]:
    return [render_dot(dot_of(k), "png") for k in sample(n)]


def zip_of_frames(n: int, dot_of: Callable[[int], str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for k, png in zip(sample(n), frame_pngs(n, dot_of), strict=True):
            archive.writestr(f"step-{k + 1:04d}.png", png)
    return buffer.getvalue()


def gif_of_frames(n: int, dot_of: Callable[[int], str]) -> bytes:
    """An animated GIF of the frames (Pillow); falls back to the zip when Pillow is missing."""
    try:
        from PIL import Image
    except ImportError:
        return zip_of_frames(n, dot_of)
    images = [Image.open(io.BytesIO(png)).convert("RGB") for png in frame_pngs(n, dot_of)]
    size = (max(i.width for i in images), max(i.height for i in images))
    frames = []
    for image in images:      # equal canvases: a frame a pixel wider would shift the animation
        canvas = Image.new("RGB", size, "white")
        canvas.paste(image, (0, 0))
        frames.append(canvas.convert("P", palette=Image.Palette.ADAPTIVE))
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=GIF_MS_PER_FRAME,
                   loop=0)
    return out.getvalue()


def is_gif(data: bytes) -> bool:
    return data[:6] in (b"GIF87a", b"GIF89a")

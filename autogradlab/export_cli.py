"""`python -m autogradlab export ENTRY_ID|FILE --out DIR [--lang en|zh]`: every figure of a program.

One run in the sandbox (with step traces) gives everything: the annotated graph as SVG, PNG (2x the
on-screen size) and PDF; each jacobian() call's heatmap as PNG and SVG (plotly + kaleido, as the
`jacobian` and `eigen` commands write them); for a gallery entry opened on the Eigen page, its
matrix's figure as PNG and SVG (`<slug>-eigen-B.png`); the reverse (else forward) steps as a GIF
when the graph is small enough for that to be quick. Files are named for what they are: `<slug>-graph.svg`,
`<slug>-jacobian-1.png`, `<slug>-reverse-steps.gif`. Exit status as for `run`: 0 when every figure
was written, 1 when the program failed or a figure could not be made, 2 for bad usage (no such file
or gallery entry, an output directory that cannot be made). Never a traceback.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autogradlab import messages
from autogradlab.cli_input import read_file_bounded, too_long
from autogradlab.limits import DEFAULT_LIMITS

EXIT_OK, EXIT_PROGRAM_FAILED, EXIT_USAGE = 0, 1, 2
GIF_MAX_NODES = 60        # steps GIF only for graphs this small: one graphviz run per frame
GRAPH_PNG_SCALE = 2


@dataclass
class Exported:
    """What export_program wrote, and what it could not (one line each, in the chosen language)."""

    written: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error: str | None = None        # the program's own error, when it failed

    @property
    def ok(self) -> bool:
        return self.error is None and not self.problems


def add_parser(commands: Any) -> None:
    cmd = commands.add_parser("export", help=messages.text("en", "present.cli_help"))
    cmd.add_argument("source", metavar="ENTRY_ID|FILE", help="a gallery entry id or a program file")
    cmd.add_argument("--out", required=True, metavar="DIR",
                     help="directory for the figures (made if missing)")
    cmd.add_argument("--lang", choices=messages.LANGS, default=messages.DEFAULT_LANG,
                     help="language of the messages")
    cmd.add_argument("--seed", type=int, default=None, metavar="N",
                     help="random seed of the program (default: the gallery entry's seed, else 0)")


def resolve(name: str, lang: str) -> tuple[str, str]:
    """(program text, slug) of a file or a gallery entry; ValueError with the message otherwise."""
    from autogradlab.render.figure_names import gallery_id, program_slug

    path = Path(name)
    if path.is_file():
        try:
            text = read_file_bounded(name)
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(messages.text(lang, "present.cli_unreadable", name=name, reason=exc)) from None
        if text is None:
            raise ValueError(too_long(name))
        return text, program_slug(text, entry_id=gallery_id(text))
    try:
        from autogradlab import gallery  # built by the gallery work; absent: FILE only
        entry = gallery.find(name)
    except ImportError:
        entry = None
    if entry is None:
        raise ValueError(messages.text(lang, "present.cli_no_source", name=name))
    return entry.program, program_slug(entry.program, entry_id=entry.id)


def _write(out: Path, name: str, data: bytes, done: Exported) -> None:
    target = out / name
    target.write_bytes(data)
    done.written.append(target)


def _graph(report: Any, slug: str, out: Path, lang: str, done: Exported) -> None:
    from autogradlab.render.dot import annotated_dot
    from autogradlab.render.export import RenderError, render_dot, render_png
    from autogradlab.render.figure_names import file_name

    if report.graph is None or not report.graph.nodes:
        done.problems.append(messages.text(lang, "present.cli_no_graph", name=slug))
        return
    dot = annotated_dot(report.graph, max_nodes=DEFAULT_LIMITS.max_graph_nodes,
                        fold=len(report.graph.nodes) > DEFAULT_LIMITS.max_graph_nodes, lang=lang)
    makers = {"svg": lambda: render_dot(dot, "svg"), "png": lambda: render_png(dot, GRAPH_PNG_SCALE),
              "pdf": lambda: render_dot(dot, "pdf")}
    for ext, make in makers.items():
        try:
            _write(out, file_name(slug, "graph", ext), make(), done)
        except RenderError as exc:
            done.problems.append(messages.text(lang, "present.cli_failed", name=slug,
                                               figure=f"graph .{ext}", reason=exc))


def _jacobians(report: Any, slug: str, out: Path, lang: str, done: Exported) -> None:
    from autogradlab.render import kaleido_browser
    from autogradlab.render.figure_names import file_name
    from autogradlab.render.heatmap import SLIDE
    from autogradlab.render.heatmap_file import file_figure

    if report.jacobians:   # kaleido's browser driver logs harmless pipe errors as tracebacks
        logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    for record in report.jacobians:
        fig = file_figure(record, SLIDE["width"], SLIDE["height"], lang)   # the page's download
        for ext in ("png", "svg"):
            try:
                data = kaleido_browser.to_image(fig, ext, **SLIDE)
                _write(out, file_name(slug, f"jacobian-{record.index + 1}", ext), data, done)
            except Exception as exc:  # noqa: BLE001 - kaleido needs a Chromium; say so, go on
                reason = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
                figure = f"jacobian {record.index + 1} .{ext}"
                done.problems.append(messages.text(lang, "present.cli_failed", name=slug, figure=figure,
                                                   reason=reason))


def _eigen(report: Any, var: str, slug: str, out: Path, lang: str, done: Exported) -> None:
    """The Eigen page's figure of the matrix variable `var` (a gallery entry opened on Eigen) as PNG
    and SVG at slide size (plotly + kaleido, as the `eigen` command writes it)."""
    from autogradlab.engine.eigen import EigenInputError, analyse, power_iteration
    from autogradlab.engine.eigen_sources import matrix_from_report
    from autogradlab.render.eigen_plot import export_figure
    from autogradlab.render.figure_names import file_name

    try:
        analysis = analyse(matrix_from_report(report, var))
    except EigenInputError as exc:
        done.problems.append(messages.text(lang, "present.cli_failed", name=slug, figure=f"eigen {var}",
                                           reason=exc))
        return
    power = power_iteration(analysis, lang=lang)
    logging.getLogger("choreographer").setLevel(logging.CRITICAL)
    for ext in ("png", "svg"):
        try:
            _write(out, file_name(slug, f"eigen-{var}", ext), export_figure(analysis, power, ext, lang),
                   done)
        except RuntimeError as exc:
            done.problems.append(messages.text(lang, "present.cli_failed", name=slug,
                                               figure=f"eigen {var} .{ext}", reason=exc))


def said_error(error: Any, lang: str) -> str:
    """The program's error message in `lang` (its catalogue key, as the pages say it), else as is."""
    if lang == messages.DEFAULT_LANG or not getattr(error, "key", None):
        return error.message
    try:
        return messages.text(lang, error.key, **dict(error.params))
    except (KeyError, IndexError, ValueError):
        return error.message


def entry_seed(name: str) -> int:
    """The seed a gallery entry is shown with (`d2l-control-flow-else`: 4, the else branch), else 0."""
    try:
        from autogradlab import gallery
    except ImportError:
        return 0
    entry = gallery.find(name)
    return int(getattr(entry, "seed", 0) or 0) if entry is not None else 0


def eigen_var(name: str) -> str | None:
    """The matrix variable of a gallery entry that opens on the Eigen page (`params.var`), else None."""
    try:
        from autogradlab import gallery
    except ImportError:
        return None
    entry = gallery.find(name)
    if entry is None or getattr(entry, "page", None) != "eigen":
        return None
    return dict(getattr(entry, "params", ())).get("var")


def steps_gif(report: Any, lang: str = "en") -> tuple[str, bytes] | None:
    """(mode, GIF bytes) of the reverse steps (forward when there is no backward), or None when the
    program has no steps or its graph is too big for a quick GIF. `report` is a run with steps; the
    drawn words are in `lang`, as the Steps page draws them."""
    from autogradlab.render import step_export
    from autogradlab.render.export import svg_for_web
    from autogradlab.render.step_frames import frame_view, frames, mode_steps
    from autogradlab.render.steps import frame_dot, step_layout, svg_template
    from autogradlab.render.words import say_slot

    trace, graph = report.steps, report.graph
    if trace is None or graph is None or not graph.nodes or len(graph.nodes) > GIF_MAX_NODES:
        return None
    mode = "reverse" if mode_steps(trace, "reverse") else "forward"
    steps = mode_steps(trace, mode)
    if not steps:
        return None
    layout = step_layout(graph, fold=False, lang=lang)
    template = svg_template(svg_for_web(layout.dot), layout.fills, one_line=True)
    all_frames = frames(steps, layout.owner, layout.counts)

    def dot_of(k: int) -> str:
        view = frame_view(graph, trace, mode, layout.owner, all_frames, k)
        said = {key: say_slot(lang, slot) for key, slot in view.values.items()}
        return frame_dot(layout, template, view.looks, said,
                         {key: say_slot(lang, slot) for key, slot in view.derivs.items()})

    return mode, step_export.gif_of_frames(len(all_frames), dot_of)


def export_program(program_text: str, slug: str, out_dir: str | Path, lang: str = "en", *,
                   seed: int = 0, runner: Any = None, eigen: str | None = None) -> Exported:
    """Run the program once (in the sandbox) and write every figure it has into `out_dir`.
    `runner` is a WorkerPool-like object (tests pass the process's pool); None starts one.
    `eigen`: a matrix variable whose Eigen figure is written too (entries opened on Eigen)."""
    from autogradlab.render.export import RenderError
    from autogradlab.render.figure_names import file_name
    from autogradlab.step_records import StepOptions

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pool = None
    if runner is None:
        from autogradlab.sandbox import WorkerPool

        pool = runner = WorkerPool(size=1)
    try:
        report = runner.run(program_text, seed=seed)     # a run with steps records no jacobian()
        small = report.graph is not None and 0 < len(report.graph.nodes) <= GIF_MAX_NODES
        stepped = runner.run(program_text, seed=seed, steps=StepOptions()) if small else None
    finally:
        if pool is not None:
            pool.close()
    done = Exported()
    if report.error is not None:
        done.error = f"{report.error.kind}: {said_error(report.error, lang)}"
    has_graph = report.graph is not None and bool(report.graph.nodes)
    if has_graph or not (report.jacobians or eigen):   # a jacobian()- or matrix-only program: no graph
        _graph(report, slug, out, lang, done)
    _jacobians(report, slug, out, lang, done)
    if eigen is not None and report.error is None:
        _eigen(report, eigen, slug, out, lang, done)
    try:
        if stepped is not None and stepped.error is not None and report.error is None:
            raise RenderError(f"{stepped.error.kind}: {said_error(stepped.error, lang)}")   # a time limit
        gif = steps_gif(stepped, lang) if stepped is not None else None
    except RenderError as exc:
        done.problems.append(messages.text(lang, "present.cli_failed", name=slug, figure="steps .gif",
                                           reason=exc))
        gif = None
    if gif is not None:
        _write(out, file_name(slug, f"{gif[0]}-steps", "gif"), gif[1], done)
    return done


def run(args: argparse.Namespace, runner: Any, io: Any) -> int:
    lang = args.lang
    try:
        text, slug = resolve(args.source, lang)
    except ValueError as exc:
        io.stderr.write(f"autogradlab: {exc}\n")
        return EXIT_USAGE
    try:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        io.stderr.write("autogradlab: " + messages.text(lang, "present.cli_out", out=args.out,
                                                        reason=exc.strerror or exc) + "\n")
        return EXIT_USAGE
    is_file = Path(args.source).is_file()
    seed = args.seed if args.seed is not None else 0 if is_file else entry_seed(args.source)
    done = export_program(text, slug, args.out, lang, seed=seed, runner=runner,
                          eigen=None if is_file else eigen_var(args.source))
    for path in done.written:
        io.stdout.write(messages.text(lang, "present.cli_wrote", path=path) + "\n")
    if done.error:
        io.stderr.write(f"{args.source}: {done.error}\n")
    for problem in done.problems:
        io.stderr.write(problem + "\n")
    return EXIT_OK if done.ok else EXIT_PROGRAM_FAILED

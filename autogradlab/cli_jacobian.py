"""`python -m autogradlab jacobian [--json] [--seed N] [--of NAME --wrt NAME] [-o OUT] FILE...`

One JSON line per FILE (a contract other tools read):
{"source", "ok", "error", "jacobians": [{"index", "line", "text", "input_shape", "output_shape",
 "shape", "dtype", "value", "strategy", "why", "checks": {"fd_max_error", "vjp_max_error",
 "jvp_max_error"}, "timing_ms"}]}
Tuple inputs: input_shape, shape, dtype and value are lists, one per input; tuple outputs: one list
per output around those. "jacobians" holds the jacobian(...) calls (and dY/dX) only; a program whose
torch.func jacrev/jacfwd/hessian (or autograd's hessian) calls are drawn also gets "func_jacobians",
the same keys plus "kind" (jacobian|hessian) and "maker", numbered after "jacobians". Exit status as
for `run`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from autogradlab.jsonout import _float, array_to_json, error_to_json
from autogradlab.report import Report
from autogradlab.report_jacobian import JacobianRecord

EXIT_OK, EXIT_PROGRAM_FAILED, EXIT_USAGE = 0, 1, 2
FIGURE_FORMATS = ("png", "svg", "html")


def add_parser(commands: Any, add_run_options: Any) -> None:
    cmd = commands.add_parser("jacobian", help="every jacobian() call of a program: values, strategy, checks")
    cmd.add_argument("files", nargs="+", metavar="FILE", help="program file; - reads stdin")
    cmd.add_argument("--json", action="store_true", help="one JSON object per FILE, one per line")
    cmd.add_argument("--of", metavar="NAME", help="also dNAME/dWRT from the graph (needs --wrt)")
    cmd.add_argument("--wrt", metavar="NAME", help="the tensor to differentiate --of with respect to")
    cmd.add_argument("-o", dest="out", metavar="OUT", help="write the first heatmap: .png, .svg or .html")
    add_run_options(cmd)


def _per(record: JacobianRecord, per_block: Any) -> Any:
    """Nest a per-block value like torch's result: outputs outside, inputs inside."""
    rows = []
    for i in range(len(record.output_shapes)):
        cols = [per_block(i, j) for j in range(len(record.input_shapes))]
        rows.append(cols if record.input_is_tuple else cols[0])
    return rows if record.output_is_tuple else rows[0]


def _number(x: float | None) -> float | str | None:
    return None if x is None else _float(float(x))


def record_to_json(record: JacobianRecord) -> dict[str, Any]:
    ins = [list(s) for s in record.input_shapes]
    outs = [list(s) for s in record.output_shapes]
    return {
        "index": record.index, "line": record.line, "text": record.text,
        "input_shape": ins if record.input_is_tuple else ins[0],
        "output_shape": outs if record.output_is_tuple else outs[0],
        "shape": _per(record, lambda i, j: outs[i] + ins[j]),
        "dtype": record.dtypes if record.input_is_tuple else record.dtypes[0],
        "value": _per(record, lambda i, j: array_to_json(record.block(i, j))),
        "strategy": record.strategy, "why": record.why,
        "checks": {"fd_max_error": _number(record.checks.fd_max_error),
                   "vjp_max_error": _number(record.checks.vjp_max_error),
                   "jvp_max_error": _number(record.checks.jvp_max_error)},
        "timing_ms": _float(round(float(record.timing_ms), 3)),
    }


def report_to_json(report: Report) -> dict[str, Any]:
    out = {"source": report.source, "ok": bool(report.ok), "error": error_to_json(report.error),
           "jacobians": [record_to_json(r) for r in report.jacobians if not r.maker]}
    made = [{**record_to_json(r), "kind": r.kind, "maker": r.maker} for r in report.jacobians if r.maker]
    if made:   # only then: a program without torch.func calls prints exactly the keys it always did
        out["func_jacobians"] = made
    return out


def _check_text(record: JacobianRecord) -> str:
    c = record.checks
    named = (("fd", c.fd_max_error), ("vjp", c.vjp_max_error), ("jvp", c.jvp_max_error))
    parts = [f"{name} {value:.1e}" for name, value in named if value is not None]
    mark = "ok" if c.passed() else "WARNING"
    return f"{mark} ({', '.join(parts) or 'not checked'})"


def format_table(name: str, report: Report, *, heading: bool) -> str:
    lines = [f"==> {name} <=="] if heading else []
    if not report.jacobians:
        lines.append("no jacobian() call" + (" (the program failed)" if report.error else ""))
    for r in report.jacobians:
        rows, cols = r.shape
        where = f"line {r.line}" if r.line else "graph"
        lines.append(f"[{r.index}] {where}: {r.text}")
        lines.append(f"    J {rows} x {cols} {'/'.join(dict.fromkeys(r.dtypes))}, {r.strategy}, "
                     f"{r.timing_ms:.2f} ms, checks {_check_text(r)}")
        lines.append(f"    why: {r.why}")
        if rows * cols <= 64:
            for row in r.matrix:
                lines.append("    " + "  ".join(f"{v:10.4g}" for v in row))
    lines.extend(f"note: {n}" for n in report.notes if n.startswith("d"))
    return "\n".join(lines) + "\n"


def write_figure(report: Report, out: str) -> str | None:
    """Write the first entry's heatmap; returns a problem in words, or None."""
    if not report.jacobians:
        return "no Jacobian to draw"
    from autogradlab.render.heatmap import SLIDE, SLIDE_TITLE_CHARS, jacobian_figure
    from autogradlab.render.heatmap_file import file_figure

    path = Path(out)
    fmt = path.suffix.lower().lstrip(".")
    # A page (html) keeps the screen's text; a slide's file (png, svg, pdf) gets text sized for 1600×900.
    fig = jacobian_figure(report.jacobians[0], line_chars=SLIDE_TITLE_CHARS) if fmt == "html" else \
        file_figure(report.jacobians[0], SLIDE["width"], SLIDE["height"])
    try:
        if fmt == "html":
            fig.write_html(str(path), include_plotlyjs=True)   # opens offline (a classroom)
        else:
            fig.write_image(str(path), format=fmt, **SLIDE)
    except Exception as exc:  # noqa: BLE001 - e.g. no image engine installed
        return f"cannot write {out}: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    return None


def jacobian_command(args: argparse.Namespace, runner: Any, io: Any, read_programs: Any,
                     usage_error: type[Exception], internal_report: Any) -> int:
    if (args.of is None) != (args.wrt is None):
        raise usage_error("--of and --wrt go together")
    if args.out and Path(args.out).suffix.lower().lstrip(".") not in FIGURE_FORMATS:
        raise usage_error(f"{args.out}: unknown figure format; use .png, .svg or .html")
    programs = read_programs(args.files, io.stdin)
    status = EXIT_OK
    of_wrt = (args.of, args.wrt) if args.of else None
    for k, (name, source) in enumerate(programs):
        try:
            kwargs = {"jacobian_of": of_wrt} if of_wrt else {}
            report = runner.run(source, seed=args.seed, output=args.output, timeout=args.timeout, **kwargs)
            text = (json.dumps(report_to_json(report), allow_nan=False, ensure_ascii=False) + "\n"
                    if args.json else format_table(name, report, heading=len(programs) > 1))
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # noqa: BLE001 - this file's internal error; the next still run
            report = internal_report(source, exc, seed=args.seed)
            text = json.dumps(report_to_json(report)) + "\n" if args.json else format_table(name, report,
                                                                                          heading=True)
        io.stdout.write(text)
        if report.error is not None:
            e = report.error
            io.stderr.write(f"{name}{f':{e.line}' if e.line else ''}: {e.kind}: {e.message}\n")
        dydx_missing = of_wrt and not any(r.line == 0 for r in report.jacobians) and report.ok
        if dydx_missing:
            io.stderr.write("".join(f"{name}: {n}\n" for n in report.notes if n.startswith(f"d{args.of}/")))
        if not report.ok or dydx_missing:
            status = EXIT_PROGRAM_FAILED
        if args.out and k == 0:
            problem = write_figure(report, args.out)
            if problem:
                io.stderr.write(f"{name}: {problem}\n")
                status = EXIT_PROGRAM_FAILED
        io.stdout.flush()
    return status

"""`python -m autogradlab run|graph ...`: the command line, and the contract the acceptance tests use.

Exit status: 0 when every program ran, 1 when any failed (a user error, a limit, a crash), 2 for bad
usage (unknown options, missing files, an unknown output format). Never a traceback: programs run in
the sandbox; anything unexpected while handling one FILE becomes that file's error of kind "internal"
(its JSON line or its `file: internal: ...` line) and the next FILEs still run; anything unexpected
outside them becomes one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from autogradlab import eigen_cli, messages  # torch-free: a typed matrix needs no sandbox
from autogradlab.cli_input import read_bounded, read_file_bounded, too_long
from autogradlab.cli_text import TerminalSafe, format_error, format_summary, json_terminal_safe, terminal_safe
from autogradlab.limits import DEFAULT_LIMITS, STEPS_JOB_TIME_FACTOR
from autogradlab.links import MAX_SEED
from autogradlab.report import ErrorInfo, Report

GRAPH_FORMATS = ("svg", "png", "pdf", "dot")
EXIT_OK, EXIT_PROGRAM_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage the user can fix (exit status 2)."""


class Runner(Protocol):
    def run(self, source: str, *, seed: int = 0, output: str | None = None,
            timeout: float | None = None, session: str | None = None) -> Report: ...


@dataclass
class Streams:
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError(f"the timeout must be between 0 and 600 seconds, got {text}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m autogradlab",
                                     description="Run small PyTorch programs safely and show their "
                                                 "autograd graph.")
    commands = parser.add_subparsers(dest="command", required=True,
                                     metavar="{run,graph,jacobian,eigen,export,gallery}")

    run = commands.add_parser("run", help="run programs and print their results")
    run.add_argument("files", nargs="+", metavar="FILE", help="program file; - reads stdin")
    run.add_argument("--json", action="store_true", help="one JSON object per FILE, one per line")
    run.add_argument("--max-values", type=_count, metavar="N",
                     help="with --json: write a tensor's or array's value (and grad) of more than N elements "
                          "as null, and a list or tuple of more than N items as its first N with "
                          "\"truncated\": true (default: every value in full)")
    _add_run_options(run)
    from autogradlab.steps_json import add_steps_arguments
    add_steps_arguments(run)

    graph = commands.add_parser("graph", help="run a program and draw its autograd graph")
    graph.add_argument("files", nargs=1, metavar="FILE", help="program file; - reads stdin")
    graph.add_argument("-o", dest="out", required=True, metavar="OUT",
                       help="where to write the graph: .svg, .png, .pdf or .dot")
    graph.add_argument("--style", choices=("annotated", "torchviz"), default="annotated")
    _add_run_options(graph)
    eigen_cli.add_parser(commands)
    from autogradlab.cli_jacobian import add_parser as add_jacobian_parser
    add_jacobian_parser(commands, _add_run_options)
    from autogradlab import export_cli  # issue 10: every figure of a program or gallery entry
    export_cli.add_parser(commands)
    from autogradlab import gallery_cli
    gallery_cli.add_parser(commands)
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", metavar="NAME", help="the variable to use as the output tensor")
    parser.add_argument("--timeout", type=_positive_seconds, metavar="S",
                        help=f"wall-time limit in seconds (default {DEFAULT_LIMITS.timeout_s:g}; a run with "
                             f"--steps runs the program twice and its worker stops it after "
                             f"{STEPS_JOB_TIME_FACTOR:g}× this)")
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="random seed (default 0)")


# --- input (the text output: cli_text.py) ---------------------------------------------------------

def _bounded(name: str, text: str | None) -> str:
    if text is None:
        raise UsageError(too_long(name))
    return text


def _read_programs(files: list[str], stdin: TextIO) -> list[tuple[str, str]]:
    """(display name, source) for every FILE, all read before anything runs."""
    programs = []
    for name in files:
        if name == "-":
            programs.append(("<stdin>", _bounded("<stdin>", read_bounded(stdin))))
            continue
        try:
            programs.append((name, _bounded(name, read_file_bounded(name))))
        except FileNotFoundError:
            raise UsageError(f"{name}: no such file") from None
        except UnicodeDecodeError:
            raise UsageError(f"{name}: not UTF-8 text") from None
        except OSError as exc:
            raise UsageError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    return programs


# --- commands -------------------------------------------------------------------------------------

def _run_command(args: argparse.Namespace, runner: Runner, io: Streams) -> int:
    from autogradlab.steps_json import step_options
    try:
        args.step_options = step_options(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    programs = _read_programs(args.files, io.stdin)
    status = EXIT_OK
    for name, source in programs:
        report, text, errors = _run_one(args, runner, name, source, heading=len(programs) > 1)
        io.stdout.write(text)
        io.stderr.write(errors)
        io.stdout.flush()
        if not report.ok:
            status = EXIT_PROGRAM_FAILED
    return status


def _run_one(args: argparse.Namespace, runner: Runner, name: str, source: str,
             *, heading: bool) -> tuple[Report, str, str]:
    """Run one FILE and format it: (report, stdout text, stderr text).

    A bug in Autograd Lab while running or writing this one file becomes that file's "internal"
    error, so its line is still printed and the next FILEs still run. The text is built completely
    before anything is written, so a failure never leaves half a JSON line behind."""
    try:
        steps = {"steps": args.step_options} if getattr(args, "step_options", None) else {}
        report = runner.run(source, seed=args.seed, output=args.output, timeout=args.timeout, **steps)
        if steps and report.steps is not None and report.steps.direction_error:
            raise UsageError(f"{name}: {report.steps.direction_error}")
        if steps and report.steps is None and args.step_options.direction and report.ok:
            raise UsageError(f"{name}: --direction {args.step_options.direction[0][0]}: the program has no "
                             "output tensor with leaves")
        return report, *_format_one(args, name, report, heading=heading)
    except (KeyboardInterrupt, BrokenPipeError, UsageError):
        raise
    except Exception as exc:  # noqa: BLE001 - reported as this file's internal error
        report = internal_error_report(source, exc, seed=args.seed)
        return report, *_format_one(args, name, report, heading=heading)


def _format_one(args: argparse.Namespace, name: str, report: Report, *, heading: bool) -> tuple[str, str]:
    if args.json:
        from autogradlab.jsonout import report_to_json

        line = report_to_json(report, getattr(args, "max_values", None))
        if getattr(args, "step_options", None):
            from autogradlab.steps_json import steps_to_json
            line["steps"] = steps_to_json(report.steps)
        return json.dumps(line, allow_nan=False, ensure_ascii=False) + "\n", ""
    errors = format_error(name, report) + "\n" if report.error is not None else ""
    return format_summary(name, report, heading=heading), errors


def internal_error_report(source: str, exc: BaseException, *, seed: int = 0) -> Report:
    """A failed report for a file Autograd Lab itself could not handle: kind "internal", the
    exception in plain words (its type and first 300 characters on one line, never a traceback)."""
    try:
        detail = " ".join(str(exc).split())   # one line, whatever the exception's text holds
    except Exception:  # noqa: BLE001 - an exception whose text fails is named by its type
        detail = ""
    detail = detail if len(detail) <= 300 else detail[:300] + "..."
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    error = ErrorInfo("internal", f"internal error in Autograd Lab: {what}",
                      hint="this is a bug in Autograd Lab, not in your program")
    return Report(source=source, ok=False, seed=seed, output=None, candidates=(), variables={},
                  printed="", error=error)


def _graph_command(args: argparse.Namespace, runner: Runner, io: Streams) -> int:
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"{args.out}: unknown graph format {out.suffix or '(none)'!r}; "
                         f"use one of {', '.join('.' + f for f in GRAPH_FORMATS)}")
    [(name, source)] = _read_programs(args.files, io.stdin)
    report = runner.run(source, seed=args.seed, output=args.output, timeout=args.timeout)
    if report.error is not None:
        io.stderr.write(format_error(name, report) + "\n")
    if args.style == "torchviz":
        dot = report.torchviz_dot
        if dot is None:
            reason = report.torchviz_error or "the program has no output tensor to draw"
            io.stderr.write(f"{name}: torchviz could not draw the graph: {reason}\n"
                            "  hint: try --style annotated\n")
            return EXIT_PROGRAM_FAILED
    else:
        if report.graph is None:
            if report.error is None:
                io.stderr.write(f"{name}: no graph to draw: no tensor in the program has a grad_fn\n")
            return EXIT_PROGRAM_FAILED
        from autogradlab.grad_returned import returned_by_node
        from autogradlab.render.dot import annotated_dot

        dot = annotated_dot(report.graph, max_nodes=DEFAULT_LIMITS.max_graph_nodes,
                            returned=returned_by_node(report))   # a grad()-only program: as the page draws it
    from autogradlab.render.export import RenderError, render_dot

    try:
        data = render_dot(dot, fmt)
    except RenderError as exc:
        io.stderr.write(f"{name}: {exc}\n")
        return EXIT_PROGRAM_FAILED
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"{args.out}: cannot write it ({exc.strerror or exc})") from None
    return EXIT_OK if report.ok else EXIT_PROGRAM_FAILED


def main(argv: list[str] | None = None, *, runner: Runner | None = None,
         streams: Streams | None = None) -> int:
    """Entry point; returns the exit status. `runner` replaces the sandbox pool (tests)."""
    io = streams or Streams(sys.stdin, sys.stdout, sys.stderr)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:   # argparse printed the usage and the problem
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    io = Streams(io.stdin, TerminalSafe(io.stdout, json_terminal_safe if getattr(args, "json", False)
                                        else terminal_safe), TerminalSafe(io.stderr, terminal_safe))
    if (seed := getattr(args, "seed", None)) is not None and not 0 <= seed <= MAX_SEED:
        # the app's range: beyond torch's 64 bits the worker's manual_seed said "internal error"
        shown = str(seed) if len(str(seed)) <= 24 else str(seed)[:21] + "..."
        lang = getattr(args, "lang", None) or "en"
        said = messages.text(lang, "present.cli_seed_range", high=f"{MAX_SEED:,}", seed=shown)
        io.stderr.write(f"autogradlab: {said}\n")
        return EXIT_USAGE
    pool = None
    try:
        if args.command == "eigen" and args.source_file is None:   # a typed matrix: no sandbox
            return eigen_cli.run(args, runner, io)
        if args.command == "gallery":   # reads lessons/gallery.toml: no sandbox
            from autogradlab import gallery_cli
            return gallery_cli.run(args, io)
        if runner is None:
            from autogradlab.sandbox import WorkerPool

            pool = runner = WorkerPool(size=1)
            pool.warm()   # torch imports in the worker while we read the files
        if args.command == "export":
            from autogradlab import export_cli
            return export_cli.run(args, runner, io)
        if args.command == "jacobian":
            from autogradlab.cli_jacobian import jacobian_command
            return jacobian_command(args, runner, io, _read_programs, UsageError, internal_error_report)
        command = {"run": _run_command, "graph": _graph_command, "eigen": eigen_cli.run}[args.command]
        return command(args, runner, io)
    except UsageError as exc:
        io.stderr.write(f"autogradlab: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        io.stderr.write("autogradlab: interrupted\n")
        return 130
    except BrokenPipeError:   # the reader went away (`... | head`): nothing left to tell it
        return EXIT_PROGRAM_FAILED
    except Exception as exc:   # a bug in Autograd Lab: one line, no traceback
        io.stderr.write(f"autogradlab: internal error ({type(exc).__name__}: {exc})\n")
        return EXIT_PROGRAM_FAILED
    finally:
        if pool is not None:
            pool.close()

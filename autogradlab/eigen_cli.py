"""`python -m autogradlab eigen MATRIX | --from FILE --var NAME [--json] [--power-iterations K] [-o OUT]`.

The JSON object is a contract other tools read exactly as written (issue 8):
{"matrix", "eigenvalues": [[re, im], ...], "eigenvectors": [{"value": [re, im], "vector": [[re, im], ...]}],
 "kind", "symmetric", "singular", "determinant", "trace",
 "power_iteration": {"converges", "dominant", "direction", "iterations", "why"}}
Bad input: exit 2 with one line (with --json: {"error": {"kind", "message"}}); a program that fails
(with --from): exit 1. Never a traceback. A typed MATRIX needs no sandbox (and no torch).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from autogradlab.cli_input import read_file_bounded, too_long
from autogradlab.engine.eigen import (
    DEFAULT_POWER_ITERATIONS,
    MAX_POWER_ITERATIONS,
    EigenAnalysis,
    EigenInputError,
    PowerIteration,
    analyse,
    matrix_from_values,
    power_iteration,
)
from autogradlab.engine.eigen_sources import matrix_value
from autogradlab.engine.eigen_words import describe, fmt, vec

EXIT_OK, EXIT_PROGRAM_FAILED, EXIT_USAGE = 0, 1, 2
FIGURE_FORMATS = ("png", "svg", "html")


class EigenUsageError(Exception):
    """Bad input the user can fix (exit status 2)."""


def add_parser(commands: Any) -> None:
    eigen = commands.add_parser("eigen", help="eigenvalues, eigenvectors and power iteration of a "
                                              "2×2 or 3×3 matrix")
    eigen.add_argument("matrix", nargs="?", metavar="MATRIX", help="a JSON nested list, e.g. [[2,1],[1,2]]")
    eigen.add_argument("--from", dest="source_file", metavar="FILE", help="take the matrix from a program")
    eigen.add_argument("--var", metavar="NAME", help="the program's matrix variable (with --from)")
    eigen.add_argument("--json", action="store_true", help="one JSON object")
    eigen.add_argument("--power-iterations", type=int, default=DEFAULT_POWER_ITERATIONS, metavar="K",
                       help=f"power-iteration steps (default {DEFAULT_POWER_ITERATIONS})")
    eigen.add_argument("-o", dest="out", metavar="OUT", help="write the figure: .png, .svg or .html")
    eigen.add_argument("--seed", type=int, default=0, metavar="N", help="random seed of the program")
    eigen.add_argument("--lang", choices=("en", "zh"), default="en",
                       help="language of the sentences and of power iteration's why (default en)")


def _pair(z: complex) -> list[float]:
    return [float(z.real), float(z.imag)]


def to_json(an: EigenAnalysis, power: PowerIteration) -> dict[str, Any]:
    return {
        "matrix": an.matrix.tolist(),
        "eigenvalues": [_pair(z) for z in an.eigenvalues],
        "eigenvectors": [{"value": _pair(s.value), "vector": [_pair(complex(x)) for x in v]}
                         for s in an.spaces for v in s.vectors],
        "kind": an.kind,
        "symmetric": an.symmetric,
        "singular": an.singular,
        "determinant": an.determinant,
        "trace": an.trace,
        "power_iteration": {
            "converges": power.converges,
            "dominant": None if power.dominant is None else _pair(power.dominant),
            "direction": None if power.direction is None else [float(x) for x in power.direction],
            "iterations": power.iterations,
            "why": power.why,
        },
    }


def to_text(an: EigenAnalysis, power: PowerIteration, lang: str = "en") -> str:
    rows = "\n".join("  [" + ", ".join(fmt(x, 6) for x in row) + "]" for row in an.matrix)
    lines = [f"matrix:\n{rows}", f"kind: {an.kind}" + "".join(
        f", {flag}" for flag, on in (("symmetric", an.symmetric), ("singular", an.singular)) if on)]
    lines.append("eigenvalues: " + ", ".join(fmt(z, 6) for z in an.eigenvalues))
    for s in an.spaces:
        for v in s.vectors:
            lines.append(f"  λ = {fmt(s.value, 6)}: v = {vec(v, 6)}")
    lines.extend(describe(an, lang))
    verdict = "converges" if power.converges else "does not converge"
    lines.append(f"power iteration ({power.iterations} steps): {verdict}: {power.why}")
    return "\n".join(lines) + "\n"


def _matrix_from_argument(text: str) -> EigenAnalysis:
    try:
        rows = json.loads(text)
    except (ValueError, RecursionError):
        raise EigenUsageError(f"MATRIX is not JSON: {text[:60]!r} (write e.g. [[2,1],[1,2]])") from None
    return analyse(rows)


def _matrix_from_program(args: argparse.Namespace, runner: Any) -> EigenAnalysis:
    if not args.var:
        raise EigenUsageError("--from FILE needs --var NAME (the program's matrix variable)")
    try:
        source = read_file_bounded(args.source_file)
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or exc
        raise EigenUsageError(f"{args.source_file}: cannot read it ({why})") from None
    if source is None:
        raise EigenUsageError(too_long(args.source_file))
    report = runner.run(source, seed=args.seed)
    if report.error is not None:
        raise ProgramFailed(f"{args.source_file}: {report.error.kind}: {report.error.message}")
    value = report.variables.get(args.var)
    if value is None:
        raise EigenUsageError(f"{args.source_file}: no variable named {args.var!r} after the program ran")
    data = matrix_value(value)   # a tensor's or a real NumPy array's values (engine/eigen_sources.py)
    if data is None:
        raise EigenUsageError(f"{args.source_file}: `{args.var}` is not a tensor")
    return analyse(matrix_from_values(data, args.var))


class ProgramFailed(Exception):
    """The program of --from failed (exit status 1)."""


def _write_figure(out: str, an: EigenAnalysis, power: PowerIteration) -> None:
    fmt_ = Path(out).suffix.lower().lstrip(".")
    if fmt_ not in FIGURE_FORMATS:
        raise EigenUsageError(f"{out}: unknown figure format; use .png, .svg or .html")
    from autogradlab.render.eigen_plot import export_figure

    try:
        Path(out).write_bytes(export_figure(an, power, fmt_))
    except OSError as exc:
        raise EigenUsageError(f"{out}: cannot write it ({exc.strerror or exc})") from None
    except RuntimeError as exc:
        raise ProgramFailed(f"{out}: {exc}") from None


def run(args: argparse.Namespace, runner: Any, io: Any) -> int:
    """The `eigen` command; `runner` (the sandbox) is only used for --from."""
    try:
        if (args.matrix is None) == (args.source_file is None):
            raise EigenUsageError("give either MATRIX (e.g. [[2,1],[1,2]]) or --from FILE --var NAME")
        if not 0 <= args.power_iterations <= MAX_POWER_ITERATIONS:
            raise EigenUsageError(f"--power-iterations must be between 0 and {MAX_POWER_ITERATIONS}")
        if args.matrix is not None:
            an = _matrix_from_argument(args.matrix)
        else:
            an = _matrix_from_program(args, runner)
        lang = getattr(args, "lang", "en")
        power = power_iteration(an, iterations=args.power_iterations, lang=lang)
        if args.out:
            _write_figure(args.out, an, power)
    except (EigenUsageError, EigenInputError) as exc:
        return _fail(io, args, "usage", str(exc), EXIT_USAGE)
    except ProgramFailed as exc:
        return _fail(io, args, "program", str(exc), EXIT_PROGRAM_FAILED)
    if args.json:
        io.stdout.write(json.dumps(to_json(an, power), allow_nan=False, ensure_ascii=False) + "\n")
    else:
        io.stdout.write(to_text(an, power, lang))
    return EXIT_OK


def _fail(io: Any, args: argparse.Namespace, kind: str, message: str, status: int) -> int:
    message = " ".join(message.split())
    if args.json:
        io.stdout.write(json.dumps({"error": {"kind": kind, "message": message}}, ensure_ascii=False) + "\n")
    else:
        io.stderr.write(f"autogradlab eigen: {message}\n")
    return status

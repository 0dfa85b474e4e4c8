"""The Steps, Jacobian and Eigen pages' core data on many programs, against plain PyTorch.

For every program of tests/programs/manifest.py (lessons, tutorials, loop programs) and the corpus
notebooks given on the command line (bench/tutorial_cells.py format: the cells the engine runs, in
order, and the prefixes ending at each cell that calls backward()), in-process (no Streamlit):

- steps: run_program(steps=StepOptions(direction=ones on the graph's named leaves,
  backward_if_missing=True)): reverse adjoints of named tensors and the output tangent J·v against
  torch.autograd.grad at the same backward() (bench/views_oracle.py);
- jacobian: every jacobian() record against torch.autograd.functional.jacobian's result at the same
  line, and dY/dX (run_program(jacobian_of=...)) of the page's default Y against each leaf X;
- eigen: every 2×2/3×3 matrix variable's analysis against torch.linalg.eig, and each top-level
  function's Jacobian at (1, 1) (the page's generated program) against the same program in Python.

Each view's outcome: built / equal / differs / internal / stopped (a refusal or a note; its text is
listed). CPU time per view and program (time.process_time) and the slowest are printed.

`python3 -m bench.views_sweep [--only SUBSTR] [--grad] [--jsonl OUT] [CORPUS_FILE...]`
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass

import numpy as np
import torch

from autogradlab.engine import eigen_sources as sources
from autogradlab.engine import run_program
from autogradlab.engine.eigen import EigenInputError, analyse
from autogradlab.limits import Limits
from autogradlab.report import TensorValue
from autogradlab.step_records import StepOptions
from bench import views_oracle as oracle

CELL = re.compile(r"^# ---- cell (\d+)[^\n]*$", re.MULTILINE)
GRAD_CALL = re.compile(r"autograd\.grad\(|(?<![\w.])grad\(")   # autograd.grad(...), an imported grad(...)


@dataclass
class Program:
    name: str
    source: str
    seed: int = 0
    timeout_s: float | None = None
    oracle: bool = True


def manifest_programs() -> list[Program]:
    from tests.programs.manifest import PROGRAMS, TUTORIALS
    out = []
    for spec in (*PROGRAMS, *TUTORIALS):
        out.append(Program(spec.file, spec.source, spec.seed, spec.timeout_s, spec.oracle))
    return out


def corpus_programs(path: str) -> list[Program]:
    """The cells the engine runs without an error, in order (a failing cell is left out, as
    bench/tutorial_cells.py does); the whole and each prefix ending at a cell with backward()."""
    text = open(path, encoding="utf-8").read()
    marks = list(CELL.finditer(text))
    if not marks:
        return [Program(path.rsplit("/", 1)[-1], text)]
    cells = [text[m.start():marks[i + 1].start() if i + 1 < len(marks) else len(text)]
             for i, m in enumerate(marks)]
    kept: list[str] = [text[:marks[0].start()]]
    out = []
    name = path.rsplit("/", 1)[-1]
    for number, cell in zip((m.group(1) for m in marks), cells, strict=True):
        trial = "".join(kept) + cell
        report = run_program(trial, limits=Limits(timeout_s=20))
        if not report.ok:
            continue
        kept.append(cell)
        if "backward(" in cell or "jacobian" in cell:
            out.append(Program(f"{name}@{number}", trial))
    out.append(Program(f"{name}@all", "".join(kept)))
    return out


def close(a: object, b: object, rtol: float = 1e-4, atol: float = 1e-5) -> bool:
    a, b = np.asarray(a, dtype=np.complex128), np.asarray(b, dtype=np.complex128)
    if a.shape != b.shape and a.size == b.size == 1:
        a, b = a.reshape(()), b.reshape(())
    if a.shape != b.shape:
        return False
    scale = max(1.0, float(np.max(np.abs(b)))) if b.size else 1.0
    return bool(np.allclose(a, b, rtol=rtol, atol=atol * scale, equal_nan=True))


def cpu(fn):
    start = time.process_time()
    value = fn()
    return value, time.process_time() - start


def internal(report) -> str | None:
    if report.error is not None and report.error.kind == "internal":
        return report.error.message[:200]
    bad = [n for n in report.notes if "could not be built" in n or "internal" in n.lower()]
    return bad[0][:200] if bad else None


def limits_of(p: Program) -> Limits:
    return Limits(timeout_s=p.timeout_s) if p.timeout_s is not None else Limits()


def steps_view(p: Program, plain, views, default: bool = False) -> dict:
    """default: the page's own first view (no direction: e₁ of the first leaf), else ones on every
    named leaf of the graph with the toggle's backward."""
    leaves = [n for n in (plain.graph.nodes if plain.graph else ()) if n.kind == "leaf" and n.var]
    direction = () if default else tuple((n.var, np.ones(n.shape).tolist()) for n in leaves)
    options = StepOptions() if default else StepOptions(direction=direction, backward_if_missing=True)
    report, seconds = cpu(lambda: run_program(p.source, seed=p.seed, steps=options, limits=limits_of(p)))
    row = {"view": "steps_e1" if default else "steps", "cpu": seconds}
    bad = internal(report)
    if bad:
        return {**row, "outcome": "internal", "why": bad}
    steps = report.steps
    if plain.graph is None or not plain.ok:
        return {**row, "outcome": "n/a"}
    if steps is None:
        return {**row, "outcome": "stopped", "why": "no steps: " + "; ".join(report.notes)[:200]}
    if not report.ok:   # the steps run stopped where the plain run did not (its time limit)
        return {**row, "outcome": "stopped", "why": f"run: {report.error.kind}: {report.error.message[:200]}"}
    why = []
    if steps.direction_error:
        why.append("direction: " + steps.direction_error)
    if (direction or default) and steps.tangent is None and leaves:
        why.append("no tangent: " + "; ".join(steps.notes)[:200])
    if views is None:
        return {**row, "outcome": "stopped" if why else "built", "why": "; ".join(why)}
    # the oracle's backward at the same line (its last one there), or the toggle's at the end
    if steps.synthetic_backward or steps.backward_line is None:
        names = sorted({s.var for s in steps.reverse if s.var} | {n for n, _ in direction})
        back = oracle.final_adjoints(views, report.output, names) if report.output else None
    else:
        at = [b for b in views.backwards if b.line == steps.backward_line]
        back = at[-1] if at else None
    if back is None:
        return {**row, "outcome": "stopped" if why else "built", "why": "; ".join(why) or "no oracle"}
    differs = []
    labels = Counter(s.var for s in steps.reverse if s.var)
    compared = 0
    for s in steps.reverse:
        if not s.var or s.var not in back.adjoints or s.adjoint.value is None:
            continue
        if s.grad_fn != "AccumulateGrad" and labels[s.var] > 1:
            continue
        compared += 1
        if not close(s.adjoint.value, back.adjoints[s.var]):
            mine = np.asarray(s.adjoint.value).ravel()[:4]
            real = back.adjoints[s.var].ravel()[:4]
            differs.append(f"adjoint {s.var} (line {s.line}): engine {mine} torch {real}")
    trace = steps.tangent
    stopped = any("forward mode stopped" in n or "too many values" in n for n in steps.notes)
    if trace is not None and trace.output_tangent is not None and back.jv is not None \
            and trace.output_tangent.value is not None and not stopped:
        asked = {n: np.asarray(v) for n, v in direction}
        given = {n: np.asarray(t.value) if t.value is not None else asked.get(n) for n, t in trace.direction}
        if given and all(v is not None for v in given.values()) and set(given) <= set(back.jv):
            jv = oracle.apply_jv(back.jv, given, np.shape(trace.output_tangent.value))
            compared += 1
            if not close(trace.output_tangent.value, jv):
                differs.append(f"J·v: engine {np.asarray(trace.output_tangent.value).ravel()[:4]} "
                               f"torch {np.ravel(jv)[:4]} (direction {sorted(given)})")
    outcome = "differs" if differs else ("equal" if compared else ("stopped" if why else "built"))
    return {**row, "outcome": outcome, "why": "; ".join(differs + why)[:600], "compared": compared}


def jacobian_view(p: Program, plain, views, plain_cpu: float) -> list[dict]:
    rows = []
    records = [r for r in plain.jacobians if r.line != 0]
    if records or (views and views.jacobians):
        row = {"view": "jacobian", "cpu": plain_cpu, "calls": len(records)}
        bad = internal(plain)
        if bad:
            rows.append({**row, "outcome": "internal", "why": bad})
        elif views is None:
            rows.append({**row, "outcome": "built"})
        else:
            differs = []
            theirs = [(line, r) for line, r in views.jacobians]
            if len(theirs) != len(records):
                differs.append(f"{len(records)} records, torch made {len(theirs)} calls "
                               f"(lines {[r.line for r in records]} vs {[ln for ln, _ in theirs]})")
            for rec, (line, result) in zip(records, theirs, strict=False):
                if rec.line != line:
                    differs.append(f"record line {rec.line} != call line {line}")
                    continue
                blocks = oracle.jacobian_blocks(result, rec.output_is_tuple, rec.input_is_tuple)
                for (i, j), real in blocks.items():
                    try:
                        mine = rec.block(i, j)
                    except Exception as exc:  # noqa: BLE001
                        differs.append(f"line {line} block {i},{j}: {exc}")
                        continue
                    if not close(mine, real):
                        differs.append(f"line {line} block {i},{j}: engine {np.ravel(mine)[:4]} "
                                       f"torch {np.ravel(real)[:4]}")
            rows.append({**row, "outcome": "differs" if differs else "equal",
                         "why": "; ".join(differs)[:600]})
    # dY/dX: the page's default Y (the last variable with a grad_fn) against each leaf X (up to 3)
    tensors = {n: v for n, v in plain.variables.items() if isinstance(v, TensorValue)}
    ys = [n for n, v in tensors.items() if v.grad_fn is not None]
    xs = [n for n, v in tensors.items() if v.requires_grad and v.is_leaf]
    if not records and ys and xs:
        for x in xs[:3]:
            report, seconds = cpu(lambda x=x: run_program(p.source, seed=p.seed, limits=limits_of(p),
                                                          jacobian_of=(ys[-1], x)))
            row = {"view": "dydx", "cpu": seconds, "pair": f"{ys[-1]}/{x}"}
            bad = internal(report)
            found = [r for r in report.jacobians if r.line == 0]
            if bad:
                rows.append({**row, "outcome": "internal", "why": bad})
                continue
            if not found:
                note = next((n for n in report.notes if n.startswith("d")), "; ".join(report.notes))
                rows.append({**row, "outcome": "stopped", "why": note[:300]})
                continue
            real = oracle.dydx(views, ys[-1], x) if views else None
            if real is None:
                rows.append({**row, "outcome": "built", "why": "no oracle"})
            elif close(found[0].matrix, real):
                rows.append({**row, "outcome": "equal"})
            else:
                rows.append({**row, "outcome": "differs", "why": f"engine {found[0].matrix.ravel()[:6]} "
                                                                 f"torch {real.ravel()[:6]}"})
    return rows


def eigen_view(p: Program, plain, views) -> list[dict]:
    rows = []
    for var in sources.matrix_variables(plain):
        start = time.process_time()
        row = {"view": "eigen", "var": var}
        try:
            an = analyse(sources.matrix_from_report(plain, var))
        except EigenInputError as exc:
            rows.append({**row, "cpu": time.process_time() - start, "outcome": "stopped", "why": str(exc)})
            continue
        except Exception as exc:  # noqa: BLE001
            rows.append({**row, "cpu": time.process_time() - start, "outcome": "internal", "why": repr(exc)})
            continue
        row["cpu"] = time.process_time() - start
        real = views.run.namespace.get(var) if views else None
        if real is None:
            rows.append({**row, "outcome": "built"})
            continue
        m = torch.as_tensor(np.asarray(real.detach() if isinstance(real, torch.Tensor) else real),
                            dtype=torch.float64)
        values = torch.linalg.eigvals(m).numpy()
        mine = np.asarray(an.eigenvalues)
        key = lambda z: (round(z.real, 6), round(z.imag, 6))  # noqa: E731
        problems = []
        if not close(sorted(mine, key=key), sorted(values, key=key), rtol=1e-6, atol=1e-8):
            problems.append(f"eigenvalues engine {mine} torch {values}")
        for space in an.spaces:
            for v in space.vectors:
                res = np.linalg.norm(m.numpy() @ v - space.value * v)
                if res > 1e-6 * max(1.0, np.abs(m.numpy()).max()):
                    problems.append(f"|Av-λv|={res:.2g} for λ={space.value}")
        rows.append({**row, "outcome": "differs" if problems else "equal", "why": "; ".join(problems)})
    for fn in sources.functions_in(p.source)[:3]:
        program = sources.jacobian_program(p.source, fn, (1.0, 1.0))
        report, seconds = cpu(lambda program=program: run_program(program, seed=p.seed, limits=limits_of(p)))
        row = {"view": "eigen_fn", "fn": fn, "cpu": seconds}
        bad = internal(report)
        if bad:
            rows.append({**row, "outcome": "internal", "why": bad})
            continue
        try:
            got = sources.matrix_from_report(report, sources.JACOBIAN_VAR)
        except EigenInputError as exc:
            rows.append({**row, "outcome": "stopped", "why": str(exc)[:300]})
            continue
        if views is None:
            rows.append({**row, "outcome": "built"})
            continue
        real = oracle.run_views(program, p.seed).run
        value = real.namespace.get(sources.JACOBIAN_VAR)
        if real.error is not None or value is None:
            rows.append({**row, "outcome": "differs", "why": f"torch failed: {real.error!r}"[:300]})
        elif close(got, value.numpy()):
            rows.append({**row, "outcome": "equal"})
        else:
            rows.append({**row, "outcome": "differs",
                         "why": f"engine {got.ravel()} torch {value.numpy().ravel()}"})
    return rows


def sweep_one(p: Program) -> list[dict]:
    plain, plain_cpu = cpu(lambda: run_program(p.source, seed=p.seed, limits=limits_of(p)))
    views = None
    if p.oracle:
        views = oracle.run_views(p.source, p.seed)
        if (views.run.error is None) != plain.ok:   # the run path differs: nothing to compare views with
            views = None
    rows = [steps_view(p, plain, views), steps_view(p, plain, views, default=True),
            *jacobian_view(p, plain, views, plain_cpu),
            *eigen_view(p, plain, views)]
    return [{"program": p.name, **r} for r in rows]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="*")
    parser.add_argument("--only", default="")
    parser.add_argument("--no-manifest", action="store_true")
    parser.add_argument("--jsonl", default="")
    parser.add_argument("--fuzz", type=int, default=0, help="also this many random loop programs")
    parser.add_argument("--grad", action="store_true", help="only programs calling torch.autograd.grad")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    programs = [] if args.no_manifest else manifest_programs()
    if args.fuzz:
        import random

        from tests.skim_programs import make_loop_program
        rng = random.Random(33)
        programs += [Program(f"fuzz_loop_{i}.py", make_loop_program(rng), timeout_s=30)
                     for i in range(args.fuzz)]
    for path in args.corpus:
        programs += corpus_programs(path)
    programs = [p for p in programs if args.only in p.name and (not args.grad or GRAD_CALL.search(p.source))]
    out = open(args.jsonl, "a", encoding="utf-8") if args.jsonl else None
    rows = []
    for p in programs:
        try:
            got = sweep_one(p)
        except Exception as exc:  # noqa: BLE001 - the sweep's own failure, reported as such
            got = [{"program": p.name, "view": "sweep", "outcome": "internal", "why": repr(exc)[:300],
                    "cpu": 0}]
        for r in got:
            if r["outcome"] in ("differs", "internal", "stopped"):
                print(f"{r['program']:50} {r['view']:9} {r['outcome']:8} {r.get('why', '')}", flush=True)
            if out:
                out.write(json.dumps(r, default=str) + "\n")
                out.flush()
        rows += got
    summarize(rows)


def summarize(rows: list[dict]) -> None:
    counts: dict[str, Counter] = {}
    for r in rows:
        counts.setdefault(r["view"], Counter())[r["outcome"]] += 1
    for view, c in counts.items():
        print(f"{view:9} " + "  ".join(f"{k} {v}" for k, v in sorted(c.items())))
    slow = sorted(rows, key=lambda r: -r.get("cpu", 0))[:15]
    print("slowest (CPU s):")
    for r in slow:
        print(f"  {r.get('cpu', 0):6.2f}  {r['view']:9} {r['program']}")


if __name__ == "__main__":
    sys.exit(main())

"""What the skim reads from a loop's source, worked out once per parsed tree (issue 9).

pass_checks.py asks of every loop it may skim whether the program allows the pass-aware window
(pass_local.program_facts, a walk of the whole tree), whether the loop's body is pass-local
(pass_local_body) and which of its lines run every pass (steady_lines). Each answer is a pure function of the
nodes it reads, and nobody writes to a parsed tree (engine/parsed_programs.py), so the answers are
kept per node (weakly: they go with the tree) and a process that runs the same text again (the
in-process engine, tests, the CLI, a sandbox job's rerun for dY/dX) reads them instead of walking
the tree again: ~0.1-0.2 ms of a short loop's in-process run. A new tree (a sandbox job's first run,
an edited program) walks as before. pass_local_body's answer also depends on the names the program
defines: it is kept with them and used only for the same names.
"""

from __future__ import annotations

import ast
import weakref

from autogradlab.engine.pass_local import pass_local_body, program_facts, steady_lines

_PROGRAM: weakref.WeakKeyDictionary[ast.AST, tuple[bool, frozenset[str]]] = weakref.WeakKeyDictionary()
_LOCAL: weakref.WeakKeyDictionary[ast.AST, tuple[frozenset[str], bool]] = weakref.WeakKeyDictionary()
_STEADY: weakref.WeakKeyDictionary[ast.AST, frozenset[int]] = weakref.WeakKeyDictionary()


def program_facts_of(tree: ast.AST) -> tuple[bool, frozenset[str]]:
    """pass_local.program_facts(tree), once per tree."""
    found = _PROGRAM.get(tree)
    if found is None:
        found = _PROGRAM[tree] = program_facts(tree)
    return found


def local_body_of(loop: ast.AST, defined: frozenset[str]) -> bool:
    """pass_local_body(loop.body, defined), once per loop node and set of defined names."""
    found = _LOCAL.get(loop)
    if found is not None and found[0] == defined:
        return found[1]
    answer = bool(pass_local_body(getattr(loop, "body", None) or [], defined))
    _LOCAL[loop] = (defined, answer)
    return answer


def steady_lines_of(loop: ast.AST) -> frozenset[int]:
    """pass_local.steady_lines(loop.body), once per loop node."""
    found = _STEADY.get(loop)
    if found is None:
        found = _STEADY[loop] = steady_lines(getattr(loop, "body", None) or [])
    return found


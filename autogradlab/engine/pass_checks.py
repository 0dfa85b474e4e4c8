"""The evidence for the pass-aware window (skim.py, issue 9): may a loop's pass be skimmed although it
is not among the last ones, without changing the report's graph?

The report's graph reads the op trace in two places: an op Node's op, line, source and forward value
come from the record of the op that made it (Recorder.origin_of), a leaf's line from the op that
made the tensor (Recorder.creation_op: a skimmed op's entry keeps its op and line for that, so leaves
never need the record). So a skimmed pass changes the graph only if a Node one of its ops made is
still reached from a graph built later. Two criteria, checked after each pass of the deciding loop
(check_pass) and used before the next one (skim.py's on_loop):

(a) GUARD_NO_GRAD: no op of the loop's passes so far made a Node. A skimmed pass then makes none
    either: on_op (skimmed_ops.py) records the first op that makes one (and the rest of its pass) in full.
(b) GUARD_PASS_LOCAL: the body runs the same statements every pass (pass_local.py), and every pass
    so far let its graph go within the next pass: the Nodes it made are reached by no
    Node a later pass made (next_functions, through at most LINK_BUDGET Nodes no op claimed) and
    the tensors whose grad_fn they are were dead when the next pass ended. A Node neither reached
    by a later one nor held by a live tensor cannot be reached again. (The trace itself holds its
    ops' Nodes, so their saved tensors live on: a loop whose passes call no backward() keeps its
    intermediate tensors alive and is judged `bad`.) Leaves do not count: a leaf's node shows only
    the line of the op that made it, which a skimmed op's entry keeps (OpTrace.creation). The
    recorder itself keeps the tensor last backwarded, whose graph the report draws: a body whose
    backward() calls all stand in `if` blocks is not pass-local (pass_local.backward_every_pass),
    and a graph that still reaches a skimmed op in the window has the run done again unskimmed
    (skim_rerun.graph_misses_records).

Anything it cannot see (a pass of more than a quarter of the window, a tensor without weak
references, a longer walk) marks the run `bad`: today's rule for the rest of the run.
"""

from __future__ import annotations

import ast
from itertools import islice
from typing import Any

from autogradlab.engine.loop_facts import local_body_of, program_facts_of, steady_lines_of
from autogradlab.engine.trace import _FIELDS, _ORIGIN_KEYS

GUARD_NONE, GUARD_NO_GRAD, GUARD_PASS_LOCAL = 0, 1, 2
LINK_BUDGET = 16          # Nodes no op claimed (a composite op's inner ones) walked per Node


class PassChecks:
    """Mixed into Recorder through SkimHooks."""

    trace: Any
    lines: list[str]
    _ids: dict[int, Any]
    _program_local: tuple[bool, frozenset[str]] | None = None
    program_tree: ast.Module | None = None   # the tree the interpreter runs (run.py), else parsed here
    _parsed: bool = False

    def program_ast(self) -> ast.Module | None:
        """The program's tree: the interpreter's (run.py sets program_tree), or the text of
        self.lines parsed once (a Recorder used without run.py); None when that text does not parse."""
        tree = self.program_tree
        if tree is None and not self._parsed:
            self._parsed = True
            try:
                tree = self.program_tree = ast.parse("\n".join(self.lines))
            except (SyntaxError, ValueError, RecursionError):
                tree = None
        return tree

    def pass_local(self, loop: Any) -> bool:
        """pass_local.py's verdict on the loop's body and the program (cached on the loop)."""
        local = loop.local
        if local is None:
            program = self._program_local
            if program is None:
                tree = self.program_ast()
                program = (False, frozenset()) if tree is None else program_facts_of(tree)
                self._program_local = program
            body = getattr(loop.node, "body", None)
            local = loop.local = bool(program[0] and body and local_body_of(loop.node, program[1]))
        return local

    def steady_pass(self, run: Any, ops: int) -> bool:
        """Whether the pass of `run` that just ended (its last `ops` ops) made an op on a line of the
        loop's body that runs every pass (pass_local.steady_lines): False ends run.steady, and with it
        the pass-aware window for the run (a loop whose last passes run no op, as under `if n < 600:`,
        would else end its op list with its first passes)."""
        if not ops:
            return False
        loop = run.loop
        lines = loop.lines
        if lines is None:
            lines = loop.lines = steady_lines_of(loop.node)
        for entry in islice(reversed(self.trace._entries), ops):
            if entry[_FIELDS][2] in lines:
                return True
        return False

    def check_pass(self, run: Any, ops: int, hooked: bool) -> None:
        """The pass of `run` that just ended ran the last `ops` ops: update run.grad_free, run.bad,
        run.refs and run.checked (see the module docstring). hooked: a backward call of the pass
        put gradient hooks on its graph, so the recorder holds its saved tensors (Recorder._saved)
        until that call leaves the kept ones: whether they die says nothing about the program."""
        trace = self.trace
        entries = trace._entries
        if ops > len(entries) or 4 * ops > trace.window:
            run.bad = True
            run.grad_free = run.grad_free and ops == 0
            return
        if run.grad_free:
            for entry in islice(reversed(entries), ops):
                if entry[_ORIGIN_KEYS] is not None:
                    run.grad_free = False
                    break
            else:
                return
        if run.bad or not self.pass_local(run.loop):
            run.bad = True
            return
        origins = trace.origins
        first, start = run.start, run.ops_at
        refs: list[Any] = []
        for entry in islice(reversed(entries), ops):
            keys = entry[_ORIGIN_KEYS]
            if keys is not None:
                index = entry[_FIELDS][0]
                for key in keys:
                    found = origins.get(key)
                    if found is None or found[0] != index:
                        continue
                    if found[3] is None or _links_back(found[2], origins, first, start):
                        run.bad = True   # a tensor it cannot see dying, or a graph that spans passes
                        return
                    refs.append(found[3])
        previous = run.refs
        if previous is not None:
            for ref in previous:
                if ref() is not None:   # the pass before this one left something with a graph alive
                    run.bad = True
                    return
            run.checked += 1
        run.refs = None if hooked else refs


_LEAF_NAMES = frozenset({"AccumulateGrad"})


def _links_back(fn: Any, origins: dict[int, tuple], first: int, start: int) -> bool:
    """Whether Node `fn` reaches a Node an op of an earlier pass of this run made ([first, start)),
    walking through Nodes no op claimed; True also when that walk is longer than LINK_BUDGET."""
    stack = [fn]
    budget = LINK_BUDGET
    while stack:
        node = stack.pop()
        for child, _ in node.next_functions:
            if child is None:
                continue
            found = origins.get(id(child))
            if found is not None:
                if first <= found[0] < start:
                    return True
                continue
            if type(child).__name__ in _LEAF_NAMES:   # a leaf: the graph shows where it was made
                continue                                # from its creation op (see the docstring)
            budget -= 1
            if budget < 0:
                return True
            stack.append(child)
    return False

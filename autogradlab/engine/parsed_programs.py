"""Program text -> checked tree, kept across runs of the same text in one process (issue 9).

Parsing and the static check cost 0.6-0.8 ms of a run whatever its length; a process that runs the
same text under the same limits again (dY/dX's rerun in a sandbox job; tests, the CLI, benchmarks)
reads it once. (The skimmed run's rerun has a shorter timeout_s, so other Limits: parsed again.)
What is kept is a pure function of its key, the exact text and the Limits (a frozen
dataclass, so a run with other limits parses and checks again under them): the tree, the text run
(after split_run_together) and the repair note. Nothing of a run is in it: nobody writes to a parsed
tree (the interpreter builds its own closures and nodes; lang/grad_decorators.py makes new nodes),
and the per-tree analyses keyed by it (unbound.py, declarations.py, comprehension_words.py) are pure
functions of the tree too. A text that is refused is never kept: it is parsed, and refused, every time.
Texts over MAX_CACHED_CHARS are not kept, and only the last MAX_ENTRIES texts are (memory).
"""

from __future__ import annotations

import ast
from collections import OrderedDict

from autogradlab.errors import NotSupported, ProgramSyntaxError
from autogradlab.limits import Limits

MAX_ENTRIES = 8
MAX_CACHED_CHARS = 50_000

_KEPT: OrderedDict[tuple[str, Limits], tuple[ast.Module, str, tuple[str, ...]]] = OrderedDict()


def _parse_or_repair(source: str, limits: Limits) -> tuple[ast.Module, str, tuple[str, ...]]:
    """(tree, program text run, notes): harmless notebook lines (`%matplotlib inline`, `!pip install
    ...`) commented out (lang/notebook_lines.py), and if statements were run together on one line (a
    web page lost its line breaks), the split program; a note says what was done."""
    from autogradlab.lang.notebook_lines import skip_notebook_lines, skipped_notes
    from autogradlab.lang.parse import parse_program
    from autogradlab.lang.repair import split_run_together

    notes: tuple[str, ...] = ()
    try:
        return parse_program(source, limits), source, notes
    except NotSupported:
        skipped = skip_notebook_lines(source, limits)
        if skipped is None:
            raise
        source, notes = skipped[0], skipped_notes(skipped[1])
        try:
            return parse_program(source, limits), source, notes
        except ProgramSyntaxError:
            pass
    except ProgramSyntaxError:
        pass
    repaired = split_run_together(source)
    if repaired is None:
        return parse_program(source, limits), source, notes   # (raises its error again)
    tree = parse_program(repaired, limits)
    added = repaired.count("\n") - source.count("\n")
    note = (f"statements were run together on one line; Autograd Lab put them on separate "
            f"lines ({added} line break{'s' if added != 1 else ''} added) and ran:\n{repaired}")
    return tree, repaired, (*notes, note)


def parsed_program(source: str, limits: Limits, notes: list[str]) -> tuple[ast.Module, str]:
    """(tree, program text run) of `source` under `limits`; the repairs' notes go to `notes`.
    Raises the ProgramError parse_program raises. Never write to the returned tree."""
    key = (source, limits) if isinstance(source, str) and len(source) <= MAX_CACHED_CHARS else None
    found = _KEPT.get(key) if key is not None else None
    if found is None:
        found = _parse_or_repair(source, limits)
        if key is not None:
            _KEPT[key] = found
            while len(_KEPT) > MAX_ENTRIES:
                _KEPT.popitem(last=False)
    else:
        _KEPT.move_to_end(key)
    tree, program, said = found
    notes.extend(said)
    return tree, program

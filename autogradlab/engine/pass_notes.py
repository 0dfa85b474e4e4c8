"""The Steps page's notes about reverse passes it did not log or keep, each naming what the program called.

StepHooks counts backward() calls and torch.autograd.grad calls apart (engine/step_hooks.py): a program
that only calls torch.autograd.grad was told its "backward() calls" ran through too many nodes or were too
large to keep. The wording is recognised for Chinese in note_keys.py (notes.unlogged_backwards,
notes.no_kept_backward, notes.dropped, notes.skipped_backwards).
"""

from __future__ import annotations

from typing import Any

from autogradlab.engine.step_hooks import BACKWARD_CALL, GRAD_CALL


def _kinds(backwards: int, grads: int) -> tuple[tuple[int, str], ...]:
    return tuple((count, call) for count, call in ((backwards, BACKWARD_CALL), (grads, GRAD_CALL)) if count)


def _calls(count: int) -> tuple[str, str]:
    """("call", "was") for one call, ("calls", "were") for any other count (the notes said "1 ... calls")."""
    return ("call", "was") if count == 1 else ("calls", "were")


def unlogged_notes(hooks: Any, limit: int) -> list[str]:
    """No log reached the output, and some passes ran through more than `limit` nodes (not logged)."""
    kinds = _kinds(hooks.unlogged, hooks.unlogged_grads)
    return [f"no {call} kept step by step reached this output: {count} {call} {_calls(count)[0]} ran through "
            f"more than {limit:,} nodes and {_calls(count)[1]} not kept" for count, call in kinds]


def skipped_notes(hooks: Any) -> list[str]:
    """No log reached the output, and a long loop's middle passes made calls that were not logged."""
    return [f"no {call} kept step by step reached this output: a long loop's middle passes keep none "
            "(its last passes' are kept)" for _, call in _kinds(hooks.skipped, hooks.skipped_grads)]


def count_notes(hooks: Any) -> list[str]:
    """Logs dropped for the element budget, and calls of skimmed passes not logged."""
    dropped = [f"{count} earlier {call} {' '.join(_calls(count))} too large to keep step by step"
               for count, call in _kinds(hooks.dropped, hooks.dropped_grads)]
    return dropped + [f"{count} {call} {_calls(count)[0]} of a long loop's middle passes {_calls(count)[1]} "
                      "not kept step by step (its last passes' are)"
                      for count, call in _kinds(hooks.skipped, hooks.skipped_grads)]

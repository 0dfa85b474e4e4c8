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


def unlogged_notes(hooks: Any, limit: int) -> list[str]:
    """No log reached the output, and some passes ran through more than `limit` nodes (not logged)."""
    kinds = _kinds(hooks.unlogged, hooks.unlogged_grads)
    return [f"no {call} kept step by step reached this output: {count} {call} calls ran through more than "
            f"{limit:,} nodes and were not kept" for count, call in kinds]


def skipped_notes(hooks: Any) -> list[str]:
    """No log reached the output, and a long loop's middle passes made calls that were not logged."""
    return [f"no {call} kept step by step reached this output: a long loop's middle passes keep none "
            "(its last passes' are kept)" for _, call in _kinds(hooks.skipped, hooks.skipped_grads)]


def count_notes(hooks: Any) -> list[str]:
    """Logs dropped for the element budget, and calls of skimmed passes not logged."""
    dropped = [f"{count} earlier {call} calls were too large to keep step by step"
               for count, call in _kinds(hooks.dropped, hooks.dropped_grads)]
    return dropped + [f"{count} {call} calls of a long loop's middle passes were not kept step by step "
                      "(its last passes' are)" for count, call in _kinds(hooks.skipped, hooks.skipped_grads)]

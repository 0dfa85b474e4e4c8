"""Named resource limits for one evaluation.

Every limit a user can hit has a name here, so error messages can say which one was reached and
boundary tests can sit just below and just above it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # Text and parse tree, checked before and while parsing.
    max_source_chars: int = 50_000
    max_lines: int = 1_000
    max_line_chars: int = 4_000      # udlbook's notebooks paste a 2,584-character colormap list (session 36)
    max_nesting: int = 40            # brackets, unary chains, nested lambdas, blocks
    max_tree_depth: int = 200        # depth of the parsed syntax tree
    # Interpreter.
    max_steps: int = 1_000_000       # statements + expressions evaluated (PyTorch's custom-Function
                                     # tutorial takes 192,198: its 2,000 passes run 96 each; the
                                     # micrograd lecture's 20 training steps of a 41-Value MLP take
                                     # 500k-1M, ~1.8 s here under load: the time limit stays the bound)
    max_loop_iterations: int = 100_000  # total iterations of all loops in one run
    max_call_depth: int = 50         # nested calls of user-defined functions
    max_caught_errors: int = 1_000   # errors caught by try/except in one run: a failing torch op costs
                                     # 0.1-0.5 ms (its message built and translated), so 100k in a loop ran
                                     # to the time limit; lessons catch a handful (tutorial_python_exceptions)
    max_ops: int = 20_000            # recorded tensor ops
    # Sizes, checked before allocation.
    max_tensor_elements: int = 5_000_000
    max_total_elements: int = 50_000_000  # held at once (lang/live_memory.py; small limits: created)
    max_int_bits: int = 4_096        # Python ints (e.g. 4000000**4000000 is refused)
    max_sequence_len: int = 100_000  # strings, lists, tuples built by the program
    max_total_sequence_items: int = 50_000_000  # sum over all strings/lists built in one run
    max_printed_chars: int = 1_000_000  # all that print() writes in one run (sent to the browser)
    max_searched_items: int = 20_000_000  # compared by `in`, .index(), .count(), .remove() on lists
                                     # (lang/search_work.py: ints 7-15 ns each, 20M: 0.2-0.3 s alone,
                                     # ~1-1.5 s on this loaded 2-core machine)
    # Arithmetic of one expensive call, estimated from its shapes before it runs (lang/call_work.py):
    # n**3 for the O(n^3) linalg family on an n x n matrix. Measured here on one core (2 shared, under
    # load), torch.linalg.eigvals on 500x500: 0.10 s, 1000x1000: 0.50 s, 1500x1500: 0.89 s (svd: 0.07,
    # 0.38, 0.99 s; inv: 0.01, 0.04, 0.08 s); 2236x2236 (the element cap) runs past the 5 s timeout.
    # 10**9 admits 1000x1000, the slowest of the family within ~0.5 s; lessons use matrices up to 10x10.
    max_call_work: int = 1_000_000_000
    # The graph a Jacobian walks back once per output row (engine/jacobian_loop_work.py: 10,000 per op
    # and 2 per element; 2,000 elementwise ops on 2,000 elements with 2,000 outputs ran 20-45 s).
    max_graph_work: int = 1_000_000_000
    # Worker process.
    timeout_s: float = 5.0
    memory_mb: int = 1_536
    # Rendering.
    max_graph_nodes: int = 500       # above this the UI shows a folded summary


DEFAULT_LIMITS = Limits()

# A Steps job runs the program twice: its own run (timeout_s, as on every page) and forward mode's run with
# dual numbers (engine/step_run.py: its own share of timeout_s, ending by TANGENT_END_SHARE of it). Its
# worker's hard limit (the zygote's kill, the CPU backstop) is this many times timeout_s (issue 9: with
# one timeout_s for both, PyTorch's 2,000-pass polynomial fit never had forward mode in the hosted app).
STEPS_JOB_TIME_FACTOR = 1.8

"""The interpreter of Autograd Lab's safe PyTorch subset.

It walks the parsed tree itself (nothing reaches eval/exec), dispatching every node through a
table of handlers (statements.py, expressions.py); a node type without a handler is refused. It
counts steps, loop iterations, call depth and ops against the named limits, sizes results before
they are allocated (sizes.py), and tells the engine what happens through ProgramHooks. Names
(lookup and assignment) are name_binding.py's.
"""

from __future__ import annotations

import ast
import time
import weakref
from typing import Any

import torch

from autogradlab import sandbox_position
from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, TimeLimitExceeded
from autogradlab.lang import checked_containers, generators, numpy_scalar_ops, process_switches
from autogradlab.lang import sizes as sizes_module
from autogradlab.lang.call_work import MATRIX_EXP_CALLS
from autogradlab.lang.compiled import compile_block, compile_expression
from autogradlab.lang.expressions import ExpressionsMixin, construct_name
from autogradlab.lang.hooks import ProgramHooks
from autogradlab.lang.iteration import IterationMixin
from autogradlab.lang.name_binding import NamesMixin
from autogradlab.lang.operators import OperatorsMixin, python_error
from autogradlab.lang.safe_values import reset_stored_objects
from autogradlab.lang.scope import Scope
from autogradlab.lang.statements import STATEMENT_NAMES, BreakLoop, ContinueLoop, ReturnValue, StatementsMixin
from autogradlab.lang.stored_objects import program_variables
from autogradlab.lang.user_functions import UserFunctionsMixin
from autogradlab.limits import Limits

SOFT_DEADLINE_SHARE = 0.8   # of limits.timeout_s: the rest is for building the report


class Interpreter(NamesMixin, StatementsMixin, ExpressionsMixin, OperatorsMixin, IterationMixin,
                  UserFunctionsMixin):
    def __init__(self, tree: ast.Module, source: str, *, limits: Limits, generator: torch.Generator,
                 hooks: ProgramHooks) -> None:
        self.tree = tree
        self.source = source
        reset_stored_objects()   # no object of this run is in a list yet (safe_values.is_data)
        self.limits = limits
        self.generator = generator
        self.run_seed = generator.initial_seed()   # also seeds the run's random / np.random
        self.hooks = hooks
        self.sizes = sizes_module.SizeGuard(limits)
        self.matrix_exp_calls = MATRIX_EXP_CALLS[0]   # lang/matrix_exp_backward.py
        self.globals = Scope(None, None)
        self.scope = self.globals
        self._assigned: dict[str, None] = {}
        self._identities: dict[int, tuple[Any, int]] = {}
        self.grad_fn_wrappers: dict[int, tuple[Any, Any]] = {}
        self._steps = 0
        self._max_steps = limits.max_steps   # read on every step; _tick raises with limits' own
        self.stopped_by: ProgramError | None = None   # generators.stop_with: no statement passes it
        self._deadline = float("inf")
        self.board = sandbox_position.board()   # where the program is, for the hard time limit
        self._iterations = 0
        self._ops = 0
        self._depth = 0
        self.attribute_depth = -1   # the depth of a running __getattr__/property getter (attribute_returns)
        self.library_depth = -1     # the depth of a function whose return goes to PyTorch (attribute_returns)
        # generators started and not finished (lang/generators.py), by start order; weak, so that a
        # generator the program drops is closed then, as in Python
        self.generators: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()
        self.generators_started = 0
        self.handling: list[Any] = []   # the errors the `except` blocks now running caught (bare `raise`)
        self.method_frames: list[tuple[int, Any, Any]] = []   # (depth, class, self): super() (plain_classes)
        self.instances_made = 0
        self.running = False   # the program's __eq__/__hash__ run only meanwhile (lang/object_equality.py)
        self.function_facts: dict[int, tuple] = {}   # id(def node) -> (generator, declared): user_functions
        self.class_names: frozenset[str] | None = None   # the program's class names, at its first `class`
        self._statements = self._statement_handlers()
        self._blocks: dict[int, tuple[list, list]] = {}   # id(body) -> (body, compiled statements)
        self._function_bodies: dict[int, tuple[list, list, Any]] = {}   # user_functions.function_body
        self.operator_sites: dict[ast.AST, Any] = {}   # node -> site of `a + b` on objects (object_operators)
        self._compiled_expressions: dict[int, tuple[ast.expr, Any]] = {}   # id(node) -> (node, closure)
        # Expression statements shown like a notebook shows them: only those at the top level,
        # never once per pass of a loop.
        self.top_level = frozenset(id(statement) for statement in tree.body)
        self._expressions = self._expression_handlers()

    # -- public API ------------------------------------------------------------------------
    def run(self) -> None:
        """Execute the program; raises only ProgramError subclasses, with line/column set."""
        # Stop a little before the worker's hard limit, at a statement, so the error has a line and
        # the report keeps everything computed so far; the hard limit still ends a single slow op.
        self._deadline = time.monotonic() + SOFT_DEADLINE_SHARE * self.limits.timeout_s
        switches = process_switches.process_state()   # torch.set_grad_enabled(False) as a call & co.
        self.running = True
        quiet = numpy_scalar_ops.run_quietly()   # NumPy's quiet error state for the run's scalar operations
        try:
            self.exec_block(self.tree.body)
        except ProgramError:
            raise
        except (BreakLoop, ContinueLoop):
            raise NotSupported("`break`/`continue` outside a loop") from None
        except ReturnValue:
            raise NotSupported("`return` outside a function") from None
        except Exception as exc:  # noqa: BLE001 - last resort: never a traceback to the user
            raise python_error(exc) from None
        finally:
            process_switches.restore(switches, print_options=False)   # run_program restores them
            checked_containers.forget()   # holds no list of this run past its end
            if self.generators:
                generators.close_all(self)
            self.running = False
            self.board[0] = 0   # building the report is no statement of the program
            if quiet is not None:
                numpy_scalar_ops._STATE.reset(quiet)
        if self.stopped_by is not None:   # reached while the last generators were closed
            raise self.stopped_by

    def release(self) -> None:
        """After the report is built: drop the compiled closures and handler tables, which refer
        back to this interpreter, so reference counting frees the run at once instead of the cyclic
        collector tracing ~1,000-3,000 objects later (issue 9: ~0.2-0.5 ms of an in-process run; a
        nested def's scopes still form a small cycle). The interpreter is unusable afterwards;
        nothing is dropped while a generator is open."""
        checked_containers.forget()   # the report's value checks remembered lists of this run
        if self.generators:
            return
        for table in (self._blocks, self._function_bodies, self._compiled_expressions,
                      self._statements, self._expressions):
            table.clear()

    def user_variables(self, texts: bool = False) -> dict[str, Any]:
        """Top-level names bound to data values by assignment/for, in first-assignment order; objects of
        the program's classes (and lists of them) as their text (lang/stored_objects.variable_value,
        running their __repr__ only when `texts`: the run ended well)."""
        return program_variables(self, self._assigned, texts)

    # -- dispatch with positions, steps and error conversion -------------------------------
    def _tick(self) -> None:
        self._steps += 1
        if self._steps > self._max_steps:   # limits.max_steps, or the Variables table's allowance
            if self.stopped_by is not None:
                raise self.stopped_by
            raise LimitExceeded(f"the program took more than {self.limits.max_steps:,} steps; the "
                                f"limit is {self.limits.max_steps:,}", hint="limit max_steps")
        if self._steps % 32 == 0:
            self.check_time()

    def check_time(self) -> None:
        """The time limit's check of _tick, for work that takes no steps (the text of 100,000 functions)."""
        if time.monotonic() > self._deadline + self.sizes.warm_up_s:
            raise TimeLimitExceeded(
                f"the program ran for more than {SOFT_DEADLINE_SHARE * self.limits.timeout_s:.1f} s "
                f"and was stopped here (the time limit is {self.limits.timeout_s:g} s)",
                hint="fewer loop iterations or smaller tensors help; a `while` loop whose condition "
                     "never becomes False runs forever")

    def in_time(self) -> bool:
        """The time check of _tick would pass now (compiled_numbers: k steps taken at once)."""
        return time.monotonic() <= self._deadline + self.sizes.warm_up_s

    def exec(self, node: ast.stmt) -> None:
        self.board[0] = sandbox_position.pack(node.lineno, node.col_offset + 1)
        self._steps += 1
        if self._steps > self._max_steps or self._steps % 32 == 0:
            self._steps -= 1
            self._tick()
        handler = self._statements.get(type(node))
        try:
            if handler is None:
                name = STATEMENT_NAMES.get(type(node), f"`{type(node).__name__}` statements")
                raise NotSupported(f"{name} are not supported in Autograd Lab"
                                   if name.endswith("s") else f"{name} is not supported in Autograd Lab")
            handler(node)
        except ProgramError as err:
            raise err.at(node.lineno, node.col_offset + 1) from None
        except (BreakLoop, ContinueLoop, ReturnValue):
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(node.lineno, node.col_offset + 1) from None

    def eval(self, node: ast.expr) -> Any:
        self._steps += 1   # _tick inlined for the common case (the hottest line of a long loop)
        if self._steps > self._max_steps or self._steps % 32 == 0:
            self._steps -= 1
            self._tick()
        handler = self._expressions.get(type(node))
        try:
            if handler is None:
                raise NotSupported(f"{construct_name(node)} are not supported in Autograd Lab")
            return handler(node)
        except ProgramError as err:
            raise err.at(node.lineno, node.col_offset + 1) from None
        except (BreakLoop, ContinueLoop, ReturnValue):
            raise
        except Exception as exc:  # noqa: BLE001
            raise python_error(exc).at(node.lineno, node.col_offset + 1) from None

    def exec_block(self, body: list[ast.stmt]) -> None:
        """Run a block through its statements compiled once per run (compiled.py)."""
        compiled = self._blocks.get(id(body))
        if compiled is None or compiled[0] is not body:
            compiled = self._blocks[id(body)] = (body, compile_block(self, body))
        for statement in compiled[1]:
            statement()

    def eval_compiled(self, node: ast.expr) -> Any:
        """eval(node) through its closure, compiled once per run (a lambda's body)."""
        compiled = self._compiled_expressions.get(id(node))
        if compiled is None or compiled[0] is not node:
            compiled = self._compiled_expressions[id(node)] = (node, compile_expression(self, node))
        return compiled[1]()

    # -- engine notifications --------------------------------------------------------------
    def record_op(self, op: str, args: list, kwargs: dict, result: Any, node: ast.AST | None) -> None:
        # max_ops is the engine's (Recorder.on_op): it bounds op results alive at once, not how
        # many ops a loop runs (issue 9).
        self._ops += 1
        self.hooks.on_op(op, args, kwargs, result, node, self.scope.function_name)

    def identity(self, value: Any) -> int:
        """id(): 1, 2, 3, ... in first-seen order; the object is kept so its id is never reused."""
        key = id(value)
        known = self._identities.get(key)
        if known is None or known[0] is not value:
            known = (value, len(self._identities) + 1)
            self._identities[key] = known
        return known[1]

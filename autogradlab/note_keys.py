"""Message keys for the engine's rarer notes, so the pages can say them in Chinese too.

The engine writes its report notes, Jacobian check notes and Eigen input errors in English (the
CLI's JSON keeps them as they are). Like autogradlab/error_keys.py, the key and its parameters are
recognised here from the wording, at display time (components/i18n.py `localize(text, RULES)`); a
note of another shape stays English. The texts live in autogradlab/messages/notes.py.
tests/unit/test_note_keys.py builds each note with the engine's own code, so a reworded note that
no longer matches is noticed.
"""

from __future__ import annotations

import re

from autogradlab import messages
from autogradlab.error_keys import NOTES as STEP_NOTES
from autogradlab.error_keys import _rules, recognise

# The Graph page's report notes (engine/run.py, engine/trace.py, engine/report_values.py).
REPORT = _rules(
    (r"the program ran (?P<total>[\d,]+) tensor operations; the op list keeps the last (?P<kept>[\d,]+) of "
     r"them and the (?P<pinned>[\d,]+) that made leaf tensors \(most run: (?P<busiest>.+)\)",
     "notes.trace_pinned"),
    (r"the program ran (?P<total>[\d,]+) tensor operations; the op list keeps the last (?P<kept>[\d,]+) of "
     r"them \(most run: (?P<busiest>.+)\)", "notes.trace"),
    (r"the loop on line (?P<line>\d+): (?P<count>[\d,]+) tensor operations of its middle passes were counted "
     r"but not recorded \(the op list shows its last (?P<passes>[\d,]+) passes in full; every pass ran, so "
     r"the values are exact\)", "notes.skimmed"),
    (r"the loop on line (?P<line>\d+): (?P<count>[\d,]+) tensor operations and (?P<backwards>[\d,]+) "
     r"backward\(\) calls of its middle passes were counted but not recorded \(the op list shows its "
     r"last (?P<passes>[\d,]+) passes in full; the gradients come from its last passes\)",
     "notes.skimmed_backward"),
    (r"the loop on line (?P<line>\d+): (?P<count>[\d,]+) tensor operations and (?P<backwards>[\d,]+) "
     r"backward\(\) calls of its middle passes were counted but not recorded, and the run stopped inside "
     r"the loop before its last passes were recorded", "notes.skimmed_cut"),
    (r"the loop on line (?P<line>\d+): (?P<backwards>[\d,]+) backward\(\) calls of its middle passes were "
     r"counted but not recorded \(their gradients and saved tensors were not kept\), and the run stopped "
     r"inside the loop before its last passes were recorded: the graph of its last backward\(\) may show "
     r"no gradients", "notes.skimmed_cut_backward"),
    (r"a loop's op count changed after its middle passes were counted but not recorded: the op list misses "
     r"some of its last operations \(every pass ran, so the values are exact\)", "notes.skimmed_forecast"),
    (r"output '(?P<name>[^']+)' is not a tensor variable of this program; showing the default output instead",
     "notes.output_not_tensor"),
    (r"line (?P<line>\d+): `(?P<command>.*)` was skipped: it sets up a notebook and changes nothing here",
     "notes.notebook_skipped"),
    (r"the plotting call on line (?P<line>\d+) was skipped \(plots are not drawn here\); its arguments ran",
     "notes.plot_skipped_one"),
    (r"the plotting calls on lines (?P<lines>[\d, ]+) were skipped \(plots are not drawn here\); their "
     r"arguments ran", "notes.plot_skipped"),
    (r"statements were run together on one line; Autograd Lab put them on separate lines "
     r"\((?P<added>\d+) line breaks? added\) and ran:\n(?P<code>.*)", "notes.repaired"),
    (r"the steps of this run could not be built \((?P<error>\w+)\)", "notes.steps_failed"),
    (r"part of this report could not be built \((?P<error>\w+)\)", "notes.part_failed"),
    (r"more values were left out of the report in the same way", "notes.more_omitted"),
    (r"the report ran out of time to write every value's text; the values shown last are summarised by "
     r"their shape", "notes.text_time"),
    (r"(?P<what>.+?): its values are not kept in full \(the report keeps at most (?P<limit>[\d,]+) tensor "
     r"values, counting each place a tensor is shown\); (?P<parts>.+)", "notes.values_omitted"),
    (r"(?P<what>.+?): its gradient is not kept in full \(the report keeps at most (?P<limit>[\d,]+) tensor "
     r"values, counting each place a tensor is shown\); (?P<parts>.+)", "notes.grad_omitted"),
)

_KIND = r"(?P<call>backward\(\)|torch\.autograd\.grad\(\))"   # what a reverse pass the steps follow called
_CALL = "the " + _KIND
# The Steps page's rarer notes (engine/steps.py, step_tangents.py, step_run.py); the common ones
# are error_keys.NOTES, included.
STEPS = STEP_NOTES + _rules(
    (_CALL + r" on line (?P<line>\d+) moved more gradient values than the steps keep \(20 million\): "
     r"its reverse steps are left out; use smaller tensors to step it", "notes.backward_overflow"),
    (_CALL + r" on line (?P<line>\d+) started past the output: what reached the output from the ops "
     r"after it is shown as coming from the output node", "notes.past_output"),
    (r"(?P<count>\d+) earlier " + _KIND + r" calls? (?:were|was) too large to keep step by step",
     "notes.dropped"),
    (r"the output's graph has (?P<nodes>[\d,]+) nodes; the steps follow at most (?P<limit>[\d,]+): use a "
     r"shorter computation \(fewer loop passes\) to step it", "notes.steps_too_many"),
    (r"no " + _KIND + r" kept step by step reached this output: (?P<count>\d+) (?P=call) calls? ran through "
     r"more than (?P<limit>[\d,]+) nodes and (?:were|was) not kept", "notes.unlogged_backwards"),
    (r"(?P<count>\d+) " + _KIND + r" calls? of a long loop's middle "
     r"passes (?:were|was) not kept step by step \(its last passes' are\)", "notes.skipped_backwards"),
    (r"no " + _KIND + r" kept step by step reached this output: a long loop's middle passes keep none "
     r"\(its last passes' are kept\)", "notes.no_kept_backward"),
    (r"forward mode stopped on line (?P<line>\d+): (?P<error>.+); later ops have no tangent",
     "notes.tangent_stopped_line"),
    (r"forward mode stopped: (?P<error>.+); later ops have no tangent", "notes.tangent_stopped"),
    (r"the tangents of this program are too many values to keep \(20 million\): the later ops have none",
     "notes.tangent_overflow"),
    (r"no tangent could be given to (?P<names>.+) \(forward mode could not follow how it became a leaf\)",
     "notes.no_tangent"),
    (r"expression mode: (?P<names>.+?) became leaves, but the expression's value does not depend on them "
     r"through tensors, so there is nothing to backward", "notes.expression_constant"),
    (r"backward on the output could not run: an earlier backward\(\) or autograd\.grad\(\) call freed the "
     r"output's graph \(retain_graph=True in that call keeps it\)", "notes.ensure_freed"),
    (r"backward on the output could not run \((?P<error>\w+)\): (?P<detail>.*)", "notes.ensure_failed"),
) + REPORT

# Why a tangent direction (Steps page, `dir=`) was not used (engine/step_tangents.py parse_direction).
DIRECTION = _rules(
    (r"direction (?P<name>\w+): not a named leaf of the output's graph \(its leaves: (?P<known>.*)\)",
     "notes.dir_not_leaf"),
    (r"direction (?P<name>\w+): the values must be a number or a nested list of numbers", "notes.dir_values"),
    (r"direction (?P<name>\w+): shape (?P<shape>.+) does not match the leaf's shape (?P<leaf>.+)",
     "notes.dir_shape"),
    (r"direction (?P<name>\w+): the leaf has dtype (?P<dtype>\S+), which has no tangents", "notes.dir_dtype"),
)
STEPS = STEPS + DIRECTION

_D = r"d(?P<of>\w+)/d(?P<wrt>\w+): "
# Why dY/dX (the Jacobian page's "dY/dX from the graph") could not be computed (engine/jacobian_dydx.py).
DYDX = _rules(
    (_D + r"'(?P<name>[^']+)' is not a tensor variable of this program", "notes.dydx_not_tensor"),
    (_D + r"'(?P=wrt)' does not require grad, so nothing depends on it in the graph "
          r"\(create it with requires_grad=True\)", "notes.dydx_no_grad"),
    (_D + r"'(?P=of)' has no grad_fn: it does not depend on '(?P=wrt)' through the graph",
     "notes.dydx_no_grad_fn"),
    (_D + r"d(?P=of)/d(?P=wrt) would have (?P<entries>[\d,]+) entries; the limit is (?P<limit>[\d,]+) "
          r"\(limit max_tensor_elements\)", "notes.dydx_too_big"),
    (_D + r"the graph of '(?P=of)' was freed by a backward\(\) call; call backward\(retain_graph=True\) to "
          r"keep it", "notes.dydx_freed"),
    (_D + r"the graph of '(?P=of)' was freed by a backward\(\) call, and the program runs too long to run "
          r"once more keeping it; call backward\(retain_graph=True\) to keep it", "notes.dydx_freed_long"),
    (_D + r"d(?P=of)/d(?P=wrt) would run (?P<rows>[\d,]+) backward passes through a graph of "
          r"(?P<nodes>[\d,]+) operations, about (?P<work>[\d,]+) arithmetic steps in all; the limit is "
          r"(?P<limit>[\d,]+) \(limit max_graph_work\)", "notes.dydx_graph_work"),
    (_D + r"d(?P=of)/d(?P=wrt) cannot be computed: (?P<error>.+)", "notes.dydx_failed"),
    (re.escape(messages.text("en", "jacobian_extra.dydx_rerun", of="OF")).replace("OF", "(?P<of>[^']+)"),
     "jacobian_extra.dydx_rerun"),
    (re.escape(messages.text("en", "jacobian_extra.dydx_kept", of="OF")).replace("OF", "(?P<of>[^']+)"),
     "jacobian_extra.dydx_kept"),
)

# Why vmap could not run the function (engine/jacobian.py _vmap_reason), inside the strategy's `why`
# (autogradlab/jacobian_words.py).
VMAP = _rules(
    (r"the function's control flow depends on tensor values", "notes.vmap_control_flow"),
    (r"the function reads tensor data directly \(as \.numpy\(\) does\)", "notes.vmap_data"),
    (r"the function draws random numbers", "notes.vmap_random"),
    (r"an operation in the function cannot run vectorized", "notes.vmap_operation"),
    (r"the function cannot run vectorized", "notes.vmap_other"),
)

# Beside the Jacobian heatmap (engine/jacobian_checks.py, jacobian_paths.py, jacobian_dydx.py).
JACOBIAN = _rules(
    (r"the function changes values outside itself and was not run again: no checks", "notes.check_none"),
    (r"VJP check not run \((?P<error>\w+)\)", "notes.check_vjp_failed"),
    (r"finite differences and the JVP would run the function again, which changes values outside itself: "
     r"only the VJP check ran", "notes.check_vjp_only"),
    (r"JVP check not run: the function does not support forward mode \((?P<error>\w+)\)",
     "notes.check_jvp_failed"),
    (r"finite differences compared (?P<picked>\d+) of (?P<total>\d+) columns", "notes.check_fd_columns"),
    (r"finite-difference check not run \((?P<error>\w+)\)", "notes.check_fd_failed"),
    (r"VJP check stopped: it used its share of the program's limits \((?P<error>\w+)\)",
     "notes.check_vjp_limit"),
    (r"JVP check stopped: it used its share of the program's limits \((?P<error>\w+)\)",
     "notes.check_jvp_limit"),
    (r"finite-difference check stopped: it used its share of the program's limits \((?P<error>\w+)\)",
     "notes.check_fd_limit"),
    (r"finite differences need a function; dY/dX is read from the graph", "notes.check_dydx"),
    (r"paths of a Jacobian with more than (?P<limit>[\d,]+) entries are followed for the cell you click",
     "notes.paths_lazy"),
    (r"the function was not run again, so there is no graph to follow", "notes.paths_no_graph"),
    (r"row (?P<row>\d+) is outside the Jacobian's (?P<rows>[\d,]+) rows", "notes.paths_row_outside"),
    (r"the output does not depend on the inputs through the graph", "notes.paths_independent"),
    (r"'(?P<of>[^']+)' does not depend on '(?P<wrt>[^']+)': every entry is 0", "notes.dydx_zero"),
    (r"the chain-rule paths are drawn for jacobian\(\.\.\.\) calls, not for (?P<call>.+)",
     "notes.func_paths"),
    (r"the checks did not run: the function could not run again \((?P<error>\w+)\)", "notes.func_no_rerun"),
    (r"the checks stopped: running the function again used their share of the program's limits "
     r"\((?P<error>\w+)\)", "notes.func_rerun_limit"),
    (r"line (?P<line>\d+): `(?P<call>.+)` under vmap computes a batch of Jacobians, one per row: not drawn "
     r"\(the page draws one Jacobian per call; call it on one row to see it\)", "notes.func_batch"),
    (r"line (?P<line>\d+): `(?P<call>.+)` under vmap computes a batch of Hessians, one per row: not drawn "
     r"\(the page draws one Hessian per call; call it on one row to see it\)", "notes.func_batch_hessian"),
    (r"line (?P<line>\d+): `(?P<call>.+)` computes third or higher derivatives: not drawn \(the page draws "
     r"first and second derivatives\)", "notes.func_higher"),
    (r"line (?P<line>\d+): `(?P<call>.+)` has inputs or outputs that are not tensors or tuples of tensors: "
     r"not drawn", "notes.func_not_tensors"),
    (r"line (?P<line>\d+): `(?P<call>.+)` could not be drawn \((?P<error>\w+)\)", "notes.func_not_drawn"),
    (r"line (?P<line>\d+): `(?P<call>.+)` ran more than (?P<limit>\d+) times: the page draws the first "
     r"(?P=limit) calls of a line", "notes.func_more_calls"),
    (r"line (?P<line>\d+): `(?P<call>.+)` not drawn: the matrices drawn would hold more than "
     r"(?P<limit>[\d,]+) entries, the most one run keeps", "notes.func_entries"),
) + DYDX

# Why the Eigen page has no matrix (engine/eigen.py, engine/eigen_sources.py, links.parse_matrix).
EIGEN = _rules(
    (r"(?P<where>.+?) must hold numbers only, not (?P<value>.+)", "notes.eigen_numbers_only"),
    (r"(?P<where>.+?) must hold finite numbers \(no NaN or infinity\)", "notes.eigen_finite"),
    (r"(?P<where>.+?) holds (?P<value>\S+): entries must be at most (?P<limit>\S+) in size "
     r"\(beyond that the arithmetic overflows\)", "notes.eigen_too_big"),
    (r"(?P<where>.+?) must be a nested list of rows such as \[\[2,1\],\[1,2\]\]", "notes.eigen_nested"),
    (r"(?P<where>.+?) must be square: it has (?P<n>\d+) rows of lengths (?P<lengths>.+)",
     "notes.eigen_square"),
    (r"(?P<where>.+?) must be 2×2 or 3×3, not (?P<n>\d+)×\d+", "notes.eigen_size"),
    (r"`(?P<name>[^`]+)` has shape (?P<shape>.+): eigen analysis needs a square 2×2 or 3×3 matrix",
     "notes.eigen_shape"),
    (r"`(?P<name>[^`]+)` is complex: eigen analysis needs a real matrix", "notes.eigen_complex"),
    (r"the start vector must be (?P<n>\d+) finite numbers, not all 0", "notes.eigen_start"),
    (r"(?P<name>.+) is not a function name", "notes.eigen_not_function"),
    (r"the point must be two finite numbers x, y", "notes.eigen_point"),
    (r"the program stopped with an error: (?P<error>.+)", "notes.eigen_program_error"),
    (r"the program has no variable `(?P<name>[^`]+)`", "notes.eigen_no_variable"),
    (r"`(?P<name>[^`]+)` is not a tensor with values", "notes.eigen_not_tensor"),
    (r"the function's Jacobian has shape (?P<shape>.+): the Eigen page needs a function from 2 numbers to "
     r"2 numbers", "notes.eigen_jacobian_shape"),
    (r"`(?P<name>\w+)` must have (?P<count>\d+) numbers, not (?P<given>\d+)", "notes.eigen_count"),
    (r"`(?P<name>\w+)` must hold finite numbers \(no NaN or infinity\)", "notes.eigen_finite"),
    (r"`(?P<name>\w+)` must be numbers separated by commas, not (?P<value>.+)", "notes.eigen_commas"),
)

# The Eigen analysis's numerical warnings (engine/eigen.py analyse), said by engine/eigen_words.py.
EIGEN_ANALYSIS = _rules(
    (r"Numerically close to a defective matrix: A − (?P<lam>\S+)·I is not exactly 0 "
     r"\(it moves vectors by up to (?P<zeroed>\S+), tiny next to ‖A‖ = (?P<scale>\S+)\), "
     r"so A is treated as (?P=lam)·I; a slightly larger off-diagonal entry would make it "
     r"a shear with a single eigen-direction\.", "notes.eigen_near_identity"),
    (r"Numerically close to a defective matrix: the eigenvalues are distinct but "
     r"the eigen-directions are almost parallel\.", "notes.eigen_near_parallel"),
    (r"Numerically singular: A shrinks one direction to (?P<s>\S+) of its length, "
     r"below the tolerance for this matrix\.", "notes.eigen_near_singular"),
)

# Link complaints of the Eigen page (links.parse_matrix, components/eigen_input.py `v`).
LINKS = _rules(
    (r"the link's `matrix` must be square \(it has (?P<n>\d+) rows of lengths (?P<lengths>.+)\)",
     "notes.link_matrix_square"),
    (r"the link's `matrix` must be (?P<a>\d+×\d+) or (?P<b>\d+×\d+), not (?P<n>\d+)×\d+",
     "notes.link_matrix_size"),
    (r"the link's `v` must have 2 numbers x,y, not (?P<given>\d+)", "notes.link_v_count"),
    (r"the link's `v` must not be the zero vector", "notes.link_v_zero"),
    (r"the link's `dir` must read NAME=VALUES \(e\.g\. x=\[1,0,0\]\), not (?P<value>.+)",
     "notes.link_dir_read"),
    (r"the link's `dir` is nested too deeply", "notes.link_dir_deep"),
)

# Why graphviz could not draw a figure (autogradlab/render/export.py RenderError); graphviz's and the
# system's own words stay as they are.
RENDER = _rules(
    (r"graphviz is not installed \(the `dot` program was not found\); install it with `apt-get install "
     r"graphviz`", "notes.render_missing"),
    (r"graphviz took longer than (?P<seconds>[\d.]+) s to lay out this graph", "notes.render_slow"),
    (r"graphviz could not be started: (?P<error>.+)", "notes.render_start"),
    (r"graphviz could not draw this graph: (?P<error>.+)", "notes.render_failed"),
    (r"unknown format (?P<fmt>.+): choose one of (?P<choices>.+)", "notes.render_format"),
    (r"unknown PNG scale (?P<scale>.+): choose one of (?P<choices>.+)", "notes.render_scale"),
)

# A link's complaint about a value typed in a box (the tangent direction, a free value): the
# sentence says what was typed, not "the link's".
TYPED = ("notes.link_dir_prefix", "notes.typed_dir_prefix")

# `where` in the Eigen messages is mostly "the matrix"; the other languages name it themselves.
WHERE = {"the matrix": "notes.eigen_the_matrix"}


def _omitted_parts(lang: str, values: dict[str, str]) -> None:
    """The data-shaped pieces of report_values' omission note: "a value", "(shown N times: ...)",
    "values: ..." / "grad: ..."."""
    what = values["what"]
    what = messages.text(lang, "notes.a_value") if what == "a value" else what
    shown = r" \(shown ([\d,]+) times: the same object is bound to several names or list items\)"
    values["what"] = re.sub(shown, lambda m: messages.text(lang, "notes.shown_times", times=m[1]), what)
    part = lambda m: (m[1] and "；") + messages.text(lang, f"notes.part_{m[2]}")  # noqa: E731
    values["parts"] = re.sub(r"(^|; )(values|grad): ", part, values["parts"])


# Why the forward-mode run stopped (engine/step_run.py, tangent_run.py), inside notes.tangent_stopped:
# out of time (these keys), a type name, or the program's own error (said as the error box says it).
TANGENT_TIME = ("notes.tangent_no_time", "notes.tangent_time_out")


def _tangent_error(lang: str, error: str) -> str:
    for key in TANGENT_TIME:
        if error == messages.text("en", key):
            return messages.text(lang, key)
    if re.fullmatch(r"\w+", error):     # an exception's type name stays as code
        return error
    from autogradlab import error_text

    return error_text.say(lang, error, *recognise(error))


NOTE_MAX_CHARS = 20_000   # a longer note is recognised by its first NOTE_MAX_CHARS characters


def _recognise(text: str, rules: tuple) -> tuple[str | None, tuple]:
    """A note's key and parameters. Notes may be long (a repaired program, PyTorch's own text): past
    NOTE_MAX_CHARS only the head is matched (the patterns' cost grows with the length), and the
    parameter that runs to the head's end gets the rest of the text."""
    if len(text) <= NOTE_MAX_CHARS:
        return recognise(text, rules, max_chars=NOTE_MAX_CHARS)
    head = text[:NOTE_MAX_CHARS]
    for pattern, key in rules:
        match = pattern.fullmatch(head)
        if match is None:
            continue
        names = [n for n, v in match.groupdict().items() if v is not None and match.end(n) == len(head)]
        if not names:
            return None, ()
        values = {n: v for n, v in match.groupdict().items() if v is not None}
        values[names[0]] = text[match.start(names[0]):]
        return key, tuple(values.items())
    return None, ()


SKIPPED = ("notes.notebook_skipped", "notes.plot_skipped_one", "notes.plot_skipped")


def skipped_lines(notes: list[str] | tuple[str, ...]) -> list[str]:
    """The report notes that name lines of the program which did not run (notebook set-up lines,
    plotting calls): the pages besides the Graph page show these, not the op-list's bookkeeping."""
    return [note for note in notes if _recognise(note, REPORT)[0] in SKIPPED]


def say_typed(lang: str, text: str, rules: tuple) -> str:
    """A link parser's complaint (links.parse_direction) about a value the user typed in a box:
    said in `lang` without "the link's" (it did not come from a link)."""
    said = say(lang, text, rules)
    for each in dict.fromkeys((messages.normalize(lang), messages.DEFAULT_LANG)):
        link, typed = (messages.text(each, k) for k in TYPED)
        said = said.replace(link, typed)
        link, typed = (messages.text(each, k) for k in ("notes.link_prefix", "notes.typed_prefix"))
        said = said.replace(link, typed)
    return said


def say(lang: str, text: str, rules: tuple = REPORT) -> str:
    """`text` (English, as the engine wrote it) in `lang` when `rules` recognise it, else as it is."""
    lang = messages.normalize(lang)
    if lang == messages.DEFAULT_LANG:
        return text
    key, params = _recognise(text, rules)
    if key is None:
        return text
    values = dict(params)
    if values.get("where") in WHERE:
        values["where"] = messages.text(lang, WHERE[values["where"]])
    if "busiest" in values:     # "mul (line 5) ×600, ones (line 2) ×1"
        line = lambda m: messages.text(lang, "notes.op_line", line=m[1])  # noqa: E731
        values["busiest"] = re.sub(r"\(line (\d+)\)", line, values["busiest"])
    if key in ("notes.values_omitted", "notes.grad_omitted"):
        _omitted_parts(lang, values)
    if key == "notes.eigen_program_error":   # the program's own error, as the error box says it
        from autogradlab import error_text

        values["error"] = error_text.say(lang, values["error"], *recognise(values["error"]))
    if key in ("notes.tangent_stopped", "notes.tangent_stopped_line"):   # why forward mode stopped
        values["error"] = _tangent_error(lang, values["error"])
    try:
        return messages.text(lang, key, **values)
    except (KeyError, IndexError, ValueError):
        return text

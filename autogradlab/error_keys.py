"""Message keys for the engine's most common error texts, so the UI can say them in Chinese too.

The engine builds its messages in English inside the sandbox worker (and the CLI's JSON keeps them
as they are). ErrorInfo carries, besides that text, an optional catalogue key with its parameters
(`errors.name_not_defined`, name="y"). Rather than touching every raise site of the interpreter,
the key is recognised here from the message's wording, once, when the ErrorInfo is made; a message
not listed keeps no key and is shown as written. tests/unit/test_error_keys.py runs real programs
through the engine, so a reworded message that no longer matches is noticed.
"""

from __future__ import annotations

import re

_Rule = tuple[re.Pattern[str], str]


def _rules(*pairs: tuple[str, str]) -> tuple[_Rule, ...]:
    return tuple((re.compile(pattern, re.DOTALL), key) for pattern, key in pairs)


MESSAGES = _rules(
    (r"name '(?P<name>[^']+)' is not defined", "errors.name_not_defined"),
    (r"'(?P<type>Tensor|Parameter)' object has no attribute '(?P<name>[^']+)'", "errors.tensor_no_attribute"),
    (r"module '(?P<module>[^']+)' has no attribute '(?P<name>[^']+)'", "errors.module_no_attribute"),
    (r"(?P<what>.+?) (?:is|are) not supported in Autograd Lab", "errors.not_supported"),
    (r"(?P<what>.+?) (?:is|are) not supported", "errors.not_supported"),
    (r"the program ran for more than (?P<seconds>[\d.]+) s and was stopped here "
     r"\(the time limit is (?P<limit>[\d.]+) s\)", "errors.time_limit"),
    (r"the program ran for more than (?P<limit>[\d.]+) s(?: and was stopped)?", "errors.time_limit_short"),
    (r"the program ran longer than (?P<limit>[\d.]+) s and was stopped", "errors.time_limit_short"),
    (r"the program ran longer than (?P<limit>[\d.]+) s and was stopped in the middle of this statement",
     "errors.time_limit_op"),
    (r"the program keeps more than (?P<limit>[\d,]+) tensor results alive at once \(limit max_ops = [\d,]+\)",
     "errors.ops_limit"),
    (r"the worker running your program stopped unexpectedly", "errors.crash"),
    (r"superseded by a newer run", "errors.superseded"),
    (r"the program took more than (?P<steps>[\d,]+) steps; the limit is [\d,]+", "errors.step_limit"),
    (r"the program printed more than (?P<limit>[\d,]+) characters; the limit is [\d,]+",
     "errors.printed_limit"),
    (r"result of (?P<what>.+) would have (?P<elements>[\d,]+) elements; the limit is (?P<limit>[\d,]+)",
     "errors.tensor_size"),
    (r"the program would create more than (?P<limit>[\d,]+) tensor elements in total "
     r"\(at (?P<what>.+)\); the limit is [\d,]+", "errors.total_elements"),
    (r"the program would hold more than (?P<limit>[\d,]+) tensor elements \(4 bytes each\) in memory at "
     r"once \(at (?P<what>.+)\); the limit is [\d,]+", "errors.held_elements"),
    (r"the program used more than (?P<mb>[\d,]+) MB of memory and was stopped", "errors.memory"),
    (r"(?P<what>.+) ran past (?P<limit>[\d,]+) loop iterations in total.*", "errors.loop_limit"),
    (r"server busy: about (?P<seconds>\d+) s of programs are queued", "errors.busy"),
    (r"invalid syntax", "errors.invalid_syntax"),
    (r"two statements are run together on one line", "errors.run_together"),
    (r"a number is directly followed by letters", "errors.number_letters"),
    (r"a colon ':' is missing", "errors.missing_colon"),
    (r"a string is not closed", "errors.string_not_closed"),
    (r"'(?P<bracket>.)' was never closed", "errors.never_closed"),
    (r"this line is indented more than the line before it", "errors.unexpected_indent"),
    (r"the program ends in the middle of a statement", "errors.unexpected_eof"),
)

HINTS = _rules(
    (r"did you mean `(?P<suggestion>[^`]+)`\?", "errors.hint_did_you_mean"),
    (r"write (?P<code>\S+)", "errors.hint_write"),
    (r"use functions \(`def`\) instead", "errors.hint_use_def"),
    (r"Autograd Lab runs PyTorch code only; do the data preparation elsewhere", "errors.hint_pytorch_only"),
    (r"the d2l package is not here: remove its plotting lines \(d2l\.plot, d2l\.set_figsize, \.\.\.\) and "
     r"write its tensor functions with torch's names \(d2l\.tensor -> torch\.tensor\)", "errors.hint_d2l"),
    (r"limit (?P<name>max_\w+)", "errors.hint_limit"),
    (r"fewer loop iterations or smaller tensors help; a `while` loop whose condition "
     r"never becomes False runs forever", "errors.hint_time"),
    (r"use smaller sizes \(limit max_tensor_elements\)", "errors.hint_tensor_size"),
    (r"use smaller tensors or fewer loop iterations \(limit max_total_elements\)", "errors.hint_total"),
    (r"keep fewer or smaller tensors alive; what a loop lets go does not count \(limit max_total_elements\)",
     "errors.hint_held"),
    (r"use smaller tensors, or fewer of them", "errors.hint_memory"),
    (r"print less, e\.g\. only every 100th pass of a loop \(limit max_printed_chars\)",
     "errors.hint_printed"),
    (r"look at the loops: a while loop whose condition never becomes False runs forever; fewer iterations or "
     r"smaller tensors also help", "errors.hint_time"),
    (r"one operation here takes too long by itself: use smaller tensors or fewer of these operations",
     "errors.hint_slow_op"),
    (r"keep fewer tensors in lists, or let a loop's results go \(a loop that rebinds its variables is fine\)",
     "errors.hint_ops"),
    (r"run it again; if it keeps happening, simplify the program", "errors.hint_crash"),
    (r"it will try again by itself in (?P<seconds>[\d.]+) s; no need to press Run", "errors.hint_busy"),
    (r"put each statement on its own line", "errors.hint_run_together"),
    (r"close the bracket opened here, or remove it", "errors.hint_never_closed"),
    (r"add ':' at the end of the `if`/`for`/`while`/`def` line", "errors.hint_missing_colon"),
)

# Why a link (autogradlab/links.py LinkError) could not be used.
LINKS = _rules(
    (r"the link's `code` is not a program encoded by Autograd Lab \(not base64; "
     r"was the link cut short\?\)", "links.not_base64"),
    (r"the link's `code` is not a program encoded by Autograd Lab \(not zlib data; "
     r"was the link cut short\?\)", "links.not_a_program"),
    (r"the link's `code` is incomplete \(was the link cut short\?\)", "links.incomplete"),
    (r"the link's program is longer than the limit of (?P<limit>[\d,]+) characters", "links.too_long"),
    (r"the link's program is too long \((?P<length>[\d,]+) characters of `code`; the limit is "
     r"(?P<limit>[\d,]+)\)", "links.code_too_long"),
    (r"the link's program is not UTF-8 text", "links.not_utf8"),
    (r"the link's `(?P<name>\w+)` must be a whole number, not (?P<value>.+)", "links.whole_number"),
    (r"the link's `(?P<name>\w+)` must be between (?P<low>\S+) and (?P<high>\S+), not (?P<value>.+)",
     "links.between"),
    (r"the link's `(?P<name>\w+)` must be one of (?P<choices>.+), not (?P<value>.+)", "links.one_of"),
    (r"the link's `(?P<name>\w+)` is not valid JSON: (?P<value>.+)", "links.not_json"),
    (r"the link's `(?P<name>\w+)` must hold finite numbers \(no NaN or infinity\)", "links.finite"),
    (r"the link's `(?P<name>\w+)` must have (?P<count>\d+) numbers, not (?P<given>\d+)", "links.count"),
    (r"the link's `matrix` must be a nested list such as \[\[2,1\],\[1,2\]\]", "links.matrix_nested"),
    (r"the link's `(?P<name>\w+)` is too long \((?P<length>[\d,]+) characters\)", "links.param_too_long"),
    (r"the link's `(?P<name>\w+)` must be numbers separated by commas, not (?P<value>.+)", "links.commas"),
    (r"the link's `(?P<name>\w+)` must hold numbers only, not (?P<value>.+)", "links.numbers_only"),
    (r"the link's `(?P<name>\w+)` must be 1 or 0, not (?P<value>.+)", "links.flag"),
    (r"the link's `cell` must be two whole numbers i,j, not (?P<value>.+)", "links.cell_whole"),
    (r"the link's `cell` (?P<cell>\d+,\d+) is outside the (?P<rows>\d+)×(?P<cols>\d+) Jacobian",
     "links.cell_outside"),
    (r"the link's `call` must be 0 to (?P<last>\d+) \(this program's Jacobians\), not (?P<call>\d+)",
     "links.call_outside"),
    (r"the link's `output` must name a tensor variable of this program, not (?P<value>.+)",
     "links.output_unknown"),
)

# The Steps page's notes (engine/step_run.py, step_tangents.py, steps.py) most students meet.
NOTES = _rules(
    (r"expression mode: (?P<names>.+?) (?:is a leaf|are leaves) \(requires_grad=True\) and backward\(\) ran "
     r"on the expression; it is not a scalar, so with gradient = ones \(the same as backward of its sum\)",
     "steps.note.expression_sum"),
    (r"expression mode: (?P<names>.+?) (?:is a leaf|are leaves) \(requires_grad=True\) and backward\(\) ran "
     r"on the expression", "steps.note.expression"),
    (r"this program has no backward\(\) that reaches the output: the reverse steps are of (?P<call>.+), "
     r"run by Autograd Lab", "steps.note.synthetic"),
    (r"no backward\(\) reached this output: add `(?P<how>.+)` to the program, or run backward on the output "
     r"with the page's toggle, to see the reverse steps", "steps.note.no_backward"),
    (r"the output is not a scalar: reverse mode answers \(uᵀJ\)·v for the backward's gradient u, which "
     r"equals Σ u·\(J·v\)", "steps.note.not_scalar"),
    (r"the output is a leaf tensor: no operation made it, so there is nothing to step", "steps.note.leaf"),
    (r"no forward-mode steps: no leaf of the output's graph is held by a variable\b.*", "steps.note.no_leaf"),
)

# PyTorch's errors as the engine retells them (autogradlab/error_keys_torch.py), matched first.
from autogradlab.error_keys_lang import LANG, LANG_HINTS  # noqa: E402 - it uses _rules above
from autogradlab.error_keys_more import MORE, MORE_HINTS  # noqa: E402
from autogradlab.error_keys_torch import TORCH, TORCH_HINTS  # noqa: E402 - it uses _rules above

MESSAGES = TORCH + LANG + MORE + MESSAGES
HINTS = TORCH_HINTS + LANG_HINTS + MORE_HINTS + HINTS

Params = tuple[tuple[str, str], ...]
MAX_CHARS = 600


def recognise(text: str | None, rules: tuple[_Rule, ...] = MESSAGES,
              max_chars: int = MAX_CHARS) -> tuple[str | None, Params]:
    """(key, params) of the first rule whose pattern matches all of `text`, else (None, ())."""
    if not text or len(text) > max_chars:   # the known messages are short; a long one has no key
        return None, ()
    for pattern, key in rules:
        match = pattern.fullmatch(text)
        if match:
            return key, tuple((k, v) for k, v in match.groupdict().items() if v is not None)
    return None, ()

"""Message keys for the interpreter's most common own errors (autogradlab/lang/, engine/), so the
error box can say them in Chinese too; recognised from the wording like error_keys.MESSAGES (which
includes these). tests/unit/test_error_keys_lang.py makes each one with a real program."""

from __future__ import annotations

from autogradlab.error_keys import _rules

# a function of the program as Python names it in its call errors: `f`, `<lambda>`, `make.<locals>.f`
_FN = r"(?P<fn>[\w<>]+(?:\.<locals>\.[\w<>]+)*)"

LANG = _rules(
    (r"there is no GPU here: Autograd Lab runs every program on the CPU, so device '(?P<device>[^']*)' is "
     r"not available \(torch\.cuda\.is_available\(\) is False\)", "errors_lang.no_gpu"),
    (r"only the CPU device is available in Autograd Lab, not '(?P<device>[^']*)'", "errors_lang.cpu_only"),
    (r"cannot unpack (?P<given>\d+) values into (?P<names>\d+) names", "errors_lang.unpack"),
    (r"tensors cannot be set items in Autograd Lab \(a tensor hashes by its identity, not its values\)",
     "errors_lang.set_tensor"),
    (r"set items are numbers, strings, None or short tuples of those in Autograd Lab "
     r"\(not '(?P<type>[^']+)'\)", "errors_lang.set_item"),
    (r"multiple starred expressions in assignment", "errors_lang.multiple_starred"),
    (r"starred assignment target must be in a list or tuple", "errors_lang.starred_alone"),
    (r"'pop from an empty set'", "errors_lang.set_pop_empty"),
    (r"'(?P<type>[^']+)' object is not iterable", "errors_lang.not_iterable"),
    (r"cannot unpack non-iterable (?P<type>[\w.]+) object", "errors_lang.cannot_unpack"),
    (r"'(?P<type>[^']+)' object is not subscriptable", "errors_lang.not_subscriptable"),
    (r"'(?P<type>[^']+)' object does not support item assignment", "errors_lang.no_item_assignment"),
    (r"'(?P<type>[^']+)' object is not callable", "errors_lang.not_callable"),
    (_FN + r"\(\) takes (?P<n>\d+) positional arguments but (?P<given>\d+) were given",
     "errors_lang.positional"),
    (_FN + r"\(\) takes (?P<n>\d+) positional argument but (?P<given>\d+) were given",
     "errors_lang.positional_one"),
    (_FN + r"\(\) takes (?P<n>\d+) positional arguments but (?P<given>\d+) was given",
     "errors_lang.positional_given_one"),
    # CPython's own words, kept so that `except ... as e` prints what Python prints
    *((rf"(?P<fn>[\w.]+) expected {how}(?P<n>\d+) argument{s}, got (?P<given>\d+)", f"errors_lang.{key}{one}")
      for how, key in (("at most ", "expected_at_most"), ("at least ", "expected_at_least"),
                       ("", "expected_exactly")) for s, one in (("s", ""), ("", "_one"))),
    (r"(?P<fn>[\w.]+) expected (?P<low>\d+) to (?P<high>\d+) arguments, got (?P<given>\d+)",
     "errors_lang.expected_between"),
    (r"(?P<fn>[\w.]+)\(\) takes exactly one argument \((?P<given>\d+) given\)", "errors_lang.exactly_one"),
    *((rf"(?P<fn>[\w.]+)\(\) takes at {how} (?P<n>\d+) {pos}argument{s} \((?P<given>\d+) given\)",
       f"errors_lang.takes_at_{how}{one}")
      for how, pos in (("most", ""), ("least", "positional ")) for s, one in (("s", ""), ("", "_one"))),
    (r"(?P<fn>[\w.]+)\(\) missing required argument '(?P<param>\w+)'", "errors_lang.missing_named"),
    (r"(?P<fn>[\w.]+)\(\) missing required argument '(?P<param>\w+)' \(pos (?P<pos>\d+)\)",
     "errors_lang.missing_named_pos"),
    (r"(?P<fn>(?!format\()[\w.]+)\(\) takes no keyword arguments", "errors_lang.no_keywords"),
    (r"unhashable type: '(?P<type>[^']+)'", "errors_lang.unhashable"),
    (r"Unknown conversion specifier (?P<conversion>.+)", "errors_lang.unknown_conversion"),
    (r"unbound method (?P<method>[\w.]+)\(\) needs an argument", "errors_lang.unbound_needs_argument"),
    (r"invalid action: (?P<action>.+)", "errors_lang.invalid_action"),
    (r"'popitem\(\): dictionary is empty'", "errors_lang.popitem_empty"),
    (_FN + r"\(\) got multiple values for argument '(?P<param>\w+)'", "errors_lang.multiple_values"),
    (r"(?P<fn>\w+)\(\) missing required argument: '(?P<param>\w+)'", "errors_lang.missing_argument"),
    (_FN + r"\(\) got an unexpected keyword argument '(?P<param>\w+)'",
     "errors_lang.unexpected_keyword"),
    (r"functions called each other more than (?P<limit>\d+) levels deep; the limit is (?P=limit)",
     "errors_lang.call_depth"),
    (r"iteration over a 0-d tensor", "errors_lang.iterate_0d"),
    (r"`\^` is exclusive-or in Python, not a power", "errors_lang.xor"),
    (r"`return` outside a function", "errors_lang.return_outside"),
    (r"`(?P<word>break|continue)` outside a loop", "errors_lang.outside_loop"),
    (r"the program is too long: (?P<length>[\d,]+) characters \(limit max_source_chars = (?P<limit>[\d,]+)\)",
     "errors_lang.too_long"),
    (r"the program has too many lines: (?P<lines>[\d,]+) \(limit max_lines = (?P<limit>[\d,]+)\)",
     "errors_lang.too_many_lines"),
    (r"line (?P<line>\d+) is too long: (?P<length>[\d,]+) characters \(limit max_line_chars = "
     r"(?P<limit>[\d,]+)\)", "errors_lang.line_too_long"),
    (r"the value of (?P<name>\w+) must be a number or a nested list of numbers", "errors_lang.free_value"),
    (r"the value of (?P<name>\w+) has (?P<count>[\d,]+) numbers; the limit is (?P<limit>[\d,]+)",
     "errors_lang.free_value_size"),
    (r"the inputs given to jacobian must be either a Tensor or a tuple of Tensors, not (?P<type>\w+)",
     "errors_lang.jacobian_inputs"),
    (r"an empty tensor of shape \[(?P<shape>[^\]]*)\] is too large to show: its non-zero dimensions multiply "
     r"to (?P<extent>[\d,]+); the limit is (?P<limit>[\d,]+)", "errors_lang.empty_extent"),
    (r"an empty tensor of shape \[(?P<shape>[^\]]*)\] is too large to show: it holds (?P<rows>[\d,]+) empty "
     r"rows \(the sizes before its first 0\); the limit is (?P<limit>[\d,]+)", "errors_lang.empty_rows"),
    (r"(?P<what>.+) would take too long to print: each tensor in it counts as (?P<overhead>\d+) values "
     r"besides its numbers, more than (?P<limit>[\d,]+) values in all \(at most (?P<count>[\d,]+) "
     r"one-number tensors\)", "errors_lang.slow_text"),
    (r"(?P<what>[\w.]+) of shape (?P<shape>[\d, \[\]]+) to the power (?P<exponent>.+) would take about "
     r"(?P<work>[\d,]+) arithmetic steps in one call; the limit is (?P<limit>[\d,]+) per call",
     "errors_lang.call_work_power"),
    (r"(?P<what>[\w.]+) of shape (?P<shape>[\d, \[\]]+) would take about (?P<work>[\d,]+) arithmetic steps "
     r"in one call; the limit is (?P<limit>[\d,]+) per call", "errors_lang.call_work"),
    (r"a tensor of (?P<dims>\d+) dimensions is too many to show; the limit is (?P<limit>\d+) dimensions",
     "errors_lang.too_many_dims"),
    (r"jacobian's loop would run (?P<rows>[\d,]+) backward passes through costly calls of about "
     r"(?P<work>[\d,]+) arithmetic steps each, about (?P<total>[\d,]+) in all; the limit is "
     r"(?P<limit>[\d,]+) per call", "errors_lang.jacobian_loop_work"),
    (r"jacobian's loop would run (?P<rows>[\d,]+) backward passes through a graph of (?P<nodes>[\d,]+) "
     r"operations, about (?P<work>[\d,]+) arithmetic steps each, about (?P<total>[\d,]+) in all; the limit "
     r"is (?P<limit>[\d,]+) per call", "errors_lang.jacobian_loop_graph"),
    (r"jacobian would push (?P<rows>[\d,]+) rows at once through a graph of (?P<nodes>[\d,]+) operations, "
     r"about (?P<total>[\d,]+) arithmetic steps in all; the limit is (?P<limit>[\d,]+) per call",
     "errors_lang.jacobian_rows_graph"),
    (r"(?P<what>[\w.]+) of shape (?P<shape>[\d, \[\]]+) would hold an intermediate result of "
     r"(?P<elements>[\d,]+) elements; the limit is (?P<limit>[\d,]+)", "errors_lang.contraction_elements"),
)

LANG_HINTS = _rules(
    (r"write `device = \"cuda\" if torch\.cuda\.is_available\(\) else \"cpu\"` to run the same code here and "
     r"on a GPU machine", "errors_lang.hint_gpu"),
    (r"only \.requires_grad, \.grad and \.data can be assigned", "errors_lang.hint_assignable"),
    (r"there is no GPU here \(torch\.cuda\.is_available\(\) is False\): write `device = \"cuda\" if "
     r"torch\.cuda\.is_available\(\) else \"cpu\"` and `torch\.randn\(10, 20, device=device\)` to run the "
     r"same code here and on a GPU machine", "errors_lang.hint_no_cuda"),
    (r"use a list, or a set of the numbers \(t\.item\(\)\)", "errors_lang.hint_set_tensor"),
    (r"use smaller tensors \(limit max_call_work\)", "errors_lang.hint_call_work"),
    (r"use a smaller input, kernel or batch \(limit max_call_work\)", "errors_lang.hint_conv_work"),
    (r"use a smaller input, kernel or batch \(limit max_total_elements\)", "errors_lang.hint_conv_elements"),
    (r"use fewer dimensions \(reshape it\)", "errors_lang.hint_too_many_dims"),
    (r"fewer outputs or smaller matrices help, or vectorize=True \(limit max_call_work\)",
     "errors_lang.hint_jacobian_loop_work"),
    (r"fewer outputs or fewer operations in the function help \(limit max_graph_work\)",
     "errors_lang.hint_jacobian_loop_graph"),
    (r"contract fewer or smaller tensors at a time \(limit max_tensor_elements\)",
     "errors_lang.hint_contraction_elements"),
    (r"use a smaller matrix or exponent \(limit max_call_work\)", "errors_lang.hint_call_work_power"),
)

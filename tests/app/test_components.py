"""AppTest tests of the Graph page's components, drawn from hand-built Reports (no sandbox)."""

from __future__ import annotations

import dataclasses

import fake_core
import numpy as np
from streamlit.testing.v1 import AppTest

from autogradlab.report import ErrorInfo
from components import error_box, node_details, variables_table


def _error_app(error, source):
    from components import error_box

    error_box.show(error, source)


def _node_app(graph, node_id):
    from components import node_details

    node_details.show(graph, node_id)


def _graph_app(report, style):
    from components import graph_view

    graph_view.show(report, style=style, selected=None)


def _table_app(variables):
    from components import variables_table

    variables_table.show(variables)


CAT_PROGRAM = "import torch\nX = torch.ones(3, 4)\ntorch.cat((X, X), dim=2)\n"


def test_error_box_names_kind_line_column_message_and_hint():
    error = ErrorInfo("value", "dimension out of range: cat of 2-D tensors accepts dim -2..1, got 2", 3, 1,
                      "add a dimension first")
    at = AppTest.from_function(_error_app, args=(error, CAT_PROGRAM)).run()
    assert at.error[0].value.startswith("**Value error at line 3, column 1**")
    assert "dim \\-2\\.\\.1, got 2" in at.error[0].value
    assert "add a dimension first" in at.info[0].value


def test_error_box_quotes_the_line_with_a_caret_under_the_column():
    quoted = error_box.quoted_line("a = 1\ny = 2 * x\n", 2, 9)
    line, caret = quoted.splitlines()
    assert line == "2 | y = 2 * x"
    assert caret.index("^") == line.index("x")


def test_error_caret_counts_wide_characters_twice():
    quoted = error_box.quoted_line("s = '张量' + x\n", 1, 12)
    line, caret = quoted.splitlines()
    assert caret.index("^") == len("1 | s = '") + 4 + len("' + ")


def test_error_quote_leaves_out_the_indentation():
    source = "def f(n):\n    for i in range(n):\n\t\tbuild(child)\n"
    line, caret = error_box.quoted_line(source, 3, 3).splitlines()
    assert line == "3 | build(child)"
    assert caret.index("^") == line.index("build")
    line, caret = error_box.quoted_line(source, 2, 9).splitlines()   # `i` in `    for i in ...`
    assert line == "2 | for i in range(n):" and caret.index("^") == line.index("i in")
    assert error_box.quoted_line(source, 2, 2).splitlines()[1].index("^") == line.index("for")


def test_error_without_a_line_shows_no_quote():
    assert error_box.quoted_line("x = 1\n", None, None) is None
    assert error_box.headline(ErrorInfo("timeout", "took more than 5 s")) == "Time limit reached"


def test_error_message_markdown_is_escaped():
    error = ErrorInfo("syntax", "write 2*x, not 2x ![img](http://example.com/a.png)", 1, 1)
    at = AppTest.from_function(_error_app, args=(error, "2x\n")).run()
    assert "2\\*x" in at.error[0].value
    assert "!\\[img\\]" in at.error[0].value


def test_code_spans_of_a_message_stay_code_and_the_rest_is_escaped():
    error = ErrorInfo("unsupported", "shell commands (`!pip install d2l`) are not supported in Autograd Lab",
                      1, 1, "write `2*x` for 2*x ![img](x)")
    at = AppTest.from_function(_error_app, args=(error, "!pip install d2l\n")).run()
    assert at.error[0].value == ("**Not supported at line 1, column 1** — shell commands "
                                 "\\(`!pip install d2l`\\) are not supported in Autograd Lab")
    assert at.info[0].value == "**Hint:** write `2*x` for 2\\*x \\!\\[img\\]\\(x\\)"


def test_unbalanced_backticks_are_escaped_like_any_text():
    from components.text import markdown_with_code

    assert markdown_with_code("a `b") == "a \\`b"


def test_variables_table_shows_lesson_grad_like_pytorch():
    report = fake_core.lesson_report()
    at = AppTest.from_function(_table_app, args=(report.variables,)).run()
    frame = at.dataframe[0].value
    x = frame[frame["name"] == "x"].iloc[0]
    assert x["grad"] == "[0., 4., 8., 12.]"
    assert x["value"] == "[0., 1., 2., 3.]"
    assert x["shape"] == "4"
    assert bool(x["requires_grad"]) is True
    y = frame[frame["name"] == "y"].iloc[0]
    assert (y["value"], y["shape"], y["grad"], y["grad_fn"]) == ("28.", "scalar", "None", "MulBackward0")


def test_short_tensor_text_keeps_pytorch_spelling_on_one_line():
    text = "tensor([[ 0.,  1.],\n        [ 2.,  3.]], grad_fn=<MulBackward0>)"
    assert variables_table.short_tensor_text(text) == "[[0., 1.], [2., 3.]]"


def test_short_array_of_a_big_array_is_clipped():
    text = variables_table.short_array(np.arange(100.0))
    assert text == "[0., 1., 2., ..., 97., 98., 99.]"
    assert len(variables_table.short_array(np.arange(10_000.0))) == variables_table.MAX_CELL_CHARS


def test_node_label_reads_op_and_variable():
    graph = fake_core.lesson_graph()
    assert node_details.node_label(graph.node("n2")) == "mul → y · line 4"
    assert node_details.node_label(graph.node("n0")) == "x (leaf) · line 2"


def test_node_details_show_op_class_source_line_inputs_and_gradient():
    at = AppTest.from_function(_node_app, args=(fake_core.lesson_graph(), "n1")).run()
    assert at.code[0].value == "line 4: y = 2 * torch.dot(x, x)"
    details = at.markdown[-1].value
    assert "`dot`" in details and "`DotBackward0`" in details
    assert "**inputs:** x \\(leaf\\) · line 2" in details
    assert "**gradient:** `2.`" in details


def test_node_gradient_reads_not_computed_yet_before_backward():
    at = AppTest.from_function(_node_app, args=(fake_core.lesson_graph(backward_done=False), "n0")).run()
    assert "not computed yet" in at.markdown[-1].value
    assert "`0.`" not in at.markdown[-1].value


def _missing_grads_graph():
    """A backward() reached the graph but none of its gradients were recorded (a skimmed loop cut short)."""
    return dataclasses.replace(fake_core.lesson_graph(backward_done=False), backward_done=True)


def test_node_gradient_reads_not_recorded_when_a_backward_kept_no_gradients():
    at = AppTest.from_function(_node_app, args=(_missing_grads_graph(), "n0")).run()
    details = at.markdown[-1].value
    assert "not recorded (the note under Variables says why)" in details
    assert "not on the path" not in details and "not computed yet" not in details


def test_graph_status_says_gradients_not_recorded_when_a_backward_kept_none(fake_core_installed):
    report = dataclasses.replace(fake_core.lesson_report(), graph=_missing_grads_graph())
    at = AppTest.from_function(_graph_app, args=(report, "annotated")).run()
    status = " ".join(caption.value for caption in at.caption)
    assert "gradients: not recorded for this backward()" in status and "not computed yet" not in status
    normal = AppTest.from_function(_graph_app, args=(fake_core.lesson_report(), "annotated")).run()
    assert "after backward" in " ".join(caption.value for caption in normal.caption)


def test_graph_view_draws_svg_with_node_names(fake_core_installed):
    at = AppTest.from_function(_graph_app, args=(fake_core.lesson_report(), "annotated")).run()
    assert not at.exception
    svg = at.markdown[0].value
    assert "<svg" in svg and ">dot<" in svg and ">x<" in svg


def test_graph_view_folds_graphs_over_the_node_budget(fake_core_installed):
    graph = fake_core.lesson_graph()
    nodes = tuple(dataclasses.replace(graph.nodes[1], id=f"n{i}") for i in range(501))
    report = dataclasses.replace(fake_core.lesson_report(), graph=dataclasses.replace(graph, nodes=nodes))
    at = AppTest.from_function(_graph_app, args=(report, "torchviz classic")).run()
    assert "501 nodes" in at.warning[0].value
    assert at.code[0].value == "dot × 501"
    assert "folded" in at.markdown[-1].value


def test_torchviz_failure_says_so_and_offers_the_annotated_view(fake_core_installed):
    report = dataclasses.replace(fake_core.lesson_report(), torchviz_dot=None,
                                 torchviz_error="maximum recursion depth exceeded")
    at = AppTest.from_function(_graph_app, args=(report, "torchviz classic")).run()
    assert "maximum recursion depth exceeded" in at.warning[0].value
    assert at.button(key="to_annotated").label == "Show the annotated view"


def test_program_without_graph_explains_requires_grad():
    report = dataclasses.replace(fake_core.lesson_report(), graph=None)
    at = AppTest.from_function(_graph_app, args=(report, "annotated")).run()
    assert "requires grad" in at.info[0].value
    assert "requires_grad=True" in at.code[0].value


def test_fake_lesson_numbers_are_plain_pytorchs():
    import torch

    x = torch.arange(4.0)
    x.requires_grad_(True)
    y = 2 * torch.dot(x, x)
    y.backward()
    report = fake_core.lesson_report()
    assert report.variables["x"].grad.tolist() == x.grad.tolist()
    assert float(report.variables["y"].value) == y.item()
    assert report.source == fake_core.LESSON


def test_embedded_svg_is_inert_even_if_the_dot_asked_for_links():
    from components.graph_view import inert_svg

    dot = 'digraph { a [label="x" URL="javascript:alert(1)" onclick="alert(2)"] }'
    svg = inert_svg(fake_core.svg_for_web(dot))
    assert svg.startswith("<svg") and ">x<" in svg
    assert "javascript" not in svg and "href" not in svg
    assert "onclick" not in inert_svg('<svg><g onclick="alert(2)"><script>alert(3)</script></g></svg>')
    assert "<script" not in inert_svg('<svg><g onclick="alert(2)"><script>alert(3)</script></g></svg>')

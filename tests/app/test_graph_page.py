"""AppTest tests of the Graph page with the real sandbox pool (started once per test process).

Runs are cached by (program, seed, output), so repeating the lesson example costs one sandbox run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from streamlit.testing.v1 import AppTest

from components import state

TIMEOUT = 60
CAT_LESSON = """import torch
X = torch.arange(12, dtype=torch.float32).reshape((3,4))
Y = torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]])
Z = torch.zeros((3,4))
torch.cat((X,Y,Z),dim=2)
"""


@pytest.fixture
def page(app_file: str) -> AppTest:
    return AppTest.from_file(app_file, default_timeout=TIMEOUT).run()


def submit(at: AppTest, program: str) -> AppTest:
    at.text_area(key=state.EDITOR).input(program)
    return at.button(key=state.RUN_BUTTON).click().run()


def variables_row(at: AppTest, name: str):
    frame = at.dataframe[0].value
    return frame[frame["name"] == name].iloc[0]


def graph_svg(at: AppTest) -> str | None:
    """The drawn SVG: inline markdown (torchviz, folded graphs) or the clickable graph element's data."""
    import json

    for element in at.get("bidi_component"):
        if element.proto.component_name == "autogradlab_svg_view":
            return json.loads(element.proto.json)["svg"]
    return next((m.value for m in at.markdown if "<svg" in m.value), None)


def headings(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("#### ")]


def test_default_program_draws_graph_and_x_grad_like_pytorch(page: AppTest):
    import torch

    x = torch.arange(4.0)
    x.requires_grad_(True)
    (2 * torch.dot(x, x)).backward()
    assert not page.exception and not page.error
    assert graph_svg(page) is not None
    row = variables_row(page, "x")
    assert row["grad"] == "[0., 4., 8., 12.]"
    assert [float(v) for v in row["grad"].strip("[]").split(",")] == x.grad.tolist()


def test_failing_program_shows_error_at_its_line_and_keeps_last_good_run(page: AppTest):
    at = submit(page, CAT_LESSON)
    assert "line 5" in at.error[0].value
    assert "dimension out of range" in at.error[0].value
    assert at.columns[1].code[0].value.splitlines()[0] == "5 | torch.cat((X,Y,Z),dim=2)"   # above the graph
    assert "Graph · _last good run_" in "\n".join(headings(at))
    assert graph_svg(at) is not None
    assert variables_row(at, "x")["grad"] == "[0., 4., 8., 12.]"
    assert at.text_area(key=state.EDITOR).value == CAT_LESSON


def test_error_after_a_printing_run_shows_both_printed_blocks(page: AppTest):
    good = ("import torch\nx = torch.ones(2, requires_grad=True)\nprint('good run')\n"
            "(x * x).sum().backward()\n")
    at = submit(page, good)
    assert not at.exception and not at.error
    bad = "import torch\nprint('before the error')\nX = torch.ones(2, 2)\ntorch.cat((X, X), dim=2)\n"
    at = submit(at, bad)
    assert not at.exception, at.exception
    assert "line 4" in at.error[0].value
    printed = [c.value for c in at.code]
    assert "before the error" in printed and "good run" in printed
    assert "Printed output · _last good run_" in "\n".join(headings(at))
    assert variables_row(at, "x")["grad"] == "[2., 2.]"


def test_selecting_a_node_shows_its_details(page: AppTest):
    picker = next(s for s in page.selectbox if s.label == "Node details")
    assert "dot · line 4" in picker.options and not any(o.startswith("n") for o in picker.options)
    at = picker.select_index(picker.options.index("dot · line 4")).run()
    assert "line 4: y = 2 * torch.dot(x, x)" in [c.value for c in at.code]
    details = [m.value for m in at.markdown]
    assert any("**PyTorch class:** `DotBackward0`" in d for d in details)


def test_output_picker_redraws_the_graph_of_the_chosen_tensor(page: AppTest):
    program = "import torch\nx = torch.arange(4.0, requires_grad=True)\ny = x * 2\nz = y.sum()\n"
    at = submit(page, program)
    picker = at.selectbox(key=state.output_key(program))
    assert picker.value == "z" and "y" in picker.options
    graph_before = graph_svg(at)
    at = picker.select("y").run()
    assert any("output `y`" in c.value for c in at.caption)
    assert graph_svg(at) not in (None, graph_before)


def test_an_unnamed_backward_output_is_named_by_its_text_and_can_be_picked_again(page: AppTest):
    program = "import torch\nx = torch.arange(3.0, requires_grad=True)\ny = x * 2\ny.sum().backward()\n"
    at = submit(page, program)
    picker = at.selectbox(key=state.output_key(program))
    assert picker.value == "" and picker.options[0] == "y.sum() (backward)"
    assert any("output `y.sum()`" in c.value for c in at.caption)
    assert "y.sum()" in graph_svg(at)
    at = picker.select("y").run()
    assert any("output `y`" in c.value for c in at.caption)
    at = at.selectbox(key=state.output_key(program)).select("").run()
    assert any("output `y.sum()`" in c.value for c in at.caption)


def test_a_loop_of_30_steps_is_folded_until_the_student_unfolds_it(page: AppTest):
    program = ("import torch\nx = torch.ones(1, requires_grad=True)\ny = x\nfor i in range(30):\n"
               "    y = torch.sin(y) * 2 + 1\ny.backward()\n")
    at = submit(page, program)
    fold = at.toggle(key=state.FOLD_REPEATS)
    assert fold.value is True
    folded = graph_svg(at)
    assert "× 30" in folded and folded.count('class="node"') < 10
    picker = next(s for s in at.selectbox if s.label == "Node details")
    assert "sin · line 5 (1 of 30)" in picker.options and "sin · line 5 (30 of 30)" in picker.options
    at = fold.set_value(False).run()
    whole = graph_svg(at)
    assert "× 30" not in whole and whole.count('class="node"') == 152


def test_empty_program_explains_how_to_start(page: AppTest):
    at = submit(page, "   \n")
    assert "editor is empty" in at.info[0].value
    assert graph_svg(at) is None


def test_program_without_grad_explains_requires_grad(page: AppTest):
    at = submit(page, "import torch\nx = torch.ones(3)\ny = x + 1\n")
    assert any("requires grad" in i.value for i in at.info)
    assert variables_row(at, "y")["value"] == "[2., 2., 2.]"


def test_about_page_renders(page: AppTest):
    at = page.switch_page("views/about.py").run()
    assert at.title[0].value == "About Autograd Lab"
    assert not at.exception
    time_row = at.dataframe[0].value.iloc[0].tolist()   # session 33: the Steps page's two runs have 1.8×
    assert time_row == ["time", "5 s (the Steps page runs a program twice, its own run and forward mode's: "
                                "9 s for both)"]


def test_app_process_never_imports_torch(app_file: str):
    script = textwrap.dedent(f"""
        import sys
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file({app_file!r}, default_timeout={TIMEOUT}).run()
        assert not at.exception, at.exception
        assert any("<svg" in e.proto.json for e in at.get("bidi_component")), "no graph drawn"
        print("torch" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_seed_changes_random_values_like_a_seeded_pytorch_generator(page: AppTest):
    import torch

    program = "import torch\na = torch.randn(3, requires_grad=True)\nb = a.sum()\n"
    at = submit(page, program)
    at.number_input(key=state.SEED).set_value(7)
    at = at.button(key=state.RUN_BUTTON).click().run()
    expected = torch.randn(3, generator=torch.Generator().manual_seed(7))
    shown = [float(v) for v in variables_row(at, "a")["value"].strip("[]").split(",")]
    assert shown == pytest.approx(expected.tolist(), abs=1e-4)
    assert any("seed 7" in c.value for c in at.caption)


def test_program_text_survives_a_visit_to_the_about_page(page: AppTest):
    program = "import torch\nkept = torch.ones(2, requires_grad=True)\n"
    at = submit(page, program)
    at = at.switch_page("views/about.py").run()
    at = at.switch_page("views/graph.py").run()
    assert at.text_area(key=state.EDITOR).value == program

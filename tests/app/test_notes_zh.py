"""The engine's rarer notes in 简体中文 on the pages (`?lang=zh`): the op list's window note on the
Graph page, a backward past the output on the Steps page, the Jacobian check and path notes beside
the heatmap, the Eigen page's input errors; the English sentence is gone (autogradlab/note_keys.py)."""

from __future__ import annotations

from autogradlab import links
from tests.app.test_lang import open_app, texts

LOOP = ("import torch\nx = torch.ones(2, requires_grad=True)\ny = x\nfor i in range(600):\n    y = y * 1.0\n"
        "y.sum().backward()\n")
PAST = "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nz = y * y\nz.backward()\n"
JACOBIAN = ("import torch\nfrom torch.autograd.functional import jacobian\n"
            "J = jacobian(lambda v: v * 2, torch.ones(100))\n")


def test_graph_page_says_the_window_note_in_chinese():
    at = open_app(code=links.encode_code(LOOP), lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "程序执行了 602 次张量运算" in shown, shown
    assert "mul （第 5 行） ×600" in shown
    assert "tensor operations; the op list" not in shown


def test_steps_page_says_a_backward_past_the_output_in_chinese():
    at = open_app("steps.py", code=links.encode_code(PAST), output="y", lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "第 5 行的 backward() 从输出之后开始" in shown, shown
    assert "started past the output" not in shown


def test_jacobian_page_says_its_check_and_path_notes_in_chinese():
    at = open_app("jacobian.py", code=links.encode_code(JACOBIAN), lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "有限差分比较了 100 列中的" in shown, shown
    assert "只在你点击某个单元格时追踪它的路径" in shown
    assert "finite differences compared" not in shown and "are followed for the cell you click" not in shown


def test_eigen_page_says_a_bad_matrix_link_in_chinese():
    at = open_app("eigen.py", matrix="[[1,2],[3]]", lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "链接中的 `matrix` 必须是方阵" in shown, shown
    assert "must be square" not in shown


def test_eigen_page_says_a_numerical_warning_in_chinese():
    at = open_app("eigen.py", matrix="[[1,1],[1,1.000000000001]]", lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "数值上奇异：A 把一个方向缩短到原长度的 5.0e-13" in shown, shown
    assert "Numerically singular" not in shown


def test_eigen_page_says_a_wrong_jacobian_shape_in_chinese():
    program = "import torch\n\ndef f(p):\n    return torch.stack([p[0], p[1], p[0] * p[1]])\n"
    at = open_app("eigen.py", code=links.encode_code(program), fn="f", at="1,1", lang="zh")
    assert not at.exception
    shown = texts(at)
    assert "特征页面需要一个从 2 个数到 2 个数的函数" in shown, shown
    assert "the Eigen page needs" not in shown

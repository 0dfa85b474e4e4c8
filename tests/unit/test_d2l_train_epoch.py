"""d2l's `train_epoch_ch3` (d2l-zh chapter_linear-networks/softmax-regression-scratch.md at commit 02b0536b,
Apache-2.0, the PyTorch tab's cell as written) on top of tests/programs/tutorial_d2l_zh_softmax_scratch.py:
`isinstance(updater, torch.optim.Optimizer)` answers False as `isinstance(net, torch.nn.Module)` does,
so the custom-updater branch runs. Not a corpus program: the book's next cells need matplotlib's
Animator and `d2l.sgd`; here `updater` is the book's sgd written out (a stand-in, the note says so)."""

from __future__ import annotations

from pathlib import Path

from autogradlab.engine import run_program
from tests.oracle import run_trusted, without_address

TUTORIAL = (Path(__file__).parents[1] / "programs" / "tutorial_d2l_zh_softmax_scratch.py").read_text()
TRAIN_EPOCH = '''
def train_epoch_ch3(net, train_iter, loss, updater):  #@save
    """训练模型一个迭代周期（定义见第3章）"""
    # 将模型设置为训练模式
    if isinstance(net, torch.nn.Module):
        net.train()
    # 训练损失总和、训练准确度总和、样本数
    metric = Accumulator(3)
    for X, y in train_iter:
        # 计算梯度并更新参数
        y_hat = net(X)
        l = loss(y_hat, y)
        if isinstance(updater, torch.optim.Optimizer):
            # 使用PyTorch内置的优化器和损失函数
            updater.zero_grad()
            l.mean().backward()
            updater.step()
        else:
            # 使用定制的优化器和损失函数
            l.sum().backward()
            updater(X.shape[0])
        metric.add(float(l.sum()), accuracy(y_hat, y), y.numel())
    # 返回训练损失和训练精度
    return metric[0] / metric[2], metric[1] / metric[2]
'''
STAND_IN = '''
def sgd(params, lr, batch_size):  # d2l.sgd, as linear-regression-scratch defines it
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

lr = 0.1

def updater(batch_size):
    return sgd([W, b], lr, batch_size)

train_iter = test_iter
for epoch in range(2):
    train_metrics = train_epoch_ch3(net, train_iter, cross_entropy, updater)
    test_acc = evaluate_accuracy(net, test_iter)
    print(epoch, train_metrics, test_acc)
print(isinstance(updater, torch.optim.Optimizer), isinstance(W, (torch.nn.Module, torch.optim.Optimizer)))
'''


def test_train_epoch_ch3_runs_as_written_and_equals_pytorch():
    source = TUTORIAL + TRAIN_EPOCH + STAND_IN
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert without_address(report.printed) == without_address(oracle.printed)
    assert report.printed.endswith("False False\n")
    assert abs(report.variables["W"].grad.sum()) < 1e-6   # the updater zeroed it, as in PyTorch


def test_optimizers_themselves_stay_refused_with_their_hint():
    report = run_program("import torch\nw = torch.ones(1, requires_grad=True)\n"
                         "opt = torch.optim.SGD([w], lr=0.1)\n")
    assert report.error.kind == "unsupported" and "`torch.optim.SGD`" in report.error.message
    assert "optimizers (torch.optim)" in report.error.hint


def test_torch_optim_holds_only_the_optimizer_type():
    from autogradlab.lang.namespaces import modules
    assert set(modules()["torch"].members["optim"].members) == {"Optimizer"}
    for name in ("Adam", "lr_scheduler", "SGD"):
        report = run_program(f"import torch\nx = torch.optim.{name}\n")
        assert report.error.kind == "unsupported" and f"`torch.optim.{name}`" in report.error.message

# Source: Dive into Deep Learning (Chinese edition), chapter_linear-networks/softmax-regression-scratch.md
# (d2l-ai/d2l-zh commit 02b0536b; https://github.com/d2l-ai/d2l-zh/blob/02b0536b/chapter_linear-networks/softmax-regression-scratch.md;
# licence: Apache-2.0; the PyTorch tab's code cells in order as the book renders them (d2l.exp/log/matmul/normal/tensor
# are torch's, d2l.reduce_sum/argmax/astype/reshape/size the tensor methods), one blank line between cells).
# Left out: `from d2l import torch as d2l`, `from IPython import display`, the Fashion-MNIST cell
# (`train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size)`: no files or network here), and the cells
# after `evaluate_accuracy(net, test_iter)` (training with matplotlib's Animator, d2l.sgd, predictions).
# The one line that is not the book's: `test_iter` is a stand-in, two batches of 28x28 random images with
# labels (d2l-zh's Timer, in linear-regression.md, needs `import time` and is in tests/unit/test_plain_classes.py).
import torch

num_inputs = 784
num_outputs = 10

W = torch.normal(0, 0.01, size=(num_inputs, num_outputs), requires_grad=True)
b = torch.zeros(num_outputs, requires_grad=True)

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
X.sum(0, keepdim=True), X.sum(1, keepdim=True)

def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition  # 这里应用了广播机制

X = torch.normal(0, 1, (2, 5))
X_prob = softmax(X)
X_prob, X_prob.sum(1)

def net(X):
    return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)

y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
y_hat[[0, 1], y]

def cross_entropy(y_hat, y):
    return - torch.log(y_hat[range(len(y_hat)), y])

cross_entropy(y_hat, y)

def accuracy(y_hat, y):  #@save
    """计算预测正确的数量"""
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())

accuracy(y_hat, y) / len(y)

def evaluate_accuracy(net, data_iter):  #@save
    """计算在指定数据集上模型的精度"""
    if isinstance(net, torch.nn.Module):
        net.eval()  # 将模型设置为评估模式
    metric = Accumulator(2)  # 正确预测数、预测总数
    with torch.no_grad():
        for X, y in data_iter:
            metric.add(accuracy(net(X), y), y.numel())
    return metric[0] / metric[1]

class Accumulator:  #@save
    """在n个变量上累加"""
    def __init__(self, n):
        self.data = [0.0] * n

    def add(self, *args):
        self.data = [a + float(b) for a, b in zip(self.data, args)]

    def reset(self):
        self.data = [0.0] * len(self.data)

    def __getitem__(self, idx):
        return self.data[idx]

test_iter = [(torch.rand(8, 1, 28, 28), torch.randint(0, 10, (8,))) for _ in range(2)]  # stand-in
evaluate_accuracy(net, test_iter)

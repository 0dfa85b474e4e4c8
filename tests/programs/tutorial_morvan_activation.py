# Source: MorvanZhou/PyTorch-Tutorial, tutorial-contents-notebooks/203_activation.ipynb (commit dbe154a; MIT;
# https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a/tutorial-contents-notebooks/203_activation.ipynb),
# code cells in order. Left out: `import matplotlib.pyplot as plt` and cells 3-4
# (`%matplotlib inline`, the plots).
# Each cell starts with its '# ---- cell N' line (bench/tutorial_cells.py).
# ---- cell 0
import torch
import torch.nn.functional as F
from torch.autograd import Variable

# ---- cell 1
x = torch.linspace(-5, 5, 200)  # x data (tensor), shape=(200, 1)
x = Variable(x)
x_np = x.data.numpy()   # numpy array for plotting

# ---- cell 2
y_relu = F.relu(x).data.numpy()
y_sigmoid = torch.sigmoid(x).data.numpy()
y_tanh = F.tanh(x).data.numpy()
y_softplus = F.softplus(x).data.numpy()

# y_softmax = F.softmax(x)
# softmax is a special kind of activation function, it is about probability
# and will make the sum as 1.

# Source: rasbt/stat453-deep-learning-ss21 @2202699 (MIT License), L08/code/cross-entropy-pytorch.ipynb
# (https://github.com/rasbt/stat453-deep-learning-ss21/blob/2202699/L08/code/cross-entropy-pytorch.ipynb): its code
# cells in order, each after a '# ---- cell N (corpus cell)' line (Sebastian Raschka's STAT 453 course: one-hot
# labels, softmax and cross-entropy by hand, then F.nll_loss and F.cross_entropy). Session 41 (breadth).
# ---- cell 1 (r453_cross-entropy-pytorch 1)
import torch
# ---- cell 2 (r453_cross-entropy-pytorch 2)
def to_onehot(y, num_classes):
    y_onehot = torch.zeros(y.size(0), num_classes)
    y_onehot.scatter_(1, y.view(-1, 1).long(), 1).float()
    return y_onehot

y = torch.tensor([0, 1, 2, 2])

y_enc = to_onehot(y, 3)

print('one-hot encoding:\n', y_enc)
# ---- cell 3 (r453_cross-entropy-pytorch 3)
Z = torch.tensor( [[-0.3,  -0.5, -0.5],
                   [-0.4,  -0.1, -0.5],
                   [-0.3,  -0.94, -0.5],
                   [-0.99, -0.88, -0.5]])

Z
# ---- cell 4 (r453_cross-entropy-pytorch 4)
def softmax(z):
    return (torch.exp(z.t()) / torch.sum(torch.exp(z), dim=1)).t()

smax = softmax(Z)
print('softmax:\n', smax)
# ---- cell 5 (r453_cross-entropy-pytorch 5)
def to_classlabel(z):
    return torch.argmax(z, dim=1)

print('predicted class labels: ', to_classlabel(smax))
print('true class labels: ', to_classlabel(y_enc))
# ---- cell 6 (r453_cross-entropy-pytorch 6)
def cross_entropy(softmax, y_target):
    return - torch.sum(torch.log(softmax) * (y_target), dim=1)

xent = cross_entropy(smax, y_enc)
print('Cross Entropy:', xent)
# ---- cell 7 (r453_cross-entropy-pytorch 7)
import torch.nn.functional as F
# ---- cell 8 (r453_cross-entropy-pytorch 8)
F.nll_loss(torch.log(smax), y, reduction='none')
# ---- cell 9 (r453_cross-entropy-pytorch 9)
F.cross_entropy(Z, y, reduction='none')
# ---- cell 10 (r453_cross-entropy-pytorch 10)
F.cross_entropy(Z, y)
# ---- cell 11 (r453_cross-entropy-pytorch 11)
torch.mean(cross_entropy(smax, y_enc))

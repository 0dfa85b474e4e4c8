# Written for Autograd Lab after university "PyTorch tutorial" notebooks for NLP courses (session 26,
# issue 9): our own program, not a copy. It exercises the same constructs: `import torch.nn as nn` (the
# import only), pprint.PrettyPrinter().pprint, tensors from nested lists with dtype=float / bool,
# torch.Tensor(list), torch.from_numpy, *_like makers (zeros, ones, rand, randn), a shape tuple, .view
# with -1, torch.reshape, unsqueeze/squeeze, .numel(), .device and the cuda check, integer-tensor and
# mixed indexing, .item(), broadcasting and @, mean over dims with str.format, torch.cat along each dim,
# add / add_, and gradients accumulating over two backward() calls.
import numpy as np
import torch
import torch.nn as nn
import pprint

pp = pprint.PrettyPrinter()

rows = [[1, 0, 2], [0, 3, 1]]
torch.tensor(rows), torch.tensor(rows, dtype=torch.float), torch.tensor(rows, dtype=torch.bool)

torch.Tensor(rows).dtype, torch.from_numpy(np.array(rows)).dtype

base = torch.tensor([[0.5, -1.0], [2.0, 4.0]])
torch.zeros_like(base), torch.ones_like(base)
torch.rand_like(base).shape, torch.randn_like(base).shape

dims = (2, 3, 2)
blank = torch.zeros(dims)
blank.shape, blank.numel()

seq = torch.arange(12.)
seq.view(4, 3), seq.view(-1, 6).shape, torch.reshape(seq, (3, 4)).shape

col = seq[:4].unsqueeze(1)
col.shape, col.squeeze().shape

seq.device
if torch.cuda.is_available():
    seq = seq.to("cuda")

box = torch.arange(1., 13.).reshape(3, 2, 2)
box[1], box[:, 1, 0]
picks = torch.tensor([2, 0, 2])
box[picks].shape
box[torch.tensor([0, 2]), torch.tensor([1])]
box[2, 1, 1].item()

mat = torch.ones(3, 4) * 3
vec = torch.arange(4.)
mat / (vec + 1), mat @ vec

pp.pprint(mat.T.shape)
pts = torch.tensor([[1.0, 4.0], [3.0, 0.0], [5.0, 2.0]])
pp.pprint("Overall mean: {}".format(pts.mean()))
pp.pprint("Column means: {}".format(pts.mean(0)))
pp.pprint("Row means: {}".format(pts.mean(1)))

tall = torch.cat([pts, pts], dim=0)
wide = torch.cat([pts, pts, pts], dim=1)
print("Shapes after cat: {} and {}".format(tall.shape, wide.shape))

pts.add(pts)
pts
pts.add_(1)
pts

w = torch.tensor([1.5], requires_grad=True)
pp.pprint(w.grad)
q = 2 * w ** 3
q.backward()
pp.pprint(w.grad)
q = 2 * w ** 3
q.backward()
pp.pprint(w.grad)

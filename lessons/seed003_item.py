import torch
a=torch.tensor([3.5])
a,a.item(),float(a),int(a)

import torch
X = torch.arange(12).reshape((3,4))
X

X[1,2]=9
X

X[0:2,:] = 12
X

Y = torch.tensor([[2,1,4,3],[1,2,3,4],[4,3,2,1]])
Y

before = id(Y)
Y = Y + X
id(Y) == before

Z = torch.zeros_like(Y)
print('id(Z):',id(Z))
Z[:] = X + Y
print('id(Z):',id(Z))

before = id(X)
X += Y
id(X) == before

A = X.numpy()
B = torch.tensor(A)
type(A),type(B)

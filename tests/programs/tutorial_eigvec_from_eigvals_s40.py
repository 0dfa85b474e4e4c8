# Source: ritchieng/eigenvectors-from-eigenvalues @ba25a31 (MIT License, (C) Ritchie Ng),
# notebooks/comparison.ipynb (https://github.com/ritchieng/eigenvectors-from-eigenvalues/blob/ba25a31/
# notebooks/comparison.ipynb): the code cells after the first (which prints sys.version), in order, each after
# a '# ---- cell N (corpus cell)' line; seeded here. Session 40 (breadth): torch.rand(50, 50, dtype=float),
# a Python type as the dtype (lang/python_dtypes.py).
import torch
torch.manual_seed(0)
# ---- cell 1 (rn_eigvec_comparison 2)
def subidx(n:int, remove:int) -> list:
    out = list(range(n))
    out.remove(remove)
    return out

def submatrix(A:torch.tensor, j:int) -> torch.tensor:
    n = A.shape[0]
    s = subidx(n, j)
    o = A[s, :]
    o = o[:, s]
    return o

def get_eigenvector_val_old(hermitian_matrix, i, j, disable_complex=False):
    # Old way
    lam, v = torch.linalg.eig(hermitian_matrix)
    if disable_complex:
        old_eigenvector_ij = torch.abs(v[j,i]**2)
    else:
        old_eigenvector_ij = v[j,i]**2
    
    return old_eigenvector_ij

def get_eigenvector_val(hermitian_matrix, i, j, disable_complex=False):
    # Only need to calculate eigenvalues
    lam  = torch.linalg.eigvals(hermitian_matrix)
    
    n = len(lam)
    M = submatrix(hermitian_matrix, j)
    # Only need to calculate eigenvalues
    lam_submatrix = torch.linalg.eigvals(M)

    # Left side of equation 2
    left = torch.prod(torch.tensor([lam[i] - lam[k] for k in range(n) if k!=i]))
    # Right side of equation 2
    right = torch.prod(torch.tensor([lam[i] - lam_submatrix[k] for k in range(n-1)]))
    # Right divided by left
    eigenvector_ij = right / left
    
    if disable_complex:
        eigenvector_ij = torch.abs(eigenvector_ij)
    
    return eigenvector_ij
# ---- cell 2 (rn_eigvec_comparison 3)
'''
Run with Complex Numbers
'''
# Random square matrix
rand_square_matrix = torch.rand(50, 50, dtype=float)

# Hermitian matrix
hermitian_matrix = rand_square_matrix * rand_square_matrix.T

# Old 
old_eigenvector_ij = get_eigenvector_val_old(hermitian_matrix, i=0, j=0)

# New
new_eigenvector_ij = get_eigenvector_val(hermitian_matrix, i=0, j=0)

print(f'Old Method Eigenvector ij: {old_eigenvector_ij}')
print('-'*50)
print(f'New Method Eigenvector ij: {new_eigenvector_ij}')
# ---- cell 3 (rn_eigvec_comparison 4)
'''
Run with Complex Numbers Disabled
'''
# Random square matrix
rand_square_matrix = torch.rand(50, 50, dtype=float)

# Hermitian matrix
hermitian_matrix = rand_square_matrix * rand_square_matrix.T

# Old 
old_eigenvector_ij = get_eigenvector_val_old(hermitian_matrix, i=0, j=0, disable_complex=True)

# New
new_eigenvector_ij = get_eigenvector_val(hermitian_matrix, i=0, j=0, disable_complex=True)

print(f'Old Method Eigenvector ij: {old_eigenvector_ij}')
print('-'*50)
print(f'New Method Eigenvector ij: {new_eigenvector_ij}')

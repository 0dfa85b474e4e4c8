# Source: rougier/numpy-100, 100_Numpy_exercises_with_solutions.md ("100 numpy exercises" by Nicolas P.
# Rougier and contributors; commit 6447594a; MIT License; https://github.com/rougier/numpy-100/blob/6447594a/
# 100_Numpy_exercises_with_solutions.md): each exercise's solution block as written, in order, one cell per
# exercise. Left out, refused here with a message naming the construct: np.show_config, structured dtypes
# (np.dtype([...]), np.ubyte), `from numpy import *`, np.seterr/np.errstate, np.emath, datetime64,
# np.iinfo/np.finfo, set_printoptions(threshold=), scipy, x.view(dtype), io.StringIO, np.ndenumerate/np.ndindex, np.put, a.flat, np.nditer, subclasses of np.ndarray, pandas, stride_tricks,
# slice(), np.unpackbits, np.ascontiguousarray, np.interp, generators passed to np.indices, string arrays;
# and the exercises whose solution fails in plain NumPy too (immutable arrays, `np.sqrt(-1) ==
# np.emath.sqrt(-1)`). Session 30 added np.bincount, np.pad, np.unravel_index, np.diff, np.intersect1d,
# np.argpartition, np.fromiter, np.add.reduce / np.subtract.outer / np.add.at / np.add.reduceat and
# np.negative(out=); exercise 29 (`Z<Z>Z`) fails here as in NumPy, so it is left out with the others.
# ---- cell 0 (exercise 1)
import numpy as np

# ---- cell 2 (exercise 3)
Z = np.zeros(10)
print(Z)

# ---- cell 3 (exercise 4)
Z = np.zeros((10,10))
print("%d bytes" % (Z.size * Z.itemsize))

# Simpler alternative
print("%d bytes" % Z.nbytes)

# ---- cell 5 (exercise 6)
Z = np.zeros(10)
Z[4] = 1
print(Z)

# ---- cell 6 (exercise 7)
Z = np.arange(10,50)
print(Z)

# ---- cell 7 (exercise 8)
Z = np.arange(50)
Z = Z[::-1]
print(Z)

# ---- cell 8 (exercise 9)
Z = np.arange(9).reshape(3, 3)
print(Z)

# ---- cell 9 (exercise 10)
nz = np.nonzero([1,2,0,0,4,0])
print(nz)

# ---- cell 10 (exercise 11)
Z = np.eye(3)
print(Z)

# ---- cell 11 (exercise 12)
Z = np.random.random((3,3,3))
print(Z)

# ---- cell 12 (exercise 13)
Z = np.random.random((10,10))
Zmin, Zmax = Z.min(), Z.max()
print(Zmin, Zmax)

# ---- cell 13 (exercise 14)
Z = np.random.random(30)
m = Z.mean()
print(m)

# ---- cell 14 (exercise 15)
Z = np.ones((10,10))
Z[1:-1,1:-1] = 0
print(Z)

# ---- cell 15 (exercise 16)
Z = np.ones((5,5))
Z = np.pad(Z, pad_width=1, mode='constant', constant_values=0)
print(Z)

# Using fancy indexing
Z[:, [0, -1]] = 0
Z[[0, -1], :] = 0
print(Z)

# ---- cell 16 (exercise 17)
0 * np.nan
np.nan == np.nan
np.inf > np.nan
np.nan - np.nan
np.nan in set([np.nan])
0.3 == 3 * 0.1

# ---- cell 17 (exercise 18)
print(0 * np.nan)
print(np.nan == np.nan)
print(np.inf > np.nan)
print(np.nan - np.nan)
print(np.nan in set([np.nan]))
print(0.3 == 3 * 0.1)

# ---- cell 18 (exercise 19)
Z = np.diag(1+np.arange(4),k=-1)
print(Z)

# ---- cell 19 (exercise 20)
Z = np.zeros((8,8),dtype=int)
Z[1::2,::2] = 1
Z[::2,1::2] = 1
print(Z)

# ---- cell 20 (exercise 21)
print(np.unravel_index(99,(6,7,8)))

# ---- cell 21 (exercise 22)
Z = np.tile( np.array([[0,1],[1,0]]), (4,4))
print(Z)

# ---- cell 22 (exercise 23)
Z = np.random.random((5,5))
Z = (Z - np.mean (Z)) / (np.std (Z))
print(Z)

# ---- cell 24 (exercise 25)
Z = np.matmul(np.ones((5, 3)), np.ones((3, 2)))
print(Z)

# Alternative solution, in Python 3.5 and above
Z = np.ones((5,3)) @ np.ones((3,2))
print(Z)

# ---- cell 25 (exercise 26)
# Author: Evgeni Burovski

Z = np.arange(11)
Z[(3 < Z) & (Z < 8)] *= -1
print(Z)

# ---- cell 30 (exercise 31)
np.array(0) / np.array(0)
np.array(0) // np.array(0)
np.array([np.nan]).astype(int).astype(float)

# ---- cell 31 (exercise 32)
print(np.array(0) / np.array(0))
print(np.array(0) // np.array(0))
print(np.array([np.nan]).astype(int).astype(float))

# ---- cell 32 (exercise 33)
# Author: Charles R Harris

Z = np.random.uniform(-10,+10,10)
print(np.copysign(np.ceil(np.abs(Z)), Z))

# More readable but less efficient
print(np.where(Z>0, np.ceil(Z), np.floor(Z)))

# ---- cell 33 (exercise 34)
Z1 = np.random.randint(0,10,10)
Z2 = np.random.randint(0,10,10)
print(np.intersect1d(Z1,Z2))

# ---- cell 39 (exercise 40)
A = np.ones(3)*1
B = np.ones(3)*2
np.add(A,B,out=B)
np.divide(A,2,out=A)
np.negative(A,out=A)
np.multiply(A,B,out=A)

# ---- cell 40 (exercise 41)
Z = np.random.uniform(0,10,10)

print(Z - Z%1)
print(Z // 1)
print(np.floor(Z))
print(Z.astype(int))
print(np.trunc(Z))

# ---- cell 41 (exercise 42)
Z = np.zeros((5,5))
Z += np.arange(5)
print(Z)

# without broadcasting
Z = np.tile(np.arange(0, 5), (5,1))
print(Z)

# ---- cell 42 (exercise 43)
def generate():
    for x in range(10):
        yield x
Z = np.fromiter(generate(),dtype=float,count=-1)
print(Z)

# ---- cell 43 (exercise 44)
Z = np.linspace(0,1,11,endpoint=False)[1:]
print(Z)

# ---- cell 44 (exercise 45)
Z = np.random.random(10)
Z.sort()
print(Z)

# ---- cell 45 (exercise 46)
# Author: Evgeni Burovski

Z = np.arange(10)
np.add.reduce(Z)

# ---- cell 46 (exercise 47)
A = np.random.randint(0,2,5)
B = np.random.randint(0,2,5)

# Assuming identical shape of the arrays and a tolerance for the comparison of values
equal = np.allclose(A,B)
print(equal)

# Checking both the shape and the element values, no tolerance (values have to be exactly equal)
equal = np.array_equal(A,B)
print(equal)

# ---- cell 48 (exercise 49)
Z = np.random.random((10,2))
X,Y = Z[:,0], Z[:,1]
R = np.sqrt(X**2+Y**2)
T = np.arctan2(Y,X)
print(R)
print(T)

# ---- cell 49 (exercise 50)
Z = np.random.random(10)
Z[Z.argmax()] = 0
print(Z)

# ---- cell 51 (exercise 52)
# Author: Evgeni Burovski

X = np.arange(8)
Y = X + 0.5
C = 1.0 / np.subtract.outer(X, Y)
print(np.linalg.det(C))

# ---- cell 54 (exercise 55)
Z = np.arange(100)
v = np.random.uniform(0,100)
index = (np.abs(Z-v)).argmin()
print(Z[index])

# ---- cell 60 (exercise 61)
X, Y = np.meshgrid(np.linspace(-1,1,10), np.linspace(-1,1,10))
D = np.sqrt(X*X+Y*Y)
sigma, mu = 1.0, 0.0
G = np.exp(-( (D-mu)**2 / ( 2.0 * sigma**2 ) ) )
print(G)

# ---- cell 62 (exercise 63)
# Author: Warren Weckesser

X = np.random.rand(5, 10)

# Recent versions of numpy
Y = X - X.mean(axis=1, keepdims=True)

# Older versions of numpy
Y = X - X.mean(axis=1).reshape(-1, 1)

print(Y)

# ---- cell 63 (exercise 64)
# Author: Steve Tjoa

Z = np.random.randint(0,10,(3,3))
print(Z)
print(Z[Z[:,1].argsort()])

# ---- cell 64 (exercise 65)
# Author: Warren Weckesser

# null : 0 
Z = np.random.randint(0,3,(3,10))
print((~Z.any(axis=0)).any())

# null : np.nan
Z=np.array([
    [0,1,np.nan],
    [1,2,np.nan],
    [4,5,np.nan]
])
print(np.isnan(Z).all(axis=0))

# ---- cell 68 (exercise 69)
# Author: Brett Olsen

Z = np.ones(10)
I = np.random.randint(0,len(Z),20)
Z += np.bincount(I, minlength=len(Z))
print(Z)

# Another solution
# Author: Bartosz Telenczuk
np.add.at(Z, I, 1)
print(Z)

# ---- cell 69 (exercise 70)
# Author: Alan G Isaac

X = [1,2,3,4,5,6]
I = [1,3,9,3,4,1]
F = np.bincount(I,X)
print(F)

# ---- cell 71 (exercise 72)
A = np.random.randint(0,10,(3,4,3,4))
# solution by passing a tuple of axes (introduced in numpy 1.7.0)
sum = A.sum(axis=(-2,-1))
print(sum)
# solution by flattening the last two dimensions into one
# (useful for functions that don't accept tuples for axis argument)
sum = A.reshape(A.shape[:-2] + (-1,)).sum(axis=-1)
print(sum)

# ---- cell 73 (exercise 74)
# Author: Mathieu Blondel

A = np.random.uniform(0,1,(5,5))
B = np.random.uniform(0,1,(5,5))

# Slow version
np.diag(np.dot(A, B))

# Fast version
np.sum(A * B.T, axis=1)

# Faster version
np.einsum("ij,ji->i", A, B)

# ---- cell 74 (exercise 75)
# Author: Warren Weckesser

Z = np.array([1,2,3,4,5])
nz = 3
Z0 = np.zeros(len(Z) + (len(Z)-1)*(nz))
Z0[::nz+1] = Z
print(Z0)

# ---- cell 75 (exercise 76)
A = np.ones((5,5,3))
B = 2*np.ones((5,5))
print(A * B[:,:,None])

# ---- cell 76 (exercise 77)
# Author: Eelco Hoogendoorn

A = np.arange(25).reshape(5,5)
A[[0,1]] = A[[1,0]]
print(A)

# ---- cell 78 (exercise 79)
# Author: Jaime Fernández del Río

C = np.bincount([1,1,2,3,4,4,6])
A = np.repeat(np.arange(len(C)), C)
print(A)

# ---- cell 81 (exercise 82)
# Author: Nathaniel J. Smith

Z = np.random.randint(0,2,100)
np.logical_not(Z, out=Z)

Z = np.random.uniform(-1.0,1.0,100)
np.negative(Z, out=Z)

# ---- cell 82 (exercise 83)
P0 = np.random.uniform(-10,10,(10,2))
P1 = np.random.uniform(-10,10,(10,2))
p  = np.random.uniform(-10,10,( 1,2))

def distance_faster(P0,P1,p):
    #Author: Hemanth Pasupuleti
    #Reference: https://mathworld.wolfram.com/Point-LineDistance2-Dimensional.html

    v = P1- P0 
    v[:,[0,1]] = v[:,[1,0]]
    v[:,1]*=-1 
    norm = np.linalg.norm(v,axis=1)   
    r = P0 - p
    d = np.abs(np.einsum("ij,ij->i",r,v)) / norm 

    return d

print(distance_faster(P0, P1, p))

##--------------- OR ---------------##
def distance_slower(P0, P1, p):
    T = P1 - P0
    L = (T**2).sum(axis=1)
    U = -((P0[:,0]-p[...,0])*T[:,0] + (P0[:,1]-p[...,1])*T[:,1]) / L
    U = U.reshape(len(U),1)
    D = P0 + U*T - p
    return np.sqrt((D**2).sum(axis=1))

print(distance_slower(P0, P1, p))

# ---- cell 87 (exercise 88)
Z = np.random.randint(0,10,50)
print(np.bincount(Z).argmax())

# ---- cell 90 (exercise 91)
# Author: Stefan van der Walt

p, n = 10, 20
M = np.ones((p,n,n))
V = np.ones((p,n,1))
S = np.tensordot(M, V, axes=[[0, 2], [0, 1]])
print(S)

# It works, because:
# M is (p,n,n)
# V is (p,n,1)
# Thus, summing over the paired axes 0 and 0 (of M and V independently),
# and 2 and 1, to remain with a (n,1) vector.

# ---- cell 92 (exercise 93)
# Author: Nicolas Rougier

def iterate(Z):
    # Count neighbours
    N = (Z[0:-2,0:-2] + Z[0:-2,1:-1] + Z[0:-2,2:] +
         Z[1:-1,0:-2]                + Z[1:-1,2:] +
         Z[2:  ,0:-2] + Z[2:  ,1:-1] + Z[2:  ,2:])

    # Apply rules
    birth = (N==3) & (Z[1:-1,1:-1]==0)
    survive = ((N==2) | (N==3)) & (Z[1:-1,1:-1]==1)
    Z[...] = 0
    Z[1:-1,1:-1][birth | survive] = 1
    return Z

Z = np.random.randint(0,2,(50,50))
for i in range(100): Z = iterate(Z)
print(Z)

# ---- cell 93 (exercise 94)
Z = np.arange(10000)
np.random.shuffle(Z)
n = 5

# Slow
print (Z[np.argsort(Z)[-n:]])

# Fast
print (Z[np.argpartition(-Z,n)[:n]])

# ---- cell 97 (exercise 98)
# Author: Gabe Schwartz

A = np.random.randint(0,5,(8,3))
B = np.random.randint(0,5,(2,2))

C = (A[..., np.newaxis, np.newaxis] == B)
rows = np.where(C.any((3,1)).all(1))[0]
print(rows)

# ---- cell 98 (exercise 99)
# Author: Robert Kern

Z = np.random.randint(0,5,(10,3))
print(Z)
# solution for arrays of all dtypes (including string arrays and record arrays)
E = np.all(Z[:,1:] == Z[:,:-1], axis=1)
U = Z[~E]
print(U)
# soluiton for numerical arrays only, will work for any number of columns in Z
U = Z[Z.max(axis=1) != Z.min(axis=1),:]
print(U)

# ---- cell 101 (exercise 102)
# Author: Alex Riley
# Make sure to read: http://ajcr.net/Basic-guide-to-einsum/

A = np.random.uniform(0,1,10)
B = np.random.uniform(0,1,10)

np.einsum('i->', A)       # np.sum(A)
np.einsum('i,i->i', A, B) # A * B
np.einsum('i,i', A, B)    # np.inner(A, B)
np.einsum('i,j->ij', A, B)    # np.outer(A, B)

# ---- cell 103 (exercise 104)
# Author: Evgeni Burovski

X = np.asarray([[1.0, 0.0, 3.0, 8.0],
                [2.0, 0.0, 1.0, 1.0],
                [1.5, 2.5, 1.0, 0.0]])
n = 4
M = np.logical_and.reduce(np.mod(X, 1) == 0, axis=-1)
M &= (X.sum(axis=-1) == n)
print(X[M])

# ---- cell 104 (exercise 105)
# Author: Jessica B. Hamrick

X = np.random.randn(100) # random 1D array
N = 1000 # number of bootstrap samples
idx = np.random.randint(0, X.size, (N, X.size))
means = X[idx].mean(axis=1)
confint = np.percentile(means, [2.5, 97.5])
print(confint)

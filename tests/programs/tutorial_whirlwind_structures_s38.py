# Source: jakevdp/WhirlwindTourOfPython @6f1daf7 (CC0-1.0), 06-Built-in-Data-Structures.ipynb,
# 11-List-Comprehensions.ipynb and 12-Generators.ipynb: every code cell as written, in order, each after a
# '# ---- cell N (notebook cell)' line (bench/tutorial_cells.py), but 06's cells 23 and 24 (a tuple's item
# assignment and append, failing in Python on purpose). Session 38 (breadth): x.as_integer_ratio()
# (lang/number_methods.py), a bare generator-expression line shown as a generator object.
# ---- cell 1 (wwt_06-Built-in-Data-Structures 1)
L = [2, 3, 5, 7]
# ---- cell 2 (wwt_06-Built-in-Data-Structures 2)
# Length of a list
len(L)
# ---- cell 3 (wwt_06-Built-in-Data-Structures 3)
# Append a value to the end
L.append(11)
L
# ---- cell 4 (wwt_06-Built-in-Data-Structures 4)
# Addition concatenates lists
L + [13, 17, 19]
# ---- cell 5 (wwt_06-Built-in-Data-Structures 5)
# sort() method sorts in-place
L = [2, 5, 1, 6, 3, 4]
L.sort()
L
# ---- cell 6 (wwt_06-Built-in-Data-Structures 6)
L = [1, 'two', 3.14, [0, 3, 5]]
# ---- cell 7 (wwt_06-Built-in-Data-Structures 7)
L = [2, 3, 5, 7, 11]
# ---- cell 8 (wwt_06-Built-in-Data-Structures 8)
L[0]
# ---- cell 9 (wwt_06-Built-in-Data-Structures 9)
L[1]
# ---- cell 10 (wwt_06-Built-in-Data-Structures 10)
L[-1]
# ---- cell 11 (wwt_06-Built-in-Data-Structures 11)
L[-2]
# ---- cell 12 (wwt_06-Built-in-Data-Structures 12)
L[0:3]
# ---- cell 13 (wwt_06-Built-in-Data-Structures 13)
L[:3]
# ---- cell 14 (wwt_06-Built-in-Data-Structures 14)
L[-3:]
# ---- cell 15 (wwt_06-Built-in-Data-Structures 15)
L[::2]  # equivalent to L[0:len(L):2]
# ---- cell 16 (wwt_06-Built-in-Data-Structures 16)
L[::-1]
# ---- cell 17 (wwt_06-Built-in-Data-Structures 17)
L[0] = 100
print(L)
# ---- cell 18 (wwt_06-Built-in-Data-Structures 18)
L[1:3] = [55, 56]
print(L)
# ---- cell 19 (wwt_06-Built-in-Data-Structures 19)
t = (1, 2, 3)
# ---- cell 20 (wwt_06-Built-in-Data-Structures 20)
t = 1, 2, 3
print(t)
# ---- cell 21 (wwt_06-Built-in-Data-Structures 21)
len(t)
# ---- cell 22 (wwt_06-Built-in-Data-Structures 22)
t[0]
# ---- cell 23 (wwt_06-Built-in-Data-Structures 25)
x = 0.125
x.as_integer_ratio()
# ---- cell 24 (wwt_06-Built-in-Data-Structures 26)
numerator, denominator = x.as_integer_ratio()
print(numerator / denominator)
# ---- cell 25 (wwt_06-Built-in-Data-Structures 27)
numbers = {'one':1, 'two':2, 'three':3}
# ---- cell 26 (wwt_06-Built-in-Data-Structures 28)
# Access a value via the key
numbers['two']
# ---- cell 27 (wwt_06-Built-in-Data-Structures 29)
# Set a new key:value pair
numbers['ninety'] = 90
print(numbers)
# ---- cell 28 (wwt_06-Built-in-Data-Structures 30)
primes = {2, 3, 5, 7}
odds = {1, 3, 5, 7, 9}
# ---- cell 29 (wwt_06-Built-in-Data-Structures 31)
# union: items appearing in either
primes | odds      # with an operator
primes.union(odds) # equivalently with a method
# ---- cell 30 (wwt_06-Built-in-Data-Structures 32)
# intersection: items appearing in both
primes & odds             # with an operator
primes.intersection(odds) # equivalently with a method
# ---- cell 31 (wwt_06-Built-in-Data-Structures 33)
# difference: items in primes but not in odds
primes - odds           # with an operator
primes.difference(odds) # equivalently with a method
# ---- cell 32 (wwt_06-Built-in-Data-Structures 34)
# symmetric difference: items appearing in only one set
primes ^ odds                     # with an operator
primes.symmetric_difference(odds) # equivalently with a method
# ---- cell 33 (wwt_11-List-Comprehensions 1)
[i for i in range(20) if i % 3 > 0]
# ---- cell 34 (wwt_11-List-Comprehensions 2)
L = []
for n in range(12):
    L.append(n ** 2)
L
# ---- cell 35 (wwt_11-List-Comprehensions 3)
[n ** 2 for n in range(12)]
# ---- cell 36 (wwt_11-List-Comprehensions 4)
[(i, j) for i in range(2) for j in range(3)]
# ---- cell 37 (wwt_11-List-Comprehensions 5)
[val for val in range(20) if val % 3 > 0]
# ---- cell 38 (wwt_11-List-Comprehensions 6)
L = []
for val in range(20):
    if val % 3:
        L.append(val)
L
# ---- cell 39 (wwt_11-List-Comprehensions 7)
val = -10
val if val >= 0 else -val
# ---- cell 40 (wwt_11-List-Comprehensions 8)
[val if val % 2 else -val
 for val in range(20) if val % 3]
# ---- cell 41 (wwt_11-List-Comprehensions 9)
{n**2 for n in range(12)}
# ---- cell 42 (wwt_11-List-Comprehensions 10)
{a % 3 for a in range(1000)}
# ---- cell 43 (wwt_11-List-Comprehensions 11)
{n:n**2 for n in range(6)}
# ---- cell 44 (wwt_11-List-Comprehensions 12)
(n**2 for n in range(12))
# ---- cell 45 (wwt_12-Generators 1)
[n ** 2 for n in range(12)]
# ---- cell 46 (wwt_12-Generators 2)
(n ** 2 for n in range(12))
# ---- cell 47 (wwt_12-Generators 3)
G = (n ** 2 for n in range(12))
list(G)
# ---- cell 48 (wwt_12-Generators 4)
L = [n ** 2 for n in range(12)]
for val in L:
    print(val, end=' ')
# ---- cell 49 (wwt_12-Generators 5)
G = (n ** 2 for n in range(12))
for val in G:
    print(val, end=' ')
# ---- cell 50 (wwt_12-Generators 6)
from itertools import count
count()
# ---- cell 51 (wwt_12-Generators 7)
for i in count():
    print(i, end=' ')
    if i >= 10: break
# ---- cell 52 (wwt_12-Generators 8)
factors = [2, 3, 5, 7]
G = (i for i in count() if all(i % n > 0 for n in factors))
for val in G:
    print(val, end=' ')
    if val > 40: break
# ---- cell 53 (wwt_12-Generators 9)
L = [n ** 2 for n in range(12)]
for val in L:
    print(val, end=' ')
print()

for val in L:
    print(val, end=' ')
# ---- cell 54 (wwt_12-Generators 10)
G = (n ** 2 for n in range(12))
list(G)
# ---- cell 55 (wwt_12-Generators 11)
list(G)
# ---- cell 56 (wwt_12-Generators 12)
G = (n**2 for n in range(12))
for n in G:
    print(n, end=' ')
    if n > 30: break

print("\ndoing something in between")

for n in G:
    print(n, end=' ')
# ---- cell 57 (wwt_12-Generators 13)
L1 = [n ** 2 for n in range(12)]

L2 = []
for n in range(12):
    L2.append(n ** 2)

print(L1)
print(L2)
# ---- cell 58 (wwt_12-Generators 14)
G1 = (n ** 2 for n in range(12))

def gen():
    for n in range(12):
        yield n ** 2

G2 = gen()
print(*G1)
print(*G2)
# ---- cell 59 (wwt_12-Generators 15)
# Generate a list of candidates
L = [n for n in range(2, 40)]
print(L)
# ---- cell 60 (wwt_12-Generators 16)
# Remove all multiples of the first value
L = [n for n in L if n == L[0] or n % L[0] > 0]
print(L)
# ---- cell 61 (wwt_12-Generators 17)
# Remove all multiples of the second value
L = [n for n in L if n == L[1] or n % L[1] > 0]
print(L)
# ---- cell 62 (wwt_12-Generators 18)
# Remove all multiples of the third value
L = [n for n in L if n == L[2] or n % L[2] > 0]
print(L)
# ---- cell 63 (wwt_12-Generators 19)
def gen_primes(N):
    """Generate primes up to N"""
    primes = set()
    for n in range(2, N):
        if all(n % p > 0 for p in primes):
            primes.add(n)
            yield n

print(*gen_primes(100))

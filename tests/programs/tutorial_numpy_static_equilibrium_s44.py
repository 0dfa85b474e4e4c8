# Source: numpy/numpy-tutorials @d8a82a1b79 (BSD-3-Clause, (C) 2005-2023 NumPy Developers), content/tutorial-static_equilibrium.md ("Determining Static Equilibrium in NumPy")
# Its code cells in order, each after a '# ---- cell N' line (N: the page's code-block index). Session 44
# (breadth corpus, /work/wt/corpus-s44). Left out: cells that need a file, a plot, IPython or another library:
#   cell 2: plot/file/display/input/network/other library: fig = plt.figure()
#   cell 4: plot/file/display/input/network/other library: fig = plt.figure()
#   cell 5: plot/file/display/input/network/other library: fig = plt.figure()
#   cell 0: removed import matplotlib.pyplot as plt
# ---- cell 0
import numpy as np
# ---- cell 1
forceA = np.array([1, 0, 0])
forceB = np.array([0, 1, 0])
print("Force A =", forceA)
print("Force B =", forceB)
# ---- cell 3
forceC = forceA + forceB
print("Force C =", forceC)
# ---- cell 6
f = 5  # Force in newtons
L = 2  # Length of the pole

R = 0 - f
M = 0 - f * L
print("Reaction force =", R)
print("Reaction moment =", M)
# ---- cell 7
poleBase = np.array([0, 0, 0])
cordBase = np.array([3, 0, 0])
cordConnection = np.array([0, 0, 2])

poleDirection = cordConnection - poleBase
print("Pole direction =", poleDirection)
cordDirection = cordBase - cordConnection
print("Cord direction =", cordDirection)
# ---- cell 8
cordUnit = cordDirection / np.linalg.norm(cordDirection)
print("Cord unit vector =", cordUnit)
# ---- cell 9
cordTension = 5
forceCord = cordUnit * cordTension
print("Force from the cord =", forceCord)
# ---- cell 10
momentCord = np.cross(forceCord, poleDirection)
print("Moment from the cord =", momentCord)
# ---- cell 11
equilibrium = np.array([0, 0, 0])
R = equilibrium - forceCord
M = equilibrium - momentCord
print("Reaction force =", R)
print("Reaction moment =", M)
# ---- cell 12
A = np.array([0, 0, 0])
B = np.array([0, 3, 0])
C = np.array([0, 6, 0])
D = np.array([1.5, 0, -3])
E = np.array([1.5, 0, 3])
F = np.array([-3, 0, 2])
# ---- cell 13
AB = B - C
AC = C - A
BD = D - B
BE = E - B
CF = F - C

UnitBD = BD / np.linalg.norm(BD)
UnitBE = BE / np.linalg.norm(BE)
UnitCF = CF / np.linalg.norm(CF)

RadBD = np.cross(AB, UnitBD)
RadBE = np.cross(AB, UnitBE)
RadCF = np.cross(AC, UnitCF)

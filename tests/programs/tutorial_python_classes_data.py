# Written here (session 22, issue 9): the Python classes a student writes around a PyTorch lesson, a
# tiny Dataset with __len__/__getitem__ looped over by index and by `for`, a Vector with
# __eq__/__hash__/__lt__/__iadd__/__neg__/__abs__/__bool__, a Bag with __iter__/__contains__, and the
# dict/set/sorted uses that go with them. Compared with plain Python and PyTorch line by line.
import torch

torch.manual_seed(0)


class ToyData:
    """y = 3x + 1 with a little noise, as a map-style dataset."""

    def __init__(self, n):
        self.x = torch.linspace(-1, 1, n).reshape(-1, 1)
        self.y = 3 * self.x + 1 + 0.01 * torch.randn(n, 1)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


data = ToyData(8)
print(len(data), bool(data))
x0, y0 = data[0]
print(x0, y0.shape)

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for epoch in range(10):
    for i in range(len(data)):
        x, y = data[i]
        loss = ((w * x + b - y) ** 2).sum()
        loss.backward()
        with torch.no_grad():
            w -= 0.1 * w.grad
            b -= 0.1 * b.grad
            w.grad.zero_()
            b.grad.zero_()
print(round(w.item(), 3), round(b.item(), 3))

total = 0.0
for x, y in data:   # iteration through __getitem__ until IndexError
    total += y.item()
print(round(total, 4), len([pair for pair in data]))


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return self.x != 0 or self.y != 0


a = Vector(3, 4)
same = Vector(3, 4)
print(a == same, a != same, a is same, a == (3, 4), abs(a), -a)
alias = a
a += Vector(1, 1)
print(a, alias is a, a + Vector(1, 1), bool(Vector(0, 0)), not Vector(0, 1))

visits = {}
for v in [Vector(1, 0), Vector(0, 1), Vector(1, 0), Vector(2, 2), Vector(0, 1), Vector(1, 0)]:
    visits[v] = visits.get(v, 0) + 1
print(visits)
print(visits[Vector(1, 0)], Vector(2, 2) in visits, Vector(9, 9) in visits)

seen = {Vector(1, 0), Vector(1, 0), Vector(0, 2)}
print(len(seen), Vector(0, 2) in seen)
path = [Vector(2, 2), Vector(1, 0), Vector(0, 3)]
print(sorted(path), min(path), max(path))
print(Vector(1, 0) in path, path.index(Vector(0, 3)), path.count(Vector(1, 0)))
path.remove(Vector(1, 0))
path.sort(reverse=True)
print(path)
print(len(visits.keys() & {Vector(2, 2), Vector(5, 5)}), len(visits.keys() - seen))

grid = {(0, (1, 2)): "a", (1, (Vector(0, 0), 3)): "b"}
print(grid[(0, (1, 2))], grid[(1, (Vector(0, 0), 3))])


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __iter__(self):
        for item in self.items:
            yield item

    def __contains__(self, item):
        return item in self.items

    def __len__(self):
        return len(self.items)


bag = Bag(Vector(1, 1), Vector(2, 0))
print(Vector(2, 0) in bag, Vector(5, 5) in bag, list(bag), sorted(bag), len(bag))
if not Bag():
    print("empty bag")
total = Vector(0, 0)
for v in bag:
    total += v
print(total, sum(abs(v) for v in bag) > 0)

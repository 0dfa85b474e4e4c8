# Source: datawhalechina/powerful-numpy, src/introduction/ch-all.ipynb (Chinese NumPy basics; Apache-2.0;
# commit 3da1c9c2c19d6f018607a85c4fa795b5d63c97c1), code cells 0-47 as written, each under its own
# `# ---- cell N` line (the matplotlib import line left out). Left out: cells 12, 16-18, 20 and 22, which
# fail on purpose (the lesson shows NumPy's error; plain NumPy stops there too), and every cell after 47
# (np.save / np.load files, sklearn's iris). Session 33 (corpus).
# ---- cell 0
# 导入 library
import numpy as np
# 画图工具

# ---- cell 1
# 一个 list
np.array([1,2,3])

# ---- cell 2
# 二维（多维类似）
# 注意，有一个小数哦
np.array([[1, 2., 3], [4, 5, 6]])

# ---- cell 3
# 您也可以指定数据类型
np.array([1, 2, 3], dtype=np.float16)

# ---- cell 4
# 如果指定了 dtype，输入的值都会被转为对应的类型，而且不会四舍五入
lst = [
    [1, 2, 3],
    [4, 5, 6.8]
]
np.array(lst, dtype=np.int32)

# ---- cell 5
# 一个 tuple
np.array((1.1, 2.2))

# ---- cell 6
# tuple，一般用 list 就好，不需要使用 tuple
np.array([(1.1, 2.2, 3.3), (4.4, 5.5, 6.6)])

# ---- cell 7
# 转换而不是上面的创建，其实是类似的，无须过于纠结
np.asarray((1,2,3))

# ---- cell 8
np.asarray(([1., 2., 3.], (4., 5., 6.)))

# ---- cell 9
np.arange(12).reshape(3, 4)

# ---- cell 10
# 注意，是小数哦
np.arange(12.0).reshape(4, 3)

# ---- cell 11
np.arange(100, 124, 2).reshape(3, 2, 2)

# ---- cell 13
# 线性
np.linspace(0, 9, 10).reshape(2, 5)

# ---- cell 14
np.linspace(0, 9, 6).reshape(2, 3)

# ---- cell 15
# 指数 base 默认为 10
np.logspace(0, 9, 6, base=np.e).reshape(2, 3)

# ---- cell 19
# 不能直接用 if 判断 array 是否符合某个条件
arr = np.array([1, 2, 3])
cond1 = arr > 2
cond1

# ---- cell 21
# 即便你全是 True 它也不行
arr = np.array([1, 2, 3])
cond2 = arr > 0
cond2

# ---- cell 23
# 咱们只能用 any 或 all，这个很容易犯错，请务必注意。
if cond1.any():
    print("只要有一个为True就可以，所以——我可以")

# ---- cell 24
if cond2.all():
    print("所有值为True才可以，我正好这样")

# ---- cell 25
np.ones(3)

# ---- cell 26
np.ones((2, 3))

# ---- cell 27
np.zeros((2,3,4))

# ---- cell 28
# 像给定向量那样的 0 向量（ones_like 是 1 向量）
np.zeros_like(np.ones((2,3,3)))

# ---- cell 29
# 0-1 连续均匀分布
np.random.rand(2, 3)

# ---- cell 30
# 单个数
np.random.rand()

# ---- cell 31
# 0-1 连续均匀分布
np.random.random((3, 2))

# ---- cell 32
# 指定上下界的连续均匀分布
np.random.uniform(-1, 1, (2, 3))

# ---- cell 33
# 上面两个的区别是 shape 的输入方式不同，无伤大雅了
# 不过从 1.17 版本后推荐这样使用（以后大家可以用新的方法）
# rng 是个 Generator，可用于生成各种分布
rng = np.random.default_rng(42)
rng

# ---- cell 34
# 推荐的连续均匀分布用法
rng.random((2, 3))

# ---- cell 35
# 可以指定上下界，所以更加推荐这种用法
rng.uniform(0, 1, (2, 3))

# ---- cell 36
# 随机整数（离散均匀分布），不超过给定的值（10）
np.random.randint(10, size=2)

# ---- cell 37
# 随机整数（离散均匀分布），指定上下界和 shape
np.random.randint(0, 10, (2, 3))

# ---- cell 38
# 上面推荐的方法，指定大小和上界
rng.integers(10, size=2)

# ---- cell 39
# 上面推荐的方法，指定上下界
rng.integers(0, 10, (2, 3))

# ---- cell 40
# 标准正态分布
np.random.randn(2, 4)

# ---- cell 41
# 上面推荐的标准正态分布用法
rng.standard_normal((2, 4))

# ---- cell 42
# 高斯分布
np.random.normal(0, 1, (3, 5))

# ---- cell 43
# 上面推荐的高斯分布用法
rng.normal(0, 1, (3, 5))

# ---- cell 44
rng = np.random.default_rng(42)

# ---- cell 45
# 离散均匀分布
rng.integers(low=0, high=10, size=5)

# ---- cell 46
# 连续均匀分布
rng.uniform(low=0, high=10, size=5)

# ---- cell 47
# 正态（高斯）分布
rng.normal(loc=0.0, scale=1.0, size=(2, 3))


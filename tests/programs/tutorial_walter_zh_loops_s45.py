# Source: walter201230/Python @9177bb973f (CC BY 4.0, (C) 两点水 / TwoWater), Article/PythonBasis/python5/If.md, Cycle.md and Example.md (草根学Python 第五章: 条件语句和循环语句; in Chinese)
# Its code cells in order, each after a '# ---- cell N' line (N: the page's code-block index). Session 45
# (breadth corpus, /work/wt/corpus-s45). Left out: cells that need a file, a plot, IPython or another library:
#   cell 0: not Python 3 (a syntax template or a shell line)
#   cell 4: not Python 3 (a syntax template or a shell line)
#   cell 5: not Python 3 (a syntax template or a shell line)
#   cell 30: plot/file/display/input/network/other library: year = int(input("请输入一个年份: "))
#   cells 16, 19, 24, 25: plain Python stops there too (syntax templates naming `sequence`, `expression`; `for i in
#   a` of an int, the TypeError the page shows)
# ---- cell 1
# -*-coding:utf-8-*-

results=59

if results>=60:
    print ('及格')
else :
    print ('不及格')
# ---- cell 2
num = 6
if num :
    print('Hello Python')
# ---- cell 3
num = ''
if num :
    print('Hello Python')
# ---- cell 6
# -*-coding:utf-8-*-

results = 89

if results > 90:
    print('优秀')
elif results > 80:
    print('良好')
elif results > 60:
    print ('及格')
else :
    print ('不及格')
# ---- cell 7
# -*-coding:utf-8-*-

java = 86
python = 68

if java > 80 and  python > 80:
    print('优秀')
else :
    print('不优秀')

if ( java >= 80  and java < 90 )  or ( python >= 80 and python < 90):
    print('良好')
# ---- cell 8
java = 86
python = 68

if java > 80:
    if python > 80:
        print('优秀')
    else:
        print('不优秀')
else:
    print('不优秀')
# ---- cell 9
command = 'start'

if command == 'start':
    print('启动')
elif command == 'stop':
    print('停止')
elif command == 'pause':
    print('暂停')
else:
    print('未知指令')
# ---- cell 10
command = 'start'

match command:
    case 'start':
        print('启动')
    case 'stop':
        print('停止')
    case 'pause':
        print('暂停')
    case _:
        print('未知指令')
# ---- cell 11
point = [10, 20]

match point:
    case [0, 0]:
        print('原点')
    case [x, 0]:
        print(f'在 x 轴上，x = {x}')
    case [0, y]:
        print(f'在 y 轴上，y = {y}')
    case [x, y]:
        print(f'普通点，x = {x}，y = {y}')
    case _:
        print('不是二维坐标')
# ---- cell 12
nums = [1, 2, 3, 4, 5]

match nums:
    case [first, *rest]:
        print(f'第一个：{first}，剩下的：{rest}')
# ---- cell 13
response = {'status': 'ok', 'data': [1, 2, 3]}

match response:
    case {'status': 'ok', 'data': data}:
        print(f'成功，拿到数据 {data}')
    case {'status': 'error', 'message': msg}:
        print(f'失败：{msg}')
    case _:
        print('未知响应')
# ---- cell 14
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


p = Point(0, 5)

match p:
    case Point(x=0, y=0):
        print('原点')
    case Point(x=0, y=y):
        print(f'在 y 轴上，y = {y}')
    case Point(x=x, y=0):
        print(f'在 x 轴上，x = {x}')
    case Point(x=x, y=y):
        print(f'普通点 ({x}, {y})')
# ---- cell 15
score = 75

match score:
    case x if x >= 90:
        print('优秀')
    case x if x >= 80:
        print('良好')
    case x if x >= 60:
        print('及格')
    case _:
        print('不及格')
# ---- cell 17
for letter in 'Hello 两点水':
    print(letter)
# ---- cell 18
dict = {'一点水': '小学生', '两点水': '初中生', '三点水': '高中生'}

for i in dict:
    print(i)
# ---- cell 20
for i in range(3):
    print(i)
# ---- cell 21
for i in range(0, 10, 2):
    print(i)
# ---- cell 22
count = 1
sum1 = 0

while count <= 100:    # 条件语句
    sum1 = sum1 + count    # while 子句
    count = count + 1

print(sum1)
# ---- cell 23
for i in range(0, 10):
    print(i)


i = 0
while i < 10:
    print(i)
    i = i + 1
# ---- cell 26
count = 1
sum = 0
while (count <= 100):
    sum = sum + count
    if ( sum > 1000):  #当 sum 大于 1000 的时候退出循环
        break
    count = count + 1
print(sum)
# ---- cell 27
count = 1
sum = 0
while (count <= 100):
    if ( count % 2 == 0):  # 双数时跳过输出
        count = count + 1
        continue
    sum = sum + count
    count = count + 1
print(sum)
# ---- cell 28
for num in range(10,20):  # 迭代 10 到 20 之间的数字
   for i in range(2,num): # 根据因子迭代
      if num%i == 0:      # 确定第一个因子
         j=num/i          # 计算第二个因子
         print (f'{num} 是一个合数')
         break            # 跳出当前循环
   else:                  # 循环的 else 部分
      print (f'{num} 是一个质数')
# ---- cell 29
# -*- coding: UTF-8 -*-

# 打印九九乘法表
for i in range(1, 10):
        for j in range(1, i+1):
            # 使用 f-string 直接在字符串前加 f，大括号里写表达式即可被求值并插入到字符串中
            print(f'{i}x{j}={i*j}\t', end='')
        print()

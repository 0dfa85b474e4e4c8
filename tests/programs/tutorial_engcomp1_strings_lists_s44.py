# Source: engineersCode/EngComp1_offtheground @a6fa44f5a5 (code: BSD-3-Clause, (C) 2018 engineersCode), notebooks_en/2_Jupyter_strings_and_lists.ipynb (Engineering Computations module 1, lesson 2: strings and lists)
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 44
# (breadth corpus, /work/wt/corpus-s44). Left out: cells that need a file, a plot, IPython or another library:
#   cell 72: plot/file/display/input/network/other library: display(HTML(response.text))
#   cell 72: removed import requests; from IPython.core.display import HTML
#   cells 9, 25, 38, 63: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 0
print("Hello World!")
# ---- cell 1
x = 2**8
x < 64
# ---- cell 2
str_1 = 'hello'
str_2 = 'world'
# ---- cell 3
new_string = str_1 + str_2
print(new_string)
# ---- cell 4
my_string = str_1 + ' ' + str_2
print(my_string)
# ---- cell 5
my_string[0]
# ---- cell 6
#If we want the 3rd element we do:
my_string[2]
# ---- cell 7
my_string[1] #this is how we access the second element of a string
# ---- cell 8
len(my_string)
# ---- cell 10
my_string[10]
# ---- cell 11
my_string[-1]
# ---- cell 12
my_string[-2]
# ---- cell 13
my_string[0:5]
# ---- cell 14
my_string[6:]
# ---- cell 15
# Define your string
eng_string = 'engineer'

# Grab 'gin'slice
eng_string[2:5]
# ---- cell 16
AE_quote = "Everybody is a genius. But if you judge a fish by its ability to climb a tree, it will live its whole life believing that it is stupid."
# ---- cell 17
AE_quote.count('e')
# ---- cell 18
AE_quote.count('e', 0, 20)
# ---- cell 19
AE_quote.count('Everybody')
# ---- cell 20
AE_quote.find('fish')
# ---- cell 21
len('fish')
# ---- cell 22
AE_quote[42: 42 + len('fish')]
# ---- cell 23
AE_quote.find('albert')
# ---- cell 24
AE_quote.index('fish')
# ---- cell 26
idx_start = AE_quote.index('fish')
idx_end = AE_quote.index('by') - 1 # -1 to get the index of the space after 'fish'
# ---- cell 27
AE_quote[idx_start:idx_end]
# ---- cell 28
ER_quote = "   Great minds discuss ideas; average minds discuss events; small minds discuss people.  "
# ---- cell 29
ER_quote = ER_quote.strip()
# ---- cell 30
ER_quote
# ---- cell 31
ER_quote.strip('.')
# ---- cell 32
ER_quote
# ---- cell 33
ER_quote.startswith('great')
# ---- cell 34
ER_quote.startswith('Great')
# ---- cell 35
ER_quote.startswith('Gre')
# ---- cell 36
print(AE_quote.split())
# ---- cell 37
print(ER_quote.split())
# ---- cell 39
# A list of integers 
[1, 4, 7, 9]
# ---- cell 40
# A list of strings
['apple', 'banana', 'orange']
# ---- cell 41
# A list with different element types
[2, 'apple', 4.5, [5, 10]]
# ---- cell 42
integers = [1, 2, 3, 4, 5]
fruits = ['apple', 'banana', 'orange']
# ---- cell 43
print(integers)
# ---- cell 44
print(fruits)
# ---- cell 45
new_list = [integers, fruits]
# ---- cell 46
print(new_list)
# ---- cell 47
len(new_list)
# ---- cell 48
new_list[0]
# ---- cell 49
new_list[1]
# ---- cell 50
# Accessing the first two elements of the list fruits
fruits[0:2]
# ---- cell 51
integers.append(6)
# ---- cell 52
print(integers)
# ---- cell 53
'strawberry' in fruits
# ---- cell 54
'strawberry' not in fruits
# ---- cell 55
alist = [1, 2, 3, '4', [5, 'six'], [7]]
# ---- cell 56
alist.index('4')
# ---- cell 57
alist[3]
# ---- cell 58
alist[3] = 4
# ---- cell 59
alist
# ---- cell 60
4 in alist
# ---- cell 61
string = 'This is a string.'
# ---- cell 62
string[-1]
# ---- cell 64
fruits = ['apple', 'banana', 'orange', 'cherry', 'mandarin']

for fruit in fruits:
    print("Eat your", fruit)
# ---- cell 65
names = ['sam', 'zoe', 'naty', 'gil', 'tom']

for i, name in enumerate(names):
    names[i] = name.capitalize()
print(names)
# ---- cell 66
fullnames = [ ['sam','jones'], ['zoe','smith'],['joe','cheek'],['tom','perez'] ]
firstnames = []
lastnames = []

# Write your code here
# ---- cell 67
a = 8 
b = 3

if a > b:
    print('a is bigger than b')
# ---- cell 68
# We pick a number, but you can change it
x = 1547
# ---- cell 69
if x % 17 == 0: 
    print('Your number is a multiple of 17.')
else:
    print('Your number is not a multiple of 17.')
# ---- cell 70
#x = float(input('Insert your number: '))
# ---- cell 71
a = 3
b = 5

if a > b:
    print('a is bigger than b')
elif a < b:
    print('a is smaller than b')
else:
    print('a is equal to b')

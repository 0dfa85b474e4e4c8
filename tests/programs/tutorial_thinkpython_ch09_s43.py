# Source: AllenDowney/ThinkPython @4f17981095 (Think Python, 3rd edition, by Allen B. Downey; code: MIT License, text: CC BY-NC-SA 4.0), chapters/chap09.ipynb (https://github.com/AllenDowney/ThinkPython/blob/4f17981095/chapters/chap09.ipynb). The notebook's `%%expect` and `%xmode` magic lines are removed (plain Python raises there too).
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 43
# (breadth corpus, /work/wt/corpus-s43). Left out: cells that need a file, a plot, IPython or another library:
#   cell 0: out-of-scope import: from os.path import basename, exists
#   cell 7: out-of-scope import: from diagram import make_list, Binding, Value
#   cell 8: out-of-scope import: from diagram import diagram, adjust, Bbox
#   cell 44: out-of-scope import: from diagram import Frame, Stack
#   cell 60: plot/file/display/input/network: download('https://raw.githubusercontent.com/AllenDowney/Thin
#   cell 61: plot/file/display/input/network: for line in open('words.txt'):
#   cell 62: plot/file/display/input/network: string = open('words.txt').read()
#   cell 72: out-of-scope import: from doctest import run_docstring_examples
#   cells 31, 45, 48, 49, 51, 52, 58, 59, 63, 64, 65, 68, 80, 81, 84: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 1
numbers = [42, 123]
# ---- cell 2
cheeses = ['Cheddar', 'Edam', 'Gouda']
# ---- cell 3
t = ['spam', 2.0, 5, [10, 20]]
# ---- cell 4
empty = []
# ---- cell 5
len(cheeses)
# ---- cell 6
len(empty)
# ---- cell 9
cheeses[0]
# ---- cell 10
numbers[1] = 17
numbers
# ---- cell 11
'Edam' in cheeses
# ---- cell 12
'Wensleydale' in cheeses
# ---- cell 13
t = ['spam', 2.0, 5, [10, 20]]
len(t)
# ---- cell 14
10 in t
# ---- cell 15
letters = ['a', 'b', 'c', 'd']
letters[1:3]
# ---- cell 16
letters[:2]
# ---- cell 17
letters[2:]
# ---- cell 18
letters[:]
# ---- cell 19
list(letters)
# ---- cell 20
t1 = [1, 2]
t2 = [3, 4]
t1 + t2
# ---- cell 21
['spam'] * 4
# ---- cell 22
sum(t1)
# ---- cell 23
min(t1)
# ---- cell 24
max(t2)
# ---- cell 25
letters.append('e')
letters
# ---- cell 26
letters.extend(['f', 'g'])
letters
# ---- cell 27
t = ['a', 'b', 'c']
t.pop(1)
# ---- cell 28
t
# ---- cell 29
t = ['a', 'b', 'c']
t.remove('b')
# ---- cell 30
t
# ---- cell 32
s = 'spam'
t = list(s)
t
# ---- cell 33
s = 'pining for the fjords'
t = s.split()
t
# ---- cell 34
s = 'ex-parrot'
t = s.split('-')
t
# ---- cell 35
delimiter = ' '
t = ['pining', 'for', 'the', 'fjords']
s = delimiter.join(t)
s
# ---- cell 36
for cheese in cheeses:
    print(cheese)
# ---- cell 37
s = 'pining for the fjords'

for word in s.split():
    print(word)
# ---- cell 38
for x in []:
    print('This never happens.')
# ---- cell 39
scramble = ['c', 'a', 'b']
sorted(scramble)
# ---- cell 40
scramble
# ---- cell 41
sorted('letters')
# ---- cell 42
''.join(sorted('letters'))
# ---- cell 43
a = 'banana'
b = 'banana'
# ---- cell 46
a = 'banana'
b = 'banana'
a is b
# ---- cell 47
a = [1, 2, 3]
b = [1, 2, 3]
a is b
# ---- cell 50
a = [1, 2, 3]
b = a
b is a
# ---- cell 53
b[0] = 5
a
# ---- cell 54
a = 'banana'
b = 'banana'
# ---- cell 55
def pop_first(lst):
    return lst.pop(0)
# ---- cell 56
letters = ['a', 'b', 'c']
pop_first(letters)
# ---- cell 57
letters
# ---- cell 66
word = 'plumage!'
word = word.strip('!')
word
# ---- cell 67
t = [1, 2, 3]
t = t.remove(3)           # WRONG!
# ---- cell 69
# This cell tells Jupyter to provide detailed debugging information
# when a runtime error occurs. Run it before working on the exercises.
# ---- cell 70
def is_anagram(word1, word2):
    """Checks whether two words are anagrams.
    
    >>> is_anagram('tops', 'stop')
    True
    >>> is_anagram('skate', 'takes')
    True
    >>> is_anagram('tops', 'takes')
    False
    >>> is_anagram('skate', 'stop')
    False
    """
    return None
# ---- cell 71
# Solution goes here
# ---- cell 73
# Solution goes here
# ---- cell 74
reversed('parrot')
# ---- cell 75
list(reversed('parrot'))
# ---- cell 76
''.join(reversed('parrot'))
# ---- cell 77
def reverse_word(word):
    return ''.join(reversed(word))
# ---- cell 78
def is_palindrome(word):
    """Check if a word is a palindrome.
    
    >>> is_palindrome('bob')
    True
    >>> is_palindrome('alice')
    False
    >>> is_palindrome('a')
    True
    >>> is_palindrome('')
    True
    """
    return False
# ---- cell 79
# Solution goes here
# ---- cell 82
def reverse_sentence(input_string):
    '''Reverse the words in a string and capitalize the first.
    
    >>> reverse_sentence('Reverse this sentence')
    'Sentence this reverse'

    >>> reverse_sentence('Python')
    'Python'

    >>> reverse_sentence('')
    ''

    >>> reverse_sentence('One for all and all for one')
    'One for all and all for one'
    '''
    return None
# ---- cell 83
# Solution goes here
# ---- cell 85
# Solution goes here
# ---- cell 86
# Solution goes here

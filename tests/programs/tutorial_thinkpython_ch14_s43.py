# Source: AllenDowney/ThinkPython @4f17981095 (Think Python, 3rd edition, by Allen B. Downey; code: MIT License, text: CC BY-NC-SA 4.0), chapters/chap14.ipynb (https://github.com/AllenDowney/ThinkPython/blob/4f17981095/chapters/chap14.ipynb). The notebook's `%%expect` and `%xmode` magic lines are removed (plain Python raises there too).
# Its code cells in order, each after a '# ---- cell N' line (N: the notebook's code-cell index). Session 43
# (breadth corpus, /work/wt/corpus-s43). Left out: cells that need a file, a plot, IPython or another library:
#   cell 0: out-of-scope import: from os.path import basename, exists
#   cell 6: out-of-scope import: from diagram import make_frame, make_binding
#   cell 7: out-of-scope import: from diagram import diagram, adjust
#   cell 20: out-of-scope import: from diagram import Frame, Binding, Value, Stack
#   cell 21: out-of-scope import: from diagram import Bbox
#   cell 50: plot/file/display/input/network: download('https://raw.githubusercontent.com/AllenDowney/Thin
#   cell 51: out-of-scope import: from structshape import structshape
#   cell 55: out-of-scope import: from doctest import run_docstring_examples
#   cells 58: plain Python stops there too (an error the lesson shows on purpose, or a name a left-out cell made)
# ---- cell 1
class Time:
    """Represents a time of day."""
# ---- cell 2
lunch = Time()
# ---- cell 3
type(lunch)
# ---- cell 4
print(lunch)
# ---- cell 5
lunch.hour = 11
lunch.minute = 59
lunch.second = 1
# ---- cell 8
lunch.hour
# ---- cell 9
total_minutes = lunch.hour * 60 + lunch.minute
total_minutes
# ---- cell 10
f'{lunch.hour}:{lunch.minute}:{lunch.second}'
# ---- cell 11
f'{lunch.hour}:{lunch.minute:02d}:{lunch.second:02d}'
# ---- cell 12
def print_time(time):
    s = f'{time.hour:02d}:{time.minute:02d}:{time.second:02d}'
    print(s)
# ---- cell 13
print_time(lunch)
# ---- cell 14
def make_time(hour, minute, second):
    time = Time()
    time.hour = hour
    time.minute = minute
    time.second = second
    return time
# ---- cell 15
time = make_time(11, 59, 1)
print_time(time)
# ---- cell 16
start = make_time(9, 20, 0)
print_time(start)
# ---- cell 17
start.hour += 1
start.minute += 32
print_time(start)
# ---- cell 18
def increment_time(time, hours, minutes, seconds):
    time.hour += hours
    time.minute += minutes
    time.second += seconds
# ---- cell 19
start = make_time(9, 20, 0)
increment_time(start, 1, 32, 0)
print_time(start)
# ---- cell 22
from copy import copy
# ---- cell 23
start = make_time(9, 20, 0)
# ---- cell 24
end = copy(start)
# ---- cell 25
print_time(start)
print_time(end)
# ---- cell 26
start is end
# ---- cell 27
start == end
# ---- cell 28
def add_time(time, hours, minutes, seconds):
    total = copy(time)
    increment_time(total, hours, minutes, seconds)
    return total
# ---- cell 29
end = add_time(start, 1, 32, 0)
print_time(end)
# ---- cell 30
print_time(start)
# ---- cell 31
start = make_time(9, 40, 0)
end = add_time(start, 1, 32, 0)
print_time(end)
# ---- cell 32
def increment_time(time, hours, minutes, seconds):
    time.hour += hours
    time.minute += minutes
    time.second += seconds

    if time.second >= 60:
        time.second -= 60
        time.minute += 1

    if time.minute >= 60:
        time.minute -= 60
        time.hour += 1
# ---- cell 33
end = add_time(start, 1, 32, 0)
print_time(end)
# ---- cell 34
end = add_time(start, 0, 92, 0)
print_time(end)
# ---- cell 35
end = copy(start)
end.minute = start.minute + 92
end.minute
# ---- cell 36
carry, end.minute = divmod(end.minute, 60)
carry, end.minute
# ---- cell 37
end.hour += carry
print_time(end)
# ---- cell 38
def increment_time(time, hours, minutes, seconds):
    time.hour += hours
    time.minute += minutes
    time.second += seconds
    
    carry, time.second = divmod(time.second, 60)
    carry, time.minute = divmod(time.minute + carry, 60)
    carry, time.hour = divmod(time.hour + carry, 60)
# ---- cell 39
end = add_time(start, 0, 90, 120)
print_time(end)
# ---- cell 40
def time_to_int(time):
    minutes = time.hour * 60 + time.minute
    seconds = minutes * 60 + time.second
    return seconds
# ---- cell 41
time = make_time(1, 1, 1)
print_time(time)
time_to_int(time)
# ---- cell 42
def int_to_time(seconds):
    minute, second = divmod(seconds, 60)
    hour, minute = divmod(minute, 60)
    return make_time(hour, minute, second)
# ---- cell 43
time = int_to_time(3661)
print_time(time)
# ---- cell 44
def add_time(time, hours, minutes, seconds):
    duration = make_time(hours, minutes, seconds)
    seconds = time_to_int(time) + time_to_int(duration)
    return int_to_time(seconds)
# ---- cell 45
start = make_time(9, 40, 0)
end = add_time(start, 1, 32, 0)
print_time(end)
# ---- cell 46
type(start)
# ---- cell 47
isinstance(end, Time)
# ---- cell 48
hasattr(start, 'hour')
# ---- cell 49
vars(start)
# ---- cell 52
# This cell tells Jupyter to provide detailed debugging information
# when a runtime error occurs. Run it before working on the exercises.
# ---- cell 53
def subtract_time(t1, t2):
    """Compute the difference between two times in seconds.
    
    >>> subtract_time(make_time(3, 2, 1), make_time(3, 2, 0))
    1
    >>> subtract_time(make_time(3, 2, 1), make_time(3, 0, 0))
    121
    >>> subtract_time(make_time(11, 12, 0), make_time(9, 40, 0))
    5520
    """
    return None
# ---- cell 54
# Solution goes here
# ---- cell 56
def is_after(t1, t2):
    """Checks whether `t1` is after `t2`.
    
    >>> is_after(make_time(3, 2, 1), make_time(3, 2, 0))
    True
    >>> is_after(make_time(3, 2, 1), make_time(3, 2, 1))
    False
    >>> is_after(make_time(11, 12, 0), make_time(9, 40, 0))
    True
    """
    return None
# ---- cell 57
# Solution goes here
# ---- cell 59
class Date:
    """Represents a year, month, and day"""
# ---- cell 60
def make_date(year, month, day):
    return None
# ---- cell 61
# Solution goes here
# ---- cell 62
birthday1 = make_date(1933, 6, 22)
# ---- cell 63
birthday2 = make_date(1933, 9, 17)
# ---- cell 64
def print_date(date):
    print('')
# ---- cell 65
# Solution goes here
# ---- cell 66
print_date(birthday1)
# ---- cell 67
def is_after(date1, date2):
    return None
# ---- cell 68
# Solution goes here
# ---- cell 69
# Solution goes here
# ---- cell 70
is_after(birthday1, birthday2)  # should be False
# ---- cell 71
is_after(birthday2, birthday1)  # should be True

# Source: the Python tutorial, chapter "8. Errors and Exceptions" (https://docs.python.org/3/tutorial/errors.html,
# Python Software Foundation, PSF licence), sections 8.2 to 8.7, and the Reverse iterator and generator of
# chapter 9's "Iterators" and "Generators" (https://docs.python.org/3/tutorial/classes.html). The
# interactive examples become one script: an example whose `>>>` line ends in a traceback is wrapped in
# `try`/`except` printing the error's class and text; `input()` and `open()` (no console, no files here)
# become a list of answers and a dict of file contents. The chapter's first `raise NameError('HiThere')`
# ends the script uncaught, as it ends the tutorial's example with a traceback.

# 8.2. Exceptions
try:
    10 * (1/0)
except ZeroDivisionError as err:
    print(type(err).__name__ + ":", err)
try:
    4 + spam*3
except NameError as err:
    print(type(err).__name__ + ":", err)
try:
    '2' + 2
except TypeError as err:
    print(type(err).__name__ + ":", err)

# 8.3. Handling Exceptions
for answer in ["seven", "3.5", "7"]:   # the tutorial reads them with input()
    try:
        x = int(answer)
        break
    except ValueError:
        print("Oops!  That was no valid number.  Try again...")
print("x is", x)


class B(Exception):
    pass

class C(B):
    pass

class D(C):
    pass

for cls in [B, C, D]:
    try:
        raise cls()
    except D:
        print("D")
    except C:
        print("C")
    except B:
        print("B")

for cls in [B, C, D]:   # the except clauses reversed: the first matching one runs
    try:
        raise cls()
    except B:
        print("B")
    except C:
        print("C")
    except D:
        print("D")

try:
    raise Exception('spam', 'eggs')
except Exception as inst:
    print(type(inst))    # the exception type
    print(inst.args)     # arguments stored in .args
    print(inst)          # __str__ allows args to be printed directly,
                         # but may be overridden in exception subclasses
    x, y = inst.args     # unpack args
    print('x =', x)
    print('y =', y)

def this_fails():
    x = 1/0

try:
    this_fails()
except ZeroDivisionError as err:
    print('Handling run-time error:', err)

files = {"notes.txt": "first line\nsecond line\n"}   # the tutorial opens files named on the command line
for arg in ["notes.txt", "missing.txt"]:
    try:
        f = files[arg]
    except KeyError:
        print('cannot open', arg)
    else:
        print(arg, 'has', len(f.splitlines()), 'lines')

try:
    x = int("3.14")
except (RuntimeError, TypeError, NameError):
    print("not this one")
except Exception as err:
    print(f"Unexpected {err=}, {type(err)=}")

# 8.4. Raising Exceptions
try:
    raise ValueError  # shorthand for 'raise ValueError()'
except ValueError as err:
    print(repr(err))

try:
    try:
        raise NameError('HiThere')
    except NameError:
        print('An exception flew by!')
        raise
except NameError as err:
    print("raised again:", repr(err))

# 8.5. Exception Chaining
def func():
    raise ConnectionError

try:
    try:
        func()
    except ConnectionError as exc:
        raise RuntimeError('Failed to open database') from exc
except RuntimeError as err:
    print(type(err).__name__ + ":", err)

try:
    try:
        open_database = files["database.sqlite"]
    except KeyError:
        raise RuntimeError from None
except RuntimeError as err:
    print(repr(err))

# 8.6. User-defined Exceptions
class Error(Exception):
    """Base class for exceptions in this module."""
    pass

class InputError(Error):
    """Exception raised for errors in the input."""

    def __init__(self, expression, message):
        self.expression = expression
        self.message = message

class TransitionError(Error):
    """Raised when an operation attempts a state transition that's not allowed."""

    def __init__(self, previous, next, message):
        self.previous = previous
        self.next = next
        self.message = message

for make in ["input", "transition"]:
    try:
        if make == "input":
            raise InputError("2 +* 3", "two operators in a row")
        raise TransitionError("idle", "stopped", "cannot stop what never started")
    except Error as err:
        print(type(err).__name__, err.args, err.message, isinstance(err, Exception))

# 8.7. Defining Clean-up Actions
try:
    try:
        raise KeyError('interrupt')
    finally:
        print('Goodbye, world!')
except KeyError as err:
    print("after finally:", err)

def divide(x, y):
    try:
        result = x / y
    except ZeroDivisionError:
        print("division by zero!")
    else:
        print("result is", result)
    finally:
        print("executing finally clause")

divide(2, 1)
divide(2, 0)
try:
    divide("2", "1")
except TypeError as err:
    print("TypeError:", err)

# 9.8. Iterators
class Reverse:
    """Iterator for looping over a sequence backwards."""
    def __init__(self, data):
        self.data = data
        self.index = len(data)

    def __iter__(self):
        return self

    def __next__(self):
        if self.index == 0:
            raise StopIteration
        self.index = self.index - 1
        return self.data[self.index]

rev = Reverse('spam')
for char in rev:
    print(char)

# 9.9. Generators
def reverse(data):
    for index in range(len(data)-1, -1, -1):
        yield data[index]

for char in reverse('golf'):
    print(char)

# 8.4 again: the example as the tutorial shows it first, with its traceback
raise NameError('HiThere')

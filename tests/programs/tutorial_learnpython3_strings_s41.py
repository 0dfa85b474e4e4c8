# Source: jerry-git/learn-python3 @85e30d3 (MIT License), notebooks/beginner/notebooks/01_strings.ipynb
# (https://github.com/jerry-git/learn-python3/blob/85e30d3/notebooks/beginner/notebooks/01_strings.ipynb): its
# code cells in order, each after a '# ---- cell N (corpus cell)' line. Session 41 (breadth): help(str.replace)
# prints pydoc's text as Python does (lang/introspection.py).
# ---- cell 1 (jg_01_strings 1)
my_string = "Python is my favorite programming language!"
# ---- cell 2 (jg_01_strings 2)
my_string
# ---- cell 3 (jg_01_strings 3)
type(my_string)
# ---- cell 4 (jg_01_strings 4)
len(my_string)
# ---- cell 5 (jg_01_strings 5)
long_story = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit."
    "Pellentesque eget tincidunt felis. Ut ac vestibulum est."
    "In sed ipsum sit amet sapien scelerisque bibendum. Sed "
    "sagittis purus eu diam fermentum pellentesque."
)
long_story
# ---- cell 6 (jg_01_strings 6)
help(str.replace)
# ---- cell 7 (jg_01_strings 7)
my_string.replace("a", "?")
print(my_string)
# ---- cell 8 (jg_01_strings 8)
my_modified_string = my_string.replace("is", "will be")
print(my_modified_string)
# ---- cell 9 (jg_01_strings 9)
first_name = "John"
last_name = "Doe"
age = 88
print(f"My name is {first_name} {last_name}, you can call me {first_name}.")
print(f"I'm {age} years old.")
# ---- cell 10 (jg_01_strings 10)
print(f"Use '=' to also print the variable name like this: {age=}")
# ---- cell 11 (jg_01_strings 11)
pandas = "pandas"
numpy = "numpy"
requests = "requests"
cool_python_libs = ", ".join([pandas, numpy, requests])
# ---- cell 12 (jg_01_strings 12)
print(f"Some cool python libraries: {cool_python_libs}")
# ---- cell 13 (jg_01_strings 13)
cool_python_libs = pandas + ", " + numpy + ", " + requests
print(f"Some cool python libraries: {cool_python_libs}")

cool_python_libs = pandas
cool_python_libs += ", " + numpy
cool_python_libs += ", " + requests
print(f"Some cool python libraries: {cool_python_libs}")
# ---- cell 14 (jg_01_strings 14)
mixed_case = "PyTHoN hackER"
# ---- cell 15 (jg_01_strings 15)
mixed_case.upper()
# ---- cell 16 (jg_01_strings 16)
mixed_case.lower()
# ---- cell 17 (jg_01_strings 17)
mixed_case.title()
# ---- cell 18 (jg_01_strings 18)
ugly_formatted = " \n \t Some story to tell "
stripped = ugly_formatted.strip()

print(f"ugly: {ugly_formatted}")
print(f"stripped: {stripped}")
# ---- cell 19 (jg_01_strings 19)
sentence = "three different words"
words = sentence.split()
print(words)
# ---- cell 20 (jg_01_strings 20)
type(words)
# ---- cell 21 (jg_01_strings 21)
secret_binary_data = "01001,101101,11100000"
binaries = secret_binary_data.split(",")
print(binaries)
# ---- cell 22 (jg_01_strings 22)
ugly_mixed_case = "   ThIS LooKs BAd "
pretty = ugly_mixed_case.strip().lower().replace("bad", "good")
print(pretty)
# ---- cell 23 (jg_01_strings 23)
pretty = ugly_mixed_case.replace("bad", "good").strip().lower()
print(pretty)
# ---- cell 24 (jg_01_strings 24)
two_lines = "First line\nSecond line"
print(two_lines)
# ---- cell 25 (jg_01_strings 25)
indented = "\tThis will be indented"
print(indented)

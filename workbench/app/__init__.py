"""The commands of the workbench, once, for both front ends (the window and the command line).

Each module is one command a person asks for — open a file, save, export the annex, write the
corrections back into a department's workbook, compare two files, read the departments'
returns and accept them, roll the plan forward, generate the collection workbooks, copy the
sample — as plain functions that take paths and documents and return a typed result
dataclass. What a command must check before it writes (a colleague's lock on the output, an
output that would overwrite the input, a folder that does not exist) is checked here, in
`outputs`, and nowhere else: the window shows the refusal in a message box, the command line
prints it as its one line, and both say the same words.

Long work reports through `workbench.progress` (`step()`), which the command line shows as its
progress line and the window as its progress dialog with 取消. No Qt here: the package imports
core and io only, and nothing heavy at import time (the command line's startup depends on it).
"""

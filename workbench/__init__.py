"""Plan Workbench (计划审核工作台): review the annexes of a yearly development plan report."""

__version__ = "0.1.0"

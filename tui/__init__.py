"""The reader: the `briefing` command (`tui.cli`) and the Textual app it opens (`tui.app`)."""

# The distribution's version: pyproject.toml reads it from here ([tool.setuptools.dynamic]), so
# `briefing --version` answers without importlib.metadata.
__version__ = "0.1.0"

"""Which reader reads a file, by its suffix."""

from __future__ import annotations

from .csv_reader import read_csv
from .front_matter import read_front_matter
from .ods_reader import read_ods
from .xls_reader import read_xls
from .xlsx_reader import read_xlsx
from .yaml_reader import read_yaml

READERS = {
    ".yml": read_yaml,
    ".yaml": read_yaml,
    ".csv": read_csv,
    ".xlsx": read_xlsx,
    ".xls": read_xls,
    ".ods": read_ods,
    ".md": read_front_matter,
}
TABLES = (".csv", ".xlsx", ".xls", ".ods")
"""Suffixes of files read as tables (their header row names the columns), in the order a dataset's
patterns list them: a ``.csv`` pattern also names the other three."""

"""Loading: a repository's files read into a typed ``Workspace``, with findings for what is at fault.

Three modules, one job each: ``read`` (confined, bounded reading of the files
found by listing), ``errors`` (YAML and pydantic errors as findings in the
editor's words) and ``workspace`` (what is read, in which order, and what is
left out). The names other layers use are re-exported here.
"""

from generator.loading.errors import date_advice, iso_suggestion, plain_message, validation_findings
from generator.loading.read import (
    FACTS_DIR,
    MAX_SOURCE_BYTES,
    MAX_YAML_BYTES,
    PEOPLE_FILE,
    PUBLISHED_IDS_FILE,
    SOURCES_DIR,
)
from generator.collector import gc_paused
from generator.loading.workspace import SheetFile, Source, Workspace, load_workspace, parse_file

__all__ = [
    "FACTS_DIR", "MAX_SOURCE_BYTES", "MAX_YAML_BYTES", "PEOPLE_FILE", "PUBLISHED_IDS_FILE", "SOURCES_DIR",
    "SheetFile", "Source", "Workspace", "date_advice", "gc_paused", "iso_suggestion", "load_workspace",
    "parse_file", "plain_message", "validation_findings",
]

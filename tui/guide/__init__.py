"""The guide: its model, and the loader that makes one from a YAML file. No Textual imports.

The names below are the package's face. The cache (``tui.guide.cache``) and the schema's parts are
imported by their own paths: they cost imports that a ``check`` or a cache hit does not need.
"""

from tui.guide.loader import default_guide_path, load_guide, parse_guide, read_guide_bytes
from tui.guide.model import (
    DURATION_LIMITS,
    MAX_FILE_BYTES,
    RESERVED_IDS,
    SAFE_URL,
    YEAR_LIMITS,
    ContentError,
    CrisisLine,
    GlossaryEntry,
    Guide,
    Issue,
    Section,
    Source,
    Topic,
)

__all__ = [
    "DURATION_LIMITS",
    "MAX_FILE_BYTES",
    "RESERVED_IDS",
    "SAFE_URL",
    "YEAR_LIMITS",
    "ContentError",
    "CrisisLine",
    "GlossaryEntry",
    "Guide",
    "Issue",
    "Section",
    "Source",
    "Topic",
    "default_guide_path",
    "load_guide",
    "parse_guide",
    "read_guide_bytes",
]

"""Checks on the built site, written so a non-engineer can act on every message.

Each check is a function that takes a `Site` (the built HTML plus the Markdown
it came from) and returns a list of `Problem`s. The tests run every check on
the real site, expecting none, and on small broken fixtures, expecting the
exact problem. `python -m sitetools.checks SITE_DIR` prints them all.
"""

from .care_advice import check_care_advice
from .disclaimer import check_disclaimer
from .frontmatter import check_front_matter
from .glossary import check_glossary
from .links import check_links
from .readability import check_readability
from .safety import check_safety
from .sources import check_sources

ALL_CHECKS = [check_links, check_glossary, check_disclaimer, check_front_matter, check_readability, check_safety,
              check_care_advice,
              check_sources]

"""The site's own tooling, shared by the commands in scripts/ and the tests.

One module, one job. README's table ("Where things are") names every module
with its job, and the layout test keeps that table complete, so the list
is kept there only. The core types sit at the top of the package: the list of
pages (pages.py), a problem phrased for whoever fixes it (problems.py) and the
built site as the checks see it (site.py); the content checks live in checks/.

Nothing here imports from tests/: the tests import from here, and no two
modules import each other (the layout test finds any circle).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

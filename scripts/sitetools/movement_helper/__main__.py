"""python -m sitetools.movement_helper: the command ./scripts/movement-helper runs (command.py)."""

from .command import main

raise SystemExit(main())

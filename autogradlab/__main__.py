"""`python -m autogradlab run|graph ...` (see cli.py)."""

from autogradlab.cli import main

raise SystemExit(main())

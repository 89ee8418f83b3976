"""`python -m tui.cli`: the `briefing` command without its installed script."""

import sys

from tui.cli import main

sys.exit(main())

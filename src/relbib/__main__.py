"""``python -m relbib``."""

from relbib.cli import main

main()

"""The relbib command line: thin commands over the library, output and exit codes.

Input: arguments, files (through workspace/), standard input.
Output: the product on stdout (text or ``--format json``), messages on stderr.
Never: hold logic a library function could hold, or print a traceback
without ``--debug``.

The package: ``shell`` (the typer app, the exit-code policy, streams, the
project and its lock), ``options`` (shared option types and choices), and the
commands by what they work on: ``library_commands`` (parse, ingest, list,
show, search, link, import, build), ``product_commands`` (render, export),
``draft_commands`` (check, lsp).  This module registers them, in the order
``relbib --help`` lists them.

Exit codes (computed in one place, :func:`relbib.cli.shell.run`): 0 success;
1 findings at or above ``--fail-on`` or changes pending (``ingest --check``);
2 bad usage; 3 unreadable or invalid input; 4 internal error.
"""

from __future__ import annotations

from relbib.cli import draft_commands, library_commands, product_commands
from relbib.cli.options import EXPORT_FORMATS, RENDER_FORMATS, STYLES, CheckFormat
from relbib.cli.shell import app, main

# the registries' names and check's choices, as tests and callers know them here
__all__ = ["CheckFormat", "EXPORT_FORMATS", "RENDER_FORMATS", "STYLES", "app", "main"]

_COMMANDS = (  # in the order `relbib --help` lists them
    library_commands.parse, library_commands.ingest, library_commands.list_,
    library_commands.show, library_commands.search, library_commands.link,
    product_commands.render, product_commands.export, library_commands.import_,
    draft_commands.lsp, library_commands.build, draft_commands.check,
)
for _command in _COMMANDS:
    app.command(_command.__name__.rstrip("_"))(_command)  # list_ is `relbib list`

"""Starting `relbib check` stays cheap: the CLI names the render registries without importing them."""

from __future__ import annotations

import subprocess
import sys

from relbib import cli


def test_the_clis_choice_names_are_the_registries() -> None:
    from relbib.export.lists import export_formats
    from relbib.render import formats, styles

    assert cli.RENDER_FORMATS == formats()
    assert cli.STYLES == styles()
    assert cli.EXPORT_FORMATS == export_formats()


def test_importing_the_cli_does_not_import_renderers_or_the_linker() -> None:
    code = ("import sys, relbib.cli, relbib.workspace.check; "
            "print(' '.join(m for m in ('relbib.render', 'relbib.export.lists', 'relbib.claims.link', "
            "'relbib.claims.annotate', 'pybtex', 'lxml', 'rapidfuzz') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == ""

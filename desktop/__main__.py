"""Entry point of `yandu` and `python -m desktop`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _start_window(args: argparse.Namespace) -> int:
    # Imported here so that command-line use never pays for loading Qt.
    from desktop.ui.app import run_app

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command, or open the window when none is given."""
    from desktop.cli import main as cli_main

    return cli_main(argv, start_window=_start_window)


if __name__ == "__main__":
    sys.exit(main())

"""Entry point for ``python -m mcred``."""

from mcred.cli import run

if __name__ == "__main__":
    run()

"""Entry point for ``python -m mcred``."""

from mcred.cli import main

if __name__ == "__main__":
    main()

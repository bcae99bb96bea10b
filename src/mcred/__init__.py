"""mcred: a validator and linter for micro-credential designs."""

__version__ = "0.1.0"
__all__ = ["__version__"]

"""mcred: a validator and linter for micro-credential designs."""

try:  # written from the git tag by the build (hatch-vcs); absent in a bare source tree
    from mcred._version import __version__
except ImportError:  # pragma: no cover - only a tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]

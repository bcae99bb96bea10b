"""Configuration: config files, rule selection, profiles, and the settings they resolve to."""

from __future__ import annotations

from mcred.config.errors import ConfigError

__all__ = ["ConfigError"]

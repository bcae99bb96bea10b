"""Code lists that design values are checked against: countries, languages, currencies, fields.

Each module loads its list on first use (the libraries behind them cost tens of
milliseconds to import, which a pre-commit run should not pay when no rule needs them)
and caches every lookup.
"""

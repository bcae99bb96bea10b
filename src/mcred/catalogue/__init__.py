"""The catalogue: every design of one run (or of the configured root) as one connected whole.

Cross-file rules (MC9xx) and the `mcred catalogue` overview read designs through it; the
modules are imported only by runs that need them.
"""

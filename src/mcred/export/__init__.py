"""Exporters from a linted design to published formats (Open Badges 3.0, ELM 3).

Never imported on the lint path: only ``mcred export`` and ``mcred render`` load it.
"""

"""One line per finding, `path:line:col: severity CODE message`: for grep and editors."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from mcred.findings import Finding
from mcred.reporters.base import Reporter
from mcred.reporters.safe import clean

if TYPE_CHECKING:
    from mcred.runner import RunResult


def concise_line(f: Finding) -> str:
    return (f"{clean(f.path)}:{f.line}:{f.column}: {f.severity.label} {f.code} "
            f"{clean(f.message, 500)}")


class ConciseReporter(Reporter):
    """Nothing at all when clean, so ``mcred lint -f concise … | wc -l`` counts findings."""

    def render(self, result: RunResult, out: TextIO) -> None:
        out.writelines(f"{clean(e, 500)}\n" for e in result.read_errors)
        out.writelines(concise_line(f) + "\n" for f in result.findings)

"""``mcred server``: mcred's findings, fixes and format help in any LSP editor.

The language server reuses the runner, the engine and the fix machinery: what the editor
shows is what ``mcred lint`` reports on the same text. pygls is imported only here.
"""

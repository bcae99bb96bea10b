"""The page's frame: one stylesheet and the HTML skeleton (no scripts, no external assets).

Narrow screens (phones, 390 px wide) never scroll sideways: long words and addresses
wrap, tables become one block per row with each cell labelled, charts shrink to the width.
"""

from __future__ import annotations

from string import Template

CSS = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0;
        --accent: #1f4e8c; --bg: #fff; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: var(--bg); margin: 0; overflow-wrap: break-word; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; color: var(--accent);
     overflow-wrap: break-word; hyphens: auto; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem;
     margin-top: 2rem; }
h3 { font-size: 1.1rem; }
.summary { font-size: 1.1rem; color: var(--muted); }
.kind { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem;
        color: var(--muted); margin: 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
           gap: .35rem 1rem; background: var(--soft); padding: 1rem; border-radius: .4rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; min-width: 0; }
.cta { margin: 1.2rem 0; }
.cta a { display: inline-block; background: var(--accent); color: #fff; font-weight: 600;
         padding: .6rem 1.1rem; border-radius: .4rem; text-decoration: none; }
.cta a:focus, .cta a:hover { outline: 3px solid var(--ink); outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem;
         border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); }
a { color: var(--accent); }
a:focus, a:hover { outline: 2px solid var(--accent); outline-offset: 2px; }
ol.outcomes li { margin: .3rem 0; }
.esco { font-size: .85rem; color: var(--muted); }
svg.chart { max-width: 100%; height: auto; }
.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
.chart .bar { fill: var(--accent); }
footer { color: var(--muted); font-size: .85rem; margin-top: 3rem;
         border-top: 1px solid var(--line); padding-top: .5rem; }
article.design + article.design { margin-top: 3rem; border-top: 4px solid var(--line); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
@media (max-width: 40rem) {
  main { padding: 1rem; }
  h1 { font-size: 1.55rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0 1rem; }
  dl.facts dd { margin-bottom: .5rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td {
    display: block; width: 100%; }
  table.stack thead { position: absolute; left: -9999px; }
  table.stack tr { border-bottom: 2px solid var(--line); padding: .3rem 0; }
  table.stack th, table.stack td { border: 0; padding: .15rem 0; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  .cta a { background: none; color: inherit; padding: 0; }
  h2, h3 { break-after: avoid; }
  table, dl.facts, li, svg { break-inside: avoid; }
  dl.facts { background: none; border: 1px solid var(--line); }
  .skip, nav.index { display: none; }
  article.design + article.design { break-before: page; border: 0; }
}
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mcred $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<a class="skip" href="#content">$skip</a>
<main id="content">
$body
$footer
</main>
</body>
</html>
""")

"""Regenerate the hostile corpus: `python tests/hostile/make_corpus.py` (files + manifest.txt).

Each case is (group/name, bytes, exit code, codes that must be reported). Codes prefixed
with `!` must NOT be reported. The files are committed; this script documents how each was
built (several are easier to read as Python than as bytes). Filesystem cases (FIFOs,
symlinks, odd names, permissions) are created at test time in tests/test_hostile.py.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = (HERE.parent.parent / "examples" / "green-public-procurement.yaml").read_bytes()
Case = tuple[str, bytes, int, str]


def _t(text: str) -> bytes:
    return text.encode("utf-8")


def resources() -> list[Case]:
    laughs = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    laughs += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    merges = ["m0: &m0\n  k0: 1"] + [f"m{i}: &m{i}\n  <<: *m{i - 1}\n  k{i}: {i}"
                                     for i in range(1, 40)]
    wide = "w: &w {" + ", ".join(f"k{i}: {i}" for i in range(1000)) + "}\n"
    return [
        ("resources/billion-laughs.yaml", _t("mcred: 1\n" + "\n".join(laughs) + "\n"), 1,
         "MC009"),
        ("resources/flat-10k-by-10k.yaml", _t("mcred: 1\na: &a [" + ",".join(["x"] * 10_000)
                                              + "]\nb: [" + ",".join(["*a"] * 10_000) + "]\n"),
         1, "MC009"),
        ("resources/wide-mapping-aliased.yaml",
         _t("mcred: 1\n" + wide + "v: [" + ", ".join(["*w"] * 200) + "]\n"), 1, "MC009"),
        ("resources/deep-flow-100k.yaml", _t("mcred: 1\na: " + "[" * 100_000 + "]" * 100_000
                                             + "\n"), 1, "MC009"),
        ("resources/deep-flow-mapping-200.yaml", _t("mcred: 1\na: " + "{b: " * 200 + "x"
                                                    + "}" * 200 + "\n"), 1, "MC009"),
        ("resources/deep-block-300.yaml", _t("mcred: 1\n" + "".join(
            "  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "x\n"), 1, "MC009"),
        ("resources/deep-sequence-dashes.yaml", _t("mcred: 1\na:\n" + "".join(
            "  " * i + "-\n" for i in range(400)) + "  " * 400 + "x\n"), 1, "MC009"),
        ("resources/recursive-alias.yaml", _t("mcred: 1\na: &a [1, *a]\n"), 1, "MC009"),
        ("resources/recursive-merge.yaml", _t("mcred: 1\na: &a\n  b: 1\n  c: *a\n"), 1,
         "MC009"),
        ("resources/many-documents.yaml", _t("mcred: 1\n" + "---\na: 1\n" * 5000), 1,
         "MC001"),
        ("resources/huge-integer.yaml", _t("mcred: 1\nlevel:\n  eqf: " + "9" * 5000 + "\n"),
         1, "MC006"),
        ("resources/huge-exponent.yaml", _t("mcred: 1\nworkload:\n  ects: 1e999999\n"), 1,
         "MC012"),
        ("resources/many-unknown-keys.yaml", _t("mcred: 1\n" + "".join(
            f"unknown_{i}: {i}\n" for i in range(3000))), 1, "MC005,MC009"),
        ("resources/chained-merge-keys.yaml", _t("mcred: 1\n" + "\n".join(merges) + "\n"), 1,
         "MC005"),
        ("resources/long-single-line.yaml", _t("mcred: 1\ntitle: " + "x" * 100_000 + "\n"), 1,
         "MC102"),
    ]


def tags() -> list[Case]:
    return [
        ("tags/python-object-apply.yaml",
         _t("mcred: 1\ntitle: !!python/object/apply:os.system [\"touch /tmp/mcred-pwned\"]\n"),
         1, "MC010"),
        ("tags/python-name.yaml", _t("mcred: 1\ntitle: !!python/name:os.system ''\n"), 1,
         "MC010"),
        ("tags/python-module.yaml", _t("mcred: 1\ntitle: !!python/module:os ''\n"), 1,
         "MC010"),
        ("tags/python-object-new-mapping.yaml",
         _t("mcred: 1\nworkload: !!python/object/new:subprocess.Popen {args: [id]}\n"), 1,
         "MC010"),
        ("tags/custom-include.yaml", _t("mcred: 1\ntitle: !include /etc/passwd\n"), 1,
         "MC010"),
        ("tags/verbatim-tag.yaml",
         _t("mcred: 1\ntitle: !<tag:yaml.org,2002:python/object:os.system> {}\n"), 1, "MC010"),
        ("tags/tag-directive.yaml",
         _t("%TAG !e! tag:example.com,2000:app/\n---\nmcred: 1\ntitle: !e!foo bar\n"), 1,
         "MC010"),
        ("tags/omap.yaml", _t("mcred: 1\nworkload: !!omap [{ects: 5}]\n"), 1, "MC010"),
        ("tags/set.yaml", _t("mcred: 1\nlanguages: !!set {en, de}\n"), 1, "MC010"),
        ("tags/binary.yaml", _t("mcred: 1\ntitle: !!binary aGVsbG8=\n"), 1, "MC010"),
        ("tags/int-tag-on-text.yaml", _t("mcred: 1\nlevel:\n  eqf: !!int abc\n"), 1, "MC010"),
        ("tags/invalid-date.yaml", _t("mcred: 1\nschedule:\n  start: 2024-02-30\n"), 1,
         "MC006"),
        ("tags/str-tag-is-allowed.yaml", _t("mcred: 1\ntitle: !!str 123\n"), 1, "!MC010"),
    ]


def encodings() -> list[Case]:
    body = "mcred: 1\ntitle: Encodings\n"
    return [
        ("encodings/utf16-le-bom.yaml", codecs.BOM_UTF16_LE + body.encode("utf-16-le"), 1,
         "MC011"),
        ("encodings/utf16-be-bom.yaml", codecs.BOM_UTF16_BE + body.encode("utf-16-be"), 1,
         "MC011"),
        ("encodings/utf32-le-bom.yaml", codecs.BOM_UTF32_LE + body.encode("utf-32-le"), 1,
         "MC011"),
        ("encodings/utf16-no-bom.yaml", body.encode("utf-16-le"), 1, "MC011"),
        ("encodings/binary-png.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
         1, "MC011"),
        ("encodings/invalid-byte.yaml", b"mcred: 1\ntitle: caf\xe9 au lait\n", 1, "MC011"),
        ("encodings/overlong-utf8.yaml", b"mcred: 1\ntitle: \xc0\xaf\n", 1, "MC011"),
        ("encodings/encoded-surrogate.yaml", b"mcred: 1\ntitle: \xed\xa0\x80\n", 1, "MC011"),
        ("encodings/truncated-multibyte.yaml", b"mcred: 1\ntitle: \xe2\x82", 1, "MC011"),
        ("encodings/utf8-bom-clean-design.yaml", codecs.BOM_UTF8 + CLEAN, 0, "!MC011"),
        ("encodings/mid-file-bom.yaml", _t("mcred: 1\n\ufefftitle: joined files\n"), 1,
         "MC011"),
        ("encodings/bell-control-character.yaml", _t("mcred: 1\ntitle: ding\x07\n"), 1,
         "MC011"),
        ("encodings/raw-escape-in-comment.yaml",
         _t("mcred: 1\n# \x1b]0;owned\x07\x1b[2J\ntitle: x\n"), 1, "MC011"),
        ("encodings/nul-in-middle.yaml", b"mcred: 1\ntitle: a\x00b\n", 1, "MC011"),
    ]


def output_injection() -> list[Case]:
    cases = {
        "escape-in-key": '"\\e[2J\\e]0;owned\\a": 1\n',
        "escape-in-vocabulary-value": 'participation: "\\e[31mred\\e[0m"\n',
        "osc8-hyperlink": 'participation: "\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\"\n',
        "c1-csi": 'participation: "\\u009b31mred"\n',
        "workflow-command-in-key": '"\\n::error file=x.yaml,line=1::pwned": 1\n',
        "workflow-command-in-value": 'participation: "ok\\n::add-mask::secret\\n::warning::x"\n',
        "stop-commands": '"\\r\\n::stop-commands::token\\r\\n": 1\n',
        "legacy-azure-command": '"\\n##vso[task.setvariable variable=x]1\\n##[error]x": 1\n',
        "rich-markup-key": '"[/]": 1\n"[bold red]boom[/bold red]": 2\n',
        "rich-markup-value": 'participation: "[link=https://evil.example]x[/link][/]"\n',
        "bidi-override": 'participation: "abc\\u202edef\\u2066"\n',
        "line-separators": 'participation: "a\\u2028b\\u2029c\\x85d"\n',
        "lone-surrogate-escape": 'participation: "\\ud800"\n',
        "huge-key": '"' + "k" * 100_000 + '": 1\n',
    }
    return [(f"output-injection/{name}.yaml", _t("mcred: 1\n" + text), 1, "")
            for name, text in cases.items()]


def structure() -> list[Case]:
    cases: list[tuple[str, str, str]] = [
        ("empty", "", "MC003"),
        ("only-comments", "# nothing here\n# at all\n", "MC003"),
        ("document-markers-only", "---\n...\n", "MC003"),
        ("top-level-list", "- mcred: 1\n- title: x\n", "MC003"),
        ("top-level-scalar", "just a sentence\n", "MC003"),
        ("top-level-null", "~\n", "MC003"),
        ("duplicate-keys", "mcred: 1\ntitle: a\ntitle: b\n", "MC002"),
        ("duplicate-int-and-bool-keys", "mcred: 1\n1: a\n1: b\ntrue: x\nTrue: y\n", "MC006"),
        ("merge-keys", "mcred: 1\nbase: &b {title: x}\nx-copy:\n  <<: *b\n", "MC005"),
        ("merge-key-to-scalar", "mcred: 1\nlevel:\n  <<: 5\n", "MC001"),
        ("complex-keys", "mcred: 1\n? [a, b]\n: 1\n{c: d}: 2\n", "MC006"),
        ("null-key", "mcred: 1\n~: x\n", "MC006"),
        ("version-is-bool", "mcred: true\n", "MC004"),
        ("version-is-list", "mcred: [1]\n", "MC004"),
        ("wrong-types-everywhere", "mcred: 1\nlearning_outcomes: 5\nworkload: lots\n"
         "languages: {en: 1}\nlevel: [6]\n", "MC006"),
        ("alias-as-key", "mcred: 1\nk: &k title\n*k : x\n", "MC005"),
    ]
    return [(f"structure/{name}.yaml", _t(text), 1, codes) for name, text, codes in cases]


def syntax() -> list[Case]:
    cases = [
        ("tab-indentation", "mcred: 1\nlevel:\n\teqf: 6\n"),
        ("unclosed-flow-sequence", "mcred: 1\nlanguages: [en, de\n"),
        ("unclosed-flow-mapping", "mcred: 1\nlevel: {eqf: 6\n"),
        ("unclosed-double-quote", 'mcred: 1\ntitle: "never closed\n'),
        ("unclosed-single-quote", "mcred: 1\ntitle: 'never closed\n"),
        ("bad-indentation", "mcred: 1\nlevel:\n    eqf: 6\n  nqf: x\n"),
        ("undefined-alias", "mcred: 1\ntitle: *nope\n"),
        ("reserved-indicator", "mcred: 1\ntitle: @handle\n"),
        ("mapping-in-plain-value", "mcred: 1\ntitle: a: b\n"),
        ("bad-block-indicator", "mcred: 1\nsummary: |0\n  x\n"),
        ("unknown-yaml-version", "%YAML 2.0\n---\nmcred: 1\n"),
        ("garbage-after-document-end", "mcred: 1\n...\n]]]\n"),
        ("bad-escape", 'mcred: 1\ntitle: "\\q"\n'),
    ]
    return [(f"syntax/{name}.yaml", _t(text), 1, "MC001") for name, text in cases]


def yaml11() -> list[Case]:
    cases = [
        ("norway-under-yaml11", "%YAML 1.1\n---\nmcred: 1\nawarding_bodies:\n"
         "  - name: Uni\n    country: NO\n", "MC012"),
        ("version-like-scale", "mcred: 1\ngrading:\n  scale: 1.10\n", "MC012"),
        ("leading-zero-code", "mcred: 1\nfield_of_education: 0413\n", "MC012"),
        ("nan-ects", "mcred: 1\nworkload:\n  ects: .nan\n", "MC012"),
        ("inf-fee", "mcred: 1\nfee:\n  amount: .inf\n", "MC012"),
        ("octal-under-yaml11", "%YAML 1.1\n---\nmcred: 1\nworkload:\n  ects: 010\n", "MC012"),
        ("sexagesimal-under-yaml11", "%YAML 1.1\n---\nmcred: 1\nworkload:\n"
         "  hours_total: 1:30\n", "MC012"),
        ("date-as-title", "mcred: 1\ntitle: 2024-01-01\n", "MC012"),
        ("yes-as-text-under-yaml11", "%YAML 1.1\n---\nmcred: 1\nlevel:\n  nqf: yes\n",
         "MC012"),
    ]
    return [(f"yaml11/{name}.yaml", _t(text), 1, codes) for name, text, codes in cases]


def main() -> None:
    cases = [*resources(), *tags(), *encodings(), *output_injection(), *structure(),
             *syntax(), *yaml11()]
    lines = ["# path  exit  codes (comma-separated; !CODE = must not appear); generated by "
             "make_corpus.py"]
    for name, data, exit_code, codes in cases:
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        lines.append(f"{name}  {exit_code}  {codes or '-'}")
    (HERE / "manifest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(cases)} files")


if __name__ == "__main__":
    main()

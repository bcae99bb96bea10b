"""The exemplary design's page in headless Chromium: what a learner sees, and a screenshot."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mcred.cli import cli
from mcred.export.common import load_design

EXEMPLARY = EXAMPLES / "green-public-procurement.yaml"
ARTIFACTS = ROOT / "test-artifacts"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    if found is None:
        pytest.skip("no Chromium found (install Debian's `chromium`; .ci/run does so when it "
                    "can)")
    return found


@pytest.fixture(scope="module")
def page_url(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("render") / "green-public-procurement.html"
    result = CliRunner().invoke(cli, ["render", str(EXEMPLARY), "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out.as_uri()


def run(browser: str, tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_title_outcomes_and_workload_are_visible(browser, page_url, tmp_path):
    design = load_design(EXEMPLARY).design
    assert design is not None
    result = run(browser, tmp_path, "--dump-dom", page_url)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert f"<h1>{design.title}</h1>" in dom
    for lo in design.learning_outcomes:
        assert lo.text and lo.text in dom
    assert "5 ECTS credits, 135 hours of learning" in dom


def test_screenshot_is_saved_as_artifact(browser, page_url, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "green-public-procurement.png"
    shot.unlink(missing_ok=True)
    result = run(browser, tmp_path, "--window-size=1000,2400", f"--screenshot={shot}",
                 page_url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank image


BILINGUAL = EXAMPLES / "bilingual-circular-economy.yaml"
GERMAN = ROOT / "tests" / "fixtures" / "render" / "projektmanagement-de.yaml"
RAW_CODES = ("supervised-online-id", "supervised-onsite-id", "external-institutional",
             "external-programme", "europass-edc", "open-badges-3", "credit-transfer",
             "oral-exam", "pass-fail", "blended", "stand-alone", "stackable")


def rendered(source, out_dir, *args: str):
    out = out_dir / (source.stem + ".html")
    result = CliRunner().invoke(cli, ["render", str(source), "--html", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def visible_text(dom: str) -> str:
    from test_render import parse

    return " ".join(" ".join(parse(dom).text).split())


@pytest.mark.parametrize(("source", "lang", "headings"), [
    (BILINGUAL, "es", ["Resultados de aprendizaje", "Evaluación", "Garantía de calidad",
                       "Reconocimiento y acumulación", "La credencial",
                       "Información y contacto"]),
    (GERMAN, "de", ["Lernergebnisse", "Prüfung", "Qualitätssicherung",
                    "Anerkennung und Kombinierbarkeit", "Der Nachweis",
                    "Information und Kontakt"]),
])
def test_page_in_the_design_language(browser, tmp_path, source, lang, headings):
    out = rendered(source, tmp_path)
    result = run(browser, tmp_path, "--dump-dom", out.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert f'<html lang="{lang}">' in dom
    assert [h for h in re.findall(r"<h2>([^<]+)</h2>", dom)] == headings
    text = visible_text(dom)
    for code in RAW_CODES:
        assert not re.search(rf"(?<![\w/-]){re.escape(code)}(?![\w-])", text), code
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{source.stem}-{lang}.png"
    shot.unlink(missing_ok=True)
    taken = run(browser, tmp_path, "--window-size=1000,2600", f"--screenshot={shot}",
                out.as_uri())
    assert taken.returncode == 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _page_width_at_390(browser: str, tmp_path, page_html: str) -> tuple[int, int]:
    """(scroll width, viewport width) of a page shown in a 390 px wide frame.

    Headless windows have a minimum width above 390 px, so the page is measured inside an
    iframe of a phone's width; a script in a test copy of the page reports to the frame.
    """
    probe = ("<script>parent.postMessage(document.documentElement.scrollWidth + '/' + "
             "window.innerWidth, '*')</script></body>")
    (tmp_path / "inner.html").write_text(page_html.replace("</body>", probe), "utf-8")
    (tmp_path / "outer.html").write_text(
        '<!DOCTYPE html><html><body style="margin:0"><iframe src="inner.html" width="390" '
        'height="844" style="border:0"></iframe><script>addEventListener("message", '
        'function (e) { document.body.setAttribute("data-scroll", e.data); });</script>'
        "</body></html>", "utf-8")
    result = run(browser, tmp_path, "--virtual-time-budget=5000", "--dump-dom",
                 (tmp_path / "outer.html").as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'data-scroll="(\d+)/(\d+)"', result.stdout)
    assert found, result.stdout[-2000:]
    return int(found.group(1)), int(found.group(2))


@pytest.mark.parametrize("source", [BILINGUAL, GERMAN, EXEMPLARY], ids=lambda p: p.stem)
def test_no_horizontal_scrolling_on_a_phone(browser, tmp_path, source):
    html = rendered(source, tmp_path).read_text(encoding="utf-8")
    scroll, width = _page_width_at_390(browser, tmp_path, html)
    assert width == 390 and scroll <= width


def test_the_phone_probe_sees_overflow(browser, tmp_path):
    html = rendered(GERMAN, tmp_path).read_text(encoding="utf-8")
    wide = html.replace("</main>", '<div style="width: 900px">x</div></main>')
    assert _page_width_at_390(browser, tmp_path, wide)[0] > 390


def test_catalogue_fits_a_phone_and_its_screenshot(browser, tmp_path):
    out = tmp_path / "catalogue.html"
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES), "--html", str(out)])
    assert result.exit_code == 0, result.output
    scroll, width = _page_width_at_390(browser, tmp_path, out.read_text(encoding="utf-8"))
    assert scroll <= width == 390
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "bilingual-circular-economy-phone.png"
    shot.unlink(missing_ok=True)
    phone = rendered(BILINGUAL, tmp_path)
    taken = run(browser, tmp_path, "--window-size=390,2400", f"--screenshot={shot}",
                phone.as_uri())
    assert taken.returncode == 0 and shot.stat().st_size > 20_000

"""The exemplary design's page in headless Chromium: what a learner sees, and a screenshot."""

from __future__ import annotations

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

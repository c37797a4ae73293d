"""HTML reports in a real headless browser (Debian's chromium; .ci/run installs it)."""
import shutil
import subprocess
from pathlib import Path

import pytest

from vaktacheck import Checker, Config
from vaktacheck.render.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_CHECKER = Checker(Config(model=False))


def chrome(page: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--enable-logging=stderr", "--v=0", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120)


def console_errors(stderr: str) -> list[str]:
    return [l for l in stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]


@pytest.mark.parametrize("draft", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")))
def test_example_report_loads_without_console_errors(tmp_path, draft):
    text = (EXAMPLES / draft).read_text(encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(render_html([_CHECKER.check(text, path=draft)]), encoding="utf-8")
    p = chrome(page, "--dump-dom")
    assert p.returncode == 0, p.stderr[-2000:]
    assert not console_errors(p.stderr)
    dom = p.stdout
    if draft != "condemnation-post-en.txt":
        assert '<mark class="' in dom and '<details class="card' in dom


def test_screenshot_and_payloads_stay_text(tmp_path):
    text = ('ये लोग देश के गद्दार हैं। <script>document.title="pwned"</script>\n'
            '<img src=x onerror="document.title=\'pwned\'"> Vote do aur saree le jao.')
    page = tmp_path / "payload.html"
    page.write_text(render_html([_CHECKER.check(text, path="<b>trainee</b>.txt")]), encoding="utf-8")
    p = chrome(page, "--dump-dom")
    assert not console_errors(p.stderr)
    assert "pwned" not in p.stdout.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;" in p.stdout and "&lt;img src=x" in p.stdout and "&lt;b&gt;trainee" in p.stdout
    shot = tmp_path / "report.png"
    p = chrome(page, f"--screenshot={shot}", "--window-size=1200,1600")
    assert shot.is_file() and shot.stat().st_size > 10_000

"""The browser tests' own instruments can fail: a page that breaks the rules is caught."""

from __future__ import annotations

from . import harness

BAD_PAGE = """<!doctype html><html lang="zh"><head><title>坏页面</title>
<link rel="stylesheet" href="missing.css"></head>
<body style="margin:0"><main><h1>坏页面</h1>
<p style="font-size:12px;width:500px">太小的字，太宽的段落</p>
<img alt="" src="http://example.invalid/tracker.png">
<p style="color:#999;background:#fff">对比度不足</p>
<button style="font-size:10px;padding:0">小</button></main>
<script>alert("弹窗")</script></body></html>"""


def test_the_instruments_catch_a_bad_page(browser, tmp_path):
    (tmp_path / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    base = tmp_path.as_uri() + "/"
    context = browser.new_context(viewport=harness.PHONE)
    log = harness.RequestLog(base)
    log.attach(context)
    page = context.new_page()
    page.on("dialog", lambda dialog: (log.problems.append(f"{dialog.type} shown"), dialog.dismiss()))
    page.goto(base + "index.html")

    assert any(p == "request outside the site: http://example.invalid/tracker.png" for p in log.problems)
    assert any(p.startswith("failed (net::ERR_FILE_NOT_FOUND)") and p.endswith("missing.css") for p in log.problems)
    assert "alert shown" in log.problems
    overflow = page.evaluate(harness.HORIZONTAL_OVERFLOW)
    assert overflow["scrollWidth"] > overflow["width"]
    assert any(t["size"] < 18 for t in page.evaluate(harness.TEXT_SIZES))
    assert any(target.startswith('button. "小"') for target in page.evaluate(harness.SMALL_TARGETS))
    assert any(v.startswith("color-contrast (serious)") for v in harness.axe_violations(page))
    context.close()

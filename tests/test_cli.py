"""`cunwu check`: exit codes and what the clerk reads."""

from __future__ import annotations

from generator.cli import main


def test_check_passes_on_good_data(village, capsys, monkeypatch):
    monkeypatch.chdir(village)
    assert main(["check", "data", "--date", "2026-11-15"]) == 0
    assert capsys.readouterr().out == "检查通过：试验村，2 名党员，1 条承诺（2026-11-15 可公开 1 条）。\n"


def test_check_reports_every_problem_and_fails(village, capsys, monkeypatch):
    monkeypatch.chdir(village)
    (village / "data" / "members.csv").write_text(
        "编号,姓名,党支部,入党年份,党员类别\nM001,甲一,支部,1998,党员\nM002,乙二,支部,九八,正式党员\n", encoding="utf-8"
    )
    assert main(["check", "--date", "2026-11-15"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("data/members.csv 第 2 行，字段「党员类别」：不在可选范围内。")
    assert err[1].startswith("data/members.csv 第 3 行，字段「入党年份」：不是四位数字的年份。")
    assert err[-1] == "共发现 2 个问题，请逐条修改后再试。没有生成或更改任何页面。"


def test_bad_date_option_is_a_chinese_message(village, capsys, monkeypatch):
    monkeypatch.chdir(village)
    assert main(["check", "--date", "明天"]) == 2
    assert capsys.readouterr().err == "日期“明天”无法识别，应写成 2026-06-30 这样的格式。\n"


def test_watch_includes_the_data_folder(village):
    from mkdocs.config import load_config

    (village / "content").mkdir()
    (village / "mkdocs.yml").write_text(
        "site_name: 试验\ndocs_dir: content\nplugins:\n  - cunwu:\n      build_date: '2026-11-15'\n", encoding="utf-8"
    )
    config = load_config(str(village / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert str(village / "data") in config.watch

"""Every bad input gives a clear result, never a traceback, and the batch goes on."""
from __future__ import annotations

import json
import subprocess
import sys

from auditor.parse import read_report

REPORT = """某某县青石乡2023年政府信息公开工作年度报告
本报告依据《中华人民共和国政府信息公开条例》编制。
一、总体情况
2023年，我乡认真做好政府信息公开工作。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    report = read_report(path)
    assert report.error_code == "IN001" and "为空" in report.error


def test_binary_file(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    report = read_report(path)
    assert report.error_code == "IN001"


def test_pdf_named_txt_is_recognised_by_content(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    report = read_report(path)
    assert report.error_code == "IN001" and "PDF" in report.error


def test_missing_file(tmp_path):
    report = read_report(tmp_path / "nowhere.txt")
    assert report.error_code == "IN001" and "无法打开" in report.error


def test_encodings_are_detected(tmp_path):
    for encoding in ("gb18030", "gbk", "utf-8-sig", "utf-16", "utf-16-le"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(REPORT.encode(encoding))
        report = read_report(path)
        assert report.error is None, encoding
        assert report.agency == "某某县青石乡" and report.year == 2023, encoding
        assert len(report.sections) == 6, encoding


def test_truncated_utf8_keeps_what_was_read(tmp_path):
    data = REPORT.encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data[: data.index("六、".encode()) + 4])
    report = read_report(path)
    assert report.error is None
    assert any(n.kind == "reader-warning" and "截断" in n.message for n in report.notes)
    assert [s.number for s in report.sections] == list("一二三四五六")[: len(report.sections)]


def test_text_that_is_no_report(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("关于召开春季运动会的通知\n各单位：定于四月举行运动会。", encoding="utf-8")
    assert read_report(path).error_code == "IN002"


def test_web_page_that_is_no_report(tmp_path):
    path = tmp_path / "news.html"
    path.write_text("<html><head><meta charset='utf-8'><title>新闻</title></head><body><nav>首页</nav>"
                    "<div class='content'><p>今天天气晴朗，适合出行。</p></div></body></html>", encoding="utf-8")
    report = read_report(path)
    assert report.error_code == "IN002"


def test_cli_batch_goes_on_past_bad_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    run = subprocess.run([sys.executable, "-m", "auditor", "parse", str(tmp_path), "--format", "json"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    items = json.loads(run.stdout)
    assert {i["source"].rsplit("/", 1)[-1]: bool(i.get("error")) for i in items} == {"bad.txt": True, "good.txt": False}
    assert "Traceback" not in run.stderr

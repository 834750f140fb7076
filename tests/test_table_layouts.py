"""Table 二 read from the text layouts converters and crawlers leave (pipe rows, Markdown tables,
vertical cell lists between `|` lines), whole or cut: every cell read is the true cell, rows that
are not shown are not read, and a cut table is `partial` (IN003) with the rows it shows."""
from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.parse import read_report
from auditor.template import VERSIONS
from auditor.template.formats import ARTICLE_BLOCKS, ACTIVE_CONTENT

TITLE = "某某县人民政府2023年政府信息公开工作年度报告"


def _table_rows(version: str, values: dict[str, list[str]]) -> list[list[str]]:
    """Table 二 of a version as printed rows: block openers, header rows, data rows."""
    layout = VERSIONS[version].tables["active"]
    rows, block = [], None
    for row in layout.rows:
        if layout.blocks[row.key] != block:
            block = layout.blocks[row.key]
            rows.append([ARTICLE_BLOCKS[block]])
            rows.append([ACTIVE_CONTENT, *(c.label for c in row.columns)])
        rows.append([row.label, *values[row.key]])
    return rows


def _values(version: str, rng: random.Random) -> dict[str, list[str]]:
    layout = VERSIONS[version].tables["active"]
    return {row.key: [_amount(rng) if c.amount else str(rng.randint(0, 300)) for c in row.columns]
            for row in layout.rows}


def _amount(rng: random.Random) -> str:
    """An amount as printed: with or without its unit (「160.5964万元」)."""
    return f"{rng.randint(0, 999)}.{rng.randint(0, 9999):04d}" + rng.choice(("", "万元"))


def _render(rows: list[list[str]], layout: str) -> str:
    if layout == "markdown":
        width = max(map(len, rows))
        lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
        return "\n".join(lines[:1] + ["|" + "---|" * width] + lines[1:])
    if layout == "pipe-rows":
        return "\n".join(" | ".join(r) + " |" for r in rows)
    if layout == "vertical":
        return "\n|\n".join(cell for r in rows for cell in r)
    raise ValueError(layout)


def _report(tmp_path, table_text: str, cut: bool):
    text = f"{TITLE}\n一、总体情况\n本年度工作正常开展。\n二、主动公开政府信息情况\n{table_text}\n"
    if not cut:
        text += "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return read_report(path).tables["active"]


def _expected(version: str, values: dict[str, list[str]], shown: set[str]):
    layout = VERSIONS[version].tables["active"]
    return {(row.key, c.key): text for row in layout.rows if row.key in shown
            for c, text in zip(row.columns, values[row.key])}


def _read(table) -> dict:
    return {key: value.printed for key, value in table.cells.items()}


@pytest.mark.parametrize("layout", ["markdown", "pipe-rows", "vertical"])
@pytest.mark.parametrize("version", ["2021", "2019"])
def test_whole_table_is_read_exactly(tmp_path, layout, version):
    values = _values(version, random.Random(f"{layout}{version}"))
    table = _report(tmp_path, _render(_table_rows(version, values), layout), cut=False)
    assert table.status == "ok", table.reason
    assert table.template == version
    assert _read(table) == _expected(version, values, set(values))


@pytest.mark.parametrize("layout", ["markdown", "pipe-rows", "vertical"])
@pytest.mark.parametrize("version", ["2021", "2019"])
def test_a_cut_table_gives_the_rows_it_shows_and_no_others(tmp_path, layout, version):
    values = _values(version, random.Random(f"cut{layout}{version}"))
    rows = _table_rows(version, values)
    for keep in range(3, len(rows)):
        table = _report(tmp_path, _render(rows[:keep], layout), cut=True)
        shown = {key for key in values if any(r[0] == VERSIONS[version].tables["active"].row(key).label
                                                  and len(r) > 1 for r in rows[:keep])}
        if not shown:
            assert table is None or table.status == "unparsed"
            continue
        assert table.status == ("ok" if shown == set(values) else "partial"), (keep, table.reason)
        assert _read(table) == _expected(version, values, shown), keep


def test_a_row_the_format_lacks_lends_its_values_to_no_row(tmp_path):
    values = _values("2019", random.Random(1))
    rows = _table_rows("2019", values)
    at = next(i for i, r in enumerate(rows) if r[0] == "规范性文件") + 1
    rows.insert(at, ["其他主动公开文件", "56", "45", "101"])
    table = _report(tmp_path, _render(rows, "pipe-rows"), cut=False)
    assert table.status == "ok", table.reason
    assert _read(table) == _expected("2019", values, set(values))


def test_a_row_whose_values_are_lost_is_not_given_the_next_rows(tmp_path):
    values = _values("2019", random.Random(2))
    rows = _table_rows("2019", values)
    at = next(i for i, r in enumerate(rows) if r[0] == "规章")
    rows[at] = ["规章"]
    rows[at + 1][0] = "规范性文件（指有正式文号的文件）"  # a filling note left in the label
    table = _report(tmp_path, _render(rows, "vertical"), cut=False)
    assert table.status == "partial"
    assert "规章" in table.reason
    assert _read(table) == _expected("2019", values, set(values) - {"regulations"})


def test_a_cut_table_without_its_column_headers_is_not_read(tmp_path):
    """Without headers the version of a cut table (and so which column a value is) is unknown."""
    values = _values("2019", random.Random(3))
    rows = [r for r in _table_rows("2019", values) if r[0] != ACTIVE_CONTENT][:4]
    table = _report(tmp_path, _render(rows, "pipe-rows"), cut=True)
    assert table.status == "unparsed"
    assert "列标题" in table.reason


def test_table_three_cut_gives_the_rows_it_shows(tmp_path):
    requests = VERSIONS["2021"].tables["requests"]
    shown = requests.rows[:3]
    numbers = {row.key: [random.Random(row.key).randint(0, 9) for _ in range(6)] for row in shown}
    lines = [f"{row.numbering}{row.label} | " + " | ".join(map(str, [*n, sum(n)])) + " |"
             for row, n in zip(shown, numbers.values())]
    text = (f"{TITLE}\n一、总体情况\n本年度工作正常开展。\n三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 法人或其他组织 | 总计 |\n"
            + "\n".join(lines) + "\n（四）无法提")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    table = read_report(path).tables["requests"]
    assert table.status == "partial", table.reason
    assert {k: v.number for k, v in table.cells.items()} == {
        (key, c.key): n for key, row in numbers.items() for c, n in zip(requests.columns, [*row, sum(row)])}


def test_how_a_table_was_read_is_recorded(tmp_path):
    """Where the cells came from, and which rows the row total recovered (a lost cell)."""
    requests = VERSIONS["2021"].tables["requests"]
    shown = requests.rows[:3]
    numbers = {row.key: [random.Random(row.key).randint(1, 9) for _ in range(6)] for row in shown}
    lines = []
    for row, n in zip(shown, numbers.values()):
        printed = [*n, sum(n)]
        if row.key == "2":
            del printed[6]  # the total lost: only the row total can give it back
        lines.append(f"{row.numbering}{row.label} | " + " | ".join(map(str, printed)) + " |")
    text = (f"{TITLE}\n一、总体情况\n本年度工作正常开展。\n三、收到和处理政府信息公开申请情况\n"
            "申请人情况 | 自然人 | 法人或其他组织 | 总计 |\n" + "\n".join(lines) + "\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = read_report(path)
    table = report.tables["requests"]
    assert table.read_from == "text"
    assert table.recovered == ("2",)
    assert table.number("2", "total") == sum(numbers["2"])
    from auditor.output.parse_text import report_to_text
    assert "1 行的数值由勾稽关系还原" in report_to_text(report)


def _flattened(rows: list[list[str]], glue: str) -> str:
    """A crawler's flattening: the whole table on one line, cells glued or one space apart."""
    return glue.join(cell for r in rows for cell in r)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(version=st.sampled_from(["2021", "2019"]), layout=st.sampled_from(["markdown", "pipe-rows", "vertical", "flat", "glued"]),
       seed=st.integers(0, 10_000), cut=st.integers(0, 40), damage=st.sampled_from(["none", "drop", "glue"]),
       at=st.integers(0, 60))
def test_a_cell_read_is_always_the_true_cell(tmp_path, version, layout, seed, cut, damage, at):
    """Whatever the layout, cut, a lost cell or two cells glued: every cell read is the true cell."""
    values = _values(version, random.Random(seed))
    rows = [list(r) for r in _table_rows(version, values)]
    if cut:
        rows = rows[:max(1, len(rows) - cut)]
    numeric = [(i, j) for i, r in enumerate(rows) for j in range(1, len(r)) if r[0] not in ARTICLE_BLOCKS.values()
               and r[0] != ACTIVE_CONTENT]
    if numeric and damage != "none":
        i, j = numeric[at % len(numeric)]
        if damage == "drop":
            del rows[i][j]
        elif j + 1 < len(rows[i]):
            rows[i][j:j + 2] = [rows[i][j] + rows[i][j + 1]]
    text = (_flattened(rows, " " if layout == "flat" else "") if layout in ("flat", "glued")
            else _render(rows, layout))
    table = _report(tmp_path, text, cut=bool(cut))
    if table is None or table.cells is None:
        return
    truth = _expected(version, values, set(values))
    layout_read = VERSIONS[table.template].tables["active"]
    for key, value in table.cells.items():
        assert table.template == version, (table.template, key)
        assert key in truth and value.printed == truth[key], (key, value, truth.get(key), layout_read.name)

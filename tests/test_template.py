"""The template (auditor.template): its labels are the format's, every relation breaks its own
code, a relation with a blank operand is never evaluated, and a blank 总计 column is TA206's."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.checks.relations import broken
from auditor.engine import audit
from auditor.parse import read_report
from auditor.template import BLANK, VERSIONS, count, count_value, evaluate, relations
from auditor.template.formats import REQUEST_CORNER, SECTION_TITLES, active_headers
from auditor.template.recognise import active_version, expected_version, requests_version

BASES = Path(__file__).parent / "cases" / "base"
FORMAT = Path(__file__).parents[1].parent / "shared" / "spec" / "format.md"
BASE_OF = {"2021": "bureau_2022.txt", "2019": "town_2020.txt"}


@pytest.fixture(scope="module")
def format_text() -> str:
    if not FORMAT.exists():
        pytest.skip("../shared/spec/format.md is not here")
    return FORMAT.read_text(encoding="utf-8")


@pytest.mark.parametrize("key", list(VERSIONS))
def test_labels_are_the_formats(format_text, key):
    v = VERSIONS[key]
    compact = re.sub(r"\s+", "", format_text)
    requests = v.tables["requests"]
    for row in requests.rows:
        assert row.printed in compact or row.label in compact, row
        assert all(variant in compact for variant in row.variants), row
    for group in requests.groups.values():
        assert group.printed in compact, group
    assert all(c.label in compact for c in requests.columns)
    assert REQUEST_CORNER in compact
    active = v.tables["active"]
    assert all(row.label in compact for row in active.rows)
    assert all(header in compact for header in active_headers(active))
    assert all(c.label in compact for c in v.tables["review_litigation"].columns)
    assert all(titles[0] in compact for titles in SECTION_TITLES.values())
    assert str(v.first_year) in v.document and v.key in v.document


def test_counts_of_rows_and_cells_are_the_formats():
    assert len(VERSIONS["2021"].tables["requests"].rows) == 25 and len(VERSIONS["2019"].tables["requests"].rows) == 23
    assert sum(1 for _ in VERSIONS["2021"].tables["active"].cells()) == 10
    assert sum(1 for _ in VERSIONS["2021"].tables["review_litigation"].cells()) == 15


def test_version_recognition():
    assert expected_version(2019) == "2019" and expected_version(2020) == "2019"
    assert expected_version(2021) == "2021" and expected_version(2030) == "2021"
    assert requests_version(["1", "3.6", "3.7"]) == "2019" and requests_version(["1", "3.6.1", "3.7"]) == "2021"
    assert active_version(("本年新制作数量", "本年新公开数量", "对外公开总数量"))[0] == "2019"
    assert active_version(("本年制发件数", "本年废止件数", "现行有效件数"))[0] == "2021"


def test_values_are_typed_never_a_silent_zero():
    assert count_value("3").kind == "count" and count_value("3").number == 3
    assert count_value("/").kind == "slash" and count_value("/").number is None
    assert count_value("").kind == "blank" and count_value("—").is_blank
    assert count_value("1.5").kind == "unreadable" and count_value("1.5").json() == "1.5"


@pytest.fixture(scope="module")
def bases():
    return {key: read_report(BASES / name) for key, name in BASE_OF.items()}


def _with(report, table, changes):
    reading = report.tables[table]
    return replace(report, tables={**report.tables, table: replace(reading, cells={**reading.cells, **changes})})


def _previous_that_holds(report, relation):
    """For a relation across years: the previous year's report, made so that the relation holds."""
    if not relation.across_years:
        return None
    outcome = evaluate(relation, lambda t: report.tables[t.table].value(t.row, t.column))
    term = next(t for t in relation.terms if t.previous)
    shift = (outcome.left - outcome.right) * (1 if term in relation.right else -1) * term.sign
    old = report.tables[term.table].value(term.row, term.column).number
    return _with(report, term.table, {(term.row, term.column): count(old + shift)})


def _in_report(relation):
    return [t for t in relation.terms if not t.previous]


@pytest.mark.parametrize("key", list(VERSIONS))
def test_every_relation_breaks_its_code_and_names_itself(bases, key):
    report = bases[key]
    assert report.template == key
    for relation in relations(key):
        previous = _previous_that_holds(report, relation)
        assert not [h for h in broken(report, relation.code, previous) if h.evidence["relation"] == relation.name]
        term = _in_report(relation)[0]
        cell = report.tables[term.table].value(term.row, term.column)
        changed = _with(report, term.table, {(term.row, term.column): count(cell.number + 1)})
        hits = [h for h in broken(changed, relation.code, previous) if h.evidence["relation"] == relation.name]
        assert len(hits) == 1, relation.name
        evidence = hits[0].evidence
        assert evidence["left"] != evidence["right"]
        assert {(o["row"], o["column"]) for o in evidence["operands"]} == {(t.row, t.column) for t in relation.terms}
        assert hits[0].location.table == relation.left[0].table


@pytest.mark.parametrize("key", list(VERSIONS))
def test_a_blank_operand_never_evaluates_the_relation(bases, key):
    report = bases[key]
    for relation in relations(key):
        previous = _previous_that_holds(report, relation)
        for term in _in_report(relation):
            reading = report.tables[term.table]
            other = reading.value(term.row, term.column)
            # a broken relation (another operand + 1) with one operand blank: never a finding
            first = next(t for t in _in_report(relation) if t != term) if len(_in_report(relation)) > 1 else None
            changes = {(term.row, term.column): BLANK}
            if first is not None:
                changes[(first.row, first.column)] = count(reading.value(first.row, first.column).number + 1)
            changed = _with(report, term.table, changes)
            assert other is not None
            assert not [h for h in broken(changed, relation.code, previous)
                        if h.evidence["relation"] == relation.name], (relation.name, term)


def _blank_total_column(text: str, mark: str) -> str:
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    for i in range(start, end + 1):
        cells = lines[i].split("\t")
        if re.fullmatch(r"-?\d+", cells[-1]):
            lines[i] = "\t".join(cells[:-1] + [mark])
    return "\n".join(lines)


def _codes(path: Path) -> list[str]:
    return [f.code for result in audit([read_report(path)]) for f in result.findings]


def test_blank_total_column_is_ta206_not_an_arithmetic_error(tmp_path):
    path = tmp_path / "blank_total_2022.txt"
    path.write_text(_blank_total_column((BASES / "bureau_2022.txt").read_text(encoding="utf-8"), "/"), encoding="utf-8")
    report = read_report(path)
    assert report.tables["requests"].ok and report.tables["requests"].value("1", "total").kind == "slash"
    codes = _codes(path)
    assert "TA206" in codes and not {"TA201", "TA202", "TA203"} & set(codes)


def test_a_wrong_filled_total_is_still_ta203(tmp_path):
    text = (BASES / "bureau_2022.txt").read_text(encoding="utf-8")
    wrong = text.replace("（一）予以公开\t2\t1\t0\t0\t0\t0\t3", "（一）予以公开\t2\t1\t0\t0\t0\t0\t2")
    assert wrong != text
    path = tmp_path / "wrong_total_2022.txt"
    path.write_text(wrong, encoding="utf-8")
    hits = [f for result in audit([read_report(path)]) for f in result.findings if f.code == "TA203"]
    assert len(hits) == 1 and hits[0].evidence["relation"] == "requests.row_total.3.1"
    assert (hits[0].evidence["left"], hits[0].evidence["right"]) == (3, 2)


ROOT = Path(__file__).parents[1]
# What only the template may know: the total row's key, the structure of row keys, the version keys
# and the years the versions begin.
_FORMAT_KNOWLEDGE = {
    "the total row's key": re.compile(r"[\"']3\.7[\"']"),
    "a row key's structure": re.compile(r"startswith\([\"']3\.|count\([\"']\.[\"']\)"),
    "a version key": re.compile(r"[\"'](?:2019|2021)[\"']"),
    "a comparison with a version's year": re.compile(r"(?:==|!=|<=?|>=?)\s*(?:2019|2021)\b|\b(?:2019|2021)\s*(?:==|!=|<=?|>=?)"),
}


def test_the_format_lives_in_the_template_only():
    """Outside auditor/template (and the one relation checker) no module of the auditor or of
    the generator (tools/synth) spells out the format."""
    found = []
    for path in sorted([*(ROOT / "auditor").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("auditor/template/") or relative == "auditor/checks/relations.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{relative}:{number}: {what}" for what, pattern in _FORMAT_KNOWLEDGE.items() if pattern.search(line)]
    assert not found, found


def test_cells_are_named_by_the_formats_labels():
    """Pages and notices name a finding's cell as the printed table does, by the report's version."""
    from auditor.template.formats import cell_name

    assert cell_name("requests", "3.7", "natural") == "「（七）总计」行「自然人」列"
    assert cell_name("requests", "3.6", "total", "2021") == "「（六）其他处理」行「总计」列"  # a group in 2021
    assert cell_name("review_litigation", "litigation_direct", "total") == "「行政诉讼（未经复议直接起诉）」「总计」"
    assert cell_name("active", "regulations", "2", "2019") == "「规章」对外公开总数量"
    assert cell_name("active", "regulations", "2", "2021") == "「规章」现行有效件数"
    assert cell_name("requests", "9.9", "x") == "「9.9」行「x」列"  # keys the format lacks stay as given


def test_solve_sets_what_one_relation_determines_and_nothing_else():
    from auditor.template.relations import solve

    review = {("review_litigation", "review", key): n for key, n in (("upheld", 2), ("corrected", 1), ("other", 0),
                                                                     ("pending", 4))}
    assert solve("2021", review)[("review_litigation", "review", "total")] == 7
    # 现行有效 = last year's + issued − repealed; last year's cell is read, never set
    cells = solve("2021", {("active", "regulations", "issued"): 3, ("active", "regulations", "repealed"): 1},
                  previous={("active", "regulations", "in_force"): 10})
    assert cells[("active", "regulations", "in_force")] == 12
    assert ("active", "regulations", "in_force") not in solve("2021", {("active", "regulations", "issued"): 3,
                                                                      ("active", "regulations", "repealed"): 1})
    # two unknowns in every relation that names them: nothing is guessed
    partial = {("review_litigation", "review", "upheld"): 2, ("review_litigation", "review", "corrected"): 1}
    assert solve("2021", partial) == partial


@pytest.mark.parametrize("key", list(VERSIONS))
def test_the_generators_tables_hold_every_relation_of_the_template(key):
    """synth's tables (tools/synth/tables.py) before any planted defect: every relation within
    the year holds, and 现行有效 follows last year's table."""
    import random

    from synth.tables import active_table, requests_table, review_table

    from auditor.template.relations import broken_relations, numbers

    with_requests = 0
    for seed in range(40):
        rng = random.Random(seed)
        kind = rng.choice(("township", "street", "county", "city", "province", "department"))
        last = active_table(rng, key, kind)
        tables = {"requests": requests_table(rng, key, kind), "review_litigation": review_table(rng, kind),
                  "active": active_table(rng, key, kind, last)}
        now = _json_cells(tables, key)
        before = _json_cells({"active": last}, key)
        sources = tuple(numbers(now[n], key, n) if n in now else None for n in ("active", "requests", "review_litigation"))
        sources += tuple(numbers(before[n], key, n) if n in before else None for n in ("active", "requests", "review_litigation"))
        with_requests += any(v for v in sources[1] if v)
        assert not [r.name for r in broken_relations(key, None, sources)]
    assert with_requests >= 20, "too few tables with requests: the test would test little"


def _json_cells(tables: dict, key: str) -> dict:
    """The generator's JSON-shaped tables as cells of the template's layout (counts only)."""
    found = {}
    for name, values in tables.items():
        layout = VERSIONS[key].tables[name]
        rows = values["rows"] if layout.shape == "grid" else values
        cells = {}
        for row in layout.rows:
            printed = rows[row.key]
            printed = printed if isinstance(printed, list) else [printed]
            for column, value in zip(layout.columns_of(row.key), printed):
                cells[(row.key, column.key)] = count(value) if isinstance(value, int) else count_value(str(value))
        found[name] = cells
    return found


def test_the_generator_takes_its_totals_from_the_template(monkeypatch):
    """With another relation for table 四's 总计 in the template, the generator's totals follow it:
    synth keeps no arithmetic of its own."""
    import random

    from synth.tables import review_table

    import importlib

    template_relations = importlib.import_module("auditor.template.relations")  # the module, not the function

    original = template_relations.relations

    def upheld_only(version, code=None):
        found = []
        for r in original(version, code):
            if r.code == "TA204":
                r = replace(r, left=r.left[:1])  # 总计 = 结果维持 alone
            found.append(r)
        return tuple(found)

    monkeypatch.setattr(template_relations, "relations", upheld_only)
    table = review_table(random.Random(7), "city")
    assert any(sum(values[:4]) != values[0] for values in table.values()), "the test needs a group with other results"
    assert all(values[4] == values[0] for values in table.values())


# Places that still sum table cells by position outside the template, each with why it is left:
# a new one fails the test below, and one that is mended must leave this list.
_KNOWN_POSITIONAL_SUMS: dict[str, str] = {}  # none left (cells.py's candidates and TA204's planter read the template)


def _positional_sums(tree) -> list[tuple[int, str]]:
    """`sum(cells[a:b])` and `values + [sum(values)]`: a relation's sum written by hand over a
    row's positions (how the generator built its totals before it read the template's)."""
    import ast

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" and node.args \
                and isinstance(node.args[0], ast.Subscript) and isinstance(node.args[0].slice, ast.Slice):
            found.append((node.lineno, "a sum over a slice of a row"))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.right, ast.List) \
                and any(isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id == "sum"
                        for e in node.right.elts):
            found.append((node.lineno, "a total appended to a row as its sum"))
    return found


def test_no_relation_is_summed_by_hand_outside_the_template():
    """Outside auditor/template and the one checker, no module of the auditor or the generator
    sums a row's cells by position (the relations say which cells sum to which)."""
    import ast

    found, known = [], set()
    for path in sorted([*(ROOT / "auditor").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("auditor/template/") or relative == "auditor/checks/relations.py":
            continue
        sums = _positional_sums(ast.parse(path.read_text(encoding="utf-8")))
        if relative in _KNOWN_POSITIONAL_SUMS:
            if sums:
                known.add(relative)
            continue
        found += [f"{relative}:{line}: {what}" for line, what in sums]
    assert not found, found
    assert known == set(_KNOWN_POSITIONAL_SUMS), f"mended, take off the list: {set(_KNOWN_POSITIONAL_SUMS) - known}"


def test_the_positional_sum_test_finds_what_it_looks_for():
    import ast

    generator_before = "rows = {key: values + [sum(values)] for key, values in rows.items()}\nfour + [sum(four)]\n"
    assert len(_positional_sums(ast.parse(generator_before))) == 2
    assert len(_positional_sums(ast.parse("if sum(review[:4]) == 0:\n    pass\n"))) == 1
    assert not _positional_sums(ast.parse("total = sum(counts.values())\nn = sum(1 for r in rows if r)\n"))

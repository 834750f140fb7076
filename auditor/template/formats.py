"""The two format versions of the annual report as frozen data (format.md §1–§4).

2021: 国办公开办函〔2021〕30号, for reports on 2021 and later; 2019: 国办公开办函〔2019〕60号,
for reports on 2019 and 2020. Each version holds its three tables: rows (key, printed label with
its numbering, known printed variants), columns (key, label, whether the cell is a count or a
money amount, whether a count may be negative) and the row groups. The arithmetic relations
between the cells are in `auditor.template.relations`.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    amount: bool = False  # a money amount in 万元 (as printed), not a count
    signed: bool = False  # a count that may be negative (2019 本年增/减)


@dataclass(frozen=True)
class Row:
    """One data row. `label` is printed without numbering; `numbering` is the number printed
    before it; `variants` are other printings seen in real tables (no deviation when printed);
    `columns` is set for table 二, whose rows have their own columns."""

    key: str
    label: str
    numbering: str = ""
    group: str | None = None
    variants: tuple[str, ...] = ()
    columns: tuple[Column, ...] = ()

    @property
    def printed(self) -> str:
        return self.numbering + self.label


@dataclass(frozen=True)
class Table:
    """One statistical table of a version. `shape` is its JSON shape (interfaces.md §2):
    "grid" (rows × shared columns, table 三), "groups" (table 四), "rows" (table 二: a row of
    one cell is a scalar)."""

    name: str
    section: str
    title: str
    shape: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...] = ()
    groups: dict[str, Row] = field(default_factory=dict)  # label cells spanning several rows, by key
    blocks: dict[str, str] = field(default_factory=dict)  # table 二: row key -> 第二十条 block

    def row(self, key: str) -> Row:
        return self._rows[key]

    @property
    def _rows(self) -> dict[str, Row]:
        cached = self.__dict__.get("_by_key")
        if cached is None:
            cached = {r.key: r for r in self.rows}
            object.__setattr__(self, "_by_key", cached)
        return cached

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    def members(self, group: str) -> tuple[str, ...]:
        """The keys of the rows under `group`, directly or through a sub-group, in order
        (computed once per table and group)."""
        cached = self.__dict__.setdefault("_members", {})
        found = cached.get(group)
        if found is None:
            def under(key: str | None) -> bool:
                while key is not None:
                    if key == group:
                        return True
                    key = self.groups[key].group if key in self.groups else None
                return False
            found = cached[group] = tuple(r.key for r in self.rows if under(r.group))
        return found

    @property
    def total_column(self) -> Column:
        """The 总计 column of a table of shared columns (三, 四): the last, the sum of the others."""
        return self.columns[-1]

    def columns_of(self, row: str) -> tuple[Column, ...]:
        return self.row(row).columns or self.columns

    def column(self, row: str, column: str) -> Column:
        return next(c for c in self.columns_of(row) if c.key == column)

    def cells(self) -> tuple[tuple[str, Column], ...]:
        """(row key, column) of every cell, in reading order (computed once per table)."""
        cached = self.__dict__.get("_cell_list")
        if cached is None:
            cached = tuple((row.key, column) for row in self.rows for column in self.columns_of(row.key))
            object.__setattr__(self, "_cell_list", cached)
        return cached


@dataclass(frozen=True)
class Version:
    key: str  # "2021" | "2019"
    document: str
    first_year: int  # the first report year the version applies to
    tables: dict[str, Table]
    section_titles: dict[str, tuple[str, ...]]


# --- Sections (both versions) ----------------------------------------------------------------
SECTION_TITLES = {
    "一": ("总体情况",),
    "二": ("主动公开政府信息情况", "行政机关主动公开政府信息情况"),
    "三": ("收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况"),
    "四": ("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    "五": ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施"),
    "六": ("其他需要报告的事项",),
}
# Further titles real reports print for a section (recognised, but not what the form prints);
# 「基本概况」 is the pre-2019 wording of 一 (「一、政府信息公开工作的基本概况」).
SECTION_TITLE_VARIANTS = {"一": ("基本概况",), "五": ("政府信息公开工作存在的主要问题及整改措施", "存在的主要问题及改进措施")}
# Words a report may print before a section's title, after its number and an optional year
# (「一、政府信息公开工作总体情况」, 「一、2023年政务公开总体情况」): the title is recognised without them.
SECTION_TITLE_QUALIFIERS = ("政府信息公开工作的", "政府信息公开工作", "政府信息公开", "政务公开工作", "政务公开",
                            "信息公开工作", "信息公开")


def section_titles(number: str) -> tuple[str, ...]:
    """Every title a section is recognised by: the form's, then the variants seen."""
    return SECTION_TITLES[number] + SECTION_TITLE_VARIANTS.get(number, ())

# --- Table 三 (same columns in both versions) -------------------------------------------------
REQUEST_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUEST_HEAD = "申请人情况"
REQUEST_LEGAL_PERSONS = "法人或其他组织"
REQUEST_COLUMNS = (
    Column("natural", "自然人"), Column("commercial", "商业企业"), Column("research", "科研机构"),
    Column("social", "社会公益组织"), Column("legal", "法律服务机构"), Column("other", "其他"),
    Column("total", "总计"),
)
_REQUEST_GROUPS = {"3": Row("3", "本年度办理结果", "三、"), "3.3": Row("3.3", "不予公开", "（三）", "3"),
                   "3.4": Row("3.4", "无法提供", "（四）", "3"), "3.5": Row("3.5", "不予处理", "（五）", "3"),
                   "3.6": Row("3.6", "其他处理", "（六）", "3")}


def _r(key: str, numbering: str, label: str, *variants: str) -> Row:
    group = key.rsplit(".", 1)[0] if key.count(".") == 2 else ("3" if key.startswith("3.") else None)
    return Row(key, label, numbering, group, variants)


_REQUEST_HEAD_ROWS = (
    _r("1", "一、", "本年新收政府信息公开申请数量"),
    _r("2", "二、", "上年结转政府信息公开申请数量"),
    _r("3.1", "（一）", "予以公开"),
    _r("3.2", "（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    _r("3.3.1", "1.", "属于国家秘密"),
    _r("3.3.2", "2.", "其他法律行政法规禁止公开", "其他法律法规禁止公开"),
    _r("3.3.3", "3.", "危及“三安全一稳定”"),
    _r("3.3.4", "4.", "保护第三方合法权益"),
    _r("3.3.5", "5.", "属于三类内部事务信息"),
    _r("3.3.6", "6.", "属于四类过程性信息"),
    _r("3.3.7", "7.", "属于行政执法案卷"),
    _r("3.3.8", "8.", "属于行政查询事项"),
    _r("3.4.1", "1.", "本机关不掌握相关政府信息"),
    _r("3.4.2", "2.", "没有现成信息需要另行制作"),
    _r("3.4.3", "3.", "补正后申请内容仍不明确"),
    _r("3.5.1", "1.", "信访举报投诉类申请"),
    _r("3.5.2", "2.", "重复申请"),
    _r("3.5.3", "3.", "要求提供公开出版物"),
    _r("3.5.4", "4.", "无正当理由大量反复申请"),
    _r("3.5.5", "5.", "要求行政机关确认或重新出具已获取信息"),
)
_OTHER_HANDLING_2021 = (
    _r("3.6.1", "1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    _r("3.6.2", "2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    _r("3.6.3", "3.", "其他"),
)
_OTHER_HANDLING_2019 = (_r("3.6", "（六）", "其他处理"),)
_REQUEST_TAIL_ROWS = (_r("3.7", "（七）", "总计"), _r("4", "四、", "结转下年度继续办理"))
TOTAL_ROW = "3.7"  # （七）总计 of table 三
RESULTS_GROUP = "3"  # 三、本年度办理结果: the result rows and （七）总计
REQUEST_TITLE = "收到和处理政府信息公开申请情况"


def _requests(other_handling: tuple[Row, ...]) -> Table:
    groups = dict(_REQUEST_GROUPS)
    if len(other_handling) == 1:
        del groups["3.6"]  # 2019: （六）其他处理 is itself a data row
    return Table("requests", "三", REQUEST_TITLE, "grid", _REQUEST_HEAD_ROWS + other_handling + _REQUEST_TAIL_ROWS,
                 REQUEST_COLUMNS, groups)


# --- Table 四 (same in both versions) ---------------------------------------------------------
REVIEW_COLUMNS = (Column("upheld", "结果维持"), Column("corrected", "结果纠正"), Column("other", "其他结果"),
                  Column("pending", "尚未审结"), Column("total", "总计"))
REVIEW_HEAD, LITIGATION_HEAD = "行政复议", "行政诉讼"
REVIEW = Table("review_litigation", "四", "政府信息公开行政复议、行政诉讼情况", "groups",
               (Row("review", "行政复议"), Row("litigation_direct", "未经复议直接起诉", group="litigation"),
                Row("litigation_after_review", "复议后起诉", group="litigation")),
               REVIEW_COLUMNS, {"litigation": Row("litigation", "行政诉讼")})
# How findings and pages name each group in full.
REVIEW_GROUP_NAMES = {"review": "行政复议", "litigation_direct": "行政诉讼（未经复议直接起诉）",
                      "litigation_after_review": "行政诉讼（复议后起诉）"}

# --- Table 二 ---------------------------------------------------------------------------------
ARTICLE_BLOCKS = {"1": "第二十条第（一）项", "5": "第二十条第（五）项", "6": "第二十条第（六）项",
                  "8": "第二十条第（八）项", "9": "第二十条第（九）项"}
ACTIVE_CONTENT = "信息内容"
ACTIVE_TITLE = "主动公开政府信息情况"
FEE_HEADER_2021 = "本年收费金额（单位：万元）"
# Printings of the 2021 fee header that are accepted as it (the 30号 form has been reprinted so).
FEE_HEADER_VARIANTS = ("本年收费金额（单位：万元，保留4位小数）", "本年收费金额单位万元")

_ISSUED = (Column("issued", "本年制发件数"), Column("repealed", "本年废止件数"), Column("in_force", "现行有效件数"))
_DECISIONS = (Column("decisions", "本年处理决定数量"),)
ACTIVE_2021 = Table(
    "active", "二", ACTIVE_TITLE, "rows",
    (Row("regulations", "规章", columns=_ISSUED), Row("normative_documents", "行政规范性文件", columns=_ISSUED),
     Row("licensing", "行政许可", columns=_DECISIONS), Row("punishment", "行政处罚", columns=_DECISIONS),
     Row("coercion", "行政强制", columns=_DECISIONS),
     Row("admin_fees", "行政事业性收费", columns=(Column("amount", FEE_HEADER_2021, amount=True),))),
    blocks={"regulations": "1", "normative_documents": "1", "licensing": "5", "punishment": "6", "coercion": "6",
            "admin_fees": "8"},
)
_MADE = (Column("made", "本年新制作数量"), Column("published", "本年新公开数量"), Column("total", "对外公开总数量"))
_PROJECTS = (Column("previous", "上一年项目数量"), Column("change", "本年增/减", signed=True),
             Column("decisions", "处理决定数量"))
ACTIVE_2019 = Table(
    "active", "二", ACTIVE_TITLE, "rows",
    (Row("regulations", "规章", columns=_MADE), Row("normative_documents", "规范性文件", columns=_MADE),
     Row("licensing", "行政许可", columns=_PROJECTS), Row("other_services", "其他对外管理服务事项", columns=_PROJECTS),
     Row("punishment", "行政处罚", columns=_PROJECTS), Row("coercion", "行政强制", columns=_PROJECTS),
     Row("admin_fees", "行政事业性收费", columns=_PROJECTS[:2]),
     Row("procurement", "政府集中采购", columns=(Column("count", "采购项目数量"), Column("amount", "采购总金额", amount=True)))),
    blocks={"regulations": "1", "normative_documents": "1", "licensing": "5", "other_services": "5", "punishment": "6",
            "coercion": "6", "admin_fees": "8", "procurement": "9"},
)


def active_headers(table: Table) -> tuple[str, ...]:
    """The distinct column headers of table 二 in printed order."""
    return tuple(dict.fromkeys(c.label for row in table.rows for c in row.columns))


V2021 = Version("2021", "国办公开办函〔2021〕30号", 2021,
                {"active": ACTIVE_2021, "requests": _requests(_OTHER_HANDLING_2021), "review_litigation": REVIEW},
                SECTION_TITLES)
V2019 = Version("2019", "国办公开办函〔2019〕60号", 2019,
                {"active": ACTIVE_2019, "requests": _requests(_OTHER_HANDLING_2019), "review_litigation": REVIEW},
                SECTION_TITLES)
VERSIONS = {"2021": V2021, "2019": V2019}
LATEST = V2021
TABLE_NAMES = ("active", "requests", "review_litigation")
TABLE_SECTIONS = {name: V2021.tables[name].section for name in TABLE_NAMES}
TABLE_TITLES = {name: f"表{V2021.tables[name].section} {V2021.tables[name].title}" for name in TABLE_NAMES}


def result_rows(version: Version) -> tuple[str, ...]:
    """The result rows of table 三 (under 本年度办理结果), without （七）总计."""
    return tuple(k for k in version.tables["requests"].members(RESULTS_GROUP) if k != TOTAL_ROW)


def version(key: str) -> Version:
    """The version of a template key; an unknown key reads as the latest version."""
    return VERSIONS.get(key, LATEST)


def cell_name(table: str, row: str | None, column: str | None, template: str = "") -> str:
    """A cell as a person names it (「（七）总计」行「自然人」列), from a finding's location keys;
    table 二's column is the cell's position in its row. Keys the format lacks stay as given."""
    layout = version(template).tables.get(table)
    if layout is None or row is None:
        return ""
    label = _row_label(layout, row)
    if column is None:
        return f"「{label}」行"
    if table == "active":
        columns = layout.columns_of(row) if row in layout.row_keys else ()
        index = int(column) if str(column).isdigit() else -1
        return f"「{label}」{columns[index].label if 0 <= index < len(columns) else column}"
    named = {c.key: c.label for c in layout.columns}
    if table == "review_litigation":
        return f"「{REVIEW_GROUP_NAMES.get(row, label)}」「{named.get(column, column)}」"
    return f"「{label}」行「{named.get(column, column)}」列"


def _row_label(layout: Table, row: str) -> str:
    if row in layout.row_keys:
        return layout.row(row).printed
    if row in layout.groups:
        return layout.groups[row].printed
    return row


def printed_labels(table: str) -> tuple[str, ...]:
    """Every label text a table prints in either version, longest first: rows (with and without
    their numbering, and their variants), groups, column headers, block openers, the corner and
    head cells. A reader cuts flattened text, where labels and numbers run together, at these."""
    texts: set[str] = set()
    for v in VERSIONS.values():
        layout = v.tables[table]
        for row in (*layout.rows, *layout.groups.values()):
            texts.update((row.label, row.printed, *row.variants))
        for row in layout.rows:
            texts.update(c.label for c in layout.columns_of(row.key))
        texts.update(c.label for c in layout.columns)
    if table == "active":
        texts.update((*ARTICLE_BLOCKS.values(), ACTIVE_CONTENT, *FEE_HEADER_VARIANTS))
    elif table == "requests":
        texts.update((REQUEST_CORNER, REQUEST_HEAD, REQUEST_LEGAL_PERSONS))
    else:
        texts.update((REVIEW_HEAD, LITIGATION_HEAD))
    return tuple(sorted((t for t in texts if t), key=lambda t: (-len(t), t)))

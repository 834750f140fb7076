"""The demo round (`corpora/sample/`): one county's reports as the 政务公开办 receives them.

Every body of `synth.county` sends one file for year YEAR, in the format it submits (mostly
Word, some PDF, a few web pages and text files); the same bodies' reports of the year before
sit in the subfolder PREVIOUS_DIR, so the batch holds two consecutive years: carry-over (HI)
and the comparison of the round with last year's (problems fixed, repeated, new) have data.

The defects are curated, like a real round: most reports have a few, some many, a few none;
some problems are repeated from last year, some fixed, some new. What is planted is recorded
in the manifest (the truth the tests compare an audit against), never read from an audit.
"""
from __future__ import annotations

from dataclasses import dataclass

from synth.build import build_spec
from synth.county import COUNTY_BODIES
from synth.spec import ReportSpec

YEAR = 2024
PREVIOUS_DIR = "上年度"
FORMS = ("docx", "pdf", "html", "txt")


@dataclass(frozen=True)
class Submission:
    """One report as a body sends it: its format, planted defects and build options."""

    form: str
    defects: tuple[str, ...] = ()
    options: tuple[tuple[str, object], ...] = ()


def _s(form: str, *defects: str, **options) -> Submission:
    return Submission(form, defects, tuple(sorted(options.items())))


# key: (this year's report, last year's report). RE601 pairs copy passage 0 (石桥镇 and 红岩镇,
# both years) and passage 1 (松林乡 and 马鞍乡, this year only); a text file has its own layout
# and encoding.
ROUND: dict[str, tuple[Submission, Submission]] = {
    "liuhe": (_s("docx", "TA201", "NA308", "RE603"), _s("docx", "TA201", "NA308", "CO401")),
    "shiqiao": (_s("docx", "RE601", "TX502", copied_from="hongyan", passage=0, seed=1),
                _s("docx", "RE601", "TX502", "TA206", copied_from="hongyan", passage=0)),
    "baisha": (_s("pdf"), _s("pdf", "CO402", "TA201")),
    "qingxi": (_s("docx", "CO401", "RE603"), _s("docx", "CO401")),
    "longquan": (_s("txt", "TA206", "NA309", layout="tab", encoding="gb18030"), _s("txt", "TA206", layout="tab", encoding="gb18030")),
    "taoyuan": (_s("docx"), _s("docx", "NA308")),
    "fengming": (_s("docx", "CO402", "TA201", "TA206", "NA308", "ST104", "TX501"), _s("docx", "TA206", "NA308")),
    "songlin": (_s("docx", "RE601", "ST106", copied_from="maan", passage=1), _s("html", "NA310")),
    "jinsha": (_s("pdf", "HI701", "TA202"), _s("pdf", "TA202", "ST103")),
    "maan": (_s("docx", "RE601", "CO403", copied_from="songlin", passage=1), _s("docx", "CO403", "NA307")),
    "hongyan": (_s("html", "RE601", "TA207", copied_from="shiqiao", passage=0),
                _s("docx", "RE601", "TX501", copied_from="shiqiao", passage=0)),
    "shuanghe": (_s("docx", "NA310", "TX503"), _s("docx", "TX503", "CO401", "NA308")),
    "chengguan": (_s("docx"), _s("docx")),
    "donghe": (_s("pdf", "ST102", "CO404"), _s("pdf", "ST102")),
    "xiling": (_s("docx", "ST105", "CO405", "NA307", "NA309", "TX502"), _s("docx", "ST105", "NA307")),
    "qingchuan": (_s("docx", "NA310"), _s("docx", "TA204", "NA310")),
    "qcoffice": (_s("pdf"), _s("pdf", "TX501")),
    "qchealth": (_s("docx", "TA203", "CO404"), _s("docx", "TA203")),
    "fgj": (_s("docx", "TA205", "ST106"), _s("docx", "TA205", "ST106", "NA309")),
    "jyj": (_s("html"), _s("html")),
    "gaj": (_s("pdf", "TA203", "NA308", "CO401"), _s("pdf", "TA203", "NA308", "CO401", "TX502")),
    "mzj": (_s("docx", "ST101", "NA308", "TA202", "CO403", "TX501", "NA309"), _s("docx", "NA308", "CO403")),
    "czj": (_s("docx"), _s("docx", "TA205")),
    "rsj": (_s("docx", "TA201", "NA307"), _s("docx")),
    "zrzyj": (_s("txt", "ST103", "TX502", layout="broken_header"), _s("txt", "ST103", layout="broken_header")),
    "zjj": (_s("docx", "TA204", "HI701", "RE603"), _s("docx", "TA204")),
    "jtj": (_s("pdf", "CO403", "ST104"), _s("docx", "CO403", "ST104", "NA308")),
    "nyj": (_s("docx", "TA206", "ST102", "CO404", "NA310", "TX503", "CO401"), _s("docx", "TA206", "ST102")),
    "slj": (_s("docx", "NA309"), _s("pdf", "NA309", "TA201")),
    "scjgj": (_s("html", "TA202"), _s("html", "TA202", "TA204")),
    "ybj": (_s("docx", "TX501"), _s("docx", "TX501", "NA307")),
    "mzw": (_s("pdf", "CO405"), _s("pdf", "CO405", "TA206")),
}


@dataclass(frozen=True)
class RoundReport:
    spec: ReportSpec
    form: str
    path: str  # relative to the round's folder


def round_reports() -> list[RoundReport]:
    """Last year's reports first (this year's carry-over follows them), then this year's."""
    earlier, later = [], []
    previous: dict[str, ReportSpec] = {}
    for number, (key, (_, then)) in enumerate(ROUND.items(), 1):
        spec = _build(f"p{number:02d}", key, YEAR - 1, then, None)
        previous[key] = spec
        earlier.append(RoundReport(spec, then.form, f"{PREVIOUS_DIR}/{_file_name(spec, then.form)}"))
    ids = {key: f"n{number:02d}" for number, key in enumerate(ROUND, 1)}
    for key, (now, _) in ROUND.items():
        spec = _build(ids[key], key, YEAR, now, previous[key], ids)
        later.append(RoundReport(spec, now.form, _file_name(spec, now.form)))
    return earlier + later


def _build(report_id: str, key: str, year: int, submission: Submission, previous: ReportSpec | None,
           ids: dict[str, str] | None = None) -> ReportSpec:
    options = dict(submission.options)
    if "copied_from" in options:  # the other body's report of the same year
        other = list(ROUND).index(options["copied_from"]) + 1
        options["copied_from"] = (ids or {}).get(options["copied_from"], f"p{other:02d}")
    options.setdefault("layout", "tab")
    return build_spec(report_id, COUNTY_BODIES[key], year, defects=submission.defects, previous=previous, **options)


def _file_name(spec: ReportSpec, form: str) -> str:
    """As bodies name what they send: the report's title."""
    return f"{spec.title}.{form}"

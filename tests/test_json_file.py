"""The streamed JSON writer: compact output by the C encoder equals the pretty one as data."""
from __future__ import annotations

import io
import json

from auditor.output.json_file import write_json


def test_compact_and_pretty_output_hold_the_same_data():
    data = {"auditor_version": "x", "reports": [{"source": "a.txt", "findings": [{"code": "TA201", "message": "表三「一」"}]},
                                                {"source": "b.txt", "score": None}],
            "reuse": {"pairs": [], "n": 1.5}, "empty": []}
    compact, pretty = io.StringIO(), io.StringIO()
    write_json(data, compact)
    write_json(data, pretty, pretty=True)
    assert json.loads(compact.getvalue()) == json.loads(pretty.getvalue()) == data
    assert "\n" not in compact.getvalue().rstrip("\n") and "表三" in compact.getvalue()
    assert pretty.getvalue().count("\n") > 5

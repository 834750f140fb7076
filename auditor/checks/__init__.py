"""Per-report and corpus checks, one module per family; importing this registers them all."""
from auditor.checks import consistency, elements, history, input, narrative_numbers, narrative_sums, structure, tables, text  # noqa: F401

"""The per-file stage on a Dask distributed cluster (`audit --scheduler ADDRESS`).

The client reads each file's bytes and sends chunks of them to the cluster's workers, which
run the very per-file stage of the local executor (read, parse, per-report rules, each chunk
prepared at once) and send the per-report results back; the corpus stage (RE, HI), the
baseline and the score then run on the client, over all reports, exactly as in a local run.
The results are put back in input order, so the JSON is the same as with `--jobs 1`.

The workers need the same version of `auditor` installed (`pip install gov-report-auditor
distributed`); they need no access to the files. The per-file limits of the config travel with
it to the workers (`work_chunk` reads under them); the time limits are the local
executor's (its timer needs a process's main thread, which a Dask task does not have): on a
cluster, bound a worker's memory with Dask's own `--memory-limit` instead.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from auditor.config import Config
from auditor.engine import CHUNK, ReportResult
from auditor.model import Report
from auditor.registry import Rule


CONNECT_TIMEOUT = "20s"


class ClusterError(Exception):
    """The cluster cannot be reached or used; the message is for the user."""


def audit_files_on_cluster(files: Sequence[str], rules: list[Rule], config: Config, scheduler,
                           progress: Callable[[Report], None] | None = None) -> list[ReportResult]:
    """The per-report results of `files`, in their order, computed on the cluster at `scheduler`
    (an address such as ``tcp://10.0.0.5:8786``, or a `distributed` cluster object)."""
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise ClusterError("使用 --scheduler 需要安装 Dask：pip install distributed") from error
    codes = [rule.code for rule in rules]
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"无法连接 Dask 调度器 {scheduler}：{error}") from error
    with client:
        done: dict[int, ReportResult] = {}
        futures = [client.submit(remote_chunk, chunk, codes, config, pure=False)
                   for chunk in _chunks(files)]
        for _, outcome in as_completed(futures, with_results=True):
            for index, result in outcome:
                done[index] = result
                if progress:
                    progress(result.report)
    return [done[index] for index in range(len(files))]


def _chunks(files: Sequence[str]):
    """(index, name as given, bytes) in the chunks the engine's preparers see locally."""
    for start in range(0, len(files), CHUNK):
        yield [(index, path, _bytes(path)) for index, path in enumerate(files[start:start + CHUNK], start)]


def _bytes(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None  # the worker then tries the path and reports why it cannot be read (IN001)


def remote_chunk(chunk: list[tuple[int, str, bytes | None]], codes: list[str], config: Config):
    """On a worker: one chunk's (index, ReportResult) pairs, by the local executor's stage."""
    from auditor.executor import work_chunk as local_stage
    from auditor.parse import read_report
    from auditor.registry import load_rules

    catalogue = load_rules()
    contents = {path: data for _, path, data in chunk}
    return local_stage([(index, path) for index, path, _ in chunk], [catalogue[code] for code in codes], config,
                lambda path: read_report(path, contents[path]))

"""The per-file stage (read, parse, per-report rules) in forked worker processes.

`audit_files` runs `engine.audit_report` for every file with `jobs` workers: the models are
loaded in the parent first, so every worker forked from it shares them. Files go to the
workers in chunks (each chunk prepared at once, as the engine does), and the results come
back in input order, so the output is the same whatever the number of workers.

Each file runs under the per-file limits of `[tool.auditor.limits]`: `seconds` (an interval
timer in the process that works on it) and, in a worker, `memory_mib` (the worker's address
space may grow by that much; an allocation past it is a MemoryError in that file). A runaway
file is IN001 with the reason, and the batch goes on; a worker that dies on a file (a crash in
a C library) costs that file only: the files of its chunk are run again one process each.
"""
from __future__ import annotations

import gc
import os
import pickle
import resource
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Callable, Sequence

from auditor.config import Config
from auditor.engine import CHUNK, ReportResult, Run, audit_report, conclude, prepare, preparers_of, selected_rules
from auditor.limits import applied, limits
from auditor.model import Report
from auditor.registry import Rule


class Runaway(BaseException):
    """A file ran past its time limit (a BaseException: no rule's own `except Exception` can
    swallow it)."""


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_files(files: Sequence[str], config: Config, read: Callable[[str], Report], jobs: int = 1,
              progress: Callable[[Report], None] | None = None, freeze: bool = False,
              scheduler=None) -> Run:
    """`engine.run` over files: their per-file stage by `audit_files` (or, given a Dask
    `scheduler`, on that cluster: `auditor.cluster`), then the rest of the run.
    `freeze`: as in `engine.run` (for a one-batch process such as the CLI)."""
    from pathlib import Path

    from auditor.baseline import load_baseline

    baseline = load_baseline(Path(config.baseline)) if config.baseline else None
    rules = selected_rules(config)
    if scheduler is not None:
        from auditor.cluster import audit_files_on_cluster

        results = audit_files_on_cluster(files, rules, config, scheduler, progress)
    else:
        results = audit_files(files, rules, config, read, jobs, progress, freeze)
    return conclude(results, rules, config, baseline)


def audit_files(files: Sequence[str], rules: list[Rule], config: Config, read: Callable[[str], Report],
                jobs: int = 1, progress: Callable[[Report], None] | None = None,
                freeze: bool = False) -> list[ReportResult]:
    """The per-report results of `files`, in their order. One process takes the engine's chunks;
    workers take smaller ones (four per worker at least), so that a county's 40 reports keep
    both cores busy: a report's results do not depend on its chunk's other reports."""
    parallel = jobs > 1 and len(files) > 1 and hasattr(os, "fork")
    size = min(CHUNK, max(1, -(-len(files) // (4 * jobs)))) if parallel else CHUNK
    chunks = [list(enumerate(files))[start:start + size] for start in range(0, len(files), size)]
    if not parallel:
        results = []
        for chunk in chunks:
            for _, result in work_chunk(chunk, rules, config, read):
                results.append(result)
                if progress:
                    progress(result.report)
            if freeze and chunk is chunks[0]:
                gc.freeze()
        return results
    _load_models(rules)
    if freeze:
        gc.freeze()
    global _CONTEXT
    _CONTEXT = (rules, config, read)  # inherited by the forked workers, never pickled
    done: dict[int, ReportResult] = {}
    lost: list[tuple[int, str]] = []
    with ProcessPoolExecutor(min(jobs, len(chunks)), mp_context=get_context("fork"), initializer=_worker_limits,
                             initargs=(config.limits.memory_mib,)) as pool:
        futures = [(chunk, pool.submit(_work_in_worker, chunk)) for chunk in chunks]
        for chunk, future in futures:
            try:
                outcome, counts = future.result()
            except BaseException:  # the worker died (or the pool broke with it): its files again, one by one
                lost += chunk
                continue
            _add_counts(read, counts)
            for index, result in outcome:
                done[index] = result
                if progress:
                    progress(result.report)
    for index, path in lost:
        done[index] = _alone(index, path, rules, config, read)
        if progress:
            progress(done[index].report)
    return [done[index] for index in range(len(files))]


_CONTEXT: tuple[list[Rule], Config, Callable[[str], Report]] | None = None
_IN_WORKER = False


def _worker_limits(memory_mib: int) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    _limit_memory(memory_mib)


def _work_in_worker(chunk: list[tuple[int, str]]):
    """A chunk's results, and what a counting reader (the cache: hits, reads) counted meanwhile."""
    rules, config, read = _CONTEXT
    before = _counts(read)
    results = work_chunk(chunk, rules, config, read)
    return results, [after - earlier for after, earlier in zip(_counts(read), before)]


_COUNTED = ("hits", "reads")


def _counts(read) -> list[int]:
    owner = getattr(read, "__self__", None)
    return [getattr(owner, name, 0) for name in _COUNTED]


def _add_counts(read, counts: list[int]) -> None:
    owner = getattr(read, "__self__", None)
    for name, count in zip(_COUNTED, counts):
        if hasattr(owner, name):
            setattr(owner, name, getattr(owner, name) + count)


def work_chunk(chunk: list[tuple[int, str]], rules: list[Rule], config: Config,
          read: Callable[[str], Report]) -> list[tuple[int, ReportResult]]:
    """One chunk: each file read under its time limit, the chunk prepared at once (e.g. one
    classifier call), then each report audited under its time limit; all of it under the
    config's per-file limits (the readers that `read` calls enforce them)."""
    with applied(config.limits):
        reports = [(index, _timed(lambda: read(path), lambda: _runaway_report(path))) for index, path in chunk]
        try:
            _timed(lambda: prepare(preparers_of(rules), [r for _, r in reports if not r.error]), lambda: None)
        except Exception:  # as the engine does: the rules then do the work report by report
            pass
        return [(index, _timed(lambda: audit_report(report, rules, config),
                               lambda: ReportResult(_runaway_report(report.source, report))))
                for index, report in reports]


def _timed(call, on_runaway):
    """`call()` within the per-file time limit, else `on_runaway()`. The timer interrupts
    Python code; in a worker, a CPU-time limit of twice as much also stops a call stuck inside
    a C library (the worker dies, and the file is run again alone: IN001)."""
    seconds = limits().seconds
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        return call()
    if _IN_WORKER:
        used = resource.getrusage(resource.RUSAGE_SELF)
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        resource.setrlimit(resource.RLIMIT_CPU, (int(used.ru_utime + used.ru_stime) + 2 * seconds + 1, hard))
    previous = signal.signal(signal.SIGALRM, _raise_runaway)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    except Runaway:
        return on_runaway()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_runaway(signum, frame):
    raise Runaway


def _runaway_report(source: str, report: Report | None = None) -> Report:
    from auditor.ingest import source_name
    from auditor.parse import failed_report

    fmt = report.format if report is not None else os.path.splitext(source)[1].lstrip(".").lower() or "txt"
    return failed_report(source_name(source), fmt, f"处理本文件超过时间上限（{limits().seconds} 秒），已停止；"
                         "上限可在 [tool.auditor.limits] 的 seconds 调整", "IN001")


def _alone(index: int, path: str, rules: list[Rule], config: Config, read) -> ReportResult:
    """One file in a process of its own, after its worker died: its result, or IN001."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: limits, the work, the result down the pipe
        os.close(reader)
        code = 0
        try:
            _worker_limits(config.limits.memory_mib)
            with os.fdopen(writer, "wb") as stream:
                pickle.dump(work_chunk([(index, path)], rules, config, read)[0][1], stream, pickle.HIGHEST_PROTOCOL)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0 and data:
        return pickle.loads(data)
    from auditor.ingest import source_name
    from auditor.parse import failed_report

    why = f"信号 {-os.waitstatus_to_exitcode(status)}" if os.WIFSIGNALED(status) else "异常退出"
    return ReportResult(failed_report(source_name(path), os.path.splitext(path)[1].lstrip(".").lower() or "txt",
                                      f"处理本文件时工作进程终止（{why}），可能是文件触发了读取库的错误或超出内存上限",
                                      "IN001"))


def _limit_memory(mib: int) -> None:
    """Let this process's address space grow by `mib` MiB beyond what it holds now."""
    try:
        with open("/proc/self/statm") as statm:
            held = int(statm.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (held + mib * 1024 * 1024, resource.RLIM_INFINITY))
    except (OSError, ValueError, resource.error):  # not Linux: no memory limit
        print("提示：无法设置每个文件的内存上限", file=sys.stderr)


def _load_models(rules: list[Rule]) -> None:
    """Load what the rules use before forking, so that every worker shares it."""
    if any(rule.family == "NA" for rule in rules):
        from auditor.nlp.classifier import load_model
        from auditor.nlp.pipeline import segmenter

        load_model()
        segmenter()

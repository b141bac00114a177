"""Timing and memory helpers shared by the benchmarks."""

from __future__ import annotations

import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Latency:
    runs: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    peak_mb: float  # Python allocations during one call, traced


def percentile(samples: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation; with few samples p99 is the max."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def time_calls(call: Callable[[], Any], *, runs: int, budget_s: float = 30.0, warmup: int = 2) -> Latency:
    """Call `call` up to `runs` times (fewer if `budget_s` runs out) and report the percentiles.

    Memory is measured in a separate traced call: tracemalloc slows Python down several times, so
    traced calls would distort the latencies.
    """
    for _ in range(warmup):
        call()
    samples: list[float] = []
    deadline = time.perf_counter() + budget_s
    while len(samples) < runs and (not samples or time.perf_counter() < deadline):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return Latency(
        runs=len(samples),
        p50_ms=round(statistics.median(samples), 2),
        p95_ms=round(percentile(samples, 95), 2),
        p99_ms=round(percentile(samples, 99), 2),
        peak_mb=round(traced_peak_mb(call), 2),
    )


def traced_peak_mb(call: Callable[[], Any]) -> float:
    """The most memory Python held at once, above what it held before, during one call."""
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return max(peak - base, 0) / 2**20


def max_rss_mb() -> float:
    """The process's resident-set high-water mark so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def cpu_seconds() -> float:
    """CPU time this process has used so far, user and system: with the wall time, how much of a
    core a run kept busy (the rest was waiting, e.g. on a database server)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

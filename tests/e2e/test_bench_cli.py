"""`briefbot bench` runs end to end on SQLite and prints one JSON measurement per line."""

from __future__ import annotations

import json

import pytest

from bot.cli import main


def test_bench_commands_prints_a_json_line_per_query_with_percentiles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["bench", "commands", "--facts", "200", "--runs", "3", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {m["command"] for m in lines} == {"/timeline", "/whosaid", "/figures"}
    for m in lines:
        assert m["db"] == "sqlite"
        assert m["facts"] >= 200
        assert 0 < m["p50_ms"] <= m["p95_ms"] <= m["p99_ms"]
        assert m["peak_mb"] >= 0
    assert any(m["matched"] > 0 for m in lines if m["query"] == "")


def test_bench_ingest_stores_every_generated_article(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "ingest", "--articles", "12", "--json"]) == 0
    final = [json.loads(line) for line in capsys.readouterr().out.splitlines()][-1]
    assert final["final"] and final["articles"] == 12 and final["stored"] == 12
    assert final["facts"] > 12 * 5
    assert final["articles_per_s"] > 0
    # One thread: the process cannot have used more CPU than wall time (a little slack for rounding).
    assert 0 < final["cpu_s"] <= final["seconds"] * 1.05 + 0.02
    # The rate is computed from the unrounded CPU time; `cpu_s` is rounded to 0.01 s.
    assert 12 / final["articles_per_cpu_s"] == pytest.approx(final["cpu_s"], abs=0.006)

import io
import json

from bot.cli.extract_cmd import run_jsonl


def test_jsonl_writes_one_line_per_document_in_order() -> None:
    stdin = io.StringIO(
        json.dumps({"id": "a", "text": "Nothing happened.", "published": "2025-09-08"})
        + "\n"
        + json.dumps({"id": "b", "text": "Still nothing.", "published": None})
        + "\n"
    )
    out = io.StringIO()
    assert run_jsonl(stdin, out) == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    for x in lines:
        assert set(x) >= {"quotes", "figures", "dates", "events"}


def test_jsonl_malformed_line_gets_an_error_line_and_the_run_goes_on() -> None:
    stdin = io.StringIO(
        "{not json\n"
        + json.dumps({"id": "bad-date", "text": "x", "published": "yesterday"})
        + "\n"
        + json.dumps({"id": "no-text", "published": None})
        + "\n"
        + json.dumps({"id": "ok", "text": "Fine.", "published": None})
        + "\n"
    )
    out = io.StringIO()
    run_jsonl(stdin, out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["line 1", "bad-date", "no-text", "ok"]
    assert all("error" in x for x in lines[:3])
    assert "error" not in lines[3]

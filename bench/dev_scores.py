"""Every dev set through the shared scorer, as the README's extraction table (markdown).

    python bench/dev_scores.py            # runs `python -m bot extract --jsonl` from this checkout

The scorer and the gold files live in ../shared/eval beside the checkout (or any parent's); nothing
from them is copied here. The rows are the metrics the README and issue 18 track, with their targets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (dev file, metric path in the scorer's JSON, label, target)
ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("realnews-dev", "events.dated.P", "events dated precision", "≥ 0.85"),
    ("realnews-dev", "events.dated.R", "events dated recall", "≥ 0.85"),
    ("realnews-dev", "quotes.direct_attributed.F1", "quotes direct_attributed F1", ""),
    ("realnews-dev", "quotes.direct_attributed_full.F1", "quotes direct_attributed_full F1", "≥ 0.90"),
    ("realnews-dev", "quotes.all_attributed_full.F1", "quotes all_attributed_full F1", "≥ 0.80"),
    ("realnews-dev", "figures.value.F1", "figures value F1", ""),
    ("realnews-dev", "figures.value_unit.F1", "figures value_unit F1", "≥ 0.88"),
    ("realnews-dev", "figures.value_about.F1", "figures value_about F1", "≥ 0.75"),
    ("seeds", "quotes.direct_attributed.F1", "quotes direct_attributed F1", "≥ 0.977"),
    ("seeds", "quotes.all_attributed.P", "quotes all_attributed precision", "≥ 0.85"),
    ("seeds", "figures.value_unit.F1", "figures value_unit F1", "1.0"),
    ("seeds", "events.recall", "events recall", "1.0"),
    ("quotes-polnear-dev", "quotes.direct_attributed.F1", "quotes direct_attributed F1", "≥ 0.90"),
    ("quotes-polnear-dev", "quotes.all_attributed.F1", "quotes all_attributed F1", "≥ 0.72"),
    ("figures-recognizers", "figures.value.F1", "figures value F1", "≥ 0.95"),
    ("figures-recognizers", "figures.value_unit.F1", "figures value_unit F1", "≥ 0.92"),
    ("dates-aquaint", "dates.date_value.F1", "dates date_value F1", "≥ 0.90"),
)


def eval_dir() -> Path:
    for parent in ROOT.parents:
        candidate = parent / "shared" / "eval"
        if (candidate / "score.py").exists():
            return candidate
    raise SystemExit("../shared/eval/score.py not found beside the checkout")


def score(scorer: Path, gold: Path) -> dict[str, object]:
    cmd = f"{sys.executable} -m bot extract --jsonl"
    out = subprocess.run(
        [sys.executable, str(scorer), "--json", "--cmd", cmd, str(gold)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def pick(metrics: dict[str, object], path: str) -> float | None:
    node: object = metrics
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return float(node) if isinstance(node, int | float) else None


def main() -> None:
    base = eval_dir()
    cache: dict[str, dict[str, object]] = {}
    print("| dev set | metric | target | briefbot |")
    print("| --- | --- | --- | --- |")
    for name, path, label, target in ROWS:
        if name not in cache:
            cache[name] = score(base / "score.py", base / "data" / "dev" / f"{name}.jsonl")
        value = pick(cache[name], path)
        shown = "n/a" if value is None else f"**{value:.3f}**"
        print(f"| `{name}.jsonl` | {label} | {target} | {shown} |")


if __name__ == "__main__":
    main()

"""Draw docs/home-tab.png: the Home tab briefbot publishes, from the demo corpus, as Slack lays it out.

    python docs/home_tab.py [--out docs/home-tab.png] [--html-only]

There is no Slack here: the script loads the demo corpus (`briefbot demo`) into a scratch SQLite
database, follows three sample sources in three states (healthy, failing, paused) and sets two
digests, builds the view exactly as `views.publish` gets it (handlers.home + bot.slack.render_home),
turns that Block Kit JSON into a small HTML page that mimics Slack's layout, and screenshots it
with headless Chromium (`apt-get install chromium`). `--html-only` writes the HTML next to the PNG.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.bootstrap import build  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack.render_home import render_home  # noqa: E402
from handlers.home import summarize_home  # noqa: E402
from store.repositories.sources import SqlSourceRepository  # noqa: E402

CHANNELS = {"C0DEMO1": "newsroom", "C0DEMO2": "harbour-desk"}
EMOJI = {":warning:": "\u26a0\ufe0f", ":white_check_mark:": "\u2705", ":hourglass_flowing_sand:": "\u23f3"}
WIDTH = 860


def home_view(database: Path) -> dict[str, Any]:
    """The Home tab an admin gets from the demo corpus plus sample sources and digests."""
    url = f"sqlite:///{database}"
    subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--database-url", url],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    container = build(Settings(_env_file=None, DATABASE_URL=url))
    try:
        now = container.clock.now()
        _sample_sources_and_digests(container, now)
        summary = summarize_home(uow=container.uow(), now=now, team=None, admin=True)
        return render_home(summary).to_dict()
    finally:
        container.close()


def _sample_sources_and_digests(container: Any, now: datetime) -> None:
    with container.uow() as uow:
        sources: SqlSourceRepository = uow.sources
        post = sources.add(
            "https://harbourpost.example/feed.xml", name="Harbour Post", kind="feed", created_by="demo"
        )
        wire = sources.add("https://coastwire.example/rss", name="Coast Wire", kind="feed", created_by="demo")
        radio = sources.add(
            "https://radiokestrel.example/news", name="Radio Kestrel", kind="page", created_by="demo"
        )
        sources.record_poll(post.id, at=now - timedelta(minutes=9))
        for n in range(14):
            sources.mark_seen(
                post.id, f"post-{n}", url=None, content_hash=None, at=now - timedelta(hours=5 * n)
            )
        for minutes in (40, 25, 11):
            sources.record_poll(
                wire.id, at=now - timedelta(minutes=minutes), error="HTTP 503 from coastwire.example"
            )
        for n in range(3):
            sources.mark_seen(
                wire.id, f"wire-{n}", url=None, content_hash=None, at=now - timedelta(days=n + 1)
            )
        sources.record_poll(radio.id, at=now - timedelta(days=2))
        sources.set_active(radio.id, False)
        uow.digests.subscribe(
            "C0DEMO1",
            team=None,
            cadence="daily",
            weekday=None,
            time="08:00",
            timezone="Europe/Kyiv",
            topic="port strike",
            post_empty=False,
            created_by="demo",
        )
        uow.digests.subscribe(
            "C0DEMO2",
            team=None,
            cadence="weekly",
            weekday=0,
            time="09:00",
            timezone="UTC",
            topic=None,
            post_empty=True,
            created_by="demo",
        )
        uow.commit()


# Block Kit -> HTML: only what the Home tab uses (header, context, section with a button, actions, divider).


def mrkdwn(text: str, now: datetime) -> str:
    """Slack mrkdwn (already escaped with &amp; &lt; &gt;) as HTML."""

    def token(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner.startswith("!date^"):
            stamp = int(inner.split("^")[1])
            return html.escape(_pretty(datetime.fromtimestamp(stamp, tz=UTC), now))
        if inner.startswith("#"):
            return f'<span class="mention">#{CHANNELS.get(inner[1:], inner[1:])}</span>'
        target, _, label = inner.partition("|")
        return f'<a href="{target}">{label or target}</a>'

    out = re.sub(r"<([^<>]+)>", token, text)
    out = re.sub(r"\*([^*\n]+)\*", r"<b>\1</b>", out)
    for code, glyph in EMOJI.items():
        out = out.replace(code, glyph)
    return out.replace("\n", "<br>")


def _pretty(moment: datetime, now: datetime) -> str:
    # As {date_short_pretty} {time} reads to a reader in UTC.
    day = moment.date()
    if day == now.date():
        label = "Today"
    elif day == now.date() - timedelta(days=1):
        label = "Yesterday"
    elif day == now.date() + timedelta(days=1):
        label = "Tomorrow"
    else:
        label = moment.strftime("%b %-d")
    return f"{label} {moment.strftime('%H:%M')}"


def _button(element: dict[str, Any]) -> str:
    style = " primary" if element.get("style") == "primary" else ""
    return f'<span class="button{style}">{html.escape(element["text"]["text"])}</span>'


def block_html(block: dict[str, Any], now: datetime) -> str:
    kind = block["type"]
    if kind == "header":
        return f'<div class="header">{html.escape(block["text"]["text"])}</div>'
    if kind == "divider":
        return "<hr>"
    if kind == "context":
        parts = " ".join(mrkdwn(e.get("text", ""), now) for e in block["elements"])
        return f'<div class="context">{parts}</div>'
    if kind == "actions":
        return '<div class="actions">' + "".join(_button(e) for e in block["elements"]) + "</div>"
    if kind == "section":
        accessory = block.get("accessory")
        side = f'<div class="accessory">{_button(accessory)}</div>' if accessory else ""
        return (
            f'<div class="section"><div class="text">{mrkdwn(block["text"]["text"], now)}</div>{side}</div>'
        )
    return f"<!-- {kind} not drawn -->"


def page(view: dict[str, Any], now: datetime) -> str:
    blocks = "\n".join(block_html(b, now) for b in view["blocks"])
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #fff; color: #1d1c1d;
       font: 15px/1.47 "Lato", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif; }}
.tabs {{ display: flex; gap: 24px; padding: 14px 24px 0; border-bottom: 1px solid #ddd; font-weight: 700; }}
.tabs span {{ padding-bottom: 10px; color: #616061; }}
.tabs span.on {{ color: #1d1c1d; border-bottom: 2px solid #1264a3; }}
.view {{ padding: 8px 24px 24px; width: {WIDTH - 48}px; }}
.header {{ font-size: 20px; font-weight: 900; margin: 12px 0 4px; }}
.context {{ font-size: 12.5px; color: #616061; margin: 4px 0; }}
.section {{ display: flex; justify-content: space-between; gap: 16px; margin: 8px 0; }}
.accessory {{ flex: none; }}
.actions {{ display: flex; gap: 8px; margin: 10px 0; }}
.button {{ display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px;
           font-size: 14px; font-weight: 700; background: #fff; }}
.button.primary {{ background: #007a5a; border-color: #007a5a; color: #fff; }}
hr {{ border: none; border-top: 1px solid #ddd; margin: 14px 0; }}
a {{ color: #1264a3; text-decoration: none; }}
.mention {{ color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }}
</style></head><body>
<div class="tabs"><span class="on">Home</span><span>Messages</span><span>About</span></div>
<div class="view">
{blocks}
</div></body></html>"""


def screenshot(html_file: Path, out: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("No Chromium found: apt-get install chromium (or use --html-only).")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size={WIDTH},2400",
                f"--screenshot={out}",
                html_file.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    _crop(out)


def _crop(png: Path) -> None:
    """Cut the white space below the last block (the window is taller than the view)."""
    from PIL import Image, ImageChops

    with Image.open(png) as image:
        rgb = image.convert("RGB")
        box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
        if box:
            rgb.crop((0, 0, rgb.width, min(rgb.height, box[3] + 24))).save(png)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "home-tab.png")
    parser.add_argument("--html-only", action="store_true", help="write the HTML, take no screenshot")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        view = home_view(Path(scratch) / "demo.db")
        now = datetime.now(UTC)
        html_file = args.out.with_suffix(".html") if args.html_only else Path(scratch) / "home.html"
        html_file.write_text(page(view, now), encoding="utf-8")
        (Path(scratch) / "view.json").write_text(json.dumps(view, indent=1), encoding="utf-8")
        if args.html_only:
            print(f"wrote {html_file}")
            return 0
        screenshot(html_file, args.out)
    print(f"wrote {args.out} ({len(view['blocks'])} blocks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

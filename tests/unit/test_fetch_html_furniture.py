"""The HTML path drops page furniture: captions, credits, counters, share rows and related lists."""

from __future__ import annotations

from bot.fetch.html import html_to_text

PAGE = """<!doctype html><html><head><title>Ferry sinks off Lorvan - Valdor Times</title>
<meta property="og:site_name" content="Valdor Times">
<meta property="article:published_time" content="2025-03-10T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ferry sinks off Lorvan</h1>
<p>LORVAN - A passenger ferry sank off the coast of Lorvan on Sunday, and rescuers pulled 41 people
from the water, the coastguard said.</p>
<figure><img src="ferry.jpg" alt="The ferry"><figcaption>Rescuers search the water on Sunday.
(AP Photo/Ivo Kranj)</figcaption></figure>
<p>1 of 4.</p>
<p>The coastguard said the ship had left the port of Halden at dawn with 45 people on board and
sent a distress call two hours later, when its engine room began to flood.</p>
<p>ALSO READ: Ten Ferries That Never Came Home</p>
<p>Share Pin It</p>
<p>“We heard a bang and then the lights went out,” said Ana Brito, a passenger from Halden who
swam to a lifeboat with her two children.</p>
<p>Topics: ferries, Lorvan, coastguard</p>
</article>
<footer>Copyright Valdor Times. All rights reserved.</footer></body></html>"""


def test_html_to_text_keeps_the_article_and_drops_its_furniture() -> None:
    page = html_to_text(PAGE, url="https://valdortimes.example/ferry")
    assert "A passenger ferry sank off the coast of Lorvan on Sunday" in page.text
    assert "We heard a bang" in page.text
    assert "engine room began to flood" in page.text
    for furniture in ("AP Photo", "1 of 4", "ALSO READ", "Share Pin It", "Topics:", "Home", "Copyright"):
        assert furniture not in page.text, furniture

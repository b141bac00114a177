"""Content-Encoding undone a bounded step at a time, so a compression bomb is caught while small.

httpx inflates each network chunk in one call: a 7 KB body sent with `Content-Encoding: gzip, gzip`
becomes megabytes after the first layer and gigabytes after the second, all before the caller's
size check sees a byte. Here every layer inflates at most STEP bytes per call and hands them to the
next, so memory stays around a few STEPs per layer, and the caller can stop as soon as the decoded
total passes its cap. Only gzip and deflate are decoded (what we ask for in Accept-Encoding); any
other encoding is refused rather than passed on still compressed.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import Any

STEP = 64 * 1024  # bytes inflated per call, per layer
MAX_LAYERS = 3  # "gzip, gzip" is already odd; more is an attack
ACCEPT_ENCODING = "gzip, deflate"


class EncodingError(Exception):
    """The body's Content-Encoding is unsupported, or the compressed data is corrupt."""


class _Layer:
    """One zlib stream (gzip or deflate), with gzip's concatenated members read one after another."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._started = False
        self._inflate = self._new()

    def _new(self, raw_deflate: bool = False) -> Any:
        if self.name == "gzip":
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        # "deflate" should be zlib-wrapped; some servers send raw deflate (httpx accepts both too).
        return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of `data`, STEP bytes at a time."""
        pending = data
        while True:
            try:
                out = self._inflate.decompress(pending, STEP)
            except zlib.error as exc:
                if self.name == "deflate" and not self._started:
                    self._started = True
                    self._inflate = self._new(raw_deflate=True)
                    continue
                raise EncodingError(f"the {self.name} data is corrupt ({exc})") from None
            self._started = True
            stuck = not out and self._inflate.unconsumed_tail == pending
            pending = self._inflate.unconsumed_tail
            if out:
                yield out
            if stuck:
                return  # nothing taken, nothing given: the rest waits for more input
            if self._inflate.eof:
                rest = self._inflate.unused_data
                if self.name != "gzip" or not rest.lstrip(b"\0"):
                    return  # trailing padding after the stream is ignored, as browsers do
                self._inflate = self._new()  # another gzip member
                pending = rest
                continue
            # A full STEP may leave output inside zlib even with no input left: drain it.
            if not pending and len(out) < STEP:
                return


def decoder(content_encoding: str) -> Callable[[bytes], Iterator[bytes]]:
    """A function from raw body chunks to decoded chunks, for the layers `content_encoding` names.

    EncodingError for an encoding we do not decode or too many layers.
    """
    names = [n.strip().lower() for n in content_encoding.split(",")]
    names = [n for n in names if n and n != "identity"]
    if len(names) > MAX_LAYERS:
        raise EncodingError(f"{len(names)} layers of Content-Encoding ({content_encoding[:80]})")
    for name in names:
        if name not in ("gzip", "x-gzip", "deflate"):
            raise EncodingError(f"the Content-Encoding {name[:40]!r} is not supported")
    # Encodings are listed in the order applied: undo them last first.
    layers = [_Layer("gzip" if n == "x-gzip" else n) for n in reversed(names)]

    def decode(chunk: bytes) -> Iterator[bytes]:
        yield from _through(layers, chunk)

    return decode


def _through(layers: list[_Layer], chunk: bytes) -> Iterator[bytes]:
    if not layers:
        yield chunk
        return
    for piece in layers[0].feed(chunk):
        yield from _through(layers[1:], piece)

"""No fetching of loopback, private, link-local or metadata addresses: the one check every fetch shares.

The check runs twice over: before each request (redirects included, with a clear message), and at
connect time inside the transport, which resolves the name itself, vets every address and connects
to a vetted one. The second is what counts: a name that resolved to a public address for the first
check and to 127.0.0.1 a moment later (DNS rebinding) is caught where the socket is opened.
`allow_private` (BRIEFBOT_ALLOW_PRIVATE_FETCH=1) lets loopback and private networks through, for
tests and self-hosted feeds; link-local addresses (cloud metadata at 169.254.169.254) never pass.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterable
from typing import Any

import certifi
import httpcore
import httpx


class BlockedAddress(Exception):
    """The URL's host is, or resolves to, an address we do not fetch from."""


# Ranges Python's `is_global` (3.11) still calls global, refused whatever `allow_private` says: they
# wrap an IPv4 address inside an IPv6 one (a way around the IPv4 checks), or IANA retired or set
# them aside, so no public source lives there.
_NEVER: dict[str, str] = {
    "::/96": "an IPv4-compatible IPv6 address (deprecated; it wraps an IPv4 address)",
    "::ffff:0:0:0/96": "an IPv4-translated IPv6 address (it wraps an IPv4 address)",
    "64:ff9b:1::/48": "a local-use NAT64 address (a private network's gateway to IPv4)",
    "2002::/16": "a 6to4 address (deprecated; it wraps an IPv4 address)",
    "2001::/32": "a Teredo address (it wraps an IPv4 address)",
    "fec0::/10": "a site-local IPv6 address (deprecated; private)",
    "3fff::/20": "a documentation-only IPv6 address",
    "5f00::/16": "a segment-routing IPv6 address (not a host)",
    "192.88.99.0/24": "a 6to4 relay address (deprecated)",
}
_NEVER_NETS = [(ipaddress.ip_network(net), why) for net, why in _NEVER.items()]
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # the well-known prefix: judged by the IPv4 inside
_PRIVATE = "a private or local address"


def refusal(address: str, *, allow_private: bool = False) -> str | None:
    """Why `address` (an IP literal) must not be fetched from, or None when it may."""
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
        elif ip in _NAT64:
            # An IPv6-only host reaches IPv4 sites through NAT64 (DNS64 answers 64:ff9b::a.b.c.d):
            # the IPv4 address in the last 32 bits is where the request really goes.
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if not (ip.is_loopback or ip.is_unspecified):  # ::1 and :: sit inside ::/96 but are themselves
        for net, why in _NEVER_NETS:
            if ip.version == net.version and ip in net:
                return why
    if ip.is_global and not ip.is_multicast:
        return None
    if ip.is_link_local:
        return "a private or local address (link-local, where cloud metadata lives)"
    if allow_private and (ip.is_loopback or ip.is_private):
        return None
    return _PRIVATE


def resolve(host: str, port: int | None = None, *, timeout: float | None = None) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself).

    With `timeout`, TimeoutError past it: getaddrinfo has no timeout of its own, and the name
    server of a hostile domain can take its time answering (the lookup is left to finish alone).
    """
    if timeout is None or _is_literal(host):
        return _lookup(host, port)
    answer: list[list[str] | BaseException] = []

    def look() -> None:
        try:
            answer.append(_lookup(host, port))
        except BaseException as exc:  # handed to the waiting thread
            answer.append(exc)

    thread = threading.Thread(target=look, name=f"resolve {host[:60]}", daemon=True)
    thread.start()
    thread.join(timeout)
    if not answer:
        raise TimeoutError(f"no answer from DNS for {host} in {timeout:.1f} s")
    if isinstance(answer[0], BaseException):
        raise answer[0]
    return answer[0]


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _lookup(host: str, port: int | None) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def vet_host(
    host: str, port: int | None = None, *, allow_private: bool = False, timeout: float | None = None
) -> list[str]:
    """The addresses of `host`, all of them allowed; BlockedAddress when any one is not.

    One bad address is enough to refuse: a name answering with both a public and a private
    address is the shape of a rebinding attack.
    """
    host = host.strip("[]")
    # socket.gaierror when the name does not resolve, TimeoutError when DNS is too slow.
    addresses = resolve(host, port) if timeout is None else resolve(host, port, timeout=timeout)
    for address in addresses:
        why = refusal(address, allow_private=allow_private)
        if why:
            hint = (
                " (set BRIEFBOT_ALLOW_PRIVATE_FETCH=1 to fetch from loopback and private networks)"
                if why == _PRIVATE and not allow_private
                else ""
            )
            raise BlockedAddress(f"{host} is {why}; only public sources can be fetched{hint}.")
    return addresses


def request_guard(allow_private: bool = False) -> Callable[[httpx.Request], None]:
    """An httpx request event hook: refuse before sending, on the first request and every redirect."""

    def guard(request: httpx.Request) -> None:
        if request.url.scheme not in ("http", "https"):
            raise BlockedAddress(f"{request.url.scheme}: URLs are not fetched; only http and https.")
        # The fetch's deadline, when it has one (bot.fetch.http.Deadline), bounds the lookup too.
        timeout = request.extensions.get("timeout", {}).get("connect")
        try:
            vet_host(request.url.host, request.url.port, allow_private=allow_private, timeout=timeout)
        except (socket.gaierror, UnicodeError, TimeoutError):
            return  # the connection will fail with httpx's own error; nothing was fetched

    return guard


class _TrackedStream(httpcore.NetworkStream):
    """A connection the backend can cut from another thread (`abort`), TLS upgrade included."""

    def __init__(
        self, inner: httpcore.NetworkStream, live: set[_TrackedStream], lock: threading.Lock
    ) -> None:
        self._inner, self._live, self._lock = inner, live, lock
        with lock:
            live.add(self)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        with self._lock:
            self._live.discard(self)
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        self._inner = self._inner.start_tls(ssl_context, server_hostname, timeout)
        return self

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def abort(self) -> None:
        sock = self._inner.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # shutdown, unlike close, wakes a thread blocked reading this socket (it reads EOF).
            # socket.socket's own method: SSLSocket.shutdown would drop the TLS state under the reader.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _VettingBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to addresses `vet_host` allowed."""

    def __init__(self, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._live: set[_TrackedStream] = set()
        self._lock = threading.Lock()
        self._aborted = False

    def abort(self) -> None:
        """Cut every open connection and refuse new ones (the worker is stopping)."""
        self._aborted = True
        with self._lock:
            live = list(self._live)
        for stream in live:
            stream.abort()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        if self._aborted:
            raise httpcore.ConnectError("fetching was stopped")
        try:
            addresses = vet_host(host, port, allow_private=self._allow_private, timeout=timeout)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(str(exc)) from None
        except (socket.gaierror, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        last: Exception | None = None
        for address in addresses:
            try:
                # TLS still verifies (and sends SNI for) the name: httpcore passes the origin host.
                stream = self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
                return _TrackedStream(stream, self._live, self._lock)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address to connect to for {host}")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise BlockedAddress("unix sockets are not fetched from")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport whose connections go only to vetted addresses (see the module docstring)."""

    def __init__(self, *, allow_private: bool = False, max_connections: int = 20) -> None:
        super().__init__(trust_env=False)
        self._backend = _VettingBackend(allow_private)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=self._backend,
        )

    def abort(self) -> None:
        """End the fetches in flight at once (their reads fail) and refuse new ones: for shutdown."""
        self._backend.abort()

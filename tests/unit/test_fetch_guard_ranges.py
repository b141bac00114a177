"""The SSRF guard and IPv6 transition ranges: an IPv4 address wrapped in IPv6 is judged, or refused.

Python 3.11's `ipaddress.is_global` calls all of these global, so the guard let them through:
64:ff9b::7f00:1 (NAT64 to 127.0.0.1), 2002:7f00:1:: (6to4), ::7f00:1 (IPv4-compatible),
::ffff:0:7f00:1 (IPv4-translated), fec0::1 (site-local) and a few retired or reserved ranges.
"""

from __future__ import annotations

import socket

import pytest

from bot.fetch import guard
from bot.fetch.guard import BlockedAddress, refusal, vet_host


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("64:ff9b::7f00:1", "private or local"),  # NAT64 to 127.0.0.1
        ("64:ff9b::a00:1", "private or local"),  # NAT64 to 10.0.0.1
        ("64:ff9b::c0a8:10a", "private or local"),  # NAT64 to 192.168.1.10
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 to 169.254.169.254, the metadata service
        ("64:ff9b:1::a00:1", "local-use NAT64"),
        ("2002:7f00:1::1", "6to4"),  # 6to4 around 127.0.0.1
        ("2002:808:808::1", "6to4"),  # 6to4 at all: deprecated, and a relay decides where it goes
        ("::7f00:1", "IPv4-compatible"),
        ("::a00:1", "IPv4-compatible"),
        ("::808:808", "IPv4-compatible"),
        ("::ffff:0:7f00:1", "IPv4-translated"),
        ("fec0::1", "site-local"),
        ("feff::1", "site-local"),  # the top of fec0::/10
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"),
        ("3fff::1", "documentation"),
        ("5f00::1", "segment-routing"),
        ("192.88.99.1", "6to4 relay"),
    ],
)
def test_transition_and_reserved_ranges_are_refused(address: str, why: str) -> None:
    assert why in (refusal(address) or "")


@pytest.mark.parametrize(
    "address",
    ["64:ff9b::7f00:1", "::7f00:1", "2002:7f00:1::1", "fec0::1", "::ffff:0:7f00:1", "64:ff9b::a9fe:a9fe"],
)
def test_allowing_private_networks_does_not_open_the_wrapped_forms_of_metadata_or_retired_ranges(
    address: str,
) -> None:
    allowed = refusal(address, allow_private=True) is None
    # NAT64 to loopback is loopback, allowed with the setting as 127.0.0.1 is; the rest never pass.
    assert allowed is (address == "64:ff9b::7f00:1")


@pytest.mark.parametrize(
    "address",
    ["64:ff9b::808:808", "64:ff9b::5db8:d822", "2001:4860:4860::8888", "2620:4f:8000::1", "8.8.8.8"],
)
def test_public_addresses_still_pass(address: str) -> None:
    # 64:ff9b::8.8.8.8 is how an IPv6-only host with DNS64 reaches a public IPv4 site.
    assert refusal(address) is None


@pytest.mark.parametrize("address", ["::", "::1", "0.0.0.0", "255.255.255.255", "100::1", "ff02::1"])
def test_other_ranges_is_global_handles_stay_refused(address: str) -> None:
    assert refusal(address) is not None


def test_ipv6_loopback_is_loopback_not_an_ipv4_compatible_address() -> None:
    # ::1 lies inside ::/96: it keeps its own reason, and the setting that allows loopback.
    assert refusal("::1") == "a private or local address"
    assert refusal("::1", allow_private=True) is None


def test_a_name_resolving_into_a_transition_range_is_refused_without_the_private_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fake_getaddrinfo(host: str, port: object, **_kw: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2002:7f00:1::1", 80, 0, 0))]

    monkeypatch.setattr(guard.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(BlockedAddress) as caught:
        vet_host("sneaky.example", 80)
    assert "6to4" in str(caught.value) and "BRIEFBOT_ALLOW_PRIVATE_FETCH" not in str(caught.value)

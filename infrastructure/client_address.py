"""The client's address: the one address the site counts sign-in failures against, limits and logs.

REMOTE_ADDR is whoever opened the connection. X-Forwarded-For is read only when that is one of the proxies
named in TRUSTED_PROXIES (DJANGO_TRUSTED_PROXIES), and then from the right: each entry was added by the hop
to its right, so entries are believed while the hop that added them is a trusted proxy, and the first
address that is not a trusted proxy is the client. Anything to its left is whatever the client chose to
send. With no trusted proxy (the one-box default) no header is read at all.
"""

import ipaddress
from collections.abc import Iterable, Mapping

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(meta: Mapping[str, str], trusted_proxies: Iterable[Network] | None = None) -> str | None:
    """Return the client's address from a request's META (a WSGI environ), or None if it has none.

    trusted_proxies defaults to settings.TRUSTED_PROXIES.
    """
    trusted = tuple(settings.TRUSTED_PROXIES if trusted_proxies is None else trusted_proxies)
    address = _parse(meta.get("REMOTE_ADDR", ""))
    if address is None:
        return None
    hops = [hop for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    while hops and _is_trusted(address, trusted):
        forwarded = _parse(hops.pop())
        if forwarded is None:
            break  # a trusted proxy passed on something that is no address: count that proxy
        address = forwarded
    return str(address)


def client_ip(request) -> str | None:
    """Return the client's address for a request (django-axes' AXES_CLIENT_IP_CALLABLE)."""
    return client_address(request.META)


def _is_trusted(address: Address, trusted: tuple[Network, ...]) -> bool:
    return any(address in network for network in trusted)


def _parse(value: str) -> Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 203.0.113.7:51234 (some load balancers add the port)
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:203.0.113.7 is 203.0.113.7
    return mapped or address

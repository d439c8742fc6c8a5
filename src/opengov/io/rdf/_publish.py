"""Publishing to a SPARQL 1.1 Graph Store (HTTP protocol): one named graph per plan, replaced
on every publish so that publishing again is idempotent.

Credentials written in the endpoint (``https://user:secret@host/store``) are sent as HTTP Basic
authentication and never shown: every message names the endpoint as :func:`shown_endpoint`
writes it, without them or its query. A store's error answer is shown on one line, its control
characters escaped, cut after :data:`MAX_DETAIL` characters. A plan whose ids mint IRIs with
``.`` or ``..`` segments (which leave the base once a store normalises them) is refused.
"""

from __future__ import annotations

import base64
import re
import urllib.error
import urllib.parse
import urllib.request

from opengov._display import field
from opengov.errors import OpenGovError
from opengov.io.rdf._ntriples import ntriples_lines
from opengov.io.rdf._terms import DEFAULT_BASE, iri_for_id
from opengov.model.privacy import without_personal_data

__all__ = ["MAX_DETAIL", "PublishError", "graph_iri", "publish", "shown_endpoint"]

#: How much of a store's error answer a message shows.
MAX_DETAIL = 200
_IRI = re.compile(rb"<([^>]*)>")


class PublishError(OpenGovError, RuntimeError):
    """The store refused the graph or could not be reached."""


def graph_iri(obj: object, base: str = DEFAULT_BASE) -> str:
    """The default named graph of a plan: its own IRI."""
    ident = getattr(obj, "id", None)
    if not isinstance(ident, str):
        raise PublishError(f"cannot name a graph for a {type(obj).__name__}")
    return iri_for_id(ident, base)


def shown_endpoint(endpoint: str) -> str:
    """``endpoint`` as messages show it: scheme, host, port and path, without the user name,
    password or query it may carry."""
    try:
        parts = urllib.parse.urlsplit(endpoint)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        return "the endpoint (not a URL)"
    if ":" in host:
        host = f"[{host}]"
    return field(urllib.parse.urlunsplit((parts.scheme, host + port, parts.path, "", "")))


def _dot_segment(iri: str) -> bool:
    path = urllib.parse.urlsplit(iri).path
    return any(segment in (".", "..") for segment in path.split("/"))


def _check_iris(body: bytes, base: str) -> None:
    """Refuse IRIs under ``base`` that a store would normalise out of it (``…/id/../x``)."""
    if b"/." not in body:
        return
    for match in _IRI.finditer(body):
        iri = match.group(1).decode("utf-8", "replace")
        if iri.startswith(base) and _dot_segment(iri):
            raise PublishError(
                f"{field(iri)}: an id with '.' or '..' segments mints an IRI that leaves "
                f"{base} once normalised; rename it before publishing"
            )


def _request(endpoint: str, target: str, body: bytes) -> urllib.request.Request:
    try:
        parsed = urllib.parse.urlsplit(endpoint)
        parsed.port  # noqa: B018  (a bad port raises ValueError here, not later)
    except ValueError:
        raise PublishError(f"not an http(s) endpoint: {shown_endpoint(endpoint)}") from None
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise PublishError(f"not an http(s) endpoint: {shown_endpoint(endpoint)}")
    headers = {"Content-Type": "application/n-triples"}
    netloc = parsed.netloc.rpartition("@")[2]
    if parsed.username is not None:
        user = urllib.parse.unquote(parsed.username)
        secret = urllib.parse.unquote(parsed.password or "")
        token = base64.b64encode(f"{user}:{secret}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    graph = urllib.parse.urlencode({"graph": target})
    query = f"{parsed.query}&{graph}" if parsed.query else graph
    url = urllib.parse.urlunsplit((parsed.scheme, netloc, parsed.path, query, ""))
    return urllib.request.Request(url, data=body, method="PUT", headers=headers)


def publish(
    obj: object,
    endpoint: str,
    *,
    graph: str | None = None,
    base: str = DEFAULT_BASE,
    timeout: float = 60.0,
    personal_data: bool = True,
) -> str:
    """Replace the named graph ``graph`` (default: the plan's IRI) at a Graph Store endpoint
    with the plan's triples (HTTP PUT of N-Triples). Returns the graph IRI.

    ``endpoint`` is the store's Graph Store Protocol URL (Oxigraph: ``http://host:port/store``);
    a user name and password in it are sent as HTTP Basic authentication. ``timeout`` is in
    seconds, for connecting and for each read. ``personal_data=False`` leaves out every point of
    contact (see :func:`opengov.model.privacy.without_personal_data`). Raises
    :class:`PublishError` when the store cannot be reached or refuses the graph.
    """
    if not timeout > 0:
        raise PublishError(f"the timeout must be a positive number of seconds, got {timeout!r}")
    if not personal_data:
        obj = without_personal_data(obj)
    target = graph or graph_iri(obj, base)
    body = "".join(ntriples_lines(obj, base)).encode("utf-8")
    _check_iris(f"<{target}>".encode() + body, base)
    request = _request(endpoint, target, body)
    shown = shown_endpoint(endpoint)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(4 * MAX_DETAIL).decode("utf-8", "replace").split())
        if len(detail) > MAX_DETAIL:
            detail = detail[:MAX_DETAIL] + "…"
        detail = field(detail)
        raise PublishError(
            f"{shown} refused the graph: HTTP {exc.code} {field(str(exc.reason))}"
            + (f": {detail}" if detail else "")
        ) from None
    except TimeoutError:
        raise PublishError(f"{shown} did not answer within {timeout:g} s") from None
    except (urllib.error.URLError, OSError) as exc:
        reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, TimeoutError):
            raise PublishError(f"{shown} did not answer within {timeout:g} s") from None
        raise PublishError(f"cannot reach {shown}: {field(str(reason))}") from None
    if status not in (200, 201, 204):
        raise PublishError(f"{shown} answered HTTP {status}")
    return target

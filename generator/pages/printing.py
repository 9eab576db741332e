"""Print views for the physical 公开栏: A4, no navigation, and a QR code linking to the online page.

The QR code needs the page's absolute address, so it is made only when mkdocs.yml sets
``site_url``; otherwise the print view prints the page's path in the site and says why there is
no code.
"""

from __future__ import annotations

import io

import segno

from ..model import Village
from . import PageSpec


def print_view(village: Village, online_uri: str, body_template: str, context: dict) -> list[PageSpec]:
    """The print page for `online_uri` (``print/<same path>``) and, with a site_url, its QR code."""
    uri = village.path("print/" + online_uri.removeprefix(village.path("")))
    address = online_address(village.settings.site_url, online_uri)
    specs = []
    qr = None
    if address:
        qr = uri.removesuffix(".md") + "-qr.svg"
        specs.append(PageSpec(qr, "", content=qr_svg(address)))
    specs.insert(
        0,
        PageSpec(
            uri,
            "print.md",
            {**context, "body_template": body_template, "qr": qr, "address": address, "online_uri": online_uri},
        ),
    )
    return specs


def online_address(site_url: str, uri: str) -> str:
    """The absolute address of a generated page (``use_directory_urls: false``), or '' without site_url."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + uri.removesuffix(".md") + ".html"


def qr_svg(address: str) -> bytes:
    """A QR code as SVG, black on white, with a quiet zone."""
    buffer = io.BytesIO()
    segno.make(address, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=4, xmldecl=False, title="扫码查看网上原文"
    )
    return buffer.getvalue()

"""A stdlib-only stand-in for a web app preloaded before its workers fork (gunicorn --preload,
Celery prefork, uWSGI): heavy framework-like imports, then caches built at startup.

    prefork-memory-check --entrypoint examples/stdlib_preload.py:preload \
        --worker examples/stdlib_preload.py:handle_requests --strategies none,freeze
"""

# What a framework, an ORM, an HTTP client and a template engine pull in at import time.
import asyncio
import ctypes
import decimal
import email.mime.multipart
import email.mime.text
import email.parser
import http.server
import json
import logging.handlers
import sqlite3
import ssl
import urllib.request
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

ROWS = 120_000
ROUTES = 60_000
SETTINGS = 40_000


@dataclass
class Product:
    """An ORM row loaded at startup: an object, its tag list and a Decimal."""

    id: int
    sku: str
    price: decimal.Decimal
    tags: List[str] = field(default_factory=list)


# Module-level caches, filled once in the parent; every worker reads them.
products: Dict[int, Product] = {}
routes: Dict[str, Tuple[str, List[str]]] = {}
settings: Dict[str, dict] = {}


def preload() -> None:
    """Fills the caches: about 440,000 objects the collector tracks."""
    for i in range(ROWS):
        products[i] = Product(i, "SKU-%06d" % i, decimal.Decimal(i) / 100, ["tag%d" % (i % 50)])
    # A routing table: URL pattern -> (view name, allowed methods).
    for i in range(ROUTES):
        routes["/api/v1/resource%d/<id>" % i] = ("view_%d" % i, ["GET", "POST"])
    # Layered configuration: each key remembers its value and where it came from.
    for i in range(SETTINGS):
        settings["section%d.key%d" % (i % 100, i)] = {"value": i, "sources": ["defaults", "env"]}
    # Touch a few imported modules the way app start-up does.
    logging.getLogger("app").addHandler(logging.handlers.BufferingHandler(100))
    ssl.create_default_context()
    sqlite3.connect(":memory:").close()


def handle_requests(count: int = 50) -> None:
    """One worker's share of traffic: route lookups, cache reads and response objects."""
    total = decimal.Decimal(0)
    for n in range(count):
        view, methods = routes["/api/v1/resource%d/<id>" % (n * 997 % ROUTES)]
        page = [products[(n * 131 + k) % ROWS] for k in range(20)]
        total += sum(p.price for p in page)
        body = json.dumps({"view": view, "methods": methods, "items": [p.sku for p in page]})
        element = ElementTree.Element("response", status=str(http.HTTPStatus.OK.value))
        element.text = body
    settings["section0.key0"]["value"]  # a config read per request
    asyncio.run(asyncio.sleep(0))
    ctypes.sizeof(ctypes.c_int)
    email.parser.Parser().parsestr("Subject: done\n\n%s" % total)
    email.mime.multipart.MIMEMultipart().attach(email.mime.text.MIMEText("ok"))
    urllib.request.Request("http://localhost/")
    http.server.BaseHTTPRequestHandler.responses.get(200)

"""Serve a built site on 127.0.0.1 the way a real host does.

Like GitHub Pages: the site lives under its site_url path (e.g. /muscle-twitching/),
an unknown address gets 404.html with status 404, and text (HTML, CSS, JS,
JSON, SVG) is sent gzip-compressed to browsers that ask for it, so byte counts
measured against this server are the bytes a reader downloads.

The one server for the browser tests (conftest), scripts/handouts and
scripts/bench (Lighthouse).
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import io
import os
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# What GitHub Pages compresses. Images and fonts are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# GitHub Pages lets browsers keep files for 10 minutes.
CACHE_CONTROL = "max-age=600"


def gzip_bytes(data: bytes) -> bytes:
    """Compressed the way hosts usually do (zlib's default level 6), reproducibly."""
    return gzip.compress(data, compresslevel=6, mtime=0)


class SiteHandler(SimpleHTTPRequestHandler):
    """Set by serve(): the site folder, its path below the host, and whether to gzip."""

    base_path = "/"
    compress = True
    protocol_version = "HTTP/1.1"  # keep-alive, as every real host offers

    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_head(self):
        """Like the standard handler, but compresses text when the browser accepts gzip."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and self._wants_gzip(path)):
            return super().send_head()  # redirects, 404s, images: unchanged
        return self._send_file(HTTPStatus.OK, path)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = self._send_file(HTTPStatus.NOT_FOUND, page)
        if self.command != "HEAD":
            self.copyfile(body, self.wfile)

    def _wants_gzip(self, path: Path) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        return self.compress and "gzip" in accepted and self.guess_type(str(path)).startswith(COMPRESSIBLE)

    def _send_file(self, status: int, path: Path) -> io.BytesIO:
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if self._wants_gzip(path):
            body = gzip_bytes(body)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Last-Modified", email.utils.formatdate(os.path.getmtime(path), usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(directory: Path, base_path: str, compress: bool = True):
    """Serve DIRECTORY at http://127.0.0.1:PORT{base_path} in a background thread.

    Returns (server, base URL); call server.shutdown() when done.
    """
    handler = type("Handler", (SiteHandler,), {"base_path": base_path, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{base_path}"

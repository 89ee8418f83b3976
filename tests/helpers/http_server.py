"""A real HTTP server on 127.0.0.1 for URL tests: an article whose text a test can change, a 404,
a redirect loop, an image, binary bytes as text/plain, and a page that answers only after the test."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = "<p>" + " ".join(["Ankara and Kyiv talked about the grain corridor on {day}."] * 6) + "</p>"


def page(day: str) -> bytes:
    return (f"<html><head><title>Talks on {day}</title></head><body><nav>Home · World</nav>"
            f"<article><h1>Talks on {day}</h1>{ARTICLE.format(day=day)}</article></body></html>").encode()


@pytest.fixture
def server():
    state = {"day": "Tuesday"}
    release = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

        def do_GET(self):
            if self.path == "/article" and state.get("gone"):
                self.reply(410, "text/plain", b"gone")
            elif self.path == "/article":
                self.reply(200, "text/html; charset=utf-8", page(state["day"]))
            elif self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif self.path == "/image":
                self.reply(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
            elif self.path == "/octets":
                self.reply(200, "text/plain", b"\x00\x01\x02binary\x00" * 20)
            elif self.path == "/slow":
                release.wait(10)  # until the test is over: the client must give up first
                self.reply(200, "text/html", page("never"))
            else:
                self.reply(404, "text/plain", b"no")

        def reply(self, status, content_type, body):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, state
    release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)

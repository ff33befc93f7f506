"""Connections that never finish their request head are closed after [portal]
idle_timeout_seconds, and the portal keeps answering meanwhile (a slow-header flood cannot
hold it)."""
import socket
import time
import urllib.request

from conftest import start_portal


def test_half_sent_headers_are_closed_after_the_idle_timeout(tmp_path):
    config = tmp_path / "fundwatch.conf"
    config.write_text("[portal]\nidle_timeout_seconds = 5\n", encoding="utf-8")
    server, base = start_portal(str(tmp_path / "s.sqlite"), str(tmp_path), "--config", str(config))
    port = int(base.rsplit(":", 1)[1])
    try:
        sockets = []
        for _ in range(200):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")   # the head never ends
            sockets.append(s)
        # The portal answers others while they hang.
        assert urllib.request.urlopen(base + "/health", timeout=2).status == 200
        time.sleep(7)
        closed = 0
        for s in sockets:
            s.settimeout(2)
            try:
                if s.recv(1024) == b"":
                    closed += 1          # closed by the portal
            except ConnectionResetError:
                closed += 1              # reset by the portal
            except socket.timeout:
                pass                     # still open
            finally:
                s.close()
        assert closed == len(sockets), f"{closed} of {len(sockets)} half-sent connections closed after the idle timeout"
        assert urllib.request.urlopen(base + "/health", timeout=2).status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)

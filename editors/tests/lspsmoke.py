"""A small stdio LSP client for checking that an editor configuration's
command line starts a working valohai-ls.

Only the standard library is used. Every wait has a timeout, and the server
process is killed if it outlives the session.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LspError(Exception):
    pass


class Session:
    def __init__(self, argv: list[str], root: Path, timeout: float = 10.0):
        self.timeout = timeout
        self.root = root
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=root,
        )
        self._next_id = 0
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.stderr = b""
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # -- transport -------------------------------------------------------
    def _read_stdout(self) -> None:
        out = self.proc.stdout
        assert out is not None
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self._inbox.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    raise LspError("a message without Content-Length")
                body = out.read(length)
                self._inbox.put(json.loads(body))
        except Exception:  # noqa: BLE001 - reported as end of stream
            self._inbox.put(None)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        try:
            self.stderr = self.proc.stderr.read()
        except (OSError, ValueError):
            pass

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _next(self, deadline: float) -> dict[str, Any]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise LspError("timed out waiting for the server")
        try:
            msg = self._inbox.get(timeout=left)
        except queue.Empty:
            raise LspError("timed out waiting for the server") from None
        if msg is None:
            raise LspError("the server closed its output (exit code %s): %s"
                           % (self.proc.poll(), self.stderr.decode(errors="replace")[-500:]))
        return msg

    # -- protocol --------------------------------------------------------
    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        rid = self._next_id
        self._send({"id": rid, "method": method, "params": params})
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._next(deadline)
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise LspError(f"{method} failed: {msg['error']}")
                return msg.get("result")
            self._handle(msg)

    def _handle(self, msg: dict[str, Any]) -> None:
        if "method" in msg and "id" in msg:
            # A request from the server (e.g. workspace/configuration): answer plainly.
            result: Any = None
            if msg["method"] == "workspace/configuration":
                result = [None for _ in msg.get("params", {}).get("items", [])]
            self._send({"id": msg["id"], "result": result})
        elif "method" in msg:
            self.notifications.append(msg)

    def wait_for_diagnostics(self, uri: str, predicate) -> list[dict[str, Any]]:
        deadline = time.monotonic() + self.timeout
        while True:
            for note in reversed(self.notifications):
                if note["method"] == "textDocument/publishDiagnostics" and note["params"]["uri"] == uri:
                    diags = note["params"]["diagnostics"]
                    if predicate(diags):
                        return diags
                    break
            self._handle(self._next(deadline))

    def close(self) -> int | None:
        try:
            if self.proc.poll() is None:
                try:
                    self.request("shutdown", None)
                    self.notify("exit", None)
                except (LspError, OSError):
                    pass
                try:
                    return self.proc.wait(timeout=self.timeout)
                except subprocess.TimeoutExpired:
                    pass
            return self.proc.poll()
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    if stream is not None:
                        stream.close()
                except OSError:
                    pass


def check_server(argv: list[str], fixture: Path, work: Path, language_id: str,
                 file_name: str = "valohai.yaml") -> dict[str, Any]:
    """Run one editing session against `argv` and return what was seen.

    Raises LspError or AssertionError when the server does not behave as the
    editor configurations expect: diagnostics with the missing-image error,
    endpoint keys offered by completion, markdown hover on `wsgi`, and a clean
    exit after shutdown.
    """
    work.mkdir(parents=True, exist_ok=True)
    path = work / file_name
    text = fixture.read_text() + "    "  # an indented blank line inside the last endpoint
    path.write_text(text)
    uri = path.resolve().as_uri()
    lines = text.split("\n")
    wsgi_line = next(i for i, line in enumerate(lines) if "wsgi: predict:app" in line)

    session = Session(argv, work)
    seen: dict[str, Any] = {}
    try:
        init = session.request("initialize", {
            "processId": os.getpid(),
            "rootUri": work.resolve().as_uri(),
            "capabilities": {},
            "clientInfo": {"name": "valohai-ls editor config check"},
        })
        caps = init["capabilities"]
        assert caps.get("completionProvider") is not None, "no completion provider"
        assert caps.get("hoverProvider"), "no hover provider"
        session.notify("initialized", {})
        session.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language_id, "version": 1, "text": text}})

        diags = session.wait_for_diagnostics(uri, lambda ds: any(
            d.get("code") == "missing-key" and 'endpoint "predict" needs an image' in d["message"] for d in ds))
        seen["diagnostics"] = [d["message"] for d in diags]

        completion = session.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": len(lines) - 1, "character": 4}})
        items = completion["items"] if isinstance(completion, dict) else (completion or [])
        labels = {item["label"] for item in items}
        seen["completion"] = sorted(labels)
        for want in ("image", "port", "wsgi", "server-command"):
            assert want in labels, f"completion lacks {want}: {sorted(labels)}"
        assert "name" not in labels, "completion offers name, which the endpoint has"

        hover = session.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": {"line": wsgi_line, "character": 5}})
        assert hover and hover["contents"]["kind"] == "markdown", f"hover: {hover}"
        assert "wsgi" in hover["contents"]["value"]
        seen["hover"] = hover["contents"]["value"]
    finally:
        seen["exit_code"] = session.close()
    assert seen["exit_code"] == 0, f"server exit code {seen['exit_code']}"
    return seen

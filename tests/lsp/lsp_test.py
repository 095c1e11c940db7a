#!/usr/bin/env python3
"""The protocol tests of `briefc lsp`: a scripted client that frames
Content-Length messages, sends them, and waits for the answers with a
timeout.  Usage: lsp_test.py BRIEFC [TEST...]

BRIEFC_WRAP (valgrind, as make leakcheck sets it) prefixes the server's
command line; the timeouts then grow.  Prints one line per failure and
"lsp: N passed, M failed"; exits 1 if any failed.
"""
import json
import os
import queue
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BRIEFC = sys.argv[1] if len(sys.argv) > 1 else "build/briefc"
WRAP = shlex.split(os.environ.get("BRIEFC_WRAP", ""))
# valgrind runs a program some 20 to 50 times slower
SLOW = 30 if WRAP else 1
# ASan too, less so
if not WRAP and b"__asan_init" in open(BRIEFC, "rb").read():
    SLOW = 5
TIMEOUT = 10 * SLOW


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


class Client:
    """One server process and what it sent."""

    def __init__(self, args=("lsp",)):
        self.proc = subprocess.Popen(WRAP + [BRIEFC] + list(args),
                                     stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.q = queue.Queue()
        self.inbox = []
        self.stderr = b""
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read(self):
        f = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = f.readline()
                    if not line:
                        self.q.put(None)
                        return
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    k, _, v = line.partition(b":")
                    headers[k.strip().lower()] = v.strip()
                n = int(headers[b"content-length"])
                body = f.read(n)
                self.q.put(json.loads(body.decode("utf-8")))
        except Exception as e:  # a malformed answer fails the test
            self.q.put({"__bad__": repr(e)})

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr += line

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    def request(self, method, params=None):
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return self.next_id

    def wait(self, pred, timeout=None, what="a message"):
        """The first message (kept or new) for which pred holds."""
        for i, m in enumerate(self.inbox):
            if pred(m):
                return self.inbox.pop(i)
        end = time.time() + (timeout or TIMEOUT)
        while True:
            left = end - time.time()
            if left <= 0:
                raise Failure("timed out waiting for " + what)
            try:
                m = self.q.get(timeout=left)
            except queue.Empty:
                raise Failure("timed out waiting for " + what)
            if m is None:
                self.q.put(None)
                time.sleep(0.5)   # for its last words on stderr
                raise Failure("the server closed its output while we waited for %s; stderr: %s"
                              % (what, self.stderr[-3000:].decode("utf-8", "replace")))
            check("__bad__" not in m, "malformed message from the server: %s" % m.get("__bad__"))
            if pred(m):
                return m
            self.inbox.append(m)

    def response(self, rid, timeout=None):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout,
                         "the response to request %s" % rid)

    def call(self, method, params=None, timeout=None):
        r = self.response(self.request(method, params), timeout)
        check("error" not in r, "%s failed: %s" % (method, r.get("error")))
        return r["result"]

    def error_of(self, method, params=None):
        r = self.response(self.request(method, params))
        check("error" in r, "%s succeeded, an error was expected: %s" % (method, r))
        return r["error"]

    def expect(self, code, method, params=None, what=None):
        """The request fails with that error code."""
        e = self.error_of(method, params)
        check(e["code"] == code, "%s: code %s, not %s (%s)" % (what or method, e["code"], code, e["message"]))
        return e

    def null_error(self, timeout=None):
        """An error response with a null id (framing, parse errors)."""
        return self.wait(lambda m: "error" in m and m.get("id") is None, timeout,
                         "an error with a null id")["error"]

    def diagnostics(self, uri, version=None, timeout=None):
        def pred(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri
                    and (version is None or m["params"].get("version") == version))
        return self.wait(pred, timeout, "diagnostics of %s" % uri)["params"]["diagnostics"]

    def initialize(self, encodings=None, caps=None):
        caps = dict(caps or {})
        if encodings is not None:
            caps["general"] = {"positionEncodings": encodings}
        r = self.call("initialize", {"processId": None, "rootUri": None, "capabilities": caps})
        self.notify("initialized", {})
        return r

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "brief", "version": version, "text": text}})
        return self.diagnostics(uri, version)

    def finish(self, timeout=None):
        """Close our end; the exit status."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout or TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Failure("the server did not end after its input closed")

    def shutdown(self):
        check(self.call("shutdown") is None, "shutdown's result is not null")
        self.notify("exit")
        rc = self.finish()
        check(rc == 0, "exit after shutdown: status %d, not 0; stderr: %s" % (rc, self.stderr[-2000:]))


# ---- positions ----

def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def units(s, enc):
    return {"utf-16": utf16_len(s), "utf-8": len(s.encode("utf-8")), "utf-32": len(s)}[enc]


def pos(text, needle, nth=0, delta=0, enc="utf-16"):
    """The LSP position of the nth occurrence of needle, plus delta characters."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    i += delta
    line = text.count("\n", 0, i)
    start = text.rfind("\n", 0, i) + 1
    return {"line": line, "character": units(text[start:i], enc)}


def offset(text, p, enc="utf-16"):
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:p["line"]])
    line = lines[p["line"]] if p["line"] < len(lines) else ""
    k = 0
    while k < len(line) and units(line[:k + 1], enc) <= p["character"]:
        k += 1
    return start + k


def apply_edits(text, edits, enc="utf-16"):
    spans = [(offset(text, e["range"]["start"], enc), offset(text, e["range"]["end"], enc),
              e["newText"]) for e in edits]
    for a, b, t in sorted(spans, reverse=True):
        text = text[:a] + t + text[b:]
    return text


def doc_params(uri, p=None):
    d = {"textDocument": {"uri": uri}}
    if p is not None:
        d["position"] = p
    return d


BRIEF = """---
title: Test brief
authors: A. Writer
date: 2024-01-01
---

::: acronyms
WHO: World Health Organization
:::

::: areas
water: Water Safety
:::

# Water {#water-sec}

The WHO warns 😀 中文 [@who-water] and [@contamination; @who-water].

::: finding contamination
claim: Contaminated water transmits disease.
evidence: who-water
confidence: high
:::

::: recommendation test-fountains
action: Test every fountain.
area: water
addresses: contamination
:::

::: recommendations
:::

::: evidence who-water
title: Drinking-water
publisher: World Health Organization
date: 2023-09-13
:::
"""
URI = "file:///tmp/briefc-lsp-test/water.brief"


def codes(diags):
    return sorted(d["code"] for d in diags)


def started(encodings=None, caps=None):
    c = Client()
    c.initialize(encodings, caps)
    return c


# ---- the tests ----

def test_lifecycle():
    c = Client()
    r = c.call("initialize", {"processId": None, "capabilities": {}})
    caps = r["capabilities"]
    check(caps["positionEncoding"] == "utf-16", "default encoding is %s" % caps["positionEncoding"])
    check(caps["textDocumentSync"] == {"openClose": True, "change": 2},
          "textDocumentSync %s" % caps["textDocumentSync"])
    for k in ("hoverProvider", "definitionProvider", "referencesProvider",
              "documentSymbolProvider"):
        check(caps.get(k) is True, k + " not offered")
    check(caps["renameProvider"] == {"prepareProvider": True}, "renameProvider")
    check("@" in caps["completionProvider"]["triggerCharacters"], "completion on @")
    check(caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"], "code actions")
    check(caps.get("documentFormattingProvider") is True, "formatting not offered")
    check(r["serverInfo"]["name"] == "briefc", "serverInfo")
    c.notify("initialized", {})
    c.shutdown()


def test_exit_without_shutdown():
    c = started()
    c.notify("exit")
    rc = c.finish()
    check(rc == 1, "exit without shutdown: status %d, not 1" % rc)


def test_stdio_argument():
    c = Client(("lsp", "--stdio"))
    c.initialize()
    c.shutdown()
    p = subprocess.run(WRAP + [BRIEFC, "lsp", "--port"], capture_output=True, timeout=TIMEOUT)
    check(p.returncode == 2 and b"--port" in p.stderr, "lsp --port: %d %s" % (p.returncode, p.stderr))


def test_before_initialize():
    c = Client()
    c.expect(-32002, "textDocument/hover", doc_params(URI, {"line": 0, "character": 0}), what="request before initialize")
    c.expect(-32002, "shutdown", what="shutdown before initialize")
    # a notification before initialize is dropped: no diagnostics come
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "brief", "version": 1, "text": BRIEF}})
    c.initialize()
    e = c.error_of("textDocument/hover", doc_params(URI, {"line": 0, "character": 0}))
    check(e["code"] == -32602, "the document opened before initialize is open: %s" % e)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" for m in c.inbox),
          "diagnostics for a document opened before initialize")
    c.expect(-32600, "initialize", {"capabilities": {}}, what="second initialize")
    c.shutdown()


def test_after_shutdown():
    c = started()
    c.call("shutdown")
    c.expect(-32600, "textDocument/hover", doc_params(URI, {"line": 0, "character": 0}), what="request after shutdown")
    c.expect(-32600, "shutdown", what="second shutdown")
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": URI, "languageId": "brief", "version": 1, "text": BRIEF}})
    c.notify("exit")
    rc = c.finish()
    check(rc == 0, "exit after shutdown: %d" % rc)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" for m in c.inbox),
          "a document opened after shutdown was checked")


def test_unknown_methods():
    c = started()
    c.expect(-32601, "textDocument/semanticTokens/full", doc_params(URI), what="unknown method")
    c.notify("workspace/somethingNew", {"x": 1})
    c.notify("$/cancelRequest", {"id": 99})
    c.notify("$/setTrace", {"value": "off"})
    c.open(URI, BRIEF)
    c.expect(-32602, "textDocument/hover", {"textDocument": {"uri": URI}}, what="hover without a position")
    c.expect(-32602, "textDocument/hover", doc_params(URI, {"line": -1, "character": 0}), what="hover at line -1")
    c.expect(-32602, "textDocument/hover", doc_params("file:///not/open.brief", {"line": 0, "character": 0}), what="hover on a closed document")
    c.expect(-32602, "textDocument/documentSymbol", [URI], what="params as an array")
    check(c.call("textDocument/hover", doc_params(URI, {"line": 999, "character": 999})) is None,
          "hover past the end")
    c.shutdown()


def framed(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


GARBAGE = [
    # (bytes, the error code expected, or None: no answer)
    (framed(b"hello"), -32700),
    (framed(b"[]"), -32600),
    (framed(b"42"), -32600),
    (framed(b'{"jsonrpc":"2.0"}'), -32600),
    (framed(b'{"jsonrpc":"1.0","id":1,"method":"shutdown"}'), -32600),
    (framed(b'{"id":1,"method":"shutdown"}'), -32600),
    (framed(b'{"jsonrpc":"2.0","id":{},"method":"shutdown"}'), -32600),
    (framed(b'{"jsonrpc":"2.0","id":7,"method":12345678}'), -32600),
    (framed(b'{"jsonrpc":"2.0","id":8,"method":"x","params":"str"}'), -32600),
    (framed(b""), -32700),
    (b"Content-Length: abc\r\n\r\n{}", -32700),
    (b'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}', -32700),
    (b"this is not a header\r\n\r\n", -32700),
    (b'Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":1}', -32700),  # too short
    (b"Content-Length: 99999999999999999999999999\r\n\r\n", -32700),
    (framed(b"[[[[[[[[[[[["), -32700),
    (framed(b'"\\ud800"'), -32700),
    (framed(b"\xff\xfe\x00\x01"), -32700),
    (framed(b'{"jsonrpc":"2.0","id":5,"result":null}'), None),  # a response
]


def test_garbage():
    c = started()
    c.open(URI, BRIEF)
    for data, code in GARBAGE:
        c.send_raw(data)
        if code is not None:
            e = c.wait(lambda m: "error" in m, what="an error for %r" % data[:60])["error"]
            check(e["code"] == code, "%r: code %s, not %s" % (data[:60], e["code"], code))
        # the server goes on
        r = c.call("textDocument/hover", doc_params(URI, pos(BRIEF, "who-water", 1, 2)))
        check(r and "Drinking" in r["contents"]["value"], "after %r the hover is %s" % (data[:60], r))
        c.inbox = [m for m in c.inbox if "error" not in m]
    # random bytes, then a request
    rnd = random.Random(17)
    for _ in range(20):
        junk = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 3000)))
        c.send_raw(junk + b"\r\n\r\n")
    check(c.call("textDocument/documentSymbol", doc_params(URI)) is not None, "symbols after random bytes")
    # nesting deeper than the parser follows is an error, not a crash
    deep = b"[" * 100000 + b"]" * 100000
    c.send_raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    e = c.null_error()
    check(e["code"] == -32700, "deep nesting: %s" % e)
    c.inbox = [m for m in c.inbox if "error" not in m]
    check(c.call("textDocument/documentSymbol", doc_params(URI)) is not None, "symbols after deep nesting")
    c.shutdown()


def test_oversized_message():
    c = started()
    c.open(URI, BRIEF)
    n = 130 << 20   # over the limit of 128 MiB: skipped as it comes
    c.send_raw(b"Content-Length: %d\r\n\r\n" % n)
    e = c.null_error()
    check(e["code"] == -32700 and "limit" in e["message"], "oversized: %s" % e)
    chunk = b" " * (1 << 20)
    for _ in range(n >> 20):
        c.send_raw(chunk)
    r = c.call("textDocument/hover", doc_params(URI, pos(BRIEF, "who-water", 1, 2)))
    check(r and "Drinking" in r["contents"]["value"], "hover after a skipped message")
    if not WRAP:
        hwm = 0
        with open("/proc/%d/status" % c.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        check(hwm < 64 * 1024, "a skipped 130 MB message took %d KB of memory" % hwm)
    c.shutdown()


def test_huge_length_then_gone():
    c = started()
    c.send_raw(b"Content-Length: 999999999999\r\n\r\n{\"jsonrpc\":")
    c.null_error()
    rc = c.finish()
    check(rc == 1, "client gone inside a skipped message: status %d" % rc)


def test_encodings():
    line = BRIEF.split("\n")[16]
    check("😀" in line, "the test brief lost its emoji")
    for offered, want in ((None, "utf-16"), (["utf-16"], "utf-16"),
                          (["utf-32", "utf-16"], "utf-32"), (["utf-8", "utf-32", "utf-16"], "utf-8"),
                          (["latin-1"], "utf-16")):
        c = Client()
        r = c.initialize(offered)
        enc = r["capabilities"]["positionEncoding"]
        check(enc == want, "offered %s, chose %s, not %s" % (offered, enc, want))
        bad = BRIEF.replace("[@contamination; @who-water]", "[@contamination; @nowhere]")
        diags = c.open(URI, bad)
        d = [d for d in diags if d["code"] == "undefined-reference"]
        check(len(d) == 1, "%s: undefined-reference diagnostics: %s" % (enc, diags))
        start, end = pos(bad, "nowhere", enc=enc), pos(bad, "nowhere", delta=7, enc=enc)
        check(d[0]["range"] == {"start": start, "end": end},
              "%s: range %s, not %s" % (enc, d[0]["range"], {"start": start, "end": end}))
        # a position after the emoji and the CJK finds the right ID
        r = c.call("textDocument/definition", doc_params(URI, pos(bad, "@who-water", 0, 3, enc)))
        check(r and r["range"]["start"] == pos(bad, "who-water", 2, enc=enc),
              "%s: definition after the emoji: %s" % (enc, r))
        # an incremental edit after the emoji, in the same encoding
        at = pos(bad, "nowhere", enc=enc)
        end = pos(bad, "nowhere", delta=7, enc=enc)
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                            "contentChanges": [{"range": {"start": at, "end": end},
                                                                "text": "who-water"}]})
        diags = c.diagnostics(URI, 2)
        check(diags == [], "%s: after the edit: %s" % (enc, diags))
        c.shutdown()


def test_surrogate_halves():
    c = started()
    text = BRIEF.replace("😀 中文", "😀😀 中文")
    c.open(URI, text)
    p = pos(text, "😀")
    # the second half of the first emoji's surrogate pair means its start
    mid = {"line": p["line"], "character": p["character"] + 1}
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"range": {"start": mid, "end": mid},
                                                            "text": "X"}]})
    c.call("textDocument/documentSymbol", doc_params(URI))
    want = text.replace("😀😀", "X😀😀")
    r = c.call("textDocument/definition", doc_params(URI, pos(want, "@who-water", 0, 3)))
    check(r and r["range"]["start"] == pos(want, "who-water", 3), "after a mid-pair edit: %s" % r)
    c.shutdown()


def test_diagnostics():
    c = started()
    text = BRIEF.replace("[@contamination; @who-water]", "[@contamination; @who-watr]")
    text = text.replace("::: evidence who-water", "::: evidence who-water\nsubtitle: x")
    text = text.replace("::: areas\nwater: Water Safety", "::: areas\nwater: Water Safety\ncontamination: Again")
    diags = c.open(URI, text)
    by = {d["code"]: d for d in diags}
    for code in ("undefined-reference", "unknown-field", "duplicate-id"):
        check(code in by, "no %s in %s" % (code, codes(diags)))
    u = by["undefined-reference"]
    check(u["severity"] == 1 and u["source"] == "briefc", "severity/source: %s" % u)
    check("did you mean 'who-water'?" in u["message"], "no did-you-mean: %s" % u["message"])
    dup = by["duplicate-id"]
    rel = dup.get("relatedInformation", [])
    check(rel and rel[0]["location"]["uri"] == URI, "duplicate-id without a related location: %s" % dup)
    check(rel[0]["location"]["range"]["start"]["line"] != dup["range"]["start"]["line"],
          "the related location is the diagnostic's own")
    w = [d for d in diags if d["severity"] == 2]
    text2 = BRIEF.replace("The WHO warns", "The WHO and NATO warn")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"text": text2}]})
    diags = c.diagnostics(URI, 2)
    check(codes(diags) == ["undefined-acronym"], "full change: %s" % codes(diags))
    check(diags[0]["severity"] == 2, "a warning's severity: %s" % diags[0])
    check(w is not None, "")
    # a final brief makes the warning an error
    text3 = text2.replace("date: 2024-01-01", "date: 2024-01-01\nstatus: final")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3},
                                        "contentChanges": [{"text": text3}]})
    diags = c.diagnostics(URI, 3)
    check([d["severity"] for d in diags] == [1], "status: final: %s" % diags)
    # closing clears them
    c.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
    check(c.diagnostics(URI) == [], "diagnostics left after close")
    c.shutdown()


def test_fix_clears_diagnostic():
    c = started()
    text = BRIEF.replace("[@contamination; @who-water]", "[@contamination; @who-watr]")
    diags = c.open(URI, text)
    check(codes(diags) == ["undefined-reference"], "before: %s" % codes(diags))
    p = pos(text, "who-watr", delta=7)
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"range": {"start": p, "end": p},
                                                            "text": "e"}]})
    diags = c.diagnostics(URI, 2)
    check(diags == [], "the fixed reference still has diagnostics: %s" % diags)
    # several changes in one notification, applied in order
    a = pos(BRIEF, "Test every")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3},
                                        "contentChanges": [
                                            {"range": {"start": a, "end": a}, "text": "TODO "},
                                            {"range": {"start": a, "end": {"line": a["line"], "character": a["character"] + 5}},
                                             "text": ""},
                                            {"range": {"start": a, "end": a}, "text": "FIXME "}]})
    diags = c.diagnostics(URI, 3)
    check(codes(diags) == ["placeholder"], "after three changes: %s" % codes(diags))
    check(diags[0]["range"]["start"] == a, "the placeholder is at %s" % diags[0]["range"])
    c.shutdown()


def test_definition_references():
    c = started()
    c.open(URI, BRIEF)
    ev_def = pos(BRIEF, "who-water", 3)
    for needle, nth in (("who-water", 0), ("who-water", 1), ("who-water", 2), ("who-water", 3)):
        r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, needle, nth, 1)))
        check(r and r["uri"] == URI and r["range"]["start"] == ev_def,
              "definition of %s #%d: %s" % (needle, nth, r))
    r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, "area: water", 0, 8)))
    check(r and r["range"]["start"] == pos(BRIEF, "water: Water"), "area: %s" % r)
    r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, "addresses: contamination", 0, 12)))
    check(r and r["range"]["start"] == pos(BRIEF, "contamination", 1), "addresses: %s" % r)
    r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, "@contamination", 0, 2)))
    check(r and r["range"]["start"] == pos(BRIEF, "contamination", 1), "[@a; @b] first item: %s" % r)
    r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, "Health")))
    check(r is None, "definition on prose: %s" % r)
    r = c.call("textDocument/definition", doc_params(URI, pos(BRIEF, "WHO warns", 0, 2)))
    check(r and r["range"]["start"] == pos(BRIEF, "WHO: World"), "an acronym's declaration: %s" % r)
    refs = c.call("textDocument/references", dict(doc_params(URI, ev_def), context={"includeDeclaration": True}))
    check(len(refs) == 4, "references with the declaration: %d" % len(refs))
    refs = c.call("textDocument/references", dict(doc_params(URI, pos(BRIEF, "who-water", 1)),
                                                  context={"includeDeclaration": False}))
    starts = sorted((r["range"]["start"]["line"], r["range"]["start"]["character"]) for r in refs)
    want = sorted((p["line"], p["character"]) for p in (pos(BRIEF, "who-water", 0), pos(BRIEF, "who-water", 1),
                                                        pos(BRIEF, "who-water", 2)))
    check(starts == want, "references: %s, not %s" % (starts, want))
    c.shutdown()


def test_hover():
    c = started()
    c.open(URI, BRIEF)

    def hover(p):
        r = c.call("textDocument/hover", doc_params(URI, p))
        check(r is not None, "no hover at %s" % p)
        return r["contents"]["value"]

    v = hover(pos(BRIEF, "@contamination", 0, 3))
    check("Finding 1" in v and "Contaminated water transmits disease" in v and "Drinking" in v,
          "finding hover: %s" % v)
    v = hover(pos(BRIEF, "who-water", 0, 1))
    check("Source [1]" in v and "Drinking" in v and "World Health Organization" in v and "2023" in v,
          "evidence hover: %s" % v)
    v = hover(pos(BRIEF, "test-fountains", 0, 1))
    check("Recommendation 1" in v and "Test every fountain" in v, "recommendation hover: %s" % v)
    v = hover(pos(BRIEF, "area: water", 0, 7))
    check("Water Safety" in v, "area hover: %s" % v)
    v = hover(pos(BRIEF, "WHO warns", 0, 1))
    check("World Health Organization" in v, "acronym hover: %s" % v)
    check(c.call("textDocument/hover", doc_params(URI, pos(BRIEF, "transmits"))) is None, "hover on prose")
    # an undefined ID stays literal in the Markdown (IDs hold no backtick
    # since version 2 of the language, but '_', '.' and ':')
    text = BRIEF + "\nSee [@Smith_2020:a.b].\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"text": text}]})
    r = c.call("textDocument/hover", doc_params(URI, pos(text, "Smith_2020", 0, 1)))
    check(r and r["contents"]["value"] == "`Smith_2020:a.b` is not defined", "undefined ID: %s" % r)
    c.shutdown()


def test_completion():
    c = started()
    text = BRIEF.replace("::: recommendations\n:::\n",
                         "::: recommendations\n:::\n\n"
                         "See [@ here.\n\n"
                         "::: finding f2\nclaim: x\nevidence: \n\n:::\n\n"
                         "::: recommendation r2\naction: y\naddresses: \narea: \nconf\n:::\n\n"
                         "::: \n")
    c.open(URI, text)

    def labels(p):
        r = c.call("textDocument/completion", doc_params(URI, p))
        items = r["items"] if isinstance(r, dict) else r
        return sorted(i["label"] for i in items), items

    got, items = labels(pos(text, "[@ here", 0, 2))
    check({"who-water", "contamination", "test-fountains", "water", "water-sec"} <= set(got),
          "after [@: %s" % got)
    e = items[0]["textEdit"]
    check(e["range"]["start"] == e["range"]["end"] == pos(text, "[@ here", 0, 2), "textEdit %s" % e)
    got, _ = labels(pos(text, "evidence: \n", 0, 10))
    check(got == ["who-water"], "evidence: %s" % got)
    got, _ = labels(pos(text, "addresses: \n", 0, 11))
    check(got == ["contamination", "f2"], "addresses: %s" % got)
    got, _ = labels(pos(text, "area: \n", 0, 6))
    check(got == ["water"], "area: %s" % got)
    got, items = labels(pos(text, "conf\n", 0, 4))
    check(got == ["actor", "horizon", "priority"], "missing recommendation fields: %s" % got)
    e = items[0]["textEdit"]
    check(e["range"]["start"] == pos(text, "conf\n") and e["newText"].endswith(": "),
          "a field name replaces the word typed: %s" % e)
    got, _ = labels(pos(text, "conf\n", 0, 0))
    check(got == ["actor", "horizon", "priority"], "at the start of a field line: %s" % got)
    got, _ = labels(pos(text, "evidence: \n\n", 0, 11))
    check(got == ["confidence"], "on an empty line after the fields: %s" % got)
    got, _ = labels(pos(text, "claim: Contaminated water", 0, 9))
    check(got == [], "inside a claim: %s" % got)
    got, _ = labels(pos(text, "::: \n", 0, 4))
    check("finding" in got and "evidence" in got and "acronyms" in got, "block kinds: %s" % got)
    got, _ = labels(pos(text, "confidence: high", 0, 12))
    check(got == ["high", "low", "medium"], "confidence values: %s" % got)
    got, _ = labels(pos(text, "transmits"))
    check(got == [], "completion in prose: %s" % got)
    # completion where no ID is offered does not check a changed text
    # first (a space typed in prose asks for it): the answer comes
    # before the diagnostics of the change
    change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": URI, "version": 9}, "contentChanges": [
            {"range": {"start": pos(text, "transmits"), "end": pos(text, "transmits")}, "text": "x "}]}}
    c.next_id += 1
    ask = {"jsonrpc": "2.0", "id": c.next_id, "method": "textDocument/completion",
           "params": doc_params(URI, pos(text, "transmits"))}
    c.send_raw(framed(json.dumps(change).encode()) + framed(json.dumps(ask).encode()))
    r = c.response(c.next_id)
    check(r["result"]["items"] == [], "completion in a claim: %s" % r)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" and m["params"]["version"] == 9
                  for m in c.inbox), "completion in prose checked the document first")
    check(c.diagnostics(URI, 9) is not None, "")
    text = text.replace("transmits", "x transmits", 1)
    # after a change, completion of IDs checks the text first
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 10},
                                        "contentChanges": [{"range": {"start": pos(text, "[@ here", 0, 2),
                                                                      "end": pos(text, "[@ here", 0, 2)},
                                                            "text": "ne"}]})
    text = text.replace("[@ here", "[@ne here")
    got, _ = labels(pos(text, "[@ne here", 0, 4))
    check("who-water" in got, "IDs after a change: %s" % got)
    check(any(m.get("method") == "textDocument/publishDiagnostics" and m["params"]["version"] == 10
              for m in c.inbox), "completion of IDs did not check the changed text")
    # a partial ID is replaced
    text2 = text.replace("[@ne here", "[@who here")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 11},
                                        "contentChanges": [{"text": text2}]})
    got, items = labels(pos(text2, "[@who here", 0, 5))
    e = [i for i in items if i["label"] == "who-water"][0]["textEdit"]
    check(e["range"]["start"] == pos(text2, "[@who here", 0, 2), "partial ID replaced from %s" % e)
    c.shutdown()


def test_rename():
    c = started()
    c.open(URI, BRIEF)
    p = pos(BRIEF, "who-water", 1, 4)
    r = c.call("textDocument/prepareRename", doc_params(URI, p))
    check(r["placeholder"] == "who-water" and r["range"]["start"] == pos(BRIEF, "who-water", 1),
          "prepareRename: %s" % r)
    check(c.call("textDocument/prepareRename", doc_params(URI, pos(BRIEF, "transmits"))) is None,
          "prepareRename on prose")
    edit = c.call("textDocument/rename", dict(doc_params(URI, p), newName="who-2023"))
    edits = edit["changes"][URI]
    check(len(edits) == 4, "rename edits: %d" % len(edits))
    new = apply_edits(BRIEF, edits)
    check(new == BRIEF.replace("who-water", "who-2023"), "renamed text differs")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"text": new}]})
    check(c.diagnostics(URI, 2) == [], "after the rename the brief has diagnostics")
    e = c.error_of("textDocument/rename", dict(doc_params(URI, pos(new, "who-2023", 1)), newName="Bad ID!"))
    check(e["code"] == -32803 and "not a valid ID" in e["message"], "invalid new ID: %s" % e)
    e = c.error_of("textDocument/rename", dict(doc_params(URI, pos(new, "who-2023", 1)), newName="water"))
    check(e["code"] == -32803 and "already" in e["message"], "taken ID: %s" % e)
    # a section's ID from its title: renamed with an explicit {#id}
    text = new.replace("# Water {#water-sec}", "# Clean Water") + "\nSee [@clean-water].\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 3},
                                        "contentChanges": [{"text": text}]})
    edit = c.call("textDocument/rename", dict(doc_params(URI, pos(text, "clean-water", 0, 1)), newName="clean"))
    text = apply_edits(text, edit["changes"][URI])
    check("# Clean Water {#clean}" in text and "[@clean]" in text, "slug rename: %s" % text[-300:])
    c.shutdown()


def test_symbols():
    c = started()
    text = BRIEF + "\n# Annex\n\n## Detail\n\nText.\n"
    c.open(URI, text)
    syms = c.call("textDocument/documentSymbol", doc_params(URI))
    names = [s["name"] for s in syms]
    check(names == ["Water", "Annex"], "top-level symbols: %s" % names)
    kids = [s["name"] for s in syms[0]["children"]]
    check(kids == ["Finding 1 contamination", "Recommendation 1 test-fountains", "Source [1] who-water"],
          "symbols under the section: %s" % kids)
    check(syms[0]["children"][0]["detail"].startswith("Contaminated water"), "finding detail")
    check([s["name"] for s in syms[1]["children"]] == ["Detail"], "nested section")
    for s in syms + syms[0]["children"]:
        r, sel = s["range"], s["selectionRange"]
        check((r["start"]["line"], r["start"]["character"]) <= (sel["start"]["line"], sel["start"]["character"])
              and (sel["end"]["line"], sel["end"]["character"]) <= (r["end"]["line"], r["end"]["character"]),
              "selectionRange outside range: %s" % s["name"])
    c.shutdown()


def actions_at(c, uri, diag):
    return c.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diag["range"],
                                              "context": {"diagnostics": [diag]}})


def test_code_actions():
    c = started()
    version = 1
    cases = [
        (BRIEF.replace("[@contamination; @who-water]", "[@contamination; @who-watr]"),
         "undefined-reference", "Change to 'who-water'"),
        (BRIEF.replace("publisher: World", "publsher: World"), "unknown-field", "Change to 'publisher'"),
        (BRIEF.replace("confidence: high", "confidence: hihg"), "bad-value", "Change to 'high'"),
        (BRIEF.replace("::: recommendations", "::: recommendatoins"), "syntax", "Change to 'recommendations'"),
        (BRIEF.replace("The WHO warns", "The WHO and NATO warn"), "undefined-acronym",
         "Declare the acronym 'NATO'"),
        (BRIEF.replace("WHO: World Health Organization\n", "").replace("::: acronyms\n:::\n\n", "")
         .replace("::: acronyms\n", "").replace("The WHO warns", "The NATO warns"),
         "undefined-acronym", "Declare the acronym 'NATO'"),
        (BRIEF.replace("action: Test every fountain.\n", ""), "missing-field", "Add the field 'action:'"),
        (BRIEF.replace("WHO: World Health Organization\n", "WHO: World Health Organization\nEU: European Union\n"),
         "unused-acronym", "Remove the unused acronym 'EU'"),
        (BRIEF.replace("date: 2023-09-13", "date: 2023-09-13\nurl: www.who.int/water"), "bad-url", "Add 'https://'"),
        (BRIEF.replace("authors: A. Writer\n", ""), "missing-field", "Add the field 'authors:'"),
    ]
    for text, code, title in cases:
        version += 1
        if version == 2:
            diags = c.open(URI, text, version)
        else:
            c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                                "contentChanges": [{"text": text}]})
            diags = c.diagnostics(URI, version)
        ds = [d for d in diags if d["code"] == code]
        check(ds, "%s: no %s diagnostic in %s" % (title, code, codes(diags)))
        acts = actions_at(c, URI, ds[0])
        act = [a for a in acts if a["title"] == title]
        check(act, "%s: actions offered: %s" % (title, [a["title"] for a in acts]))
        check(act[0]["kind"] == "quickfix" and act[0]["diagnostics"][0]["code"] == code,
              "%s: kind or diagnostics: %s" % (title, act[0]))
        fixed = apply_edits(text, act[0]["edit"]["changes"][URI])
        version += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                            "contentChanges": [{"text": fixed}]})
        after = c.diagnostics(URI, version)
        same = [d for d in after if d["code"] == code and d["range"] == ds[0]["range"]]
        check(not same, "%s: the diagnostic stays after the fix: %s\n%s" % (title, after, fixed))
        if code in ("undefined-reference", "unknown-field", "syntax", "unused-acronym", "bad-url") \
                or title.endswith("'high'"):
            check(after == [], "%s: diagnostics after the fix: %s" % (title, codes(after)))
        else:
            # an empty value to fill in is what is left, and it says so
            check(all(d["code"] == "bad-value" for d in after), "%s: after: %s" % (title, codes(after)))
    c.shutdown()


def big_brief(size):
    """A brief of about size bytes, with one undefined reference at its end."""
    head = BRIEF
    parts = [head]
    n = len(head)
    i = 0
    while n < size:
        i += 1
        p = ("\n## Part %d\n\nParagraph %d cites [@who-water] and [@contamination] and goes on "
             "about water and fountains and the people who drink from them 😀, and on, and on,\n"
             "with nothing that the checks could find fault with at all, line after line.\n"
             % (i, i))
        parts.append(p)
        n += len(p)
    parts.append("\nThe end [@nowhere].\n")
    return "".join(parts)


def test_ten_megabytes():
    c = started()
    text = big_brief(10 << 20)
    t0 = time.time()
    diags = c.open(URI, text, 1)
    took = time.time() - t0
    und = [d for d in diags if d["code"] == "undefined-reference"]
    check(len(und) == 1 and und[0]["range"]["start"] == pos(text, "nowhere"),
          "10 MB: %s" % [d["code"] for d in diags[:5]])
    p = pos(text, "[@nowhere]")
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"range": {"start": p, "end": {"line": p["line"], "character": p["character"] + 10}},
                                                            "text": "[@who-water]"}]})
    diags = c.diagnostics(URI, 2, timeout=TIMEOUT * 3)
    check(not [d for d in diags if d["code"] == "undefined-reference"], "10 MB: the fix did not clear")
    r = c.call("textDocument/hover", doc_params(URI, pos(text, "Paragraph 20000 cites [@who-water] and [@c", 0, 42)))
    check(r and "Finding 1" in r["contents"]["value"], "10 MB hover: %s" % r)
    c.shutdown()
    print("lsp: a 10 MB brief opened and checked in %.2f s" % took)


def test_many_changes():
    c = started()
    text = BRIEF
    c.open(URI, text)
    at = pos(text, "The WHO warns")
    n = 1000
    t0 = time.time()
    for i in range(n):
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": i + 2},
                                            "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}]})
        # a thousand a second
        if i % 10 == 9:
            late = t0 + (i + 1) / 1000 - time.time()
            if late > 0:
                time.sleep(late)
    sent = time.time() - t0
    final = c.diagnostics(URI, n + 1, timeout=TIMEOUT * 2)
    check(final == [], "after %d changes: %s" % (n, codes(final)))
    count = 1 + sum(1 for m in c.inbox if m.get("method") == "textDocument/publishDiagnostics")
    check(count <= n // 10, "%d changes made %d checks" % (n, count))
    r = c.call("textDocument/hover", doc_params(URI, {"line": at["line"], "character": at["character"] + n + 5}))
    check(r and "World Health" in r["contents"]["value"], "hover after the changes: %s" % r)
    c.shutdown()
    print("lsp: %d changes in %.2f s made %d checks" % (n, sent, count))


def test_client_disappears():
    # end of input in the middle of a message
    c = started()
    c.open(URI, BRIEF)
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",")
    rc = c.finish()
    check(rc == 1, "input ended mid-message: status %d" % rc)
    # the client stops reading: the server's next write fails (EPIPE)
    r, w = os.pipe()
    p = subprocess.Popen(WRAP + [BRIEFC, "lsp"], stdin=subprocess.PIPE, stdout=w,
                         stderr=subprocess.DEVNULL)
    os.close(w)
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                       "params": {"capabilities": {}}}).encode()
    p.stdin.write(framed(init))
    p.stdin.flush()
    os.read(r, 65536)   # the answer has begun to come
    os.close(r)
    try:
        for i in range(50):
            sym = json.dumps({"jsonrpc": "2.0", "id": i + 2, "method": "x/unknown"}).encode()
            p.stdin.write(framed(sym))
            p.stdin.flush()
    except BrokenPipeError:
        pass
    try:
        rc = p.wait(TIMEOUT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        raise Failure("the server did not end when its client stopped reading")
    check(rc == 1, "client gone (EPIPE): status %d, not 1 (a signal is negative)" % rc)
    # end of input with a check pending
    c = started()
    c.open(URI, BRIEF)
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2},
                                        "contentChanges": [{"text": BRIEF + "TODO\n"}]})
    rc = c.finish()
    check(rc == 1, "input ended with a check pending: status %d" % rc)


def test_crlf_and_bom():
    c = started()
    text = "\ufeff" + BRIEF.replace("\n", "\r\n").replace("[@contamination; @who-water]",
                                                           "[@contamination; @nowhere]")
    diags = c.open(URI, text)
    check(codes(diags) == ["undefined-reference"], "CRLF: %s" % codes(diags))
    plain = text.replace("\r\n", "\n")
    start = pos(plain, "nowhere")
    check(diags[0]["range"]["start"] == start, "CRLF range %s, not %s" % (diags[0]["range"], start))
    r = c.call("textDocument/definition", doc_params(URI, pos(plain, "who-water", 1, 2)))
    check(r and r["range"]["start"] == pos(plain, "who-water", 2), "CRLF definition: %s" % r)
    c.shutdown()


def test_every_request_everywhere():
    """Every request at positions all over the examples, the golden cases
    and the hostile brief, with edits between: each gets an answer."""
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    # (the examples' chapters and libraries too: each alone, and each
    # while the brief that reads it is open)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "examples"))
                   for f in fs if f.endswith(".brief"))
    golden = os.path.join(root, "tests", "golden", "cases")
    files += sorted(os.path.join(golden, f) for f in os.listdir(golden) if f.endswith(".brief"))
    files.append(os.path.join(root, "tests", "pathological", "hostile.brief"))
    rnd = random.Random(11)
    c = started()
    report = os.path.join(root, "examples", "critical-minerals", "report.brief")
    c.open("file://" + report, open(report, encoding="utf-8").read())
    step = 1 if not WRAP else 3
    asked = 0
    for n, path in enumerate(files[::step]):
        text = open(path, "rb").read().decode("utf-8", "replace")
        uri = "file://" + path
        c.open(uri, text)
        lines = text.split("\n")
        for _ in range(12):
            line = rnd.randrange(len(lines) + 2)
            ch = rnd.randrange(len(lines[line]) + 3) if line < len(lines) else rnd.randrange(5)
            p = {"line": line, "character": ch}
            for method, extra in (("textDocument/hover", {}), ("textDocument/definition", {}),
                                  ("textDocument/references", {"context": {"includeDeclaration": True}}),
                                  ("textDocument/prepareRename", {}), ("textDocument/completion", {}),
                                  ("textDocument/rename", {"newName": "renamed-%d" % n}),
                                  ("textDocument/formatting", {"options": {"tabSize": 4, "insertSpaces": True}}),
                                  ("textDocument/codeAction", {"range": {"start": p, "end": {"line": line + 3, "character": 0}},
                                                               "context": {"diagnostics": []}})):
                params = dict(doc_params(uri, p), **extra)
                if method in ("textDocument/codeAction", "textDocument/formatting"):
                    del params["position"]
                r = c.response(c.request(method, params))
                check("result" in r or r["error"]["code"] == -32803, "%s at %s in %s: %s" % (method, p, path, r))
                asked += 1
            # an edit somewhere, then the outline of the result
            a = {"line": rnd.randrange(len(lines) + 1), "character": rnd.randrange(40)}
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                "contentChanges": [{"range": {"start": a, "end": a},
                                                                    "text": rnd.choice(["[@", "::: ", "\n", "😀", "x", ":::\n"])}]})
            r = c.response(c.request("textDocument/documentSymbol", doc_params(uri)))
            check("result" in r, "symbols after an edit in %s: %s" % (path, r))
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    c.shutdown()
    print("lsp: %d requests on %d briefs answered" % (asked, len(files[::step])))


# ---- briefs of several files ----

MAIN = """---
title: Water report
authors: A. Writer
date: 2024-01-01
library: ../lib/shared.brief, ../lib/zotero.json
---

# Summary

The WHO warns [@contamination] and [@who-water].

::: include chapters/one.brief

::: include chapters/two.brief

::: recommendations
:::

::: sources
:::
"""
ONE = """# One 😀

The risk 😀 grows [@who-water; @zot-2020].

::: finding contamination
claim: Contaminated water transmits disease.
evidence: who-water, zot-2020
confidence: high
:::
"""
TWO = """# Two

::: recommendation test-fountains
action: Test every fountain.
area: water
addresses: contamination
:::
"""
SHARED = """::: acronyms
WHO: World Health Organization
:::

::: areas
water: Water Safety
:::

::: evidence who-water
title: Drinking-water
publisher: World Health Organization
date: 2023-09-13
:::

::: evidence unused-ev
title: Nobody cites this
:::
"""
ZOTERO = """[
  {"id": "zot-2020", "type": "report", "title": "A Zotero report",
   "issued": {"date-parts": [[2020]]}}
]
"""


class Tree:
    """A brief of several files in a folder of its own."""

    def __init__(self, files=None):
        self.dir = tempfile.mkdtemp(prefix="briefc-lsp-")
        self.files = {"report/brief.brief": MAIN, "report/chapters/one.brief": ONE,
                      "report/chapters/two.brief": TWO, "lib/shared.brief": SHARED,
                      "lib/zotero.json": ZOTERO}
        self.files.update(files or {})
        for name in self.files:
            self.write(name, self.files[name])
        self.main, self.one, self.two = (self.uri("report/brief.brief"), self.uri("report/chapters/one.brief"),
                                         self.uri("report/chapters/two.brief"))

    def path(self, name):
        return os.path.join(self.dir, name)

    def uri(self, name):
        return "file://" + self.path(name)

    def write(self, name, text):
        self.files[name] = text
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        with open(self.path(name), "w", encoding="utf-8") as f:
            f.write(text)

    def remove(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def in_tree(files=None):
    """The test runs on a Tree of its own, removed after."""
    def wrap(fn):
        def run():
            t = Tree(files)
            try:
                fn(t)
            finally:
                t.remove()
        run.__doc__ = fn.__doc__
        return run
    return wrap


def wait_diags(c, uri, pred, what, timeout=None):
    """The first diagnostics published for uri for which pred holds."""
    end = time.time() + (timeout or TIMEOUT)
    last = None
    while time.time() < end:
        try:
            last = c.diagnostics(uri, timeout=max(0.1, end - time.time()))
        except Failure:
            break
        if pred(last):
            return last
    raise Failure("%s: the diagnostics of %s are %s" % (what, uri, last))


@in_tree()
def test_multifile_check_clean(t):
    p = subprocess.run([BRIEFC, "check", t.path("report/brief.brief")], capture_output=True)
    check(p.returncode == 0 and not p.stderr, "the test brief is not clean: %s" % p.stderr[-2000:])


BAD_ONE = ONE.replace("[@who-water; @zot-2020]", "[@who-water; @zot-2021]")


@in_tree({"report/chapters/one.brief": BAD_ONE})
def test_multifile_diagnostics(t):
    for enc in ("utf-16", "utf-8", "utf-32"):
        c = started([enc])
        diags = c.open(t.uri("report/brief.brief"), MAIN)
        check(diags == [], "%s: the main file's diagnostics: %s" % (enc, diags))
        # the chapter's, at its own line and column (after an emoji)
        d = c.diagnostics(t.uri("report/chapters/one.brief"))
        check(codes(d) == ["undefined-reference"], "%s: the chapter's diagnostics: %s" % (enc, d))
        want = {"start": pos(BAD_ONE, "zot-2021", enc=enc), "end": pos(BAD_ONE, "zot-2021", delta=8, enc=enc)}
        check(d[0]["range"] == want, "%s: range %s, not %s" % (enc, d[0]["range"], want))
        check("did you mean 'zot-2020'?" in d[0]["message"], "did-you-mean: %s" % d[0]["message"])
        c.shutdown()
    c = started()
    c.open(t.uri("report/brief.brief"), MAIN)
    c.diagnostics(t.uri("report/chapters/one.brief"))
    # fixed on the disk, and the client says so: cleared
    t.write("report/chapters/one.brief", ONE)
    c.notify("workspace/didChangeWatchedFiles",
             {"changes": [{"uri": t.uri("report/chapters/one.brief"), "type": 2}]})
    wait_diags(c, t.uri("report/chapters/one.brief"), lambda d: d == [], "after the fix")
    # a fault of a CSL-JSON library, at its item, in its file
    t.write("lib/zotero.json", ZOTERO.replace('"id": "zot-2020", ', '"id": "zot-2020"},\n  {'))
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": t.uri("lib/zotero.json"), "type": 2}]})
    d = wait_diags(c, t.uri("lib/zotero.json"), lambda d: d != [], "a CSL-JSON item without id")
    d = [x for x in d if "has no id" in x["message"]]
    check(len(d) == 1 and d[0]["code"] == "missing-field" and
          d[0]["range"]["start"] == {"line": 2, "character": 2}, "the CSL-JSON diagnostic: %s" % d)
    # an error of a .brief library: its file, its line
    t.write("lib/shared.brief", SHARED.replace("date: 2023-09-13", "date: 2023-19-13"))
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": t.uri("lib/shared.brief"), "type": 2}]})
    d = wait_diags(c, t.uri("lib/shared.brief"), lambda d: d != [], "a bad date in a library entry")
    want = pos(t.files["lib/shared.brief"], "2023-19-13")
    check(d[0]["code"] == "bad-value" and d[0]["range"]["start"] == want,
          "the library's diagnostic: %s, not at %s" % (d, want))
    # closing the brief clears what it published for its files
    c.notify("textDocument/didClose", {"textDocument": {"uri": t.uri("report/brief.brief")}})
    for name in ("report/brief.brief", "lib/zotero.json", "lib/shared.brief"):
        wait_diags(c, t.uri(name), lambda d: d == [], "%s after the brief is closed" % name)
    c.shutdown()


@in_tree()
def test_multifile_navigation(t):
    c = started()
    main, one, two = t.main, t.one, t.two
    c.open(main, MAIN)
    # main -> a chapter
    r = c.call("textDocument/definition", doc_params(main, pos(MAIN, "@contamination", 0, 3)))
    check(r and r["uri"] == one and r["range"]["start"] == pos(ONE, "contamination"),
          "definition into a chapter: %s" % r)
    c.open(one, ONE)
    # a chapter -> a .brief library, and a CSL-JSON one (the id's string)
    r = c.call("textDocument/definition", doc_params(one, pos(ONE, "who-water", 0, 2)))
    check(r and r["uri"] == t.uri("lib/shared.brief") and
          r["range"]["start"] == pos(SHARED, "who-water"), "definition into a library: %s" % r)
    r = c.call("textDocument/definition", doc_params(one, pos(ONE, "zot-2020", 0, 2)))
    check(r and r["uri"] == t.uri("lib/zotero.json") and
          r["range"] == {"start": pos(ZOTERO, "zot-2020"), "end": pos(ZOTERO, "zot-2020", delta=8)},
          "definition into a CSL-JSON library: %s" % r)
    # an include line's path and a library path open that file
    r = c.call("textDocument/definition", doc_params(main, pos(MAIN, "chapters/two.brief", 0, 4)))
    check(r and r["uri"] == two and r["range"]["start"] == {"line": 0, "character": 0},
          "definition of an include path: %s" % r)
    r = c.call("textDocument/definition", doc_params(main, pos(MAIN, "../lib/zotero.json", 0, 9)))
    check(r and r["uri"] == t.uri("lib/zotero.json"), "definition of a library path: %s" % r)
    r = c.call("textDocument/definition", doc_params(main, pos(MAIN, "::: include", 0, 1)))
    check(r is None, "definition on ':::' of an include line: %s" % r)
    # references everywhere, each in its file
    c.open(two, TWO)
    refs = c.call("textDocument/references", dict(doc_params(two, pos(TWO, "contamination", 0, 2)),
                                                  context={"includeDeclaration": True}))
    got = sorted((r["uri"], r["range"]["start"]["line"]) for r in refs)
    want = sorted([(main, pos(MAIN, "contamination")["line"]), (one, pos(ONE, "contamination")["line"]),
                   (two, pos(TWO, "contamination")["line"])])
    check(got == want, "references across files: %s, not %s" % (got, want))
    # hover in a chapter on a library's entry
    r = c.call("textDocument/hover", doc_params(one, pos(ONE, "who-water", 0, 2)))
    check(r and "Drinking" in r["contents"]["value"] and "Source [1]" in r["contents"]["value"],
          "hover of a library entry: %s" % r)
    # completion in a chapter offers the libraries' entries, used or not
    text = ONE + "\nSee [@ here.\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": one, "version": 2},
                                        "contentChanges": [{"text": text}]})
    r = c.call("textDocument/completion", doc_params(one, pos(text, "[@ here", 0, 2)))
    got = {i["label"] for i in r["items"]}
    check({"who-water", "unused-ev", "zot-2020", "contamination", "test-fountains", "water"} <= got,
          "completion in a chapter: %s" % sorted(got))
    # the outline of a chapter is its own
    syms = c.call("textDocument/documentSymbol", doc_params(one))
    check([s["name"] for s in syms] == ["One 😀"] and
          [k["name"] for k in syms[0]["children"]] == ["Finding 1 contamination"],
          "a chapter's outline: %s" % syms)
    c.shutdown()


@in_tree()
def test_multifile_rename(t):
    for doc_changes in (False, True):
        caps = {"workspace": {"workspaceEdit": {"documentChanges": True}}} if doc_changes else None
        c = started(caps=caps)
        main, one, two = t.main, t.one, t.two
        c.open(main, MAIN)
        c.open(two, TWO, version=7)

        def by_uri(edit):
            if not doc_changes:
                return edit["changes"]
            out = {}
            for e in edit["documentChanges"]:
                td = e["textDocument"]
                want = 7 if td["uri"] == two else 1 if td["uri"] == main else None
                check(td["version"] == want, "version of %s: %s" % (td["uri"], td))
                out[td["uri"]] = e["edits"]
            return out

        # a finding defined in one chapter, used in the other and in the main file
        edit = by_uri(c.call("textDocument/rename", dict(doc_params(two, pos(TWO, "contamination", 0, 2)),
                                                         newName="water-risk")))
        check(sorted(edit) == sorted([main, one, two]), "files renamed in: %s" % sorted(edit))
        for uri, text in ((main, MAIN), (one, ONE), (two, TWO)):
            got = apply_edits(text, edit[uri])
            check(got == text.replace("contamination", "water-risk"), "renamed %s:\n%s" % (uri, got))
        # an entry of a .brief library: the library is edited too
        edit = by_uri(c.call("textDocument/rename", dict(doc_params(main, pos(MAIN, "who-water", 0, 2)),
                                                         newName="who-2023")))
        check(sorted(edit) == sorted([main, one, t.uri("lib/shared.brief")]), "files: %s" % sorted(edit))
        got = apply_edits(SHARED, edit[t.uri("lib/shared.brief")])
        check(got == SHARED.replace("who-water", "who-2023"), "the library renamed:\n%s" % got)
        # an item of a CSL-JSON library: refused
        e = c.error_of("textDocument/rename", dict(doc_params(main, pos(MAIN, "report", 0, 0)), newName="x"))
        e = c.error_of("textDocument/rename", dict(doc_params(two, pos(TWO, "contamination", 0, 2)),
                                                   newName="zot-2020"))
        check(e["code"] == -32803 and "already" in e["message"] and "zotero.json" in e["message"],
              "a name a CSL-JSON item has: %s" % e)
        c.open(one, ONE)
        e = c.error_of("textDocument/rename", dict(doc_params(one, pos(ONE, "zot-2020", 0, 2)), newName="zot"))
        check(e["code"] == -32803 and "CSL-JSON" in e["message"], "renaming a CSL-JSON item: %s" % e)
        e = c.error_of("textDocument/rename", dict(doc_params(two, pos(TWO, "contamination", 0, 2)),
                                                   newName="who-water"))
        check(e["code"] == -32803 and "shared.brief" in e["message"], "a library's ID taken: %s" % e)
        c.shutdown()


OTHER = MAIN.replace("::: include chapters/one.brief\n\n::: include chapters/two.brief\n\n", "") \
    .replace("[@contamination] and ", "")


@in_tree({"report/other.brief": OTHER})
def test_multifile_rename_shared_library(t):
    """An ID of a library two open briefs read: renamed in both."""
    c = started()
    c.open(t.uri("report/brief.brief"), MAIN)
    c.open(t.uri("report/other.brief"), OTHER)
    edit = c.call("textDocument/rename", dict(doc_params(t.uri("report/brief.brief"),
                                                         pos(MAIN, "who-water", 0, 2)), newName="w2"))["changes"]
    check(t.uri("report/other.brief") in edit and t.uri("lib/shared.brief") in edit,
          "renamed in: %s" % sorted(edit))
    check(len(edit[t.uri("lib/shared.brief")]) == 1, "the library edited once: %s" % edit)
    c.shutdown()


@in_tree()
def test_multifile_code_actions(t):
    c = started()
    c.open(t.main, MAIN)
    text = TWO.replace("area: water", "area: watr").replace("Test every", "Ask NATO to test every")
    d = c.open(t.two, text)
    by = {x["code"]: x for x in d}
    check(sorted(by) == ["undefined-acronym", "undefined-reference"], "the chapter's diagnostics: %s" % d)
    acts = actions_at(c, t.two, by["undefined-reference"])
    check(acts and acts[0]["title"] == "Change to 'water'" and list(acts[0]["edit"]["changes"]) == [t.two],
          "did-you-mean in a chapter: %s" % acts)
    check(apply_edits(text, acts[0]["edit"]["changes"][t.two]) == text.replace("watr", "water"),
          "the fix in the chapter")
    # a library is shared: an acronym is declared in the brief's own files
    acts = actions_at(c, t.two, by["undefined-acronym"])
    edits = acts[0]["edit"]["changes"]
    check(list(edits) == [t.main], "the acronym declared in: %s" % list(edits))
    got = apply_edits(MAIN, edits[t.main])
    check("---\n\n::: acronyms\nNATO: \n:::\n" in got, "the declaration:\n%s" % got)
    c.shutdown()


@in_tree()
def test_unsaved_chapter_wins(t):
    c = started()
    main, one, two = t.main, t.one, t.two
    c.open(main, MAIN)
    check(c.open(one, ONE) == [], "the chapter opened")
    # an unsaved change to the chapter: the brief is checked with it
    text = ONE.replace("::: finding contamination", "::: finding contam")
    c.notify("textDocument/didChange", {"textDocument": {"uri": one, "version": 2},
                                        "contentChanges": [{"text": text}]})
    d = wait_diags(c, main, lambda d: d != [], "the main file with the unsaved chapter")
    check(codes(d) == ["undefined-reference"] and d[0]["range"]["start"] == pos(MAIN, "contamination"),
          "the main file with the unsaved chapter: %s" % d)
    d = wait_diags(c, two, lambda d: d != [], "the other chapter with the unsaved one")
    check(codes(d) == ["undefined-reference"], "the other chapter with the unsaved one: %s" % d)
    check(c.diagnostics(one, 2) is not None, "the chapter's own, at its version")
    # hover and definition see the buffer too
    r = c.call("textDocument/definition", doc_params(main, pos(MAIN, "contamination", 0, 2)))
    check(r is None, "definition of an ID the buffer no longer has: %s" % r)
    # closed without saving: the disk's text again
    c.notify("textDocument/didClose", {"textDocument": {"uri": one}})
    wait_diags(c, main, lambda d: d == [], "the main file after the chapter is closed")
    wait_diags(c, two, lambda d: d == [], "the other chapter after the first is closed")
    # an unsaved change to a library, open in the editor
    c.open(t.uri("lib/shared.brief"), SHARED)
    c.notify("textDocument/didChange", {"textDocument": {"uri": t.uri("lib/shared.brief"), "version": 2},
                                        "contentChanges": [{"text": SHARED.replace("water: Water", "wet: Water")}]})
    d = wait_diags(c, two, lambda d: d != [], "the chapter with the unsaved library")
    check(codes(d) == ["undefined-reference"] and d[0]["range"]["start"] == pos(TWO, "water"),
          "the chapter with the unsaved library: %s" % d)
    c.shutdown()


@in_tree()
def test_csl_library_open(t):
    c = started()
    zot = t.uri("lib/zotero.json")
    check(c.open(zot, ZOTERO) == [], "a CSL-JSON file alone is not checked as a brief")
    check(c.call("textDocument/documentSymbol", doc_params(zot)) == [], "its outline")
    c.open(t.main, MAIN)
    # its unsaved text is the brief's library now
    c.notify("textDocument/didChange", {"textDocument": {"uri": zot, "version": 2},
                                        "contentChanges": [{"text": ZOTERO.replace("zot-2020", "zot-2019")}]})
    d = wait_diags(c, t.one, lambda d: d != [], "a chapter citing an item renamed in the unsaved library")
    check(set(codes(d)) == {"undefined-reference"}, "the chapter: %s" % d)
    check(c.diagnostics(zot, 2) is not None, "the library's own diagnostics, at its version")
    c.shutdown()


@in_tree()
def test_chapter_alone_then_with_brief(t):
    c = started()
    one, main = t.uri("report/chapters/one.brief"), t.uri("report/brief.brief")
    d = c.open(one, ONE)
    check("undefined-reference" in codes(d), "a chapter alone: %s" % codes(d))
    c.open(main, MAIN)
    wait_diags(c, one, lambda d: d == [], "the chapter once the brief is open")
    r = c.call("textDocument/definition", doc_params(one, pos(ONE, "who-water", 0, 2)))
    check(r and r["uri"] == t.uri("lib/shared.brief"), "the chapter, part of the brief: %s" % r)
    c.notify("textDocument/didClose", {"textDocument": {"uri": main}})
    wait_diags(c, one, lambda d: "undefined-reference" in codes(d), "the chapter alone again")
    c.shutdown()


@in_tree()
def test_watch_registration(t):
    c = started(caps={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    reg = c.wait(lambda m: m.get("method") == "client/registerCapability", what="registerCapability")
    globs = [w["globPattern"] for w in reg["params"]["registrations"][0]["registerOptions"]["watchers"]]
    check(reg["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles" and
          sorted(globs) == ["**/*.brief", "**/*.json", "**/*.{png,jpg,jpeg}"], "registration: %s" % reg)
    c.send({"jsonrpc": "2.0", "id": reg["id"], "result": None})
    c.open(t.uri("report/brief.brief"), MAIN)
    t.write("lib/shared.brief", SHARED.replace("who-water", "who-w"))
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": t.uri("lib/shared.brief"), "type": 2}]})
    wait_diags(c, t.uri("report/chapters/one.brief"), lambda d: "undefined-reference" in codes(d),
               "after the library changed")
    c.shutdown()


@in_tree()
def test_watch_without_client(t):
    """A client that cannot watch files: the server looks at them."""
    c = started()
    c.open(t.uri("report/brief.brief"), MAIN)
    time.sleep(0.05)
    t.write("report/chapters/two.brief", TWO.replace("area: water", "area: wter"))
    d = wait_diags(c, t.uri("report/chapters/two.brief"), lambda d: d != [], "after a chapter changed")
    check(codes(d) == ["undefined-reference"], "the changed chapter: %s" % d)
    c.shutdown()


MESSY = """---
date: 2024-01-01
authors:   A. Writer
title: Messy
---
# Summary   

Prose stays as it is.
* a bullet
::: finding f1
confidence: high
claim: Something holds.
evidence:   e1 ,e2
:::
::: evidence e1
title: One
:::

::: evidence e2
title: Two
:::
"""


@in_tree({"report/messy.brief": MESSY, "report/crlf.brief": MESSY.replace("\n", "\r\n")})
def test_formatting(t):
    c = started()
    for name in ("report/messy.brief", "report/crlf.brief", "report/chapters/one.brief"):
        text = t.files[name]
        c.open(t.uri(name), text)
        edits = c.call("textDocument/formatting", dict(doc_params(t.uri(name)),
                                                      options={"tabSize": 8, "insertSpaces": False}))
        want = subprocess.run([BRIEFC, "fmt", "--stdout", t.path(name)], capture_output=True).stdout.decode()
        got = apply_edits(text.replace("\r\n", "\n"), edits) if "\r" not in text else None
        if got is None:
            # CRLF: each line's end changes; apply on the raw text
            got = text
            lines = text.split("\n")
            spans = []
            for e in edits:
                a = sum(len(l) + 1 for l in lines[:e["range"]["start"]["line"]]) + e["range"]["start"]["character"]
                b = sum(len(l) + 1 for l in lines[:e["range"]["end"]["line"]]) + e["range"]["end"]["character"]
                spans.append((a, b, e["newText"]))
            for a, b, nt in sorted(spans, reverse=True):
                got = got[:a] + nt + got[b:]
        check(got == want, "%s: formatting gives\n%r\nnot what fmt writes\n%r" % (name, got, want))
        if name == "report/messy.brief":
            check(1 < len(edits) < 10, "the edits are not few: %s" % edits)
            # formatted: nothing to do
            c.notify("textDocument/didChange", {"textDocument": {"uri": t.uri(name), "version": 2},
                                                "contentChanges": [{"text": got}]})
            check(c.call("textDocument/formatting", doc_params(t.uri(name))) == [],
                  "formatting a formatted file")
    # random layouts, and one with more changed lines than are told apart
    rnd = random.Random(5)
    pieces = ["# Part %d   \n", "Para %d  \n", "* item %d\n", "\n", "\n\n",
              "::: finding g%d\nconfidence: low\nclaim: x\nevidence:  e1,e2\n:::\n",
              "::: evidence x%d\ntitle:   T\n:::\n"]
    texts = []
    for n in (5, 20, 60, 200):
        ps = [rnd.choice(pieces) for _ in range(n)]
        texts.append("---\ntitle: R\nauthors: A\ndate: 2024\n---\n" +
                     "".join(p % i if "%d" in p else p for i, p in enumerate(ps)))
    texts.append("---\ntitle: R\nauthors: A\ndate: 2024\n---\n" +
                 "".join("Paragraph %d.  \n\n" % i for i in range(1500)))
    for k, text in enumerate(texts):
        name = "report/random-%d.brief" % k
        t.write(name, text)
        c.open(t.uri(name), text)
        edits = c.call("textDocument/formatting", doc_params(t.uri(name)))
        want = subprocess.run([BRIEFC, "fmt", "--stdout", t.path(name)], capture_output=True).stdout.decode()
        check(apply_edits(text, edits) == want, "random layout %d: formatting differs from fmt" % k)
        if k == len(texts) - 1:
            check(len(edits) == 1, "past 1,000 changed lines, one edit: %d" % len(edits))
    # a syntax error: fmt leaves the file alone, and so does formatting
    bad = MESSY.replace("::: evidence e2\n", "::: evidence e2\n\n::: finding\n")
    c.open(t.uri("report/bad.brief"), bad)
    r = c.response(c.request("textDocument/formatting", doc_params(t.uri("report/bad.brief"))))
    check(r.get("result") is None and "error" not in r, "formatting a file with a syntax error: %s" % r)
    t.write("report/bad.brief", bad)
    p = subprocess.run([BRIEFC, "fmt", "--stdout", t.path("report/bad.brief")], capture_output=True)
    check(p.returncode == 1, "fmt of the file with a syntax error: %d" % p.returncode)
    c.shutdown()
    check(b"not formatted" in c.stderr, "no word on stderr: %s" % c.stderr)


# ---- version 2 of the language: tables, figures, boxes, notes ----

V2 = """---
title: Minerals brief
authors: A. Writer (Institute)
date: 2024-05
series: Test series
---

::: areas
supply: Supply chains
:::

# Supply

Refining is concentrated [@costs] and [@share], see [@key] and a note.[^fn-a]

::: table costs
caption: Estimated cost by option
source: iea-2024

| Option | Cost |
|:-------|-----:|
| Expand | 12.5 |
:::

::: figure share
src: figs/share.png
alt: Bar chart: China refines most nickel.
caption: Refining capacity by country
source: iea-2024
:::

::: box key
title: Key points
type: key-points

- Refining is concentrated.
:::

::: finding conc
claim: Refining is concentrated.[^fn-b]
evidence: iea-2024
:::

::: recommendation diversify
action: Fund refining at home.
area: supply
addresses: conc
:::

[^fn-a]: The first note, with detail.

[^fn-b]: A note in a claim.

::: evidence iea-2024
title: Critical minerals outlook
publisher: International Energy Agency
date: 2024
:::
"""


def png_bytes():
    """The smallest PNG: one grey pixel."""
    import struct
    import zlib

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\0\0")) + chunk(b"IEND", b""))


def in_v2_tree(fn):
    """The test runs on the version 2 brief, its figure beside it, in a
    Tree of its own."""
    def run():
        t = Tree({"v2/brief.brief": V2})
        os.makedirs(t.path("v2/figs"), exist_ok=True)
        with open(t.path("v2/figs/share.png"), "wb") as f:
            f.write(png_bytes())
        try:
            fn(t, t.uri("v2/brief.brief"))
        finally:
            t.remove()
    run.__doc__ = fn.__doc__
    return run


@in_v2_tree
def test_v2_check_clean(t, uri):
    p = subprocess.run([BRIEFC, "check", t.path("v2/brief.brief")], capture_output=True)
    check(p.returncode == 0 and not p.stderr, "the version 2 brief is not clean: %s" % p.stderr[-2000:])


@in_v2_tree
def test_v2_completion(t, uri):
    c = started()
    text = V2.replace("and a note.[^fn-a]", "and a note.[^fn-a] See [@ and[^ here.")
    text = text.replace("series: Test series\n---", "series: Test series\npa\n---")
    text += "\n::: table t2\n\n:::\n\n::: figure f2\nsrc: x.png\n\n:::\n\n::: box\nty\n\n:::\n"
    check(c.open(uri, text) is not None, "opened")

    def labels(p):
        r = c.call("textDocument/completion", doc_params(uri, p))
        return sorted(i["label"] for i in r["items"]), r["items"]
    got, items = labels(pos(text, "See [@ ", 0, 6))
    check({"costs", "share", "key", "conc", "iea-2024"} <= set(got) and "fn-a" not in got,
          "after [@: %s" % got)
    details = {i["label"]: i.get("detail", "") for i in items}
    check(details["costs"] == "Table 1: Estimated cost by option" and
          details["share"] == "Figure 1: Refining capacity by country" and
          details["key"] == "Box 1: Key points", "details: %s" % details)
    got, items = labels(pos(text, "[^ here", 0, 2))
    check(got == ["fn-a", "fn-b"], "after [^: %s" % got)
    check(items[0]["detail"].startswith("The first note"), "a note's detail: %s" % items[0])
    got, _ = labels(pos(text, "[^fn-a] See", 0, 4))
    check(got == ["fn-a", "fn-b"], "inside [^fn-: %s" % got)
    # field names inside the new blocks, from the schema
    got, _ = labels(pos(text, "::: table t2\n", 0, 13))
    check(got == ["caption", "note", "source"], "table fields: %s" % got)
    got, _ = labels(pos(text, "src: x.png\n", 0, 11))
    check(got == ["alt", "caption", "source", "width"], "figure fields: %s" % got)
    got, _ = labels(pos(text, "::: box\n", 0, 8))
    check(got == ["title", "type"], "box fields: %s" % got)
    got, _ = labels(pos(text, "ty\n", 0, 2))
    check(got == ["title", "type"], "a box field being typed: %s" % got)
    got, _ = labels(pos(text, "type: key-points", 0, 6))
    check(got == ["disclaimer", "key-points", "note", "sidebar"], "box types: %s" % got)
    got, _ = labels(pos(text, "source: iea-2024", 0, 8))
    check(got == ["iea-2024"], "a table's source: takes evidence only: %s" % got)
    # the new front-matter fields
    got, items = labels(pos(text, "pa\n---", 0, 2))
    e = [i for i in items if i["label"] == "paper"][0]["textEdit"]
    check(e["range"]["start"] == pos(text, "pa\n---") and e["newText"] == "paper: ",
          "front matter 'pa': %s" % e)
    got, _ = labels(pos(text, "pa\n---", 0, 0))
    got, _ = labels(pos(text, "pa\n---", 0, 0))
    for k in ("updated", "number", "version", "paper", "toc", "logo", "allow"):
        check(k in got, "front-matter field %s not offered: %s" % (k, got))
    check("series" not in got and "title" not in got, "fields already there offered: %s" % got)
    text2 = text.replace("pa\n---", "toc: \npaper: \n---")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": text2}]})
    got, _ = labels(pos(text2, "toc: \n", 0, 5))
    check(got == ["auto", "no", "yes"], "toc values: %s" % got)
    got, _ = labels(pos(text2, "paper: \n", 0, 7))
    check(got == ["a4", "letter"], "paper values: %s" % got)
    check(c.call("textDocument/completion", doc_params(uri, pos(text, "Refining is", 0, 3)))["items"] == [],
          "completion in prose")
    c.shutdown()


@in_v2_tree
def test_v2_hover_navigation(t, uri):
    c = started()
    check(c.open(uri, V2) == [], "the version 2 brief has diagnostics")

    def hover(p):
        r = c.call("textDocument/hover", doc_params(uri, p))
        return r["contents"]["value"] if r else None
    v = hover(pos(V2, "[@costs]", 0, 3))
    check(v and v.startswith("**Table 1**: Estimated cost by option") and "`costs`" in v and
          "Critical minerals outlook" in v, "hover on a table: %s" % v)
    v = hover(pos(V2, "[@share]", 0, 3))
    check(v and v.startswith("**Figure 1**: Refining capacity by country") and "Alt text: Bar chart" in v,
          "hover on a figure: %s" % v)
    v = hover(pos(V2, "[@key]", 0, 3))
    check(v and v.startswith("**Box 1**: Key points"), "hover on a box: %s" % v)
    v = hover(pos(V2, "[^fn-a]", 0, 3))
    check(v and v.startswith("**Note 1**: The first note, with detail\\.") and "`[^fn-a]`" in v,
          "hover on a note: %s" % v)
    v = hover(pos(V2, "[^fn-b]", 0, 3))
    check(v and v.startswith("**Note 2**: A note in a claim\\."), "hover on a note in a field: %s" % v)
    v = hover(pos(V2, "[^fn-a]:", 0, 3))
    check(v and v.startswith("**Note 1**"), "hover on a note's definition: %s" % v)
    # definitions
    for use, want in (("[@costs]", "::: table costs"), ("[@share]", "::: figure share"),
                      ("[@key]", "::: box key"), ("[^fn-a]", "[^fn-a]:"), ("[^fn-b]", "[^fn-b]:")):
        r = c.call("textDocument/definition", doc_params(uri, pos(V2, use, 0, 3)))
        label = use.strip("[]@^")
        check(r and r["uri"] == uri and
              r["range"] == {"start": pos(V2, want, 0, want.index(label)),
                             "end": pos(V2, want, 0, want.index(label) + len(label))},
              "definition of %s: %s" % (use, r))
    # references: a note's label is a namespace of its own
    text = V2.replace("and a note.[^fn-a]", "and a note.[^fn-a] Again.[^fn-a] [@fn-a]")
    text = text.replace("::: finding conc", "::: finding fn-a")
    text = text.replace("addresses: conc", "addresses: fn-a")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": text}]})
    refs = c.call("textDocument/references", dict(doc_params(uri, pos(text, "[^fn-a]", 0, 3)),
                                                  context={"includeDeclaration": True}))
    got = sorted((r["range"]["start"]["line"], r["range"]["start"]["character"]) for r in refs)
    want = sorted((p["line"], p["character"]) for p in
                  [pos(text, "[^fn-a]", 0, 2), pos(text, "[^fn-a]", 1, 2), pos(text, "[^fn-a]:", 0, 2)])
    check(got == want, "references of a note: %s, not %s" % (got, want))
    refs = c.call("textDocument/references", dict(doc_params(uri, pos(text, "[@fn-a]", 0, 3)),
                                                  context={"includeDeclaration": False}))
    check(len(refs) == 2, "references of the finding named like the note: %s" % refs)
    refs = c.call("textDocument/references", dict(doc_params(uri, pos(text, "[@costs]", 0, 3)),
                                                  context={"includeDeclaration": True}))
    check(len(refs) == 2, "references of a table: %s" % refs)
    # rename a note: its uses and its definition, not the finding
    edit = c.call("textDocument/rename", dict(doc_params(uri, pos(text, "[^fn-a]", 1, 3)), newName="first"))
    got = apply_edits(text, edit["changes"][uri])
    check(got == text.replace("[^fn-a]", "[^first]"), "a note renamed: %s" % got)
    e = c.error_of("textDocument/rename", dict(doc_params(uri, pos(text, "[^fn-a]", 0, 3)), newName="a.b"))
    check(e["code"] == -32803 and "note label" in e["message"], "an invalid label: %s" % e)
    e = c.error_of("textDocument/rename", dict(doc_params(uri, pos(text, "[^fn-a]", 0, 3)), newName="FN-B"))
    check(e["code"] == -32803 and "label of a note" in e["message"], "a label taken: %s" % e)
    # an undefined note
    text = V2.replace("and a note.[^fn-a]", "and a note.[^nope]")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": text}]})
    v = hover(pos(text, "[^nope]", 0, 3))
    check(v and v.startswith("`[^nope]` has no note"), "hover on an undefined note: %s" % v)
    c.shutdown()


@in_v2_tree
def test_v2_symbols(t, uri):
    c = started()
    text = V2 + "\n::: box\ntitle: Unnumbered\n\nText.\n:::\n"
    c.open(uri, text)
    syms = c.call("textDocument/documentSymbol", doc_params(uri))
    kids = [(s["name"], s["kind"], s.get("detail")) for s in syms[0]["children"]]
    want = [("Table 1 costs", 18, "Estimated cost by option"),
            ("Figure 1 share", 1, "Refining capacity by country"),
            ("Box 1 key", 23, "Key points"),
            ("Finding 1 conc", 20, "Refining is concentrated."),
            ("Recommendation 1 diversify", 12, "Fund refining at home."),
            ("Source [1] iea-2024", 19, "Critical minerals outlook"),
            ("Box", 23, "Unnumbered")]
    check(kids == want, "symbols: %s" % kids)
    c.shutdown()


@in_v2_tree
def test_v2_map_symbols(t, uri):
    """A ::: map is in the outline as the figure it is, numbered with
    the others: here before the figure, so Figure 1."""
    c = started()
    text = V2.replace("::: figure share", "::: map\n:::\n\n::: figure share")
    c.open(uri, text)
    syms = c.call("textDocument/documentSymbol", doc_params(uri))
    kids = [(s["name"], s["kind"]) for s in syms[0]["children"]]
    check(kids[1:3] == [("Figure 1: Evidence map", 1), ("Figure 2 share", 1)],
          "symbols: %s" % kids)
    m = syms[0]["children"][1]
    line = text.split("\n").index("::: map")
    check(m["range"]["start"]["line"] == line and m["selectionRange"]["start"]["line"] == line,
          "the map's range: %s" % m)
    c.shutdown()


@in_v2_tree
def test_v2_missing_figure(t, uri):
    """Figures are found relative to the file that names them, the open
    one included, and a figure that appears on the disk clears the
    diagnostic."""
    c = started(caps={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    reg = c.wait(lambda m: m.get("method") == "client/registerCapability", what="registerCapability")
    globs = [w["globPattern"] for w in reg["params"]["registrations"][0]["registerOptions"]["watchers"]]
    check("**/*.{png,jpg,jpeg}" in globs, "images are not watched: %s" % globs)
    c.send({"jsonrpc": "2.0", "id": reg["id"], "result": None})
    check(c.open(uri, V2) == [], "the figure is found")
    # an unsaved change names a figure that is not there
    text = V2.replace("src: figs/share.png", "src: figs/later.png")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": text}]})
    d = c.diagnostics(uri, 2)
    check(codes(d) == ["missing-file"] and d[0]["range"]["start"] == pos(text, "figs/later.png") and
          "does not exist" in d[0]["message"], "a missing figure: %s" % d)
    # it appears: the client says so, and the brief is checked again
    with open(t.path("v2/figs/later.png"), "wb") as f:
        f.write(png_bytes())
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": t.uri("v2/figs/later.png"), "type": 1}]})
    wait_diags(c, uri, lambda d: d == [], "after the figure appeared")
    # not an image by its bytes
    with open(t.path("v2/figs/later.png"), "wb") as f:
        f.write(b"not a png")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": t.uri("v2/figs/later.png"), "type": 2}]})
    d = wait_diags(c, uri, lambda d: d != [], "after the figure was spoilt")
    check(codes(d) == ["missing-file"] and "not a PNG" in d[0]["message"], "a figure not a PNG: %s" % d)
    # a document never saved has no folder: the diagnostic says so
    d = c.open("untitled:Untitled-1", V2)
    check(codes(d) == ["missing-file"] and "not saved as a file" in d[0]["message"],
          "a figure of an untitled document: %s" % d)
    c.shutdown()
    # a figure in a chapter, open and unsaved: relative to the chapter
    chapter = "# Annex\n\n::: figure annex-fig\nsrc: img/annex.png\nalt: A map of refineries.\n" \
              "caption: Refineries\n:::\n\nSee [@annex-fig].\n"
    t.write("v2/chapters/annex.brief", "# Annex\n")
    os.makedirs(t.path("v2/chapters/img"), exist_ok=True)
    with open(t.path("v2/chapters/img/annex.png"), "wb") as f:
        f.write(png_bytes())
    main = V2.replace("::: evidence iea-2024", "::: include chapters/annex.brief\n\n::: evidence iea-2024")
    t.write("v2/brief.brief", main)
    c = started()
    check(c.open(uri, main) == [], "the brief with its chapter")
    curi = t.uri("v2/chapters/annex.brief")
    c.open(curi, "# Annex\n")
    c.notify("textDocument/didChange", {"textDocument": {"uri": curi, "version": 2},
                                        "contentChanges": [{"text": chapter}]})
    d = wait_diags(c, uri, lambda d: True, "the brief with the chapter's figure")
    check(d == [], "the brief with the unsaved chapter's figure: %s" % d)
    check(c.diagnostics(curi, 2) == [], "the chapter's figure, relative to the chapter")
    bad = chapter.replace("img/annex.png", "annex.png")
    c.notify("textDocument/didChange", {"textDocument": {"uri": curi, "version": 3},
                                        "contentChanges": [{"text": bad}]})
    d = c.diagnostics(curi, 3)
    check(codes(d) == ["missing-file"] and d[0]["range"]["start"] == pos(bad, "annex.png"),
          "a chapter's missing figure, in the chapter: %s" % d)
    c.shutdown()


TESTS = [(name[5:], fn) for name, fn in sorted(globals().items()) if name.startswith("test_")]


def main():
    only = sys.argv[2:]
    passed = failed = 0
    for name, fn in TESTS:
        if only and name not in only:
            continue
        try:
            fn()
            passed += 1
        except Failure as e:
            failed += 1
            print("lsp: %s: %s" % (name, e))
        except Exception as e:  # a crash of the test is a failure too
            failed += 1
            print("lsp: %s: %s: %s" % (name, type(e).__name__, e))
    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

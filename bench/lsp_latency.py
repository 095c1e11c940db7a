#!/usr/bin/env python3
"""bench/lsp_latency.py BRIEFC FILE RUNS [CHAPTER] - the latency of a
re-check in `briefc lsp`: open FILE, then RUNS times change one character
and ask for a hover at once (a request makes the server check the changed
text before it answers, with no debounce wait), timing each
change-to-answer round trip.  That is the whole of what an editor waits
for after a keystroke: applying the edit, loading and checking the
document, publishing its diagnostics, and the answer.  Prints
"MEDIAN_S STDDEV_S P95_S" in seconds.

With CHAPTER, FILE is a brief of several files, opened as the file it is
(its includes and libraries followed), and CHAPTER, one of its files, is
opened too and typed into: each change checks the whole brief again,
every file read (the chapter from the editor, the rest from the disk).
"""
import os
import json
import statistics
import subprocess
import sys
import time


def frame(msg):
    body = json.dumps(msg).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(f):
    n = 0
    while True:
        line = f.readline()
        if not line:
            raise SystemExit("bench: the server closed its output")
        line = line.strip()
        if not line:
            break
        k, _, v = line.partition(b":")
        if k.lower() == b"content-length":
            n = int(v)
    return json.loads(f.read(n))


def main():
    briefc, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    chapter = sys.argv[4] if len(sys.argv) > 4 else None
    text = open(path, encoding="utf-8").read()
    p = subprocess.Popen([briefc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    uri = "file://" + os.path.abspath(path) if chapter else "file:///bench.brief"

    def send(msg):
        p.stdin.write(frame(msg))
        p.stdin.flush()

    def until_id(i):
        while True:
            m = read(p.stdout)
            if m.get("id") == i:
                return m

    send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}})
    until_id(0)
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "brief", "version": 1, "text": text}}})
    if chapter:
        uri = "file://" + os.path.abspath(chapter)
        text = open(chapter, encoding="utf-8").read()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "brief", "version": 1, "text": text}}})
    # the change: a character typed at the end of the last line, then removed
    lines = text.split("\n")
    line = len(lines) - 1 if lines[-1] else len(lines) - 2
    col = len(lines[line].encode("utf-16-le")) // 2
    times = []
    for i in range(runs):
        at = {"line": line, "character": col}
        rng = {"start": at, "end": at} if i % 2 == 0 else \
            {"start": at, "end": {"line": line, "character": col + 1}}
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2},
            "contentChanges": [{"range": rng, "text": "x" if i % 2 == 0 else ""}]}})
        send({"jsonrpc": "2.0", "id": i + 1, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}})
        until_id(i + 1)
        times.append(time.perf_counter() - t0)
    send({"jsonrpc": "2.0", "id": runs + 1, "method": "shutdown"})
    until_id(runs + 1)
    send({"jsonrpc": "2.0", "method": "exit"})
    p.wait()
    times.sort()
    print("%.6f %.6f %.6f" % (statistics.median(times), statistics.pstdev(times),
                              times[int(len(times) * 0.95) - 1]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peak RSS and wall time of `valohai-ls check` and of the server (over
stdio) on each hostile input: scripts nested far deeper than Python allows,
special files and links where valohai.yaml or train.py should be, prepare()
calls of many keys, request and edit floods, headers the server cannot
read, and the files where PyYAML and a YAML library part ways (`<<`
merges, a second document, escapes in a script's name, UTF-16).

Each case is built in a temporary directory. `check` runs on it; the
server is started on it, sent what the case says, and timed from the
first message of the case to its answer (the diagnostics of the version
opened or changed last and a code action asked then, or every
response). Peak RSS is the process's
own, as /usr/bin/time reports it. A case that runs over --timeout seconds is
killed and reported as such.

usage: figures.py --bin BIN [--timeout SECONDS] [--only NAME,...]
Prints a Markdown table (`make hostile`).
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time

STEP = "- step:\n    name: train\n    image: python:3.12\n    command: python train.py {parameters}\n"


def nested(open_, inner, close, n):
    return open_ * n + inner + close * n


def write(d, name, text, mode="w"):
    p = os.path.join(d, name)
    with open(p, mode) as f:
        f.write(text)
    return p


def base36(i):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        i, r = divmod(i, 36)
        out = digits[r] + out
        if i == 0:
            return out


def prepare_keys(n):
    """A prepare() call of n keys, written tight (216k keys in 2 MB)."""
    keys = ",".join(f"'{base36(i)}':0" for i in range(n))
    return "import valohai\nvalohai.prepare(step='train', default_parameters={" + keys + "})\n"


def merges(levels):
    out = ["- step: &m0 {name: m, image: x, command: python train.py}\n"]
    for i in range(1, levels + 1):
        out.append(f"- step: &m{i} {{<<: [*m{i-1}, *m{i-1}], name: m{i}}}\n")
    return "".join(out)


def big_yaml(steps):
    out = []
    for i in range(steps):
        out.append(f"- step:\n    name: s{i}\n    image: python:3.12\n    command: python train.py {{parameters}}\n"
                   "    parameters:\n      - name: lr\n        type: float\n        default: 0.1\n")
    return "".join(out)


# Each case builds its directory and says how to run check (args, and
# whether to interrupt it) and the server (a plan, see Server.run).
def case_script(src):
    def build(d):
        write(d, "valohai.yaml", STEP)
        write(d, "train.py", src)
        return {}
    return build


def case_yaml_link(target):
    def build(d):
        os.symlink(target, os.path.join(d, "valohai.yaml"))
        os.symlink(target, os.path.join(d, "train.py"))
        return {"server_text": STEP}
    return build


def case_fifo(d):
    os.mkfifo(os.path.join(d, "valohai.yaml"))
    os.mkfifo(os.path.join(d, "train.py"))
    return {"server_text": STEP}


def case_outside_link(d):
    outside = tempfile.mkdtemp()
    secret = write(outside, "id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n")
    os.symlink(secret, os.path.join(d, "valohai.yaml"))
    os.symlink(secret, os.path.join(d, "train.py"))
    return {"server_text": STEP}


def case_swapped(d):
    outside = tempfile.mkdtemp()
    fifo = os.path.join(outside, "fifo")
    os.mkfifo(fifo)
    write(d, "valohai.yaml", STEP)
    os.symlink(fifo, os.path.join(d, "train.py"))
    return {}


def case_unreadable(d):
    write(d, "valohai.yaml", STEP)
    p = write(d, "train.py", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr')\np.parse_args()\n")
    os.chmod(p, 0)
    os.chmod(d, 0o755)
    return {"user": 65534}


def case_sigint(d):
    write(d, "valohai.yaml", big_yaml(60000))
    return {"interrupt": 0.3, "server": None}


def case_symbols(d):
    text = big_yaml(320)  # about 51 KB
    write(d, "valohai.yaml", text)
    return {"plan": ("symbols", 10000)}


def case_changes(d):
    write(d, "valohai.yaml", big_yaml(40))
    return {"plan": ("changes", 5000)}


def case_header(header):
    def build(d):
        write(d, "valohai.yaml", STEP)
        return {"plan": ("header", header), "check": None}
    return build


def case_yaml(text, script=None):
    def build(d):
        write(d, "valohai.yaml", text)
        if script is not None:
            write(d, script[0], script[1])
        return {}
    return build


def case_utf16(d):
    text = STEP + "    parameters:\n      - name: épochs\n        type: integer\n"
    write(d, "valohai.yaml", text.encode("utf-16"), "wb")
    write(d, "train.py", "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr')\np.parse_args()\n")
    return {"server_text": text}


ARGPARSE = "import argparse\np = argparse.ArgumentParser()\np.add_argument('--lr', type=float)\np.parse_args()\n"
HUGE = 700_000

CASES = [
    ("deep parentheses, 1.4 MB train.py", case_script("x = " + nested("(", "1", ")", HUGE) + "\n")),
    ("deep lists, 100k levels", case_script("x = " + nested("[", "1", "]", 100_000) + "\n")),
    ("deep dicts in prepare(), 175k levels", case_script("import valohai\nvalohai.prepare(step='train', default_parameters=" + nested("{'a': ", "1", "}", HUGE // 4) + ")\n")),
    ("deep add_argument default, 700k levels", case_script("import argparse\np = argparse.ArgumentParser()\np.add_argument('--x', default=" + nested("[", "1", "]", HUGE) + ")\n")),
    ("valohai.yaml, train.py -> /dev/zero", case_yaml_link("/dev/zero")),
    ("valohai.yaml, train.py -> /dev/urandom", case_yaml_link("/dev/urandom")),
    ("valohai.yaml, train.py are FIFOs", case_fifo),
    ("SIGINT during a 60k-step check", case_sigint),
    ("links out of the tree (a private key)", case_outside_link),
    ("prepare() of 60k keys", case_script(prepare_keys(60_000))),
    ("prepare() of 216k keys, 2 MB", case_script(prepare_keys(216_000))),
    ("train.py swapped for a link to an outside FIFO", case_swapped),
    ("train.py unreadable (mode 000, as nobody)", case_unreadable),
    ("10k documentSymbol on 51 KB", case_symbols),
    ("5k didChange (stale versions, bad ranges)", case_changes),
    ("Content-Length: abc", case_header("Content-Length: abc\r\n\r\n")),
    ("Content-Length: 99999999999999999999", case_header("Content-Length: 99999999999999999999\r\n\r\n")),
    ("`<<` merged twice, 60 levels (2^60 naive)", case_yaml(merges(60), ("train.py", ARGPARSE))),
    ("nested `<<` merges of a flow step", case_yaml("- step: &a {name: a, image: x, command: python train.py}\n- step: &b {<<: *a, name: b}\n- step:\n    <<: *b\n    name: c\n", ("train.py", ARGPARSE))),
    ("a second document after ---", case_yaml(STEP + "---\n" + STEP.replace("train", "other"), ("train.py", ARGPARSE))),
    ("\"python tr\\u00e4n.py\"", case_yaml(STEP.replace("command: python train.py {parameters}", 'command: "python tr\\u00e4n.py {parameters}"'), ("trän.py", ARGPARSE))),
    ("UTF-16 valohai.yaml", case_utf16),
]


def spawn(cmd, **kw):
    """Starts cmd under /usr/bin/time, which reports its peak RSS (the
    process's own: wait4's figure for a child of this script would count
    this script's memory, which an exec keeps), in a session of its own."""
    fd, path = tempfile.mkstemp()
    os.close(fd)
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", path] + cmd, start_new_session=True, **kw)
    proc.rss_file = path
    return proc


def kill(proc, sig=signal.SIGKILL):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def reaped(proc):
    """Waits for proc and returns (exit status, peak RSS in MB)."""
    code = proc.wait()
    with open(proc.rss_file) as f:
        lines = f.read().split()
    os.unlink(proc.rss_file)
    rss = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    return code, rss


def as_user(opts):
    """The command prefix that runs a case as its user, if it has one."""
    u = opts.get("user")
    return ["setpriv", f"--reuid={u}", f"--regid={u}", "--clear-groups"] if u else []


def run_check(binary, d, opts, timeout):
    if opts.get("check", True) is None:
        return "—", "—", ""
    pre = as_user(opts)
    start = time.monotonic()
    proc = spawn(pre + [binary, "check", "."], cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
    reader.start()
    if opts.get("interrupt"):
        time.sleep(opts["interrupt"])
        start = time.monotonic()
        kill(proc, signal.SIGINT)  # /usr/bin/time ignores it; the check gets it
    timer = threading.Timer(timeout, kill, (proc,))
    timer.start()
    code, rss = reaped(proc)
    took = time.monotonic() - start
    timer.cancel()
    reader.join(5)
    text = out[0].decode(errors="replace") if out else ""
    if code in (-9, 137):
        return f"timeout > {timeout:.0f} s", f"{rss:.0f}", "killed"
    codes = sorted({w[1:-1] for w in text.split() if w.startswith("[") and w.endswith("]")})
    note = f"exit {code}" + (": " + ", ".join(codes) if codes else ": " + text.strip().splitlines()[0][:60] if text.strip() else "")
    return f"{took * 1000:.0f} ms", f"{rss:.0f}", note


class Server:
    """A valohai-ls server over stdio."""

    def __init__(self, binary, d, pre=()):
        self.proc = spawn(list(pre) + [binary, "serve", "--log-level", "error"], cwd=d, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.d = d
        self.uri = "file://" + os.path.join(d, "valohai.yaml")
        self.cond = threading.Condition()
        self.responses = {}
        self.diagnostics = {}  # version -> count
        self.ended = False
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        f = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = f.readline()
                    if not line:
                        raise EOFError
                    if line in (b"\r\n", b"\n"):
                        break
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                msg = json.loads(f.read(length))
                with self.cond:
                    if "id" in msg and "method" not in msg:
                        self.responses[msg["id"]] = msg
                    elif "id" in msg:  # a request of the server's: answer it
                        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": [{} for _ in msg.get("params", {}).get("items", [])] if msg["method"] == "workspace/configuration" else None})
                    elif msg.get("method") == "textDocument/publishDiagnostics":
                        p = msg["params"]
                        self.diagnostics[p.get("version")] = sorted({str(x.get("code")) for x in p["diagnostics"]})
                    self.cond.notify_all()
        except (EOFError, ValueError, OSError):
            with self.cond:
                self.ended = True
                self.cond.notify_all()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def raw(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def request(self, id_, method, params):
        self.send({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, pred, timeout):
        end = time.monotonic() + timeout
        with self.cond:
            while not pred() and not self.ended:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self.cond.wait(left)
            return pred()

    def initialize(self):
        root = "file://" + self.d
        self.request(0, "initialize", {"processId": os.getpid(), "rootUri": root, "capabilities": {},
                                       "workspaceFolders": [{"uri": root, "name": "w"}]})
        self.wait(lambda: 0 in self.responses, 30)
        self.notify("initialized", {})

    def open(self, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": self.uri, "languageId": "yaml", "version": version, "text": text}})

    def finish(self):
        self.request(999999, "shutdown", None)
        self.wait(lambda: 999999 in self.responses, 10)
        self.notify("exit", None)
        try:
            self.proc.stdin.close()
        except OSError:
            pass


def run_server(binary, d, opts, timeout):
    if "server" in opts and opts["server"] is None:
        return "—", "—", ""
    text = opts.get("server_text")
    if text is None:
        with open(os.path.join(d, "valohai.yaml"), encoding="utf-8") as f:
            text = f.read()
    s = Server(binary, d, as_user(opts))
    timer = threading.Timer(timeout + 30, kill, (s.proc,))
    timer.start()
    plan = opts.get("plan", ("open", None))
    note = ""
    s.initialize()
    start = time.monotonic()
    done = True
    if plan[0] == "header":
        s.raw(plan[1].encode())
        done = s.wait(lambda: False, timeout) or s.ended
        note = "ended" if s.ended else "still running"
    elif plan[0] == "symbols":
        s.open(text)
        for i in range(1, plan[1] + 1):
            s.request(i, "textDocument/documentSymbol", {"textDocument": {"uri": s.uri}})
        done = s.wait(lambda: len(s.responses) >= plan[1] + 1, timeout)
        errors = [r["error"].get("message", "") for r in s.responses.values() if "error" in r]
        common = max(set(errors), key=errors.count) if errors else ""
        note = f"{len(s.responses) - 1} answered, {len(errors)} with an error" + (f" ({common!r})" if common else "")
    elif plan[0] == "changes":
        s.open(text)
        rng = random.Random(1)
        version, bad = 1, 0
        for n in range(plan[1]):
            version += 1
            if n % 50 == 49:  # a range out of the document, then the text again
                s.notify("textDocument/didChange", {"textDocument": {"uri": s.uri, "version": version},
                                                    "contentChanges": [{"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": 2}}, "text": "x"}]})
                s.notify("textDocument/didChange", {"textDocument": {"uri": s.uri, "version": version - 3},
                                                    "contentChanges": [{"text": text}]})
                bad += 1
                continue
            lines = text.split("\n")
            line = rng.randrange(len(lines))
            col = rng.randrange(len(lines[line]) + 1)
            ins = rng.choice(["x", " ", ": ", "- ", "\n", ""])
            cut = rng.randrange(3) if col < len(lines[line]) else 0
            lines[line] = lines[line][:col] + ins + lines[line][col + cut:]
            text = "\n".join(lines)
            s.notify("textDocument/didChange", {"textDocument": {"uri": s.uri, "version": version},
                                                "contentChanges": [{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + cut}}, "text": ins}]})
        version += 1  # and one more edit, so that the last version is the client's
        s.notify("textDocument/didChange", {"textDocument": {"uri": s.uri, "version": version},
                                            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "#\n"}]})
        last = version
        s.request(1, "textDocument/documentSymbol", {"textDocument": {"uri": s.uri}})
        done = s.wait(lambda: 1 in s.responses and last in s.diagnostics, timeout)
        note = f"{bad} bad ranges and stale versions; last version diagnosed" if done else "last version not diagnosed"
    else:
        s.open(text)
        done = s.wait(lambda: 1 in s.diagnostics, timeout)
        diagnosed = time.monotonic() - start
        if done and opts.get("action", True):
            s.request(1, "textDocument/codeAction", {"textDocument": {"uri": s.uri},
                                                     "range": {"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 2}},
                                                     "context": {"diagnostics": []}})
            done = s.wait(lambda: 1 in s.responses, timeout)
        note = (f"diagnostics after {diagnosed * 1000:.0f} ms: " + (", ".join(s.diagnostics.get(1)) or "none") +
                "; then a code action answered") if done else "no answer"
    took = time.monotonic() - start
    if not s.ended:
        s.finish()
    timer.cancel()
    code, rss = reaped(s.proc)
    if not done:
        return f"timeout > {timeout:.0f} s", f"{rss:.0f}", note
    return f"{took * 1000:.0f} ms", f"{rss:.0f}", note + f", exit {code}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--only", default="", help="comma-separated parts of case names")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    only = [o for o in a.only.split(",") if o]
    print("| case | check: time | check: peak RSS MB | check: result | server: time | server: peak RSS MB | server: result |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, build in CASES:
        if only and not any(o in name for o in only):
            continue
        with tempfile.TemporaryDirectory() as d:
            os.chmod(d, 0o755)
            opts = build(d) or {}
            ct, cr, cn = run_check(binary, d, opts, a.timeout)
            st, sr, sn = run_server(binary, d, opts, a.timeout)
        print(f"| {name} | {ct} | {cr} | {cn} | {st} | {sr} | {sn} |", flush=True)


if __name__ == "__main__":
    main()

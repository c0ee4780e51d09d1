#!/usr/bin/env python3
"""Benchmarks valohai-ls on generated files of 5,000, 50,000 and 800,000 lines.

Over stdio (lspprobe bench), on the 5,000- and 50,000-line files: completion
and hover p50, incremental edit -> published diagnostics p50 and peak RSS,
with the 50k/5k ratios and the goals they are held to. With `check`, on the
800,000-line file (about 20 MB): wall time and peak RSS, and their ratio to
the file's size. The files are generated into a temporary directory by
../shared/tools/gen_big_valohai.py.

usage: bigbench.py --bin BIN [--tools DIR] [--ops N (default 200)]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time


def generate(tools, lines, out_dir):
    d = os.path.join(out_dir, f"{lines}")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "valohai.yaml")
    subprocess.run([sys.executable, os.path.join(tools, "gen_big_valohai.py"), str(lines), "-o", path], check=True)
    return path


SETTINGS = json.dumps({"valohai-ls": {"scriptChecks": False}})
SCRIPTS_ON = json.dumps({"valohai-ls": {"scriptChecks": True}})


def probe(tools, binary, path, ops, settings=SETTINGS):
    out = subprocess.run([sys.executable, os.path.join(tools, "lspprobe.py"), "bench", path, "--ops", str(ops), "--quiet",
                          "--timeout", "60", "--settings", settings, "--", binary], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def client_edit_ms(tools, path):
    """What lspprobe's apply_edit costs per edit on this file (it runs inside the timed span)."""
    sys.path.insert(0, tools)
    import lspprobe  # noqa: E402
    text = open(path, encoding="utf-8").read()
    line = text.count("\n") // 2
    end = len(text.split("\n")[line])
    edit = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}}, "text": " #e"}
    t = time.perf_counter()
    for _ in range(10):
        lspprobe.apply_edit(text, edit)
    return (time.perf_counter() - t) * 100


def edits_direct(tools, binary, path, ops, newline=False):
    """Edit -> published diagnostics p50 over stdio, timed from the
    didChange notification: lspprobe's client with its own text upkeep left
    out (each edit is undone by the next, so the text is known). With
    newline, each edit inserts a line break (as Enter does) and the next
    removes it."""
    sys.path.insert(0, tools)
    import lspprobe  # noqa: E402
    args, server = lspprobe.parse_args(["bench", path, "--quiet", "--timeout", "60", "--settings", SETTINGS, "--", binary])
    c = lspprobe.Client(server, args)
    try:
        c.initialize(lspprobe.prepare(args))
        doc = c.open(lspprobe.Path(path))
        c.wait_diagnostics(doc)
        c.wait_quiet(doc, args.quiet)
        lines = doc.text.split("\n")
        rng = random.Random(2)
        candidates = [i for i, line in enumerate(lines) if line.strip() and i + 1 < len(lines)]
        samples = []
        for k in range(ops):
            if k % 2 == 0:
                line = rng.choice(candidates)
                end = lspprobe.u16len(lines[line])
                at = {"line": line, "character": end}
                edit = {"range": {"start": at, "end": at}, "text": "\n" if newline else " #e"}
            else:
                stop = {"line": line + 1, "character": 0} if newline else {"line": line, "character": end + 3}
                edit = {"range": {"start": at, "end": stop}, "text": ""}
            doc.version, doc.seq = doc.version + 1, c.seq
            t0 = time.perf_counter()
            c.notify("textDocument/didChange", {"textDocument": {"uri": doc.uri, "version": doc.version},
                                                "contentChanges": [edit]})
            t1, _ = c.wait_diagnostics(doc)
            samples.append((t1 - t0) * 1000)
        c.shutdown()
        return lspprobe.percentiles(samples)["p50"]
    finally:
        if c.proc.poll() is None:
            c.proc.kill()


def check(binary, path, *flags):
    # ru_maxrss of the children: run each check in its own Python child so
    # the figure is that one run's.
    code = ("import resource,subprocess,sys,time;t=time.perf_counter();"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, binary, "check", *flags, path], check=True, capture_output=True, text=True)
    secs, kb = out.stdout.split()
    return float(secs), int(kb)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--tools", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "tools"))
    ap.add_argument("--ops", type=int, default=200)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.path.exists(os.path.join(args.tools, "lspprobe.py")):
        print(f"bigbench: {args.tools} has no lspprobe.py: skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        small, large, huge = (generate(args.tools, n, tmp) for n in (5000, 50000, 800000))
        s, l = probe(args.tools, binary, small, args.ops), probe(args.tools, binary, large, args.ops)
        cs, cl = client_edit_ms(args.tools, small), client_edit_ms(args.tools, large)
        sc = [probe(args.tools, binary, f, args.ops, SCRIPTS_ON) for f in (small, large)]
        secs, kb = check(binary, huge, "--no-scripts")
        ssecs, skb = check(binary, huge)
        size = os.path.getsize(huge)
        direct = [(label, [edits_direct(args.tools, binary, f, args.ops, newline) for f in (small, large)])
                  for label, newline in (("  timed from didChange", False), ("  Enter (line added/removed)", True))]
    rows = [("completion p50 ms", "completion_ms", 1.5), ("hover p50 ms", "hover_ms", 1.5),
            ("edit -> diagnostics p50 ms", "change_incremental_to_diagnostics_ms", 3.0)]
    ok, unmet = True, []
    print(f"{'':30} {'5k lines':>10} {'50k lines':>10} {'ratio':>7} {'goal':>6}")
    for label, key, goal in rows:
        a, b = s[key]["p50"], l[key]["p50"]
        ratio = b / a if a else float("inf")
        ok &= ratio <= goal
        if ratio > goal:
            unmet.append(label.replace(" p50 ms", "") + " ratio")
        print(f"{label:30} {a:10.2f} {b:10.2f} {ratio:7.2f} {goal:6.1f}")
    print(f"{'  of which lspprobe apply_edit':30} {cs:10.2f} {cl:10.2f}")
    key = "change_incremental_to_diagnostics_ms"
    print(f"{'  edit p50 without it':30} {s[key]['p50'] - cs:10.2f} {l[key]['p50'] - cl:10.2f} {(l[key]['p50'] - cl) / max(s[key]['p50'] - cs, 1e-9):7.2f}")
    for label, (a, b) in direct:
        print(f"{label:30} {a:10.2f} {b:10.2f} {b / a:7.2f}")
    a, b = (r[key]["p50"] for r in sc)
    print(f"{'  script checks on':30} {a:10.2f} {b:10.2f} {b / a:7.2f}   (a hint on every step: the scripts are absent)")
    ra, rb = s["peak_rss_kb"], l["peak_rss_kb"]
    ok &= rb / ra <= 10
    if rb / ra > 10:
        unmet.append("peak RSS ratio")
    print(f"{'peak RSS MB':30} {ra / 1024:10.1f} {rb / 1024:10.1f} {rb / ra:7.2f} {10:6.1f}")
    for label, t, k in (("check", ssecs, skb), ("check --no-scripts", secs, kb)):
        times = k * 1024 / size
        if t >= 10 or times > 10:
            ok = False
            unmet.append(label)
        print(f"{label} {size / 1e6:.1f} MB (800k lines): {t:.2f} s (goal < 10), peak RSS {k / 1024:.0f} MB = {times:.1f}x the file (goal <= 10)")
    print("goals met" if ok else "goals NOT met: " + ", ".join(unmet))
    return 0


if __name__ == "__main__":
    sys.exit(main())

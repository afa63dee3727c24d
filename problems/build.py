#!/usr/bin/python3
"""Builds and cross-checks problem packages on the host (the sandbox suite is the authority).

    /usr/bin/python3 problems/build.py [slug ...] [--tle]

For each package (every folder with a problem.yaml, or the slugs given):

1. runs its generator.py, which rewrites every data/**/*.in (seeded, deterministic);
2. compiles solutions/accepted/*.cpp (g++ -std=c++17 -O2, the judge's flags) outside the tree;
3. writes every .ans with the first accepted C++ solution;
4. checks that every other accepted solution agrees on every test, under the package's checker;
5. checks that every wrong_answer solution fails some test (and says which);
6. with --tle: checks that every time_limit_exceeded solution is right until some test where it is
   out of CPU time after 5x the time limit (so the sandbox verdict cannot flip on a loaded machine;
   running out of time on an earlier, smaller test is the same verdict);
7. reports sizes and the slowest test (CPU time) of each accepted solution.

Compiled binaries go to $TMPDIR/avantika-problems. Python solutions run with /usr/bin/python3,
the interpreter the sandbox mounts.
"""
import math
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(tempfile.gettempdir(), "avantika-problems")
PYTHON = "/usr/bin/python3"
MAX_TEST_BYTES = 2 * 1024 * 1024
CXX = ["g++", "-std=c++17", "-O2", "-pipe", "-DONLINE_JUDGE"]


def read_yaml_subset(path):
    """problem.yaml needs only: title, kind, difficulty, tags, limits, checker (no PyYAML on the host)."""
    text = open(path).read()
    limits = re.search(r"timeMs:\s*(\d+)", text)
    checker = "tokens"
    m = re.search(r"^checker:\s*(.+)$", text, re.M)
    if m:
        value = m.group(1).strip()
        f = re.match(r"\{\s*float:\s*([0-9.eE+-]+)\s*\}", value)
        checker = ("float", float(f.group(1))) if f else value
    return {"timeMs": int(limits.group(1)), "checker": checker}


def tokens_equal(expected, actual, checker):
    if checker == "exact":
        norm = lambda s: [l.rstrip(" \t") for l in s.replace("\r\n", "\n").split("\n")]
        a, b = norm(expected), norm(actual)
        while a and a[-1] == "":
            a.pop()
        while b and b[-1] == "":
            b.pop()
        return a == b
    want, got = expected.split(), actual.split()
    if len(want) != len(got):
        return False
    if checker == "tokens":
        return want == got
    tol = checker[1]
    for w, g in zip(want, got):
        if w == g:
            continue
        try:
            e, a = float(w), float(g)
        except ValueError:
            return False
        if abs(a - e) > tol and abs(a - e) > tol * abs(e):
            return False
    return True


def tests_of(pkg):
    out = []
    for kind in ("sample", "secret"):
        d = os.path.join(pkg, "data", kind)
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith(".in"):
                out.append(os.path.join(d, name[:-3]))
    return out


def compile_cpp(src, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    subprocess.run(CXX + ["-o", out, src], check=True)
    return [out]


def command_for(pkg, rel):
    src = os.path.join(pkg, rel)
    if rel.endswith(".py"):
        return [PYTHON, "-I", "-B", src]
    if rel.endswith(".cpp"):
        return compile_cpp(src, os.path.join(BUILD, os.path.basename(pkg), rel[:-4].replace("/", "__")))
    raise SystemExit(f"{src}: no host runner for this language")


def run(cmd, stdin_path, cpu_seconds):
    """Runs cmd on the file; returns (stdout or ("RE", stderr) or None when out of CPU time, CPU seconds).

    CPU time (RLIMIT_CPU in the child), not wall time: other work on the machine does not count.
    """
    limit = max(1, math.ceil(cpu_seconds))
    set_limit = lambda: resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdin_path, "rb") as stdin:
        try:
            p = subprocess.run(cmd, stdin=stdin, capture_output=True, timeout=20 * limit, preexec_fn=set_limit)
        except subprocess.TimeoutExpired:
            return None, float(limit)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if p.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return None, used
    if p.returncode != 0:
        return ("RE", p.stderr.decode(errors="replace")[-400:]), used
    return p.stdout.decode(), used


def solutions(pkg, folder):
    d = os.path.join(pkg, "solutions", folder)
    return sorted(f"solutions/{folder}/{n}" for n in os.listdir(d)) if os.path.isdir(d) else []


def build(slug, check_tle):
    pkg = os.path.join(HERE, slug)
    meta = read_yaml_subset(os.path.join(pkg, "problem.yaml"))
    for kind in ("sample", "secret"):
        d = os.path.join(pkg, "data", kind)
        if os.path.isdir(d):
            shutil.rmtree(d)
    subprocess.run([PYTHON, os.path.join(pkg, "generator.py")], check=True)
    tests = tests_of(pkg)
    accepted = solutions(pkg, "accepted")
    reference = next(s for s in accepted if s.endswith(".cpp"))
    ref_cmd = command_for(pkg, reference)
    for t in tests:
        out, _ = run(ref_cmd, t + ".in", 60)
        if not isinstance(out, str):
            raise SystemExit(f"{slug}: {reference} failed on {t}: {out}")
        with open(t + ".ans", "w") as f:
            f.write(out)
    expected = {t: open(t + ".ans").read() for t in tests}
    report = []
    for rel in accepted:
        cmd = command_for(pkg, rel)
        slowest = (0.0, "")
        for t in tests:
            out, elapsed = run(cmd, t + ".in", 60)
            if not isinstance(out, str) or not tokens_equal(expected[t], out, meta["checker"]):
                raise SystemExit(f"{slug}: accepted {rel} disagrees on {os.path.relpath(t, pkg)}: {str(out)[:200]}")
            slowest = max(slowest, (elapsed, os.path.relpath(t, pkg)))
        report.append(f"  AC  {rel}: slowest {slowest[0] * 1000:.0f} ms CPU ({slowest[1]})")
    for rel in solutions(pkg, "wrong_answer"):
        cmd = command_for(pkg, rel)
        failed = None
        for t in tests:
            out, _ = run(cmd, t + ".in", 60)
            if out is None:
                raise SystemExit(f"{slug}: wrong_answer {rel} timed out on {os.path.relpath(t, pkg)}")
            if not isinstance(out, str):
                raise SystemExit(f"{slug}: wrong_answer {rel} crashed on {os.path.relpath(t, pkg)}: {out}")
            if not tokens_equal(expected[t], out, meta["checker"]):
                failed = os.path.relpath(t, pkg)
                break
        if not failed:
            raise SystemExit(f"{slug}: wrong_answer {rel} passes every test")
        report.append(f"  WA  {rel}: first wrong on {failed}")
    for rel in solutions(pkg, "time_limit_exceeded"):
        if not check_tle:
            continue
        cmd = command_for(pkg, rel)
        limit = meta["timeMs"] / 1000
        stuck = None
        for t in tests:
            out, elapsed = run(cmd, t + ".in", 5 * limit)
            if out is None:
                stuck = os.path.relpath(t, pkg)
                break
            if not isinstance(out, str) or not tokens_equal(expected[t], out, meta["checker"]):
                raise SystemExit(f"{slug}: time_limit_exceeded {rel} is wrong on {os.path.relpath(t, pkg)} before any timeout")
        if not stuck:
            raise SystemExit(f"{slug}: time_limit_exceeded {rel} finishes every test within 5x the limit")
        report.append(f"  TLE {rel}: out of CPU time after {5 * limit:.1f}s on {stuck}")
    sizes = [os.path.getsize(t + ext) for t in tests for ext in (".in", ".ans")]
    if max(sizes) > MAX_TEST_BYTES:
        raise SystemExit(f"{slug}: a test file is over {MAX_TEST_BYTES} bytes")
    print(f"{slug}: {len(tests)} tests, {sum(sizes) / 1e6:.2f} MB, largest file {max(sizes) / 1e6:.2f} MB")
    print("\n".join(report), flush=True)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    slugs = args or sorted(n for n in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, n, "problem.yaml")))
    failed = []
    for slug in slugs:
        try:
            build(slug, "--tle" in sys.argv)
        except SystemExit as err:
            print(err, flush=True)
            failed.append(slug)
    if failed:
        raise SystemExit(f"failed: {' '.join(failed)}")


if __name__ == "__main__":
    main()

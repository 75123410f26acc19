#!/usr/bin/env python3
"""Runs every ```bash recipe of the documentation against a running service and checks what its text says.

Usage: docs_test.py [--list] [FILE...]   (files default to README.md, catalog-examples/README.md, docs/*.md)
Environment: SC (the service, e.g. http://localhost:18180), DOCS_TEST_DOWN_URL (an address where nothing
listens, for "service down"), DOCS_TEST_TIMEOUT (seconds per run, default 90).

Markers are HTML comments on the lines directly above a block's opening fence (see docs-test/README.md):

  <!-- docs-test: skip: <reason> -->                 not run here (the reason is required)
  <!-- docs-test: env: NAME=value -->                 set for the run (repeatable)
  <!-- docs-test: expect-exit: <n> -->                exit status (default 0)
  <!-- docs-test: expect-stdout-contains: <text> -->  stdout contains the text (repeatable)
  <!-- docs-test: expect-stdout-matches: <regex> -->  stdout matches the Python regex (repeatable)
  <!-- docs-test: expect-http-error -->              the recipe shows an HTTP error on purpose
  <!-- docs-test: must-fail-when: service down -->   run again with SC where nothing listens: must exit non-zero
  <!-- docs-test: must-fail-when: TEXT => OTHER -->  run again with TEXT replaced by OTHER: must exit non-zero
  <!-- docs-test: must-fail-when: NAME=value -->     run again with that environment: must exit non-zero
  <!-- docs-test: after: <shell> -->                 run after the block (and its failing cases), e.g. to reset state

A normal run is `bash -e` with a `curl` on the PATH that adds --fail-with-body and records every
failed request, so an HTTP error anywhere fails the block unless `expect-http-error` says it is meant.
A failing-case run is plain `bash` with the real curl: the recipe must fail by itself.
Every recipe that gates (jq -e, grep -q, exit 1) needs at least one must-fail-when.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
MARKER = re.compile(r"^\s*<!--\s*docs-test:\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+-]*)")
GATE = re.compile(r"\bjq\s+(-\w*e\b|--exit-status)|\bgrep\s+-\w*q|\bexit\s+[1-9]|\|\|\s*\{")
# a runnable recipe addresses the service only through $SC (whose default may name port 8080)
HARD_CODED = re.compile(r"(localhost|127\.0\.0\.1)(:\d+)?")
SC_DEFAULT = re.compile(r"\$\{SC:-http://localhost:8080\}")
KNOWN = {"skip", "env", "expect-exit", "expect-stdout-contains", "expect-stdout-matches", "expect-http-error",
         "must-fail-when", "after", "timeout"}


@dataclass
class Block:
    file: str
    line: int            # line of the opening fence, 1-based
    index: int           # the block's number among the file's bash blocks, 1-based
    code: str
    markers: list = field(default_factory=list)   # (name, value)

    def where(self):
        first = next((l.strip() for l in self.code.splitlines() if l.strip()), "")
        return f"{self.file}:{self.line} (bash block {self.index}: {first[:70]})"

    def values(self, name):
        return [v for n, v in self.markers if n == name]


def extract(path):
    """The file's ```bash blocks with the markers directly above each, and marker lines that are misplaced."""
    rel = os.path.relpath(path, ROOT)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    blocks, problems, i, n = [], [], 0, 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            if MARKER.match(lines[i]) and not _marker_run_reaches_fence(lines, i):
                problems.append(f"{rel}:{i + 1}: docs-test marker not directly above a ```bash fence")
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3)
        start, body, i = i, [], i + 1
        while i < len(lines) and not (lines[i].strip().startswith(fence) and lines[i].strip().strip(fence[0]) == ""):
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        i += 1
        if lang != "bash":
            continue
        n += 1
        markers, j = [], start - 1
        while j >= 0 and MARKER.match(lines[j]):
            name, value = MARKER.match(lines[j]).groups()
            markers.insert(0, (name, value or ""))
            j -= 1
        block = Block(rel, start + 1, n, "\n".join(body) + "\n", markers)
        for name, value in markers:
            if name not in KNOWN:
                problems.append(f"{block.where()}: unknown marker '{name}'")
        if any(name == "skip" and not value for name, value in markers):
            problems.append(f"{block.where()}: 'skip' needs a reason")
        blocks.append(block)
    return blocks, problems


def _marker_run_reaches_fence(lines, i):
    while i < len(lines) and MARKER.match(lines[i]):
        i += 1
    if i < len(lines) and FENCE.match(lines[i]):
        return FENCE.match(lines[i]).group(3) == "bash"
    return False


def lint(block):
    """Problems a recipe has before it runs."""
    problems = []
    code_only = "\n".join(l.split(" #", 1)[0] if not l.lstrip().startswith("#") else "" for l in block.code.splitlines())
    for hit in HARD_CODED.finditer(SC_DEFAULT.sub("", code_only)):
        problems.append(f"address the service as $SC (SC=${{SC:-http://localhost:8080}}), not '{hit.group(0)}'")
        break
    if GATE.search(code_only) and not block.values("must-fail-when"):
        problems.append("gates (jq -e, grep -q, exit 1 or || {…}) but has no must-fail-when case")
    if block.values("must-fail-when") and "|" in code_only.replace("||", "") and "pipefail" not in code_only:
        problems.append("gates through a pipe without 'set -o pipefail'")
    return problems


def run(code, env, shim, timeout):
    work = tempfile.mkdtemp(prefix="docs-test-")
    try:
        for f in (HERE / "fixtures").iterdir():
            shutil.copy(f, work)
        e = dict(os.environ, **env)
        curl_log = Path(work) / ".curl-failures"
        if shim:
            e["PATH"] = f"{HERE / 'shim'}:{e['PATH']}"
            e["DOCS_TEST_CURL_LOG"] = str(curl_log)
        args = ["bash", "--noprofile", "--norc"] + (["-e"] if shim else []) + ["-c", code]
        try:
            p = subprocess.run(args, cwd=work, env=e, capture_output=True, text=True, timeout=timeout,
                               stdin=subprocess.DEVNULL)
            status, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as t:
            status, out, err = 124, _text(t.stdout), _text(t.stderr) + f"\n(timed out after {timeout} s)"
        failures = curl_log.read_text() if curl_log.exists() else ""
        return status, out, err, failures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _text(b):
    return b.decode("utf-8", "replace") if isinstance(b, bytes) else (b or "")


def env_of(values):
    env = {}
    for v in values:
        name, _, value = v.partition("=")
        env[name.strip()] = value
    return env


def check(block, sc, down_url, timeout):
    """Every problem of one runnable block (empty when it does what its text says)."""
    problems = lint(block)
    if any("$SC" in p for p in problems):
        return problems  # it would talk to some other service
    timeout = int(block.values("timeout")[0]) if block.values("timeout") else timeout
    env = dict(env_of(block.values("env")), SC=sc)
    status, out, err, curl_failures = run(block.code, env, True, timeout)
    want = int(block.values("expect-exit")[0]) if block.values("expect-exit") else 0
    if status != want:
        problems.append(f"exit status {status}, expected {want}")
    if curl_failures and not block.values("expect-http-error"):
        problems.append("a request failed (mark expect-http-error if that is the point):\n" + _indent(curl_failures))
    for text in block.values("expect-stdout-contains"):
        if text not in out:
            problems.append(f"stdout does not contain: {text}")
    for rx in block.values("expect-stdout-matches"):
        if not re.search(rx, out, re.M):
            problems.append(f"stdout does not match: {rx}")
    if len(problems) > len(lint(block)):
        problems.append("stdout:\n" + _indent(out[-2000:]) + "stderr:\n" + _indent(err[-2000:]))
    for case in block.values("must-fail-when"):
        code, case_env = block.code, dict(env)
        if case == "service down":
            case_env["SC"] = down_url
        elif " => " in case:
            old, new = case.split(" => ", 1)
            if old not in code:
                problems.append(f"must-fail-when: '{old}' is not in the recipe")
                continue
            code = code.replace(old, new)
        elif re.match(r"^[A-Za-z_]\w*=", case):
            case_env.update(env_of([case]))
        else:
            problems.append(f"must-fail-when: cannot read '{case}'")
            continue
        status, out, err, _ = run(code, case_env, False, timeout)
        if status == 0:
            problems.append(f"must fail when {case}, but exited 0\nstdout:\n" + _indent(out[-1000:])
                            + "stderr:\n" + _indent(err[-1000:]))
    for after in block.values("after"):
        status, out, err, _ = run(after, env, True, timeout)
        if status != 0:
            problems.append(f"after: exited {status}: {after}\n" + _indent(out[-1000:] + err[-1000:]))
    return problems


def _indent(text):
    return "".join("    | " + l + "\n" for l in text.rstrip("\n").splitlines()) if text.strip() else "    | (empty)\n"


def default_files():
    return [ROOT / "README.md", ROOT / "catalog-examples" / "README.md"] + sorted((ROOT / "docs").glob("*.md"))


def main(argv):
    listing = "--list" in argv
    files = [Path(a).resolve() for a in argv if a != "--list"] or default_files()
    sc = os.environ.get("SC", "http://localhost:8080")
    down_url = os.environ.get("DOCS_TEST_DOWN_URL", "http://127.0.0.1:9")
    timeout = int(os.environ.get("DOCS_TEST_TIMEOUT", "90"))
    failed, ran, skipped, problems_total = 0, 0, 0, []
    for f in files:
        blocks, problems = extract(f)
        for p in problems:
            print(f"FAIL {p}")
        failed += len(problems)
        for b in blocks:
            if b.values("skip"):
                skipped += 1
                print(f"skip {b.where()}: {b.values('skip')[0]}")
                continue
            if listing:
                print(f"run  {b.where()}")
                continue
            ran += 1
            problems = check(b, sc, down_url, timeout)
            cases = len(b.values("must-fail-when"))
            if problems:
                failed += 1
                print(f"FAIL {b.where()}")
                for p in problems:
                    print("  - " + p.replace("\n", "\n    "))
                problems_total.append(b.where())
            else:
                print(f"ok   {b.where()}" + (f" (+{cases} failing case{'s' if cases > 1 else ''})" if cases else ""))
    print(f"\ndocs test: {ran} recipes run, {skipped} skipped, {failed} failed")
    for w in problems_total:
        print(f"  failed: {w}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Helpers of .ci/checks.d/60-prism.sh (standard library only).

  base SPEC              print the base path of the spec's server URL.
  spec SPEC OUT          write Prism's copy of the repo spec: every path prefixed with the base path of the spec's
                         server URL (/airline/v1.1), so clients use the same base URL as against Hopper's servers.
  tap PORT UPSTREAM LOG  a recording reverse proxy on 127.0.0.1:PORT in front of Prism. Prism run with --errors turns a
                         violation into an error response (problem+json with the list of violations, `sl-violations`
                         header) and logs only "Request terminated with error"; the tap keeps the list: one JSON line
                         per exchange in LOG (method, path, status, violations).
  load SUMMARY_JSON      judge a load smoke run through Prism: every request answered as expected, the sanity check
                         passed, and no threshold failed but latency ones (Prism's validation is in every request's
                         latency, so p50/p95/p99 are Prism's, not the target's); exit 1 otherwise.
  summarise SPEC LOG PRISM_LOG
                         one line per violation: operation, direction (request/response), Prism's message; a count of
                         requests per operation; exit 1 when any violation (or an unmatched route) was seen, 2 when no
                         request went through Prism at all.
"""
import http.client
import http.server
import json
import re
import sys
import threading
import urllib.parse

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


def spec_paths(spec_text):
    """(server base path, [(method, path template, operationId)]) read from the spec's regular YAML layout."""
    server = re.search(r"^servers:\n- url: (\S+)", spec_text, re.M)
    if not server:
        sys.exit("The spec has no servers[0].url")
    base = urllib.parse.urlparse(server.group(1)).path.rstrip("/")
    operations, path, method, in_paths = [], None, None, False
    for line in spec_text.splitlines():
        if re.match(r"^[a-z]", line):
            in_paths = line.startswith("paths:")
            continue
        if not in_paths:
            continue
        if m := re.match(r"^  (/\S*):$", line):
            path, method = m.group(1), None
        elif m := re.match(r"^    (get|put|post|delete|patch|head|options):$", line):
            method = m.group(1)
        elif (m := re.match(r"^      operationId: (\S+)$", line)) and path and method:
            operations.append((method.upper(), path, m.group(1)))
    if not operations:
        sys.exit("The spec lists no operation under paths:")
    return base, operations


def write_spec(spec, out):
    text = open(spec, encoding="utf-8").read()
    base, operations = spec_paths(text)
    lines, in_paths = [], False
    for line in text.splitlines(keepends=True):
        if re.match(r"^[a-z]", line):
            in_paths = line.startswith("paths:")
        elif in_paths and re.match(r"^  /", line):
            line = "  " + base + line[2:]
        lines.append(line)
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"{len(operations)} operations under {base}")


def operation_of(method, path, base, operations):
    path = urllib.parse.urlparse(path).path
    if not path.startswith(base + "/"):
        return None
    rest = path[len(base):]
    for op_method, template, operation_id in operations:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if op_method == method and re.match(pattern, rest):
            return operation_id
    return None


def violations_of(status, headers, body):
    """Prism's violations of one exchange: the sl-violations header, else the problem+json body it generated."""
    found = []
    header = headers.get("sl-violations")
    if header:
        try:
            found = json.loads(header)
        except ValueError:
            found = [{"location": ["?"], "severity": "Error", "message": header}]
    content_type = headers.get("content-type", "")
    if not found and "problem+json" in content_type:
        try:
            problem = json.loads(body)
        except ValueError:
            problem = {}
        kind = str(problem.get("type", ""))
        if "stoplight.io/prism/errors" in kind:
            found = problem.get("validation") or []
            # A request violation answered by Prism itself (UNPROCESSABLE_ENTITY, UNAUTHORIZED) carries locations
            # without the "request" prefix; a Prism error without a validation list (no route, upstream down) is kept.
            direction = "response" if kind.endswith("#VIOLATIONS") else "request"
            found = [v if v.get("location", [""])[0] in ("request", "response")
                     else {**v, "location": [direction, *v.get("location", [])]} for v in found]
            if not found:
                found = [{"location": ["request"], "severity": "Error",
                          "message": f"{problem.get('title', kind)} ({kind}): {problem.get('detail', '')}"}]
    return found


def tap(port, upstream, log_path):
    target = urllib.parse.urlparse(upstream)
    lock = threading.Lock()
    log = open(log_path, "a", encoding="utf-8", buffering=1)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP and k.lower() != "host"}
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            try:
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                status, reply_headers = response.status, response.getheaders()
            except OSError as error:
                status, reply_headers = 502, [("content-type", "text/plain")]
                data = f"prism tap: Prism did not answer: {error}".encode()
            finally:
                connection.close()
            lower = {k.lower(): v for k, v in reply_headers}
            record = {"method": self.command, "path": self.path, "status": status,
                      "violations": violations_of(status, lower, data)}
            if status == 502:
                record["violations"].append({"location": ["request"], "severity": "Error", "message": data.decode()})
            with lock:
                log.write(json.dumps(record) + "\n")
            self.send_response_only(status)
            for name, value in reply_headers:
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), Handler)
    server.daemon_threads = True
    # With port 0 the kernel picks it: the caller reads it from this line.
    print(f"prism tap listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


def summarise(spec, log_path, prism_log):
    base, operations = spec_paths(open(spec, encoding="utf-8").read())
    counts, problems = {}, []
    try:
        records = [json.loads(line) for line in open(log_path, encoding="utf-8") if line.strip()]
    except FileNotFoundError:
        records = []
    for record in records:
        if record["path"].startswith("/_prism-ready"):
            continue
        operation = operation_of(record["method"], record["path"], base, operations)
        name = operation or f"(no operation) {record['method']} {urllib.parse.urlparse(record['path']).path}"
        counts[name] = counts.get(name, 0) + 1
        for v in record["violations"]:
            location = v.get("location") or ["?"]
            direction, where = location[0], ".".join(str(p) for p in location[1:])
            message = f"{where}: {v.get('message', '')}" if where else v.get("message", "")
            problems.append((name, direction, v.get("severity", "Error"), message, record["status"]))
        if operation is None and not record["violations"]:
            problems.append((name, "request", "Error", "no operation of the spec matches this route", record["status"]))
    # Prism's own log: a terminated request the tap did not see explained (should not happen) still fails the check.
    terminated = 0
    try:
        for line in open(prism_log, encoding="utf-8", errors="replace"):
            if "Request terminated with error" in line and "NO_PATH_MATCHED" not in line:
                terminated += 1
    except FileNotFoundError:
        pass
    total = sum(counts.values())
    print(f"Prism validated {total} exchanges over {len(counts)} operations:")
    for name in sorted(counts):
        print(f"  {counts[name]:6d}  {name}")
    unique = {}
    for name, direction, severity, message, status in problems:
        unique.setdefault((name, direction, severity, message), []).append(status)
    if unique:
        print(f"{len(problems)} violations ({len(unique)} distinct) reported by Prism:")
        for (name, direction, severity, message), statuses in sorted(unique.items()):
            print(f"  VIOLATION {name} {direction} [{severity}] {message} (x{len(statuses)}, HTTP {statuses[0]})")
    else:
        print("0 violations reported by Prism (requests and responses).")
    explained = sum(1 for _, _, severity, _, _ in problems if severity == "Error")
    if terminated > explained:
        print(f"  Prism's log shows {terminated} requests terminated with an error, the tap explains {explained}: "
              f"see {prism_log}")
    if total == 0:
        print("No request went through Prism.")
        return 2
    return 1 if unique or terminated > explained else 0


def judge_load(summary_path):
    try:
        summary = json.load(open(summary_path, encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"No load summary at {summary_path}: {error}")
        return 1
    requests, sanity = summary.get("requests", {}), summary.get("sanity", {})
    latency = summary.get("latency_ms", {}).get("corrected", {})
    failed = [t["check"] for t in summary.get("thresholds", []) if not t.get("passed")]
    not_latency = [c for c in failed if not re.match(r"^p(50|95|99)_ms\b", c)]
    problems = []
    if not requests.get("total"):
        problems.append("no request was made")
    if requests.get("fail"):
        problems.append(f"{requests['fail']} of {requests['total']} requests failed: {summary.get('errors')}")
    if not sanity.get("passed", False):
        problems.append(f"sanity check: {sanity.get('message')}")
    if not_latency:
        problems.append(f"thresholds failed: {', '.join(not_latency)}")
    print(f"{summary.get('profile')}: {requests.get('ok', 0)}/{requests.get('total', 0)} ok, statuses "
          f"{requests.get('by_status')}, p99 {latency.get('p99')} ms through Prism"
          + (f" (latency thresholds not judged here: {', '.join(failed)})" if failed and not not_latency else ""))
    for problem in problems:
        print(f"  LOAD {summary.get('profile')}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "base" and len(args) == 1:
        print(spec_paths(open(args[0], encoding="utf-8").read())[0])
    elif command == "spec" and len(args) == 2:
        write_spec(*args)
    elif command == "tap" and len(args) == 3:
        tap(*args)
    elif command == "load" and len(args) == 1:
        sys.exit(judge_load(*args))
    elif command == "summarise" and len(args) == 3:
        sys.exit(summarise(*args))
    else:
        sys.exit(__doc__)

#!/usr/bin/env python3
"""Probes a running NewsQA server on 127.0.0.1:18080 (admin key probe-key, started by the caller) for the
findings of the security issue: slow bodies, SSRF, client errors, limits and headers. Loopback only; every
loop is bounded (210 connections for at most 40 s). Also starts a loopback "internal service" on 18092 and
a redirector to it on 18091, and prints whether the internal service was ever reached."""
import http.server, socket, time, threading, json, urllib.request, urllib.parse

INTERNAL_REQUESTS = []
class Internal(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        INTERNAL_REQUESTS.append(self.path)
        body = b"DB_PASSWORD=hunter2\n\nThe internal token is INTERNAL-SECRET-42." + b" internal" * 50
        self.send_response(200); self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
class Redirect(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(302); self.send_header("Location", "http://127.0.0.1:18092/internal.xml"); self.end_headers()
    def log_message(self, *args): pass
for port, handler in ((18092, Internal), (18091, Redirect)):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
BASE = "http://127.0.0.1:18080"; KEY = "probe-key"
def req(method, path, body=None, headers=None, timeout=40):
    r = urllib.request.Request(BASE + path, data=body, method=method, headers=headers or {})
    t = time.time()
    try:
        with urllib.request.urlopen(r, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8", "replace"), time.time() - t
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace"), time.time() - t
    except Exception as e:
        return None, {}, str(e), time.time() - t
def show(name, res, n=160):
    code, headers, body, dt = res
    ct = headers.get("Content-Type", "") if headers else ""
    print(f"{name}: {code} {ct} {dt*1000:.0f} ms | {body[:n]!r}", flush=True)
J = {"Content-Type": "application/json"}; A = {"X-Api-Key": KEY, "Content-Type": "application/json"}

# 1. slow bodies: 210 connections from 127.0.0.2, 1 byte every 2 s, at most 40 s
def trickle(results, i):
    s = socket.socket(); s.bind(("127.0.0.2", 0)); s.settimeout(2)
    start = time.time(); status = None
    try:
        s.connect(("127.0.0.1", 18080))
        s.sendall(b"PATCH /api/admin/feeds/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
        while time.time() - start < 40:
            try:
                d = s.recv(512)
                if not d: break
                status = status or d.split(b"\r\n")[0].decode()
            except socket.timeout: pass
            try: s.sendall(b"x")
            except OSError: break
    except OSError: pass
    results[i] = (status, time.time() - start); s.close()
show("search (baseline)", req("GET", "/api/search?q=museum"))
results = [None] * 210
threads = [threading.Thread(target=trickle, args=(results, i)) for i in range(210)]
for t in threads: t.start()
time.sleep(4)
show("search during 210 slow bodies", req("GET", "/api/search?q=museum"))
for t in threads: t.join()
codes = {}
for st, dt in results: codes[st] = codes.get(st, 0) + 1
print("slow-body connections: status lines", codes, "longest held %.1f s" % max(dt for _, dt in results), flush=True)
# keyed slow JSON body to /api/ask (public): cut off at 10 s
r = [None]
def slowask():
    s = socket.socket(); s.settimeout(2); s.connect(("127.0.0.1", 18080)); start = time.time(); st = None
    s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
    while time.time() - start < 30:
        try:
            d = s.recv(512)
            if not d: break
            st = st or d.split(b"\r\n")[0].decode()
        except socket.timeout: pass
        try: s.sendall(b" ")
        except OSError: break
    r[0] = (st, time.time() - start)
slowask(); print("slow /api/ask body:", r[0], flush=True)

# 2. SSRF
for u in ["http://127.0.0.1:18091/redir-port", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "http://2852039166/",
          "http://[::ffff:169.254.169.254]/", "http://0177.0.0.1/", "http://localhost:22/", "http://[::1]/", "http://127.0.0.1:18080/actuator/prometheus"]:
    show("register feed " + u, req("POST", "/api/admin/feeds", json.dumps({"url": u}).encode(), A), 200)
# 3. 500s
show("search from=+999999999-12-31", req("GET", "/api/search?q=tram&from=%2B999999999-12-31"))
show("ask from=+999999999-12-31", req("POST", "/api/ask", b'{"question":"tram","from":"+999999999-12-31"}', J))
show("ask \\ud800", req("POST", "/api/ask", b'{"question":"tram \\ud800 line"}', J))
show("ask/stream \\ud800", req("POST", "/api/ask/stream", b'{"question":"tram \\ud800 line"}', J))
show("malformed multipart /api/ask", req("POST", "/api/ask", b"--x\r\nbroken", {"Content-Type": "multipart/form-data; boundary=x"}))
show("malformed multipart /api/admin/feeds/1/poll", req("POST", "/api/admin/feeds/1/poll", b"--x\r\nbroken", {"Content-Type": "multipart/form-data; boundary=x"}))
# 4. low
show("prometheus no key", req("GET", "/actuator/prometheus"))
st, h, b, dt = req("GET", "/actuator/prometheus", headers={"X-Api-Key": KEY}); print("prometheus with key:", st, len(b), "bytes")
st, h, b, dt = req("GET", "/admin.html"); print("admin.html headers:", h.get("Content-Security-Policy"), "|", h.get("X-Frame-Options"), "|", h.get("X-Content-Type-Options"))
st, h, b, dt = req("GET", "/widget/newsqa-widget.js"); print("widget.js headers:", st, h.get("X-Content-Type-Options"), h.get("X-Frame-Options"), h.get("Content-Security-Policy"))
show("register feed with credentials", req("POST", "/api/admin/feeds", json.dumps({"url": "https://editor:hunter2@news.example/rss?token=abc"}).encode(), A), 200)
show("POST /api/articles javascript: url", req("POST", "/api/articles", b'{"title":"T","body":"The tram line opens in May, the council said.","url":"javascript:alert(1)"}', A), 300)
show("POST /api/articles data: url", req("POST", "/api/articles", b'{"title":"T","body":"The tram line opens in June, the council said.","url":"data:text/html,x"}', A), 300)
q = ("مترو الرياض " * 200)[:2000]
show("Arabic q 2,000 chars", req("GET", "/api/search?q=" + urllib.parse.quote(q)), 80)
show("Arabic q 2,001 chars", req("GET", "/api/search?q=" + urllib.parse.quote(q + "م")))
show("UTF-16 JSON ask", req("POST", "/api/ask", '{"question":"tram?"}'.encode("utf-16"), J))
show("UTF-16 JSON articles", req("POST", "/api/articles", '{"title":"T","body":"Tram text here."}'.encode("utf-16-le"), A))
show("articles nested 100", req("POST", "/api/articles", ('{"title":"T","body":"Tram.","x":' + "[" * 100 + "]" * 100 + "}").encode(), A))
show("multipart 100 KB", req("POST", "/api/ask", b"--b\r\n" + b"x" * 100000, {"Content-Type": "multipart/form-data; boundary=b"}))
show("article 20 MB", req("POST", "/api/articles", ('{"title":"Long","body":"' + "The tram line. " * 1_300_000 + '"}').encode(), A, timeout=120), 300)
codes = {}
for i in range(125):
    c = req("GET", "/api/search?q=tram%d" % i)[0]; codes[c] = codes.get(c, 0) + 1
print("125 searches in a row:", codes, flush=True)
print("internal service reached:", INTERNAL_REQUESTS or "never", flush=True)

"""Loopback webhook stand-in: saves each POST body as OUT/NAME-N.json (NAME from the URL
path) and answers 200. Serves at most 50 requests or 120 seconds, then stops."""
import http.server
import itertools
import sys
import time

out, port_file = sys.argv[1], sys.argv[2]
count = itertools.count()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        name = self.path.strip("/").replace("/", "_")
        with open(f"{out}/{name}-{next(count)}.json", "wb") as f:
            f.write(body)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 1
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
end = time.time() + 120
served = 0
while time.time() < end and served < 50:
    server.handle_request()
    served += 1

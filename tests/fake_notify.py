"""A stand-in for GOV.UK Notify's HTTP API, served on loopback.

Notify is a service outside this machine, so the tests talk to this instead:
it checks each request's JWT as Notify does (with the client library's own
decoder), keeps what it was sent, and gives the answers a test lines up.
"""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer

SERVICE_ID = "4a9a2e0e-7e4c-4e15-8a3b-1f2d3c4b5a69"
SECRET = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
API_KEY = f"local_digital_tests-{SERVICE_ID}-{SECRET}"

ERRORS = {
    400: {"error": "BadRequestError", "message": "Not a valid email address"},
    403: {"error": "AuthError", "message": "Invalid token: API key not found"},
    429: {"error": "RateLimitError", "message": "Exceeded rate limit for key type LIVE"},
    500: {"error": "Exception", "message": "Internal server error"},
}


class FakeNotify(ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), NotifyHandler)
        self.received: list[dict] = []
        self.answers: list[int] = []  # status codes to give, in turn; then 201s
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class NotifyHandler(BaseHTTPRequestHandler):
    server: FakeNotify

    def log_message(self, format, *args):  # the test's output is not the place
        pass

    def _answer(self, status: int, document: dict) -> None:
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            decode_jwt_token(token, SECRET)
            issuer = get_token_issuer(token)
        except Exception:
            return self._answer(403, {"status_code": 403, "errors": [ERRORS[403]]})
        if self.path != "/v2/notifications/email" or issuer != SERVICE_ID:
            return self._answer(404, {"status_code": 404, "errors": []})
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append(request)
        status = self.server.answers.pop(0) if self.server.answers else 201
        if status != 201:
            return self._answer(status, {"status_code": status, "errors": [ERRORS[status]]})
        self._answer(
            201,
            {
                "id": str(uuid.uuid4()),
                "reference": request.get("reference"),
                "content": {
                    "subject": request["personalisation"]["subject"],
                    "body": request["personalisation"]["body"],
                    "from_email": "local.digital@notifications.service.gov.uk",
                },
                "template": {"id": request["template_id"], "version": 1, "uri": ""},
                "uri": "",
            },
        )

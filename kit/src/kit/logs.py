"""JSON logs, one line per event, carrying request id, tenant, event id and trace id.

Every line passes a redaction guard before it is written: fields named like a secret
(`password`, `authorization`, `access_token`, ...) are masked wherever they sit in the extras, and
the final text is scrubbed of bearer tokens, JWTs, Machi API keys (`mk_<prefix>_<secret>`) and
secret-named query or JSON fields, so a secret passed by mistake in a message or an exception
still never reaches the log (OWASP Logging Cheat Sheet, "Data to exclude").
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from kit import tracing

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
tenant_var: ContextVar[str | None] = ContextVar("tenant_id", default=None)
event_id_var: ContextVar[str | None] = ContextVar("event_id", default=None)

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

REDACTED = "[redacted]"
# Field names (lowercased, `-` read as `_`) whose values are secrets.
_SECRET_NAME = re.compile(
    r"(^|_)(authorization|password|passwd|secret|token|api_?key|cookie|set_cookie|credentials?"
    r"|private_key|signature)($|_)|^(access|refresh|id)_token$|^client_secret$|^code_verifier$"
)
_SECRET_FIELDS = (
    r"access_token|refresh_token|id_token|client_secret|password|passwd|api_key|apikey|token"
    r"|secret|code_verifier"
)
_SECRET_PARAMS = _SECRET_FIELDS + r"|code"  # an OAuth authorization code travels in a query
_TEXT_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 " + REDACTED),
    (re.compile(r"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"), REDACTED),
    (re.compile(r"\bmk_[0-9a-f]{8}_[A-Za-z0-9_-]+"), "mk_" + REDACTED),
    # key=value in query strings and forms; "key": "value" in JSON or reprs. A value ends at a
    # backslash too: in a JSON line a newline after a URL is `\n`, and the text after it stays.
    (re.compile(rf"(?i)((?<![\w-])({_SECRET_PARAMS})=[\"']?)[^&\s\"'\\]+"), r"\1" + REDACTED),
    (
        re.compile(rf"(?i)([\"']({_SECRET_FIELDS})[\"']\s*:\s*[\"'])[^\"']*"),
        r"\1" + REDACTED,
    ),
    (
        re.compile(r"(?i)((authorization|x-api-key|cookie)[\"']?\s*[:=,]\s*[\"']?)[^\"',}\s]+"),
        r"\1" + REDACTED,
    ),
)


# Set on a record whose every field is known to hold no secret (the access line: method, route
# template, status, duration): the formatters skip the redaction guard's regular expressions,
# which cost more than the rest of the line on a request answered in a fraction of a millisecond.
PLAIN = "_plain"
PLAIN_EXTRA = {PLAIN: True}


def is_secret_name(name: str) -> bool:
    """Whether a field called `name` holds a secret."""
    return bool(_SECRET_NAME.search(name.lower().replace("-", "_")))


def redact_value(value: Any) -> Any:
    """`value` with the values of secret-named fields masked, recursively."""
    if isinstance(value, Mapping):
        return {
            k: REDACTED if is_secret_name(str(k)) else redact_value(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [redact_value(v) for v in value]
    return value


def redact_text(text: str) -> str:
    """`text` with tokens, keys and secret-named fields masked."""
    for pattern, replacement in _TEXT_RULES:
        text = pattern.sub(replacement, text)
    return text


class JsonFormatter(logging.Formatter):
    """One JSON object per record; with `pid`, the process's id in each (`machi run --workers`:
    which worker wrote the line)."""

    def __init__(self, *, pid: bool = False) -> None:
        super().__init__()
        self.pid = pid

    def format(self, record: logging.LogRecord) -> str:
        plain = getattr(record, PLAIN, False) and not record.exc_info
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if self.pid:
            line["pid"] = record.process
        for key, var in (
            ("request_id", request_id_var),
            ("tenant_id", tenant_var),
            ("event_id", event_id_var),
        ):
            value = var.get()
            if value is not None:
                line[key] = value
        if plain and "request_id" in line:  # the one field a client chose
            line["request_id"] = redact_text(line["request_id"])
        ids = tracing.current_ids()
        if ids is not None:
            line["trace_id"], line["span_id"] = ids
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value if plain else _guarded(key, value)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        text = json.dumps(line, default=str, ensure_ascii=False)
        return text if plain else redact_text(text)


class TextFormatter(logging.Formatter):
    """Lines for reading locally, with the record's extra fields as key=value, through the same
    redaction guard."""

    def format(self, record: logging.LogRecord) -> str:
        plain = getattr(record, PLAIN, False) and not record.exc_info
        extras = " ".join(
            f"{key}={value if plain else _guarded(key, value)}"
            for key, value in vars(record).items()
            if key not in _STANDARD and not key.startswith("_")
        )
        text = super().format(record)
        text = f"{text} {extras}" if extras else text
        return text if plain else redact_text(text)


def _guarded(key: str, value: Any) -> Any:
    return REDACTED if is_secret_name(key) else redact_value(value)


def configure(level: str = "INFO", *, json_lines: bool = True, pid: bool = False) -> None:
    """Send every log line to stderr, as JSON unless `json_lines` is off (local reading); with
    `pid`, each line names the process that wrote it (several share the output)."""
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter(pid=pid))
    else:
        process = " [%(process)d]" if pid else ""
        handler.setFormatter(
            TextFormatter(f"%(asctime)s{process} %(levelname)s %(name)s %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiormq", "aio_pika", "httpx", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@contextmanager
def event_context(event_id: str, tenant_id: str) -> Iterator[None]:
    """Tag log lines inside the block with the event being handled."""
    event_token = event_id_var.set(event_id)
    tenant_token = tenant_var.set(tenant_id)
    try:
        yield
    finally:
        event_id_var.reset(event_token)
        tenant_var.reset(tenant_token)

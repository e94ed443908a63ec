"""The citizen inbox (issue 16): comments and messages from the town's channels, threaded into
conversations that staff answer.

Webhooks arrive through the gateway's public door (`/webhooks/{town}/meta|line`), are checked
against the platform's signature on the raw body, stored one row per platform event
(deduplicated by the platform's event id) and answered at once; the worker's `inbox-ingest` job
turns stored events into conversations and messages (reference/inbox-platforms.md section 0,
"acknowledge fast, process later")."""

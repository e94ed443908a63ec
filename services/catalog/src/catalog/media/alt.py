"""Which alt text a photo shows where it is attached (a product's or a place's photo)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

# The media library's alt text of each photo (media id -> language -> text).
LibraryAlts = Mapping[uuid.UUID, Mapping[str, Any]]


def attachment_alt(ref: Mapping[str, Any], library: Mapping[str, Any] | None) -> dict[str, str]:
    """A photo's alt text where it is attached: the media library's text in each language it
    has (written about the photo itself), the attachment's own text in the others."""
    own = ref.get("alt") or {}
    texts = {str(k): str(v) for k, v in own.items() if v} if isinstance(own, Mapping) else {}
    texts.update({str(k): str(v) for k, v in (library or {}).items() if v})
    return texts


def media_ids(refs_lists: Any) -> set[uuid.UUID]:
    """Every media id among lists of stored attachments (`[{media_id, alt}]`)."""
    return {uuid.UUID(str(ref["media_id"])) for refs in refs_lists for ref in refs}

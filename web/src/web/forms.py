"""What a form page does with the API's answer to its submit, in one place: a refusal the user can
fix is shown beside the form's fields, anything else is the error page's.

    saved = await submit(form.errors, lambda: service.create_place(api, form))
    if not isinstance(saved, Refused):
        return RedirectResponse(f"/console/places/{saved.id}?saved=1", status_code=303)
    return await _place_page(..., status=422)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from web.gateway import ApiError
from web.i18n import N_

T = TypeVar("T")

# The API's answers a form shows beside its fields: a clash (409), a file too large (413) or of
# the wrong type (415), a value refused (422).
FORM_REFUSALS = frozenset({409, 413, 415, 422})
STALE = N_("Someone changed this meanwhile: reload the page to see their change.")


class Refused:
    """The form was not saved: its errors say why."""


REFUSED = Refused()


def refusal(exc: ApiError) -> dict[str, str]:
    """The API's refusal as messages by field; one it cannot place goes on the form as a whole
    (its title, translated, and the detail, in English, beside it)."""
    return exc.field_errors() or {"form": exc.title, "form_detail": exc.detail}


async def submit(
    errors: dict[str, str],
    call: Callable[[], Awaitable[T]],
    *,
    stale: str = STALE,
    shown: frozenset[int] = FORM_REFUSALS,
) -> T | Refused:
    """Make the API call behind a form, unless the form already has errors. A refusal in `shown`
    goes into `errors`; a 412 (the object changed since the form was filled) says `stale`."""
    if errors:
        return REFUSED
    try:
        return await call()
    except ApiError as exc:
        if exc.status == 412:
            errors["form"] = stale
        elif exc.status in shown:
            errors.update(refusal(exc))
        else:
            raise
        return REFUSED

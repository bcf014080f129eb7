"""Dependencies shared by every router (``Annotated`` style).

- ``StoreDep``: the app's ``Store`` (set by ``create_app``; a test passes its own).
- ``ClinicianDep``: the clinician named by ``Authorization: Bearer <token>``, or None for a
  person using a private link. A token that matches no account is refused with 401, so a
  mistyped token never silently turns a clinician into an anonymous caller.
- ``owner_id``: the id a clinician's saved interviews are filed under (None for a private link).
- ``public_base`` / ``interview_link``: where private links point (``NAPE_PUBLIC_URL`` or the
  request's own base URL), e.g. ``https://nape.example.org/a/Xk3…``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from nape.core.config import get_settings
from nape.errors import AuthError
from nape.store import ClinicianRecord, Store


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    store.ensure_migrated()
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_clinician(
    store: StoreDep, authorization: Annotated[str | None, Header(max_length=300)] = None
) -> ClinicianRecord | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("use 'Authorization: Bearer <token>' with a clinician token")
    clinician = store.clinician_for_token(token.strip())
    if clinician is None:
        raise AuthError("unknown clinician token")
    return clinician


ClinicianDep = Annotated[ClinicianRecord | None, Depends(get_clinician)]


def owner_id(clinician: ClinicianRecord | None) -> int | None:
    """Interviews a clinician starts are theirs alone; a private link's have no owner."""
    return clinician.id if clinician else None


def public_base(request: Request) -> str:
    """``NAPE_PUBLIC_URL`` when set (a proxy in front), else the URL the request came in on."""
    return (get_settings().public_url or str(request.base_url)).rstrip("/")


def interview_link(request: Request, interview_id: str) -> str:
    """The private link to an interview's web page: ``{base}/a/{id}``."""
    return f"{public_base(request)}/a/{interview_id}"

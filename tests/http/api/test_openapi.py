"""The OpenAPI description: examples for every body, and a bounded schemathesis run against it.

The run generates requests from the schema (valid and invalid) for every ``/v1`` operation and
checks schemathesis' default checks: no server error, status codes, content types and bodies as
documented. It is kept small (a few examples per operation) so it finishes in well under a minute.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from nape.server.app import create_app
from nape.store import Store

# A module-level schema: schemathesis 4.32's fixture-based loader fails under pytest 9.2
# (it reads a private ``_nodeid`` attribute that pytest removed).
APP = create_app(Store(f"sqlite:///{Path(tempfile.mkdtemp(prefix='nape-schemathesis-')) / 'nape.db'}"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP).include(path_regex="^/v1/")
# A body over the size limit is refused before it is read (413, error E201): that is a rejection
# of invalid data too, though schemathesis' default list of rejecting codes leaves 413 out.
_rejecting = schema.config.checks.negative_data_rejection
_rejecting.expected_statuses = [*_rejecting.expected_statuses, "413"]


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_the_api_keeps_its_openapi_promises(case: schemathesis.Case) -> None:
    # Schema-valid input can still be refused by what a schema cannot say (text that looks
    # binary; neither text nor findings given), so "valid data is accepted" is not checked.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


def test_every_request_body_has_an_example() -> None:
    spec = create_app().openapi()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            body = op.get("requestBody")
            if not body or not path.startswith("/v1/"):
                continue
            media = body["content"]["application/json"]
            assert media.get("examples") or media.get("example"), f"{method.upper()} {path} has no example"

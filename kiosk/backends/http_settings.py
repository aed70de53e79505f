# opt() returns a dataclasses.field(), which RUF009 cannot tell from a mutable call.
"""Settings of the `http` back-office adapter (the `[backend.http]` table).

The defaults talk to the kiosk's own lookup API (`kiosk demo-server`), so a
fresh `kind = "http"` works against it out of the box. Other back offices are
described by changing the request, auth, TLS and mapping sub-tables; see
docs/integration.md and packaging/presets/.
"""

from __future__ import annotations

import dataclasses

from kiosk.schema import opt

NATIONAL_CODES: dict[str, int] = {str(code): code for code in range(1, 11)}


@dataclasses.dataclass(frozen=True)
class AuthSettings:
    kind: str = opt(
        "none",
        "How to authenticate: 'none', 'header' (static API key header), 'bearer' (fixed token), "
        "'basic' (HTTP Basic) or 'oauth2' (client credentials from token_url).",
        choices=("none", "header", "bearer", "basic", "oauth2"),
    )
    header_name: str = opt("X-Api-Key", "Header that carries the key (kind = 'header').")
    header_value: str = opt("", "The key (kind = 'header').", secret=True)
    token: str = opt("", "The Bearer token (kind = 'bearer').", secret=True)
    username: str = opt("", "User name (kind = 'basic').")
    password: str = opt("", "Password (kind = 'basic').", secret=True)
    token_url: str = opt("", "OAuth2 token endpoint (kind = 'oauth2').")
    client_id: str = opt("", "OAuth2 client id.")
    client_secret: str = opt("", "OAuth2 client secret.", secret=True)
    scope: str = opt("", "OAuth2 scope; empty sends none.")
    client_auth: str = opt(
        "body",
        "How the client credentials reach the token endpoint: in the form 'body' or as HTTP "
        "'basic' auth.",
        choices=("body", "basic"),
    )
    refresh_margin_s: int = opt(
        30, "Fetch a new token this many seconds before the old one expires.", min=0, max=3600
    )


@dataclasses.dataclass(frozen=True)
class TlsSettings:
    verify: bool = opt(
        True,
        "Check the server's certificate. Turning this off is logged as a warning at every start.",
    )
    ca_bundle: str = opt(
        "", "PEM file with the CA certificate(s) of a provincial intranet; empty = system CAs."
    )


@dataclasses.dataclass(frozen=True)
class NotFoundSettings:
    statuses: list[int] = opt(
        [404], "HTTP statuses that can mean 'dossier not found'.", min=100, max=599
    )
    field: str = opt(
        "error.code",
        "Path of a field that marks a not-found answer (on those statuses or on 200); "
        "empty = any answer with such a status is 'not found'.",
    )
    values: list[str] = opt(["not_found"], "Values of `field` that mean 'not found'.")
    empty: bool = opt(True, "An empty result list (or no record at `root`) means 'not found'.")


@dataclasses.dataclass(frozen=True)
class StepMapping:
    name: str = opt("name", "Path of the step's name inside one item.")
    unit: str = opt("unit", "Path of the unit handling the step; empty = none.")
    started: str = opt("started_at", "Path of when the step started; empty = none.")
    finished: str = opt("finished_at", "Path of when the step finished; empty = none.")


@dataclasses.dataclass(frozen=True)
class MappingSettings:
    root: str = opt(
        "",
        "Path of the dossier record, or of a result list, in the answer; empty = the whole "
        "answer.",
    )
    pick: str = opt(
        "first",
        "When `root` is a list: 'first' takes its first item, 'matching' the first item "
        "whose `code` equals the scanned code (searches that also return similar codes).",
        choices=("first", "matching"),
    )
    code: str = opt("code", "Path of the dossier code; empty = use the scanned code.")
    procedure: str = opt("procedure.name", "Path of the procedure's name.")
    applicant: str = opt(
        "applicant.name", "Path of the applicant's name (masked before it leaves the adapter)."
    )
    agency: str = opt("agency.name", "Path of the handling agency's name; empty = none.")
    received: str = opt("received_at", "Path of the date received.")
    appointment: str = opt("appointment_at", "Path of the appointment date (ngày hẹn trả).")
    completed: str = opt("completed_at", "Path of the date processing finished; empty = none.")
    returned: str = opt("returned_at", "Path of the date the result was handed over.")
    status: str = opt("status.code", "Path of the back office's status value.")
    statuses: dict[str, int] = opt(
        NATIONAL_CODES,
        "Back-office status value -> national status 1-10. Keys are compared as text, "
        "ignoring case and surrounding spaces; unknown values show as 'Đang xử lý'.",
        min=1,
        max=10,
    )
    counter: str = opt("counter", "Path of where to collect the result; empty = none.")
    fee: str = opt("fee.amount", "Path of the amount still to pay in VND; empty = none.")
    fee_paid: str = opt("fee.paid", "Path of a true/false 'already paid' flag; empty = none.")
    note: str = opt("note", "Path of a short note for the citizen; empty = none.")
    steps: str = opt("steps", "Path of the list of processing steps; empty = none.")
    step: StepMapping = opt(StepMapping, "Fields of one step, relative to the step item.")
    not_found: NotFoundSettings = opt(NotFoundSettings, "What counts as 'dossier not found'.")


@dataclasses.dataclass(frozen=True)
class HttpSettings:
    url: str = opt(
        "http://127.0.0.1:8765/api/v1/dossiers/{code}",
        "URL template; {code} and {secret} are URL-encoded before they are put in.",
    )
    method: str = opt("GET", "HTTP method.", choices=("GET", "POST"))
    query: dict[str, str] = opt(
        {}, "Query parameters (templates with {code} / {secret}); URL-encoded when sent."
    )
    headers: dict[str, str] = opt(
        {"X-Lookup-Secret": "{secret}"},
        "Extra headers (templates). A header or parameter using {secret} is left out when "
        "the receipt carries no secret.",
    )
    body: dict[str, str] = opt(
        {}, "Body fields (templates), sent as `body_format` with POST; empty = no body."
    )
    body_format: str = opt("json", "How `body` is sent.", choices=("json", "form"))
    api_key: str = opt(
        "", "Sent as the X-Api-Key header when not empty (kiosk API).", secret=True
    )
    proxy: str = opt(
        "", "Proxy URL, e.g. http://proxy:3128; empty = the system's proxy settings."
    )
    connect_timeout_s: float = opt(3.0, "Seconds to wait for a connection.", min=0.1, max=60)
    read_timeout_s: float = opt(6.0, "Seconds to wait for the answer.", min=0.1, max=120)
    total_timeout_s: float = opt(
        12.0, "Most seconds one lookup may take, retries and token included.", min=0.5, max=300
    )
    retries: int = opt(
        2,
        "Extra attempts after a connection error or a 502/503/504 answer.",
        min=0,
        max=5,
    )
    backoff_s: float = opt(
        0.5, "Wait before the first retry; doubles for each further one.", min=0, max=10
    )
    max_response_kb: int = opt(
        2048, "Largest answer accepted, in KiB; bigger answers are cut off.", min=1, max=65536
    )
    auth: AuthSettings = opt(AuthSettings, "Authentication.")
    tls: TlsSettings = opt(TlsSettings, "TLS (https) certificate checks.")
    mapping: MappingSettings = opt(MappingSettings, "Where each dossier field is in the answer.")

#!/usr/bin/env python3
"""Copies the recorded API exchanges the emulator's replay test needs in a fresh clone, trimmed to what it reads.

  scripts/trim-recordings.py            # from ../shared/reference/recordings (or $TENANTCTL_REFERENCE_DIR/recordings)

Writes Tests/ManagementEmulatorTests/Fixtures/recordings/<cassette>.yaml for each cassette in BUNDLED: only the
Management API calls (/api/v2/), and of each only the request's method, URL and body and the response's code and
body (no headers, timings or protocol details), with a `client_secret` a request sent replaced by "[REDACTED]" as
the recorder already did in answers. RecordedInteractionsTests checks that each copy is exactly this
trim of its source whenever the reference folder is there, so a copy cannot drift. Sources and licences:
Tests/ManagementEmulatorTests/Fixtures/recordings/README.md.
"""
import os
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
REFERENCE = pathlib.Path(os.environ.get("TENANTCTL_REFERENCE_DIR", ROOT.parent / "shared/reference"))
TARGET = ROOT / "Tests/ManagementEmulatorTests/Fixtures/recordings"

# One cassette per behaviour the emulator must share with the real API; the largest Terraform ones run only
# where the full reference set is (CI).
BUNDLED = [
    "go-auth0__TestClientGrantManager_Update.yaml",
    "go-auth0__TestClient_Update.yaml",
    "go-auth0__TestConnectionManager_CreateDBConnectionWithDifferentOptions__It_handles_Auth0_Connection_Cannot_set_both_validation_and_attributes_together.yaml",
    "go-auth0__TestConnectionManager_Delete.yaml",
    "go-auth0__TestConnectionManager_EnabledClients.yaml",
    "go-auth0__TestConnectionManager_List.yaml",
    "go-auth0__TestConnectionManager_UpdateEnabledClients_Remove.yaml",
    "go-auth0__TestEmailProviderManager_Delete.yaml",
    "go-auth0__TestLogStreamManager_Update__It_can_successfully_update_a_HTTP_LogStream.yaml",
    "go-auth0__TestResourceServer_Update.yaml",
    "go-auth0__TestRuleManager_Update.yaml",
    "tf__TestAccConnectionClientsPreventErasingEnabledClientsOnCreate.yaml",
    "tf__TestAccConnectionConfiguration.yaml",
    "tf__TestAccTenantDefaults.yaml",
]


SECRET = re.compile(r'"client_secret":"[^"]*"')


def trim(cassette: dict) -> dict:
    return {"interactions": [
        {"request": {"method": i["request"]["method"], "url": i["request"]["url"],
                     "body": SECRET.sub('"client_secret":"[REDACTED]"', i["request"].get("body", ""))},
         "response": {"code": i["response"]["code"], "body": i["response"].get("body", "")}}
        for i in cassette.get("interactions", []) if "/api/v2/" in i["request"]["url"]
    ]}


def literal_when_multiline(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Bodies that end in a newline read best as literal blocks."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


yaml.SafeDumper.add_representer(str, literal_when_multiline)


def main() -> int:
    source = REFERENCE / "recordings"
    if not source.is_dir():
        print(f"trim-recordings: no recordings at {source}", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in BUNDLED:
        trimmed = trim(yaml.safe_load((source / name).read_text()))
        header = f"# Trimmed by scripts/trim-recordings.py from ../shared/reference/recordings/{name} (see README.md).\n"
        (TARGET / name).write_text(header + yaml.safe_dump(trimmed, sort_keys=False, width=100_000, allow_unicode=True))
    print(f"trim-recordings: {len(BUNDLED)} cassettes in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

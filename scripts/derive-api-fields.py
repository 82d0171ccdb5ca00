#!/usr/bin/env python3
"""Derive the field names tenantctl accepts in tenant.yaml from the Management API's own OpenAPI spec.

Writes Sources/TenantConfig/Resources/api-fields.json: for each Deploy CLI section, a tree of the keys the API
accepts on create or update, or returns on read (so every field of an export loads), nested where the API
describes nested objects. A node marked "open" accepts any key (free-form maps such as client_metadata).

Usage: scripts/derive-api-fields.py [path/to/management-api-oas.json]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "management-api-oas.json")
OUT = os.path.join(ROOT, "Sources", "TenantConfig", "Resources", "api-fields.json")
MAX_DEPTH = 4

spec = json.load(open(SPEC))
schemas = spec["components"]["schemas"]


def resolve(schema):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = schemas[schema["$ref"].split("/")[-1]]
    return schema


def object_variants(schema, seen=()):
    """All object schemas a value may be (through allOf/oneOf/anyOf and arrays' items)."""
    schema = resolve(schema)
    if not isinstance(schema, dict):
        return []
    out = []
    for combinator in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(combinator, []):
            out += object_variants(sub, seen)
    if "properties" in schema or schema.get("type") == "object" or "additionalProperties" in schema:
        out.append(schema)
    if schema.get("type") == "array" and "items" in schema:
        out += object_variants(schema["items"], seen)
    return out


def compilable(pattern):
    """The spec's ECMAScript pattern as ICU compiles it: `{org_id}` is literal text there, a syntax error here."""
    return re.sub(r"\{([A-Za-z_][A-Za-z0-9_]*)\}", r"\\{\1\\}", pattern)


def tree(schemas_in, depth=0, responses=()):
    """Merge object schemas into {"keys": {name: subtree|None}, "open": bool}.

    Request schemas decide whether unknown keys are accepted ("open"); response schemas only add keys, since
    the API returns fields (read-only ones) that exports contain and the loader must accept.
    """
    variants = []
    for s in schemas_in:
        variants += object_variants(s)
    response_variants = []
    for s in responses:
        response_variants += object_variants(s)
    if not variants:
        return None
    keys = {}
    open_ = False
    for v in variants:
        props = v.get("properties")
        ap = v.get("additionalProperties", True if props is None else True)
        if props is None or ap not in (False, None):
            # No declared properties, or additional properties allowed: a free-form map.
            open_ = open_ or props is None or ap is True or isinstance(ap, dict)
        for name, sub in (props or {}).items():
            keys.setdefault(name, []).append(sub)
    for v in response_variants:
        for name, sub in (v.get("properties") or {}).items():
            keys.setdefault(name, []).append(sub)
    if not variants and response_variants:
        open_ = True
    node = {"open": open_, "keys": {}}
    for name, subs in sorted(keys.items()):
        node["keys"][name] = tree(subs, depth + 1) if depth + 1 < MAX_DEPTH else None
    # String limits the API enforces on write (length, pattern, named formats) of a resource's own fields: the
    # loader checks them. Nested ones are left out: connection options merge every strategy's, which disagree.
    limits = {}
    for v in (variants if depth == 0 else []):
        for name, sub in (v.get("properties") or {}).items():
            sub = resolve(sub)
            if not isinstance(sub, dict) or sub.get("type") != "string":
                continue
            limit = {k: sub[k] for k in ("minLength", "maxLength", "pattern", "format") if k in sub and not (k == "format" and sub[k] in ("uri", "email", "date-time", "hostname", "url"))}
            if "pattern" in limit:
                limit["pattern"] = compilable(limit["pattern"])
            if limit:
                limits.setdefault(name, {}).update(limit)
    if limits:
        node["limits"] = dict(sorted(limits.items()))
    return node


def body(path, method):
    op = spec["paths"][path][method]
    return op["requestBody"]["content"]["application/json"]["schema"]


def response(path, method, code="200"):
    op = spec["paths"][path][method]
    return op["responses"][code]["content"]["application/json"]["schema"]


def item_schemas(list_schema, plural):
    """The item schema of a list response, whatever its shape (array, totals, checkpoint)."""
    out = []
    for v in object_variants(list_schema):
        prop = v.get("properties", {}).get(plural)
        if prop:
            out.append(resolve(prop).get("items", prop))
    s = resolve(list_schema)
    for alt in s.get("oneOf", []) + [s]:
        alt = resolve(alt)
        if alt.get("type") == "array":
            out.append(alt["items"])
    return out


def strategy_options(strategy_filter=None):
    create = resolve(body("/connections", "post"))
    opts = []
    for alt in object_variants(body("/connections", "post")):
        for name in ("options",):
            if name in alt.get("properties", {}):
                opts.append(alt["properties"][name])
    # Strategy-specific request bodies each describe their options.
    for name, s in schemas.items():
        if name.startswith("CreateConnectionRequestContent") and name != "CreateConnectionRequestContent":
            if strategy_filter and name != "CreateConnectionRequestContent" + strategy_filter:
                continue
            for v in object_variants(s):
                if "options" in v.get("properties", {}):
                    opts.append(v["properties"]["options"])
    return opts


sections = {
    "clients": ([body("/clients", "post"), body("/clients/{id}", "patch")], item_schemas(response("/clients", "get"), "clients")),
    "connections": ([body("/connections", "post"), body("/connections/{id}", "patch")], item_schemas(response("/connections", "get"), "connections")),
    "resourceServers": ([body("/resource-servers", "post"), body("/resource-servers/{id}", "patch")], item_schemas(response("/resource-servers", "get"), "resource_servers")),
    "clientGrants": ([body("/client-grants", "post"), body("/client-grants/{id}", "patch")], item_schemas(response("/client-grants", "get"), "client_grants")),
    "rules": ([body("/rules", "post"), body("/rules/{id}", "patch")], item_schemas(response("/rules", "get"), "rules")),
    "rulesConfigs": ([body("/rules-configs/{key}", "put"), {"type": "object", "properties": {"key": {"type": "string"}}, "additionalProperties": False}], []),
    "actions": ([body("/actions/actions", "post"), body("/actions/actions/{id}", "patch")], item_schemas(response("/actions/actions", "get"), "actions")),
    "tenant": ([body("/tenants/settings", "patch")], [response("/tenants/settings", "get")]),
    "emailProvider": ([body("/emails/provider", "post"), body("/emails/provider", "patch")], [response("/emails/provider", "get")]),
    "logStreams": ([body("/log-streams", "post"), body("/log-streams/{id}", "patch")], [response("/log-streams", "get")]),
    "organizations": ([body("/organizations", "post"), body("/organizations/{id}", "patch")], item_schemas(response("/organizations", "get"), "organizations")),
    "roles": ([body("/roles", "post"), body("/roles/{id}", "patch")], item_schemas(response("/roles", "get"), "roles")),
    "hooks": ([body("/hooks", "post"), body("/hooks/{id}", "patch")], item_schemas(response("/hooks", "get"), "hooks")),
    "customDomains": ([body("/custom-domains", "post"), body("/custom-domains/{id}", "patch")], item_schemas(response("/custom-domains", "get"), "custom_domains")),
    "tokenExchangeProfiles": ([body("/token-exchange-profiles", "post"), body("/token-exchange-profiles/{id}", "patch")],
                              item_schemas(response("/token-exchange-profiles", "get"), "token_exchange_profiles")),
    "actionModules": ([body("/actions/modules", "post"), body("/actions/modules/{id}", "patch")], item_schemas(response("/actions/modules", "get"), "modules")),
    "eventStreams": ([body("/event-streams", "post"), body("/event-streams/{id}", "patch")], item_schemas(response("/event-streams", "get"), "eventStreams")),
    "flowVaultConnections": ([body("/flows/vault/connections", "post"), body("/flows/vault/connections/{id}", "patch")],
                             item_schemas(response("/flows/vault/connections", "get"), "connections")),
    "flows": ([body("/flows", "post"), body("/flows/{id}", "patch")], [response("/flows/{id}", "get")]),
    "forms": ([body("/forms", "post"), body("/forms/{id}", "patch")], [response("/forms/{id}", "get")]),
    "selfServiceProfiles": ([body("/self-service-profiles", "post"), body("/self-service-profiles/{id}", "patch")],
                            item_schemas(response("/self-service-profiles", "get"), "self_service_profiles")),
    "networkACLs": ([body("/network-acls", "post"), body("/network-acls/{id}", "patch")], item_schemas(response("/network-acls", "get"), "network_acls")),
    "connectionProfiles": ([body("/connection-profiles", "post"), body("/connection-profiles/{id}", "patch")],
                           item_schemas(response("/connection-profiles", "get"), "connection_profiles")),
    "userAttributeProfiles": ([body("/user-attribute-profiles", "post"), body("/user-attribute-profiles/{id}", "patch")],
                              item_schemas(response("/user-attribute-profiles", "get"), "user_attribute_profiles")),
    "rateLimitPolicies": ([body("/rate-limit-policies", "post"), body("/rate-limit-policies/{id}", "patch")],
                          item_schemas(response("/rate-limit-policies", "get"), "rate_limit_policies")),
    "phoneProviders": ([body("/branding/phone/providers", "post"), body("/branding/phone/providers/{id}", "patch")],
                       item_schemas(response("/branding/phone/providers", "get"), "providers")),
    "phoneTemplates": ([body("/branding/phone/templates", "post"), body("/branding/phone/templates/{id}", "patch")],
                       item_schemas(response("/branding/phone/templates", "get"), "templates")),
}

def closed(keys):
    """A node accepting exactly these keys (leaves)."""
    return {"open": False, "keys": {k: None for k in keys}}


def with_keys(node, **extra):
    """A node with Deploy CLI keys added (the key fields the format writes beside the API's own)."""
    node = json.loads(json.dumps(node)) if node else {"open": False, "keys": {}}
    for key, child in extra.items():
        node["keys"][key] = child
    return node


result = {name: tree(requests, responses=responses) for name, (requests, responses) in sections.items()}

# Tenant-wide sections the Deploy CLI writes in one mapping, each part from its own endpoint's body.
result["emailTemplates"] = tree([body("/email-templates", "post"), body("/email-templates/{templateName}", "patch")])
result["guardianFactors"] = closed(["name", "enabled"])
result["guardianFactorProviders"] = with_keys(tree([body(p, "put") for p in (
    "/guardian/factors/sms/providers/twilio", "/guardian/factors/phone/providers/twilio",
    "/guardian/factors/push-notification/providers/sns", "/guardian/factors/push-notification/providers/apns",
    "/guardian/factors/push-notification/providers/fcm")]), name=None, provider=None)
result["guardianFactorTemplates"] = with_keys(tree([body("/guardian/factors/sms/templates", "put")]), name=None)
result["guardianPolicies"] = closed(["policies"])
result["guardianPhoneFactorSelectedProvider"] = tree([body("/guardian/factors/phone/selected-provider", "put")])
result["guardianPhoneFactorMessageTypes"] = tree([body("/guardian/factors/phone/message-types", "put")])
result["attackProtection"] = {"open": False, "keys": {
    "botDetection": tree([body("/attack-protection/bot-detection", "patch")]),
    "captcha": tree([body("/attack-protection/captcha", "patch")]),
    "breachedPasswordDetection": tree([body("/attack-protection/breached-password-detection", "patch")]),
    "bruteForceProtection": tree([body("/attack-protection/brute-force-protection", "patch")]),
    "suspiciousIpThrottling": tree([body("/attack-protection/suspicious-ip-throttling", "patch")]),
    "phoneProviderProtection": tree([body("/attack-protection/phone-provider-protection", "patch")]),
}}
result["riskAssessment"] = {"open": False, "keys": {
    "settings": tree([body("/risk-assessments/settings", "patch")]),
    "new_device": tree([body("/risk-assessments/settings/new-device", "patch")]),
}}
result["supplementalSignals"] = tree([body("/supplemental-signals", "patch")])
result["prompts"] = with_keys(tree([body("/prompts", "patch")]), customText={"open": True, "keys": {}},
                              partials={"open": True, "keys": {}}, screenRenderers=None)
result["branding"] = with_keys(tree([body("/branding", "patch")]), templates=closed(["template", "body"]))
result["themes"] = with_keys(tree([body("/branding/themes", "post")]), themeId=None)
result["pages"] = closed(["name", "html", "enabled", "show_log_link", "url"])
# Sub-resources the Deploy CLI format writes inside their resource, as lists of the items their own endpoints take
# (with names where the API wants ids: an organization's connections by `name`, client grants by `client_id`).
org_connections = tree([body("/organizations/{id}/enabled_connections", "post")])
org_connections["keys"]["name"] = None
org_connections["keys"].pop("connection_id", None)
result["organizations"]["keys"]["connections"] = org_connections
result["organizations"]["keys"]["client_grants"] = {"open": False, "keys": {"client_id": None, "audience": None}}
result["organizations"]["keys"]["discovery_domains"] = tree([body("/organizations/{id}/discovery-domains", "post")])
result["roles"]["keys"]["permissions"] = tree([body("/roles/{id}/permissions", "post")])["keys"]["permissions"]
# Connections' options: the union over every strategy; databases (strategy auth0): the auth0 options.
result["connections"]["keys"]["options"] = tree(strategy_options())
result["databases"] = json.loads(json.dumps(result["connections"]))
result["databases"]["keys"]["options"] = tree(strategy_options("Auth0"))
# Fields real tenants return and Deploy CLI exports contain, but the spec does not list (deprecated aliases and
# fields the Deploy CLI manages itself). Seen in ../shared/reference/a0deploy/*.tenant.yaml.
EXTRA_TOP_LEVEL_KEYS = {
    "clients": ["cross_origin_auth"],
    "tenant": ["universal_login"],
    "connections": ["directory_provisioning_configuration"],
    "databases": ["directory_provisioning_configuration"],
    "organizations": ["third_party_client_access", "is_app_entitlement_active"],
    "prompts": ["enable_ulp_wcag_compliance"],
    # The Deploy CLI's own keys: a token exchange profile names its action by name, forms and flows keep their
    # definition in a JSON file (`body`), a self-service profile's custom text per language and page.
    "tokenExchangeProfiles": ["action"],
    "flows": ["body"],
    "forms": ["body"],
    "selfServiceProfiles": ["customText"],
}
for section, keys in EXTRA_TOP_LEVEL_KEYS.items():
    for key in keys:
        result[section]["keys"].setdefault(key, None)
# A phone provider's POST body and one of the vault connections' POST variants allow any key, but their PATCH bodies
# do not: a key only a create would take fails the first update, so the files' top level is closed as for other types.
for section in ("phoneProviders", "flowVaultConnections"):
    result[section]["open"] = False
# Webhook credentials the API takes but the spec does not describe (it lists only what reads return): `token` is
# recorded in ../shared/reference/a0deploy/recordings (a bearer token sent on PATCH); `password` and `header_value`
# are Auth0's documented names for the basic and custom-header credentials.
authorization = result["eventStreams"]["keys"]["destination"]["keys"]["configuration"]["keys"]["webhook_authorization"]
for key in ("token", "password", "header_value"):
    authorization["keys"].setdefault(key, None)

result["_source"] = {"spec": "management-api-oas.json", "title": spec["info"].get("title"), "version": spec["info"].get("version")}

with open(OUT, "w") as f:
    json.dump(result, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {OUT}: " + ", ".join(f"{k} {len(v['keys'])} keys" for k, v in sorted(result.items()) if k != "_source"))

# The emulator's request validation: the top-level keys each write endpoint accepts (`additionalProperties: false`
# in the spec), so it answers unknown or read-only fields with the real 400 "Additional properties not allowed".
EMULATOR_OUT = os.path.join(ROOT, "Sources", "ManagementEmulator", "Resources", "request-fields.json")
endpoints = {
    "POST /clients": body("/clients", "post"), "PATCH /clients/{id}": body("/clients/{id}", "patch"),
    "POST /connections": body("/connections", "post"), "PATCH /connections/{id}": body("/connections/{id}", "patch"),
    "POST /resource-servers": body("/resource-servers", "post"), "PATCH /resource-servers/{id}": body("/resource-servers/{id}", "patch"),
    "POST /client-grants": body("/client-grants", "post"), "PATCH /client-grants/{id}": body("/client-grants/{id}", "patch"),
    "POST /rules": body("/rules", "post"), "PATCH /rules/{id}": body("/rules/{id}", "patch"),
    "PUT /rules-configs/{key}": body("/rules-configs/{key}", "put"),
    "POST /actions/actions": body("/actions/actions", "post"), "PATCH /actions/actions/{id}": body("/actions/actions/{id}", "patch"),
    "PATCH /tenants/settings": body("/tenants/settings", "patch"),
    "POST /emails/provider": body("/emails/provider", "post"), "PATCH /emails/provider": body("/emails/provider", "patch"),
    "POST /log-streams": body("/log-streams", "post"), "PATCH /log-streams/{id}": body("/log-streams/{id}", "patch"),
    "POST /organizations": body("/organizations", "post"), "PATCH /organizations/{id}": body("/organizations/{id}", "patch"),
    "POST /organizations/{id}/enabled_connections": body("/organizations/{id}/enabled_connections", "post"),
    "PATCH /organizations/{id}/enabled_connections/{connectionId}": body("/organizations/{id}/enabled_connections/{connectionId}", "patch"),
    "POST /organizations/{id}/connections": body("/organizations/{id}/connections", "post"),
    "PATCH /organizations/{id}/connections/{connection_id}": body("/organizations/{id}/connections/{connection_id}", "patch"),
    "POST /organizations/{id}/client-grants": body("/organizations/{id}/client-grants", "post"),
    "POST /organizations/{id}/discovery-domains": body("/organizations/{id}/discovery-domains", "post"),
    "PATCH /organizations/{id}/discovery-domains/{discovery_domain_id}": body("/organizations/{id}/discovery-domains/{discovery_domain_id}", "patch"),
    "POST /roles": body("/roles", "post"), "PATCH /roles/{id}": body("/roles/{id}", "patch"),
    "POST /roles/{id}/permissions": body("/roles/{id}/permissions", "post"),
    "DELETE /roles/{id}/permissions": body("/roles/{id}/permissions", "delete"),
    "POST /hooks": body("/hooks", "post"), "PATCH /hooks/{id}": body("/hooks/{id}", "patch"),
    # Tenant-wide and keyed settings (issue 14). Free-form bodies (custom text, partials) and the guardian policies
    # (an array) take no top-level field check.
    "POST /email-templates": body("/email-templates", "post"),
    "PATCH /email-templates/{templateName}": body("/email-templates/{templateName}", "patch"),
    "PUT /email-templates/{templateName}": body("/email-templates/{templateName}", "put"),
    "PUT /guardian/factors/{name}": body("/guardian/factors/{name}", "put"),
    "PUT /guardian/factors/sms/providers/twilio": body("/guardian/factors/sms/providers/twilio", "put"),
    "PUT /guardian/factors/phone/providers/twilio": body("/guardian/factors/phone/providers/twilio", "put"),
    **{f"{method.upper()} /guardian/factors/push-notification/providers/{provider}":
       body(f"/guardian/factors/push-notification/providers/{provider}", method)
       for provider in ("sns", "apns", "fcm", "fcmv1") for method in ("put", "patch")},
    "PUT /guardian/factors/sms/templates": body("/guardian/factors/sms/templates", "put"),
    "PUT /guardian/factors/phone/templates": body("/guardian/factors/phone/templates", "put"),
    "PUT /guardian/factors/phone/selected-provider": body("/guardian/factors/phone/selected-provider", "put"),
    "PUT /guardian/factors/phone/message-types": body("/guardian/factors/phone/message-types", "put"),
    **{f"PATCH /attack-protection/{part}": body(f"/attack-protection/{part}", "patch")
       for part in ("bot-detection", "breached-password-detection", "brute-force-protection", "suspicious-ip-throttling", "captcha",
                    "phone-provider-protection")},
    "PATCH /risk-assessments/settings": body("/risk-assessments/settings", "patch"),
    "PATCH /risk-assessments/settings/new-device": body("/risk-assessments/settings/new-device", "patch"),
    "PATCH /supplemental-signals": body("/supplemental-signals", "patch"),
    "PATCH /prompts": body("/prompts", "patch"),
    "PATCH /prompts/{prompt}/screen/{screen}/rendering": body("/prompts/{prompt}/screen/{screen}/rendering", "patch"),
    "PATCH /branding": body("/branding", "patch"),
    "PUT /branding/templates/universal-login": body("/branding/templates/universal-login", "put"),
    "POST /branding/themes": body("/branding/themes", "post"),
    "PATCH /branding/themes/{themeId}": body("/branding/themes/{themeId}", "patch"),
    "POST /custom-domains": body("/custom-domains", "post"), "PATCH /custom-domains/{id}": body("/custom-domains/{id}", "patch"),
    "POST /token-exchange-profiles": body("/token-exchange-profiles", "post"),
    "PATCH /token-exchange-profiles/{id}": body("/token-exchange-profiles/{id}", "patch"),
    "POST /actions/modules": body("/actions/modules", "post"), "PATCH /actions/modules/{id}": body("/actions/modules/{id}", "patch"),
    "POST /event-streams": body("/event-streams", "post"), "PATCH /event-streams/{id}": body("/event-streams/{id}", "patch"),
    "POST /flows/vault/connections": body("/flows/vault/connections", "post"),
    "PATCH /flows/vault/connections/{id}": body("/flows/vault/connections/{id}", "patch"),
    "POST /flows": body("/flows", "post"), "PATCH /flows/{id}": body("/flows/{id}", "patch"),
    "POST /forms": body("/forms", "post"), "PATCH /forms/{id}": body("/forms/{id}", "patch"),
    "POST /self-service-profiles": body("/self-service-profiles", "post"),
    "PATCH /self-service-profiles/{id}": body("/self-service-profiles/{id}", "patch"),
    "POST /network-acls": body("/network-acls", "post"), "PATCH /network-acls/{id}": body("/network-acls/{id}", "patch"),
    "POST /connection-profiles": body("/connection-profiles", "post"), "PATCH /connection-profiles/{id}": body("/connection-profiles/{id}", "patch"),
    "POST /user-attribute-profiles": body("/user-attribute-profiles", "post"),
    "PATCH /user-attribute-profiles/{id}": body("/user-attribute-profiles/{id}", "patch"),
    "POST /rate-limit-policies": body("/rate-limit-policies", "post"), "PATCH /rate-limit-policies/{id}": body("/rate-limit-policies/{id}", "patch"),
    "POST /branding/phone/providers": body("/branding/phone/providers", "post"),
    "PATCH /branding/phone/providers/{id}": body("/branding/phone/providers/{id}", "patch"),
    "POST /branding/phone/templates": body("/branding/phone/templates", "post"),
    "PATCH /branding/phone/templates/{id}": body("/branding/phone/templates/{id}", "patch"),
}
emulator = {}
for name, schema in endpoints.items():
    keys = set()
    for variant in object_variants(schema):
        keys.update((variant.get("properties") or {}).keys())
    emulator[name] = sorted(keys)
# Fields the real API accepts that the spec omits (deprecated ones), seen in ../shared/reference/recordings.
EMULATOR_EXTRAS = {
    "POST /resource-servers": ["token_lifetime_for_web"], "PATCH /resource-servers/{id}": ["token_lifetime_for_web"],
    # Not in the spec; the Deploy CLI's example (../shared/reference/a0deploy/examples-yaml.tenant.yaml) writes it
    # under `prompts`.
    "PATCH /prompts": ["enable_ulp_wcag_compliance"],
    # Not in the spec; the Deploy CLI's recorded deploy of lots-of-configuration sends it and the real API answers 200
    # (../shared/reference/a0deploy/recordings/should-deploy-while-deleting-resources-if-AUTH0_ALLOW_DELETE-is-true.json).
    "PATCH /tenants/settings": ["universal_login"],
}
for name, keys in EMULATOR_EXTRAS.items():
    emulator[name] = sorted(set(emulator[name]) | set(keys))
with open(EMULATOR_OUT, "w") as f:
    json.dump(emulator, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {EMULATOR_OUT}: {len(emulator)} endpoints")

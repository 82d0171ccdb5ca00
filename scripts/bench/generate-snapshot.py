#!/usr/bin/env python3
"""Writes a synthetic tenant snapshot (tenantctl's snapshot format, docs/snapshot-format.md) of a given size.

The benchmarks seed the emulator with it and export it into a tenant folder, so the folder and the live state
always agree. Every value is deterministic (a fixed seed), so two runs measure the same tenant.
"""
import argparse
import json
import random

SCRIPT_NAMES = ["login", "get_user", "create", "verify", "change_password", "delete", "change_email"]
FUNCTION_NAMES = {"login": "login", "get_user": "getUser", "create": "create", "verify": "verify",
                  "change_password": "changePassword", "delete": "deleteUser", "change_email": "changeEmail"}
PARAMETERS = {"login": "email, password", "get_user": "email", "create": "user", "verify": "email",
              "change_password": "email, newPassword", "delete": "id", "change_email": "email, newEmail, verified"}


def script(name, connection):
    """A realistic custom database script (about 1.5 KB) calling a legacy API."""
    return f"""/**
 * {name} for {connection}: calls the legacy users API with a client-credentials token.
 */
function {FUNCTION_NAMES[name]}({PARAMETERS[name]}, callback) {{
  const axios = require('axios');
  withToken(function (tokenError, token) {{
    if (tokenError) return callback(tokenError);
    axios.post(configuration.API_URL + '/{name}', {{ connection: '{connection}' }}, {{
      headers: {{ Authorization: 'Bearer ' + token }},
      timeout: 10000,
      validateStatus: function (status) {{ return status < 500; }}
    }}).then(function (response) {{
      if (response.status === 404) return callback(null);
      if (response.status !== 200) return callback(new Error('The legacy users API answered ' + response.status));
      return callback(null, {{ user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name }});
    }}, function (error) {{
      return callback(new Error('The legacy users API is unreachable: ' + error.message));
    }});
  }});

  function withToken(done) {{
    const cached = global.legacyToken;
    if (cached && cached.expiresAt > Date.now() + 60000) return done(null, cached.value);
    axios.post(configuration.TOKEN_URL, {{
      grant_type: 'client_credentials',
      client_id: configuration.CLIENT_ID,
      client_secret: configuration.CLIENT_SECRET,
      audience: configuration.API_URL
    }}, {{ timeout: 10000 }}).then(function (response) {{
      global.legacyToken = global.legacyToken || {{}};
      global.legacyToken.value = response.data.access_token;
      global.legacyToken.expiresAt = Date.now() + response.data.expires_in * 1000;
      done(null, response.data.access_token);
    }}, function (error) {{
      done(new Error('No token for the legacy users API: ' + error.message));
    }});
  }}
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--domain", default="bench.eu.auth0.com")
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=100, help="custom database connections")
    parser.add_argument("--scripts", type=int, default=7, help="scripts per connection (login, get_user, create, ...)")
    parser.add_argument("--configuration", action="store_true",
                        help="give every connection an options.configuration (API URL, token URL, client id and secret)")
    parser.add_argument("--grants", type=int, default=0)
    parser.add_argument("--rules", type=int, default=0)
    parser.add_argument("--apis", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(20261122)

    def token(n):
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(n))

    clients = []
    for i in range(args.clients):
        m2m = i % 4 == 0
        clients.append({
            "client_id": token(32), "name": f"App {i:05d}", "app_type": "non_interactive" if m2m else "regular_web",
            "description": f"Benchmark application {i}", "callbacks": [] if m2m else [f"https://app{i}.example.com/callback"],
            "allowed_logout_urls": [] if m2m else [f"https://app{i}.example.com"],
            "grant_types": ["client_credentials"] if m2m else ["authorization_code", "refresh_token"],
            "token_endpoint_auth_method": "client_secret_post", "is_first_party": True, "oidc_conformant": True,
            "jwt_configuration": {"alg": "RS256", "lifetime_in_seconds": 36000},
        })
    m2m_clients = [c for c in clients if c["grant_types"] == ["client_credentials"]]
    apis = [{"id": token(24), "name": f"API {i:04d}", "identifier": f"https://api{i}.example.com/",
             "signing_alg": "RS256", "token_lifetime": 86400, "allow_offline_access": False,
             "scopes": [{"value": "read:things", "description": "Read things"}, {"value": "write:things", "description": "Write things"}]}
            for i in range(args.apis if args.grants == 0 else max(args.apis, 1))]
    grants, seen = [], set()
    while len(grants) < args.grants and m2m_clients:
        client, api = rng.choice(m2m_clients), rng.choice(apis)
        if (client["client_id"], api["identifier"]) in seen:
            if len(seen) >= len(m2m_clients) * len(apis):
                break
            continue
        seen.add((client["client_id"], api["identifier"]))
        grants.append({"id": "cgr_" + token(16), "client_id": client["client_id"], "audience": api["identifier"], "scope": ["read:things"]})
    connections = []
    for i in range(args.connections):
        name = f"legacy-db-{i:04d}"
        names = SCRIPT_NAMES[:args.scripts]
        options = {"enabledDatabaseCustomization": True, "import_mode": args.scripts < len(SCRIPT_NAMES), "requires_username": False,
                   "brute_force_protection": True, "customScripts": {s: script(s, name) for s in names}}
        if args.configuration:
            # What the API keeps; it only ever returns these as ciphertext, and export turns each into a keyword.
            options["configuration"] = {"API_URL": f"https://legacy{i}.example.com/api", "TOKEN_URL": f"https://legacy{i}.example.com/oauth/token",
                                        "CLIENT_ID": token(32), "CLIENT_SECRET": token(48)}
        connections.append({
            "id": "con_" + token(16), "name": name, "strategy": "auth0", "is_domain_connection": False,
            "enabled_clients": [rng.choice(clients)["client_id"]] if clients else [],
            "options": options,
        })
    rules = [{"id": "rul_" + token(16), "name": f"rule-{i:04d}", "enabled": True, "order": i + 1, "stage": "login_success",
              "script": f"function rule{i}(user, context, callback) {{\n  context.idToken['https://example.com/n'] = {i};\n  return callback(null, user, context);\n}}\n"}
             for i in range(args.rules)]
    snapshot = {
        "format_version": 1, "domain": args.domain, "exported_at": "2026-11-22T00:00:00Z",
        "clients": clients, "connections": connections, "resource_servers": apis, "client_grants": grants,
        "rules": rules, "rules_configs": [], "actions": [], "trigger_bindings": {"post-login": [], "credentials-exchange": []},
        "tenant_settings": {"friendly_name": "Benchmark", "support_email": "support@example.com"},
        "email_provider": None, "log_streams": [],
    }
    with open(args.out, "w") as f:
        json.dump(snapshot, f)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# API calls of `tenantctl export` for a tenant of 1,000 clients and 100 custom database connections, against the
# minimum the Management API's pagination allows. Prints figures; asserts nothing.
source "$(dirname "$0")/lib.sh"
CLIENTS=${CLIENTS:-1000} CONNECTIONS=${CONNECTIONS:-100}
python3 "$ROOT/scripts/bench/generate-snapshot.py" --clients "$CLIENTS" --connections "$CONNECTIONS" --out "$WORK/seed.json"
start_emulator "$WORK/seed.json" 100000 100000
reset_counters
start=$(date +%s.%N)
"$TENANTCTL" export --snapshot "$WORK/export.json" --domain "$EMULATOR_URL" -q
end=$(date +%s.%N)
read -r reads writes < <(counters)
curl -s "$EMULATOR_URL/__emulator/stats" > "$WORK/stats.json"
python3 - "$WORK/seed.json" "$reads" "$writes" "$start" "$end" "$WORK/stats.json" <<'PY'
import json, math, re, sys
seed = json.load(open(sys.argv[1])); reads, writes = int(sys.argv[2]), int(sys.argv[3])
by_path = json.load(open(sys.argv[6])).get("reads_by_path", {})
pages = lambda n, size=100: max(1, math.ceil(n / size))
minimum = {
    # Every tenant has its global client (All Applications), listed with the others.
    "clients and the global client (per_page 100)": pages(len(seed["clients"]) + 1),
    "connections (checkpoint, take 100)": pages(len(seed["connections"])),
    "enabled clients, one list per connection (take 1000)": sum(pages(len(c.get("enabled_clients", [])), 1000) for c in seed["connections"]),
    "resource servers, grants, rules, actions": 4,
    "rules-configs, tenant settings, email provider, log streams (single calls)": 4,
    "bindings of the 6 action triggers": 6,
}
# Every other section (organizations, roles, email templates, MFA, attack protection, prompts, branding, ...) is
# empty or one object in this seed: one read per endpoint is the least any reader can do.
paged = re.compile(r"^/(clients|connections|resource-servers|client-grants|rules|actions/actions|actions/triggers/[^/]+/bindings|rules-configs|tenants/settings|emails/provider|log-streams)$|^/connections/[^/]+/clients$")
others = {path: n for path, n in by_path.items() if not paged.match(path)}
minimum[f"every other endpoint, once each ({len(others)} endpoints)"] = len(others)
total = sum(minimum.values())
print(f"export of {len(seed['clients'])} clients, {len(seed['connections'])} custom DB connections:")
print(f"  API calls: {reads} reads, {writes} writes (+1 token request), {float(sys.argv[5]) - float(sys.argv[4]):.2f} s")
for what, n in minimum.items():
    print(f"  minimum {what}: {n}")
print(f"  minimum the pagination allows: {total}; measured/minimum = {reads / total:.3f}")
print("  reads of the paged paths: " + ", ".join(f"{p} {n}" for p, n in sorted(by_path.items()) if paged.match(p) and not p.startswith("/connections/")))
again = sorted(path for path, n in others.items() if n > 1)
print(f"  endpoints outside the paged sections read more than once: {', '.join(again) if again else 'none'}")
PY

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
python3 - "$WORK/seed.json" "$reads" "$writes" "$start" "$end" <<'PY'
import json, math, sys
seed = json.load(open(sys.argv[1])); reads, writes = int(sys.argv[2]), int(sys.argv[3])
pages = lambda n, size=100: max(1, math.ceil(n / size))
minimum = {
    "clients (per_page 100)": pages(len(seed["clients"])),
    "connections (checkpoint, take 100)": pages(len(seed["connections"])),
    "enabled clients, one list per connection (take 1000)": sum(pages(len(c.get("enabled_clients", [])), 1000) for c in seed["connections"]),
    "resource servers, grants, rules, actions": 4,
    "rules-configs, tenant settings, email provider, log streams (single calls)": 4,
    "bindings of the 6 action triggers": 6,
}
total = sum(minimum.values())
print(f"export of {len(seed['clients'])} clients, {len(seed['connections'])} custom DB connections:")
print(f"  API calls: {reads} reads, {writes} writes (+1 token request), {float(sys.argv[5]) - float(sys.argv[4]):.2f} s")
for what, n in minimum.items():
    print(f"  minimum {what}: {n}")
print(f"  minimum the pagination allows: {total}; measured/minimum = {reads / total:.3f}")
PY

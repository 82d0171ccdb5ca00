#!/usr/bin/env bash
# apply of the tenant of issue 16 to an empty tenant (every step a write: 3,200-odd) at Auth0's enterprise
# production rate limit, 16 requests/s (RATE, BURST): tenantctl's CPU per step, and the wall time against the
# bound calls ÷ rate. Prints figures; asserts nothing. Takes about 4 minutes at 16 requests/s.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/configured-tenant.sh"
RATE=${RATE:-16} BURST=${BURST:-16}
make_configured_tenant
sed -i "s|^domain: .*|domain: bench.eu.auth0.com|" "$WORK/tenant/tenantctl.yaml"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["domain"]="bench.eu.auth0.com"; json.dump(s, open(sys.argv[1], "w"))' "$WORK/empty.json"
cd "$WORK"
start_emulator "$WORK/empty.json" "$RATE" "$BURST"
reset_counters
read -r wall _ user system < <(measure "$TENANTCTL" apply tenant --auto-approve -q --domain "$EMULATOR_URL")
read -r reads writes < <(counters)
limited=$(curl -s "$EMULATOR_URL/__emulator/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("rate_limited", 0))')
python3 - "$wall" "$user" "$system" "$reads" "$writes" "$RATE" "$BURST" "$limited" <<'PY'
import sys
wall, user, system = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
reads, writes, rate, burst, limited = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
calls = reads + writes
cpu = user + system
print(f"apply to an empty tenant at {rate:g} req/s, burst {burst}: {calls} calls ({writes} writes incl. the token request, {reads} reads), {wall:.1f} s wall")
print(f"  tenantctl CPU: {cpu:.1f} s = {1000 * cpu / writes:.2f} ms per step")
print(f"  wall / (calls / rate) = {wall / (calls / rate):.3f}; wall / ((calls - burst) / rate) = {wall / ((calls - burst) / rate):.3f}; requests refused with 429: {limited}")
PY

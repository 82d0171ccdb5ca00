#!/usr/bin/env bash
# API calls of `tenantctl apply` on a 1,000-client tenant (no-op and k changes), against the Auth0 Deploy CLI's
# recorded behaviour and the minimum; and the wall time of a 200-change apply at Auth0's non-production rate limit
# (2 requests/s, burst 10) against the bound calls ÷ rate. Prints figures; asserts nothing. Takes about 3 minutes.
source "$(dirname "$0")/lib.sh"
K=${K:-10}

# change_clients DIR N: changes the description of the first N clients of an exported tenant folder.
change_clients() {
  python3 - "$1/tenant.yaml" "$2" <<'PY'
import re, sys
path, n = sys.argv[1], int(sys.argv[2])
text = open(path).read()
count = 0
def edit(match):
    global count
    if count >= n: return match.group(0)
    count += 1
    return match.group(0) + " (changed)"
text = re.sub(r"description: Benchmark application \d+", edit, text)
open(path, "w").write(text)
print(f"changed {count} clients", file=sys.stderr)
PY
}

python3 "$ROOT/scripts/bench/generate-snapshot.py" --clients 1000 --connections 100 --out "$WORK/seed.json"
start_emulator "$WORK/seed.json" 100000 100000
"$TENANTCTL" export --tenant "$WORK/tenant" --domain "$EMULATOR_URL" -q
resources=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s['clients'])+len(s['connections'])+len(s['resource_servers'])+len(s['client_grants'])+1)" "$WORK/seed.json")

reset_counters
"$TENANTCTL" apply "$WORK/tenant" --auto-approve -q --domain "$EMULATOR_URL" >/dev/null
read -r noop_reads noop_writes < <(counters)

change_clients "$WORK/tenant" "$K"
reset_counters
"$TENANTCTL" apply "$WORK/tenant" --auto-approve -q --domain "$EMULATOR_URL" >/dev/null
read -r k_reads k_writes < <(counters)

# The same with a plan file: plan --out (its read), then apply plan.json (the stale check's read, the verification's).
sed -i 's/ (changed)/ (changed again)/' "$WORK/tenant/tenant.yaml"
reset_counters
(cd "$WORK" && "$TENANTCTL" plan tenant --out plan.json -q --domain "$EMULATOR_URL" >/dev/null)
read -r planfile_plan_reads _ < <(counters)
reset_counters
(cd "$WORK" && "$TENANTCTL" apply plan.json -q --domain "$EMULATOR_URL" >/dev/null)
read -r planfile_reads planfile_writes < <(counters)

python3 - "$ROOT/../shared/reference/a0deploy/recording-deploy-small-tenant.json" <<'PY' > "$WORK/deploy-cli.txt" || echo "(the Deploy CLI recording is not beside the project)" > "$WORK/deploy-cli.txt"
import json, sys
recording = json.load(open(sys.argv[1]))
methods = [(r.get("method") or r.get("request", {}).get("method") or "").upper() for r in recording]
calls = sum(1 for m in methods if m)
writes = sum(1 for m in methods if m in ("POST", "PATCH", "PUT", "DELETE"))
print(f"{calls} calls, {writes} writes")
PY
echo "apply on a tenant of 1,000 clients, 100 custom DB connections ($resources resources):"
echo "  no-op apply: $noop_reads reads, $noop_writes writes (the plan's read, then nothing to do)"
echo "  $K-change apply of the folder: $k_reads reads, $k_writes writes (minimum writes: $K; reads: the plan's, then the verification's of the clients only)"
echo "  $K-change plan --out: $planfile_plan_reads reads; apply plan.json: $planfile_reads reads, $planfile_writes writes (the stale check's full read, then the verification's of the clients)"
echo "  Auth0 Deploy CLI, recorded deploy of a small tenant: $(cat "$WORK/deploy-cli.txt"); it PATCHes every resource it matches, so on this tenant a no-op deploy writes about $resources times"

# 200 changes at 2 requests/s, burst 10.
python3 "$ROOT/scripts/bench/generate-snapshot.py" --clients 200 --connections 0 --apis 1 --out "$WORK/seed200.json"
start_emulator "$WORK/seed200.json" 100000 100000
"$TENANTCTL" export --tenant "$WORK/t200" --domain "$EMULATOR_URL" -q
change_clients "$WORK/t200" 200
start_emulator "$WORK/seed200.json" 2 10
reset_counters
start=$(date +%s.%N)
"$TENANTCTL" apply "$WORK/t200" --auto-approve -q --domain "$EMULATOR_URL" >/dev/null
end=$(date +%s.%N)
read -r reads writes < <(counters)
limited=$(curl -s "$EMULATOR_URL/__emulator/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("rate_limited", 0))')
python3 - "$reads" "$writes" "$start" "$end" "$limited" <<'PY'
import sys
reads, writes, start, end, limited = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
calls = reads + writes
bound = max(0, calls - 10) / 2
wall = end - start
print(f"200-change apply at 2 req/s, burst 10: {calls} calls ({writes} writes), {wall:.1f} s; bound (calls - burst) / rate = {bound:.1f} s; wall/bound = {wall / bound:.3f}; requests refused with 429: {limited}")
PY

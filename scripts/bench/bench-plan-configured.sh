#!/usr/bin/env bash
# Plan time and peak memory for the tenant of issue 16 (2,000 clients, 300 custom database connections with 3
# scripts and a secret configuration each, 500 grants, 100 rules), in its two shapes:
#   - against an empty tenant: everything is created (3,200-odd steps, every configuration digested);
#   - against its own export: no changes (every configuration compared with the digest the apply stored);
# each against the parse baseline (python3 + libyaml parsing the YAML and reading the scripts). Then `plan --all`
# over 20 such tenants against the sum of the 20 single plans. The own export is made by applying the tenant to an
# empty emulator with no rate limit, whose CPU per step is printed too. Prints figures; asserts nothing.
# TENANTS=20 (plan --all), and the shape's sizes (CLIENTS, CONNECTIONS, ...) can be changed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/configured-tenant.sh"
TENANTS=${TENANTS:-20}
make_configured_tenant
# One name for the tenant in its settings and snapshots; commands that talk to an emulator pass --domain.
sed -i "s|^domain: .*|domain: bench.eu.auth0.com|" "$WORK/tenant/tenantctl.yaml"
set_domain() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); s["domain"]="bench.eu.auth0.com"; json.dump(s, open(sys.argv[1], "w"))' "$1"; }
set_domain "$WORK/empty.json"
cd "$WORK"

# On a shared machine wall time depends on the neighbours: CPU time (user + sys) is printed beside it, and the ratios
# are given for both.
read -r base_s base_kb base_user base_sys < <(parse_baseline tenant)
base_cpu=$(python3 -c "print(round(${base_user} + ${base_sys}, 2))")
echo "parse baseline (python3 yaml CLoader + reading the scripts): ${base_s} s wall, ${base_cpu} s CPU, peak ${base_kb} KB"

# report WHAT WALL PEAK USER SYS: one plan's figures and its ratios to the baseline.
report() {
  python3 -c "
import sys
what, wall, peak, user, system = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
base_wall, base_cpu, base_peak = float(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8])
cpu = user + system
print(f'{what}: {wall:.2f} s wall, {cpu:.2f} s CPU, peak {peak} KB; {wall / base_wall:.2f}x the baseline wall, {cpu / base_cpu:.2f}x its CPU, {peak / base_peak:.2f}x its memory')
" "$@" "$base_s" "$base_cpu" "$base_kb"
}

read -r create_s create_kb create_user create_sys < <(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET; measure_allowing 2 "$TENANTCTL" plan tenant --against empty.json -q --detailed-exitcode)
report "plan against an empty tenant ($(tail -1 out))" "$create_s" "$create_kb" "$create_user" "$create_sys"

# The own export: the tenant applied to an empty emulator, then read back.
start_emulator "$WORK/empty.json" 100000 100000
reset_counters
read -r apply_s _ apply_user apply_sys < <(measure "$TENANTCTL" apply tenant --auto-approve -q --domain "$EMULATOR_URL")
read -r apply_reads apply_writes < <(counters)
python3 -c "
import sys
wall, user, system, reads, writes = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f'apply of every step, no rate limit: {writes} writes, {reads} reads, {wall:.1f} s wall, {user + system:.1f} s of tenantctl CPU: {1000 * (user + system) / writes:.2f} ms per step')
" "$apply_s" "$apply_user" "$apply_sys" "$apply_reads" "$apply_writes"
"$TENANTCTL" export --snapshot own.json --domain "$EMULATOR_URL" -q >/dev/null
set_domain own.json

read -r same_s same_kb same_user same_sys < <(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET; measure_allowing 2 "$TENANTCTL" plan tenant --against own.json -q --detailed-exitcode)
report "plan against its own export ($(tail -1 out))" "$same_s" "$same_kb" "$same_user" "$same_sys"

# plan --all over TENANTS copies, each with its own export as the committed snapshot (no credentials set).
mkdir -p all
for i in $(seq -w 1 "$TENANTS"); do
  cp -r tenant "all/t$i"
  cp own.json "all/t$i/snapshot.json"
done
sum=0
for i in $(seq -w 1 "$TENANTS"); do
  read -r one_s _ _ _ < <(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET; measure_allowing 2 "$TENANTCTL" plan "all/t$i" -q --detailed-exitcode)
  sum=$(python3 -c "print(${sum} + ${one_s})")
done
# The same plans at once. On a shared machine the ratio also says how much of the two cores the neighbours left.
read -r all_s _ all_user all_sys < <(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET; measure_allowing 2 "$TENANTCTL" plan --all --root all -q --detailed-exitcode)
python3 -c "
import sys
wall, total, user, system, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
print(f'plan --all over {n} such tenants: {wall:.1f} s wall, {user + system:.1f} s CPU ({(user + system) / wall:.2f} cores busy); the {n} single plans one after another: {total:.1f} s; wall / sum = {wall / total:.2f}')
" "$all_s" "$sum" "$all_user" "$all_sys" "$TENANTS"

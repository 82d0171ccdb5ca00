#!/usr/bin/env bash
# Plan time and peak memory for a large tenant (5,000 clients, 1,000 custom DB connections with 7 scripts each,
# 2,000 grants, 500 rules), against the time python3's yaml CLoader needs just to parse the same YAML and read the
# same script files. Prints figures; asserts nothing.
source "$(dirname "$0")/lib.sh"
python3 "$ROOT/scripts/bench/generate-snapshot.py" --clients 5000 --connections 1000 --grants 2000 --rules 500 --apis 50 --out "$WORK/seed.json"
start_emulator "$WORK/seed.json" 100000 100000
"$TENANTCTL" export --tenant "$WORK/tenant" --domain "$EMULATOR_URL" -q
# Some work for the plan: 100 scripts and 50 clients changed.
python3 - "$WORK/tenant" <<'PY'
import pathlib, re, sys
root = pathlib.Path(sys.argv[1])
for path in sorted(root.glob("databases/*/login.js"))[:100]:
    path.write_text(path.read_text().replace("timeout: 10000", "timeout: 8000", 1))
yaml = root / "tenant.yaml"
count = 0
def edit(match):
    global count
    count += 1
    return match.group(0) + (" (changed)" if count <= 50 else "")
yaml.write_text(re.sub(r"description: Benchmark application \d+", edit, yaml.read_text()))
PY
scripts=$(find "$WORK/tenant" -name '*.js' | wc -l)
echo "tenant: $(du -sh "$WORK/tenant/tenant.yaml" | cut -f1) tenant.yaml, $scripts script files"
measure() { /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { echo "failed: $*" >&2; tail -20 "$WORK/err" >&2; exit 1; }; cat "$WORK/time"; }
(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET; cd "$WORK" && measure "$TENANTCTL" plan tenant --against tenant/snapshot.json -q) > "$WORK/plan-time"
tail -1 "$WORK/out" > "$WORK/plan-summary"
measure python3 -c '
import pathlib, sys, yaml
root = pathlib.Path(sys.argv[1])
yaml.load(open(root / "tenant.yaml"), Loader=yaml.CLoader)
for path in root.rglob("*.js"): path.read_text()
' "$WORK/tenant" > "$WORK/python-time"
read -r plan_s plan_kb < "$WORK/plan-time"
read -r py_s py_kb < "$WORK/python-time"
echo "plan (validation, every rule, diff, ordering): ${plan_s} s, peak ${plan_kb} KB  -> $(cat "$WORK/plan-summary")"
echo "python3 yaml CLoader parse + read scripts: ${py_s} s, peak ${py_kb} KB"
python3 -c "import sys; print(f'plan / python parse = {float(sys.argv[1]) / float(sys.argv[2]):.2f}x time, {int(sys.argv[3]) / int(sys.argv[4]):.2f}x memory')" "$plan_s" "$py_s" "$plan_kb" "$py_kb"

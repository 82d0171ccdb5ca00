# Sourced after lib.sh: the tenant of issue 16, as files, with what plan and apply need around it.
#   2,000 clients, 300 custom database connections with 3 scripts and a secret `options.configuration` each
#   (4 values, each a secret keyword), 500 grants, 100 rules, 20 APIs.
# make_configured_tenant writes:
#   $WORK/tenant       the tenant folder (exported from an emulator seeded with the generated snapshot)
#   $WORK/empty.json   a snapshot of the same tenant with nothing in it (planning against it creates everything)
#   $WORK/seed.json    the generated snapshot
# and exports every secret keyword the folder lists, and TENANTCTL_DIGEST_KEY, with fixed values.
CLIENTS=${CLIENTS:-2000} CONNECTIONS=${CONNECTIONS:-300} GRANTS=${GRANTS:-500} RULES=${RULES:-100} APIS=${APIS:-20}

make_configured_tenant() {
  python3 "$ROOT/scripts/bench/generate-snapshot.py" --clients "$CLIENTS" --connections "$CONNECTIONS" --scripts 3 --configuration \
    --grants "$GRANTS" --rules "$RULES" --apis "$APIS" --out "$WORK/seed.json"
  start_emulator "$WORK/seed.json" 100000 100000
  "$TENANTCTL" export --tenant "$WORK/tenant" --domain "$EMULATOR_URL" -q >/dev/null
  # The same tenant, empty: every section present, no resources (tenant settings as they were).
  python3 - "$WORK/tenant/snapshot.json" "$WORK/empty.json" <<'PY'
import json, sys
snapshot = json.load(open(sys.argv[1]))
for key, value in snapshot.items():
    if isinstance(value, list):
        snapshot[key] = []
snapshot["trigger_bindings"] = {name: [] for name in snapshot.get("trigger_bindings") or {}}
snapshot["email_provider"] = None
json.dump(snapshot, open(sys.argv[2], "w"))
PY
  # Secret keywords: the values the connections' configuration takes, fixed so that every run digests the same.
  python3 - "$WORK/tenant/tenantctl.yaml" > "$WORK/secrets.env" <<'PY'
import hashlib, sys
names, inside = [], False
for line in open(sys.argv[1]):
    if line.startswith("secrets:"):
        inside = True
    elif inside and line.startswith("  - "):
        names.append(line[4:].strip())
    elif inside and line.strip() and not line.startswith(" "):
        inside = False
for name in names:
    print(f"export {name}={hashlib.sha256(name.encode()).hexdigest()[:40]}")
PY
  # shellcheck disable=SC1091
  source "$WORK/secrets.env"
  export TENANTCTL_DIGEST_KEY=bench-digest-key-3c9d0e6f2a7b48c1a5d4e3f2b1c0d9e8
  SECRET_COUNT=$(wc -l < "$WORK/secrets.env")
  YAML_KB=$(( $(stat -c %s "$WORK/tenant/tenant.yaml") / 1024 ))
  SCRIPTS_KB=$(( $(find "$WORK/tenant" -name '*.js' -exec cat {} + | wc -c) / 1024 ))
  SCRIPT_FILES=$(find "$WORK/tenant" -name '*.js' | wc -l)
  echo "tenant: $CLIENTS clients, $CONNECTIONS connections x 3 scripts + configuration, $GRANTS grants, $RULES rules, $APIS APIs;" \
       "tenant.yaml ${YAML_KB} KB, $SCRIPT_FILES script files ${SCRIPTS_KB} KB, $SECRET_COUNT secret keywords"
}

# measure CMD...: runs CMD with stdout/stderr to $WORK/out, $WORK/err; prints "wall_s peak_kb user_s sys_s".
measure() {
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { echo "failed: $*" >&2; tail -20 "$WORK/err" >&2; exit 1; }
  cat "$WORK/time"
}

# measure_allowing STATUS CMD...: like measure, for commands whose expected exit status is STATUS (plan's 2).
measure_allowing() {
  local expected=$1; shift
  local status=0
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || status=$?
  if [[ $status -ne 0 && $status -ne $expected ]]; then echo "failed ($status): $*" >&2; tail -20 "$WORK/err" >&2; exit 1; fi
  tail -1 "$WORK/time"
}

# The parse baseline: python3 + libyaml parsing the YAML and reading every script file, time and peak memory.
parse_baseline() {
  measure python3 -c '
import pathlib, sys, yaml
root = pathlib.Path(sys.argv[1])
yaml.load(open(root / "tenant.yaml"), Loader=yaml.CLoader)
for path in root.rglob("*.js"): path.read_text()
' "$1"
}

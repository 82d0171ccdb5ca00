# Shared by the benchmark scripts: the tenantctl binary, an emulator on a free port, its request counters.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tenantctl-bench.XXXXXX")"
EMULATOR_PIDS=()
cleanup() { for pid in "${EMULATOR_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# $TENANTCTL when set, else the release build when there is one (timings of a debug build mislead), else a debug build.
if [[ -n "${TENANTCTL:-}" ]]; then
  BUILD="given by TENANTCTL"
elif [[ -x "$ROOT/.build-release/release/tenantctl" ]]; then
  TENANTCTL="$ROOT/.build-release/release/tenantctl"; BUILD=release
else
  (cd "$ROOT" && swift build --product tenantctl >/dev/null)
  TENANTCTL="$ROOT/.build/debug/tenantctl"; BUILD=debug
fi
echo "tenantctl: $TENANTCTL ($BUILD build; for release figures: swift build -c release --product tenantctl --scratch-path .build-release)"

export AUTH0_CLIENT_ID=emulator AUTH0_CLIENT_SECRET=emulator-secret
unset AUTH0_ACCESS_TOKEN AUTH0_DOMAIN

# start_emulator SEED RATE BURST: starts an emulator, sets EMULATOR_URL.
start_emulator() {
  local log="$WORK/emulator-$RANDOM.log"
  "$TENANTCTL" emulator --port 0 --domain "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['domain'])" "$1")" \
    --seed "$1" --rate "$2" --burst "$3" >"$log" 2>&1 &
  EMULATOR_PIDS+=($!)
  for _ in $(seq 1 100); do
    EMULATOR_URL="$(grep -so 'http://127.0.0.1:[0-9]*' "$log" | head -1 || true)"
    [[ -n "$EMULATOR_URL" ]] && return 0
    sleep 0.1
  done
  echo "the emulator did not start:"; cat "$log"; exit 1
}

reset_counters() { curl -s -X DELETE "$EMULATOR_URL/__emulator/stats" >/dev/null; }

# counters: prints "reads writes" since the last reset.
counters() {
  curl -s "$EMULATOR_URL/__emulator/stats" | python3 -c '
import json, sys
r = json.load(sys.stdin)["requests"]
print(r.get("GET", 0), sum(r.get(m, 0) for m in ("POST", "PATCH", "PUT", "DELETE")))'
}

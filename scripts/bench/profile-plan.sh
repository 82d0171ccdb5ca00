#!/usr/bin/env bash
# Where `plan` spends its time on the tenant of issue 16, against an empty tenant (SHAPE=create, the default) or
# against its committed snapshot (SHAPE=same: the export, which has no tenantctl digests, so every configuration is
# adopted): the top entries of a sampling profile (perf, cpu-clock; TOP=15). Needs `perf` (linux-perf); where it
# cannot sample, use valgrind's callgrind on a smaller tenant (CLIENTS=200 CONNECTIONS=30 ... and
# `valgrind --tool=callgrind`). PERF_DATA=path keeps the profile for `perf report -i path`. Prints figures;
# asserts nothing.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/configured-tenant.sh"
SHAPE=${SHAPE:-create} TOP=${TOP:-15}
make_configured_tenant
cd "$WORK"
against=empty.json
[[ "$SHAPE" == same ]] && against=tenant/snapshot.json
(unset AUTH0_CLIENT_ID AUTH0_CLIENT_SECRET
 perf record -q -e cpu-clock -F 999 -g -o perf.data "$TENANTCTL" plan tenant --against "$against" -q >/dev/null 2>perf.err) || true
[[ -n "${PERF_DATA:-}" ]] && cp perf.data "$PERF_DATA"
echo "plan against $against; self time by function (perf report --no-children), top $TOP:"
perf report -i perf.data --no-children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -"$TOP" | cut -c1-160
echo "with callees (--children), top $TOP:"
perf report -i perf.data --children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -"$TOP" | cut -c1-160

#!/usr/bin/env python3
"""Soak test of `tenantctl apply` against the emulator. Not part of `swift test` (it takes minutes).

  scripts/soak-apply.py --runs 200            # random plans under fault injection
  scripts/soak-apply.py --kills 20            # kill -9 at random points of an apply

Every run starts an emulator seeded with a small generated tenant, changes the tenant's files at random (clients,
APIs, grants, rules and scripts added, changed or removed), and applies until the apply verifies. Faults: 429,
500, 503, dropped connections, slow answers, writes that landed but whose answer was lost (--fault-rate, seeded
by the run number). A kill run sends SIGKILL to an apply at a random moment, then applies again.

After every run it checks, on the emulator's state: the apply converged (an apply verified, then a plan shows no
changes); nothing was created twice (names, identifiers, grants unique); the log stream the files do not manage is
byte-for-byte untouched. Prints a summary; exits 1 if any run broke one of these.
"""
import argparse
import json
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent


def binary():
    if os.environ.get("TENANTCTL"):
        return os.environ["TENANTCTL"]
    release = ROOT / ".build-release/release/tenantctl"
    if release.exists():
        return str(release)
    subprocess.run(["swift", "build", "--product", "tenantctl"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return str(ROOT / ".build/debug/tenantctl")


class Emulator:
    def __init__(self, tenantctl, seed, work, fault_rate=0.0, fault_seed=0, latency_ms=0):
        self.log = open(work / f"emulator-{time.time_ns()}.log", "w+")
        self.process = subprocess.Popen(
            [tenantctl, "emulator", "--port", "0", "--seed", str(seed), "--domain", "soak.eu.auth0.com",
             "--rate", "100000", "--burst", "100000", "--fault-rate", str(fault_rate), "--fault-seed", str(fault_seed),
             "--latency-ms", str(latency_ms)], stdout=self.log, stderr=subprocess.STDOUT)
        for _ in range(200):
            self.log.seek(0)
            match = re.search(r"http://127\.0\.0\.1:\d+", self.log.read())
            if match:
                self.url = match.group(0)
                return
            time.sleep(0.05)
        raise RuntimeError("the emulator did not start")

    def state(self):
        with urllib.request.urlopen(self.url + "/__emulator/snapshot") as response:
            return json.load(response)

    def stats(self):
        with urllib.request.urlopen(self.url + "/__emulator/stats") as response:
            return json.load(response)

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def mutate(tenant_yaml, rng, run):
    """Random edits of the exported tenant: enough variety to exercise creates, updates and deletes."""
    import yaml  # PyYAML: the soak script runs on a developer machine, not in CI
    document = yaml.safe_load(tenant_yaml.read_text())
    granted = {grant["client_id"] for grant in document.get("clientGrants") or []}
    enabled = {name for db in document.get("databases") or [] for name in db.get("enabled_clients") or []}
    edits = []
    for _ in range(rng.randint(1, 6)):
        choice = rng.choice(["add-client", "change-client", "remove-client", "add-api", "change-api", "change-script", "remove-rule", "add-rule", "change-tenant"])
        clients = document["clients"]
        if choice == "add-client":
            clients.append({"name": f"Soak {run}-{rng.randint(0, 10**6)}", "app_type": "non_interactive", "grant_types": ["client_credentials"]})
        elif choice == "change-client":
            rng.choice(clients)["description"] = f"changed in run {run} ({rng.randint(0, 10**6)})"
        elif choice == "remove-client":
            removable = [c for c in clients if c["name"] not in granted and c["name"] not in enabled]
            if removable:
                clients.remove(rng.choice(removable))
        elif choice == "add-api":
            identifier = f"https://soak{run}-{rng.randint(0, 10**6)}.example.com/"
            document["resourceServers"].append({"name": f"Soak API {identifier}", "identifier": identifier})
        elif choice == "change-api":
            rng.choice(document["resourceServers"])["token_lifetime"] = rng.randint(600, 86400)
        elif choice == "change-script":
            scripts = sorted((tenant_yaml.parent / "databases").glob("*/*.js"))
            path = rng.choice(scripts)
            path.write_text(path.read_text().replace("timeout: 10000", f"timeout: {rng.randint(1000, 9999)}", 1))
        elif choice == "remove-rule" and document.get("rules"):
            document["rules"].remove(rng.choice(document["rules"]))
        elif choice == "add-rule":
            name = f"soak-rule-{run}-{rng.randint(0, 10**6)}"
            (tenant_yaml.parent / "rules" / f"{name}.js").write_text(
                "function soakRule(user, context, callback) {\n  return callback(null, user, context);\n}\n")
            document.setdefault("rules", []).append({"name": name, "script": f"./rules/{name}.js", "enabled": True, "order": rng.randint(100, 10**6)})
        elif choice == "change-tenant":
            document["tenant"]["friendly_name"] = f"Soak {run}.{rng.randint(0, 999)}"
        edits.append(choice)
    tenant_yaml.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    return edits


def duplicates(state):
    problems = []
    for section, key in [("clients", "name"), ("resource_servers", "identifier"), ("rules", "name"), ("connections", "name")]:
        values = [item.get(key) for item in state.get(section, [])]
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            problems.append(f"{section} created twice: {dupes}")
    grants = [(g.get("client_id"), g.get("audience")) for g in state.get("client_grants", [])]
    if len(grants) != len(set(grants)):
        problems.append("a client grant was created twice")
    return problems


def run_tenantctl(tenantctl, args, cwd, env, timeout=600):
    return subprocess.run([tenantctl] + args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def converge(tenantctl, work, env, rounds):
    """Applies until an apply verifies; returns the number of rounds (None if it never did) and the last output."""
    result = None
    for attempt in range(1, rounds + 1):
        result = run_tenantctl(tenantctl, ["apply", "tenant", "--auto-approve", "-q"], work, env)
        if result.returncode == 0 and ("Verified" in result.stdout or "No changes" in result.stdout):
            return attempt, result
    return None, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=0, help="random plans applied under fault injection")
    parser.add_argument("--kills", type=int, default=0, help="applies killed with SIGKILL at a random moment")
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--rounds", type=int, default=12, help="applies allowed for one run to converge")
    args = parser.parse_args()
    if not args.runs and not args.kills:
        args.runs = 200
    tenantctl = binary()
    work_root = pathlib.Path(tempfile.mkdtemp(prefix="tenantctl-soak-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTH0_")}
    env.update({"AUTH0_CLIENT_ID": "emulator", "AUTH0_CLIENT_SECRET": "emulator-secret", "NO_COLOR": "1"})

    # The base tenant: generated, seeded into a fault-free emulator, exported as files; deletes allowed; the log
    # stream is left out of the files (not managed) and must never be touched.
    seed = work_root / "seed.json"
    subprocess.run([sys.executable, str(ROOT / "scripts/bench/generate-snapshot.py"), "--domain", "soak.eu.auth0.com",
                    "--clients", "30", "--connections", "2", "--grants", "8", "--rules", "4", "--apis", "3", "--out", str(seed)], check=True)
    snapshot = json.loads(seed.read_text())
    snapshot["log_streams"] = [{"id": "lst_0000000000000001", "name": "unmanaged-stream", "type": "http", "status": "active",
                                "sink": {"httpEndpoint": "https://logs.example.com", "httpContentType": "application/json"}}]
    seed.write_text(json.dumps(snapshot))
    emulator = Emulator(tenantctl, seed, work_root)
    base = work_root / "base"
    exported = run_tenantctl(tenantctl, ["export", "--tenant", str(base), "--domain", emulator.url, "-q"], work_root, env)
    emulator.stop()
    if exported.returncode != 0:
        print(exported.stderr)
        return 1
    import yaml
    document = yaml.safe_load((base / "tenant.yaml").read_text())
    document.pop("logStreams", None)
    (base / "tenant.yaml").write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    settings = base / "tenantctl.yaml"
    settings.write_text(settings.read_text().replace("allow_deletes: false", "allow_deletes: true"))

    failures, rounds_used, faults = [], [], 0
    started = time.time()
    total = args.runs + args.kills
    for run in range(1, total + 1):
        killing = run > args.runs
        rng = random.Random(run)
        work = work_root / f"run-{run}"
        shutil.copytree(base, work / "tenant")
        edits = mutate(work / "tenant" / "tenant.yaml", rng, run)
        emulator = Emulator(tenantctl, seed, work, fault_rate=0.0 if killing else args.fault_rate, fault_seed=run,
                            latency_ms=40 if killing else 0)
        run_env = dict(env, AUTH0_DOMAIN=emulator.url)
        before_stream = [s for s in emulator.state()["log_streams"]]
        try:
            if killing:
                process = subprocess.Popen([tenantctl, "apply", "tenant", "--auto-approve", "-q"], cwd=work, env=run_env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.2, 3.0))
                process.send_signal(signal.SIGKILL)
                process.wait()
            rounds, last = converge(tenantctl, work, run_env, args.rounds)
            problems = []
            if rounds is None:
                problems.append(f"did not converge in {args.rounds} applies; the last said: {(last.stdout + last.stderr).strip()[-600:]}")
            else:
                rounds_used.append(rounds)
                check = run_tenantctl(tenantctl, ["plan", "tenant", "--detailed-exitcode", "-q"], work, run_env)
                if check.returncode != 0:
                    problems.append(f"a plan after convergence exits {check.returncode}: {check.stdout[-400:]}{check.stderr[-400:]}")
            state = emulator.state()
            problems += duplicates(state)
            if state["log_streams"] != before_stream:
                problems.append("the unmanaged log stream was touched")
            faults += int(emulator.stats().get("faults", 0))
        finally:
            emulator.stop()
        if problems:
            failures.append((run, edits, problems))
            print(f"run {run} ({'kill' if killing else 'faults'}; {', '.join(edits)}): " + "; ".join(problems), flush=True)
        elif run % 20 == 0:
            print(f"{run}/{total} runs, {len(failures)} failed, {time.time() - started:.0f} s", flush=True)
    shutil.rmtree(work_root, ignore_errors=True)
    histogram = {n: rounds_used.count(n) for n in sorted(set(rounds_used))}
    print(f"soak: {args.runs} runs under faults (rate {args.fault_rate}) and {args.kills} killed applies in {time.time() - started:.0f} s")
    print(f"  converged: {len(rounds_used)}/{total}; applies needed: {histogram}; faults injected: {faults}")
    print(f"  failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

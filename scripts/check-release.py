#!/usr/bin/env python3
"""Checks a release archive from scripts/release.sh the way a user meets it: on a machine without Swift.

  scripts/check-release.py dist/tenantctl-0.1.0-linux-x86_64.tar.gz

1. The archive matches its .sha256 file and holds tenantctl-<version>-linux-<arch>/tenantctl.
2. `ldd tenantctl` names no Swift library (libswift*, Foundation, Dispatch, ICU, BlocksRuntime).
3. A Swift-free root is made: an empty folder with the binary, only the shared libraries ldd names, examples/,
   tenants/acme-dev and /proc; no node. Where chroot is possible (root, and /proc can be mounted), every check below
   runs inside it; otherwise they run on this machine and the ldd check is what proves no Swift is needed.
4. `tenantctl --version` prints the version and this checkout's commit.
5. `validate --strict --format json examples/<rule>` exits 1 and reports exactly that rule, for every example
   folder named after a rule (script-node-syntax, which needs node, instead reports that it could not run);
   `validate examples/references-resolve` prints the exact line a user sees.
6. `plan tenants/acme-dev` prints the committed golden plan (text and JSON), and `schema tenant` the committed
   schema, so the optimised build agrees with the tested debug build.

Exits 1 naming every check that failed.
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SWIFT_LIBRARY = re.compile(r"libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libicu|libXCTest|libTesting", re.I)
failures: list[str] = []


def check(condition: bool, what: str) -> None:
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def shared_libraries(binary: pathlib.Path) -> tuple[str, list[pathlib.Path]]:
    """ldd's output and the files it names (the dynamic loader included)."""
    output = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    files = []
    for line in output.splitlines():
        match = re.search(r"(/\S+)\s+\(0x", line)
        if match:
            files.append(pathlib.Path(match.group(1)))
    return output, files


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    archive = pathlib.Path(sys.argv[1]).resolve()
    name = archive.name.removesuffix(".tar.gz")
    version = subprocess.run([str(ROOT / "scripts/release.sh"), "--print-version"], capture_output=True, text=True, check=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()

    recorded = pathlib.Path(str(archive) + ".sha256").read_text().split()
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    check(recorded == [digest, archive.name], f"{archive.name}.sha256 is `{digest}  {archive.name}`")
    check(name == f"tenantctl-{version}-linux-{os.uname().machine}", f"the archive is named for version {version}")

    work = pathlib.Path(tempfile.mkdtemp(prefix="tenantctl-release-check-"))
    mounted: list[pathlib.Path] = []
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(work / "unpacked", filter="data")
        binary = work / "unpacked" / name / "tenantctl"
        check(binary.is_file() and os.access(binary, os.X_OK), f"the archive holds {name}/tenantctl, executable")
        for extra in ["README.md", "CHANGELOG.md", "THIRD-PARTY-LICENSES.txt"]:
            check((work / "unpacked" / name / extra).is_file(), f"the archive holds {name}/{extra}")
        if failures:
            return 1
        print(f"      tenantctl is {binary.stat().st_size / 1_048_576:.1f} MB")

        ldd, libraries = shared_libraries(binary)
        print("      " + ldd.strip().replace("\n", "\n      "))
        swift = [line.strip() for line in ldd.splitlines() if SWIFT_LIBRARY.search(line)]
        check(not swift, f"ldd names no Swift library{': ' + ', '.join(swift) if swift else ''}")
        check("not found" not in ldd, "ldd finds every library it needs")

        # The Swift-free root.
        root = work / "root"
        for library in libraries:
            target = root / library.relative_to("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(library.resolve(), target)
        shutil.copy2(binary, root / "tenantctl")
        (root / "tmp").mkdir(mode=0o1777)
        (root / "bin").mkdir()  # PATH inside the root: empty, so no node
        shutil.copytree(ROOT / "examples", root / "work/examples")
        shutil.copytree(ROOT / "tenants/acme-dev", root / "work/tenants/acme-dev")
        leftovers = [str(p) for p in root.rglob("*") if "swift" in p.name.lower()]
        check(not leftovers, f"the root holds no Swift file{': ' + ', '.join(leftovers) if leftovers else ''}")
        # Every Linux machine has /proc, and the Swift runtime reads the command line from /proc/self/cmdline.
        (root / "proc").mkdir()
        in_root = os.geteuid() == 0 and subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")]).returncode == 0
        if in_root:
            mounted.append(root / "proc")
            print(f"      running in a Swift-free root: chroot to {root}")
        else:
            print("      no chroot with /proc here (not root, or mount refused): running on this machine; the ldd check above is the proof of no Swift")

        def tenantctl(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
            """Runs the binary from the folder holding examples/ and tenants/, in the root where possible."""
            environment = {"PATH": "/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "NO_COLOR": "1", **(env or {})}
            if not in_root:
                environment["PATH"] = str(root / "bin")
                return subprocess.run([str(root / "tenantctl"), *arguments], capture_output=True, text=True, env=environment, cwd=root / "work")

            def enter() -> None:
                os.chroot(root)
                os.chdir("/work")

            return subprocess.run(["/tenantctl", *arguments], capture_output=True, text=True, env=environment, preexec_fn=enter)

        result = tenantctl("--version")
        expected = f"{version} (commit {commit})\n"
        check(result.returncode == 0 and result.stdout == expected, f"--version prints `{expected.strip()}` (got `{result.stdout.strip()}`{result.stderr.strip()})")

        rules = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "tenant.yaml").is_file() and p.name != "test-scripts")
        check(len(rules) >= 5, f"examples/ has rule folders ({len(rules)})")
        for rule in rules:
            result = tenantctl("validate", "--strict", "--format", "json", f"examples/{rule}")
            try:
                findings = json.loads(result.stdout).get("findings", [])
            except json.JSONDecodeError:
                check(False, f"validate examples/{rule} prints JSON (got {result.stdout[:200]!r} {result.stderr[:300]!r})")
                continue
            reported = {f["rule"] for f in findings if f.get("severity") != "note"}
            if rule == "script-node-syntax":
                notes = [f["message"] for f in findings if f.get("severity") == "note" and f["rule"] == rule]
                check(result.returncode == 0 and not reported and any("did not run (node is not on PATH)" in n for n in notes),
                      f"validate examples/{rule} without node: exit 0, a note that it did not run (exit {result.returncode}, {reported}, {notes})")
            else:
                check(result.returncode == 1 and reported == {rule}, f"validate examples/{rule}: exit 1 and only `{rule}` (exit {result.returncode}, {sorted(reported)})")

        result = tenantctl("validate", "examples/references-resolve")
        line = "examples/references-resolve/tenant.yaml:8:23: error: client `Acme Wbe` is not declared in this tenant. Did you mean `Acme Web`?"
        check(result.returncode == 1 and line in result.stdout, "validate examples/references-resolve prints the error line a user sees")

        # The same secrets and digest key as the end-to-end test that wrote the golden plans (PlanCommandTests).
        secrets = {"LEGACY_API_CLIENT_SECRET": "dev-only-test-secret", "ACCOUNTS_API_KEY": "dev-only-test-key",
                   "TENANTCTL_DIGEST_KEY": "e2e-digest-key-5b1d0c8e7f3a49a2b6c4d9e0f1a2b3c4"}
        for format in ["text", "json"]:
            result = tenantctl("plan", "tenants/acme-dev", "--format", format, "--quiet", env=secrets)
            golden = (ROOT / f"Tests/EndToEndTests/Golden/plan-acme-dev.{format}").read_text()
            check(result.returncode == 0 and result.stdout == golden, f"plan tenants/acme-dev --format {format} prints the golden plan {result.stderr.strip()}")
        result = tenantctl("schema", "tenant")
        check(result.returncode == 0 and result.stdout == (ROOT / "schemas/tenant.schema.json").read_text(),
              "schema tenant prints the committed schema (the embedded field catalog is there)")
    finally:
        for mount in mounted:
            subprocess.run(["umount", str(mount)], check=True)
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print(f"\n{len(failures)} check(s) failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("\nrelease archive checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())

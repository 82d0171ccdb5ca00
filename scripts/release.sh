#!/usr/bin/env bash
# Builds the release binary and its archive:
#   dist/tenantctl-<version>-linux-<arch>.tar.gz         tenantctl-<version>-linux-<arch>/{tenantctl, README.md,
#                                                        CHANGELOG.md, THIRD-PARTY-LICENSES.txt}
#   dist/tenantctl-<version>-linux-<arch>.tar.gz.sha256  its SHA-256, in `sha256sum -c` format
#
# The binary is built from the committed tree (HEAD), exported to .build/release-source, with the commit written
# into Sources/TenantCLI/ReleaseStamp.swift there (`tenantctl --version` prints it); the working tree is never
# touched, and uncommitted changes are not in the binary (the script says so). The Swift standard library and
# Foundation are linked in statically and the resources are embedded, so the one file runs on a Debian or Ubuntu
# machine without Swift. scripts/check-release.py checks an archive.
#
#   scripts/release.sh                   # build and package (a clean build takes several minutes)
#   scripts/release.sh --print-version   # the version it would package, from TenantctlVersion.swift
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=$(sed -n 's/^    public static let release = "\([^"]*\)"$/\1/p' Sources/TenantCLI/TenantctlVersion.swift)
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "release: no version found in Sources/TenantCLI/TenantctlVersion.swift (\`public static let release = \"X.Y.Z\"\`)" >&2
  exit 1
fi
if [ "${1:-}" = "--print-version" ]; then echo "$version"; exit 0; fi
if [ $# -gt 0 ]; then echo "usage: scripts/release.sh [--print-version]" >&2; exit 2; fi

commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  echo "release: uncommitted changes are not in the binary; it is built from commit $commit" >&2
fi
name="tenantctl-$version-linux-$(uname -m)"

# A fresh copy of the committed sources; its .build stays between runs so dependencies are not rebuilt.
source="$root/.build/release-source"
mkdir -p "$source"
find "$source" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
git archive --format=tar HEAD | tar -x -C "$source"
# The same dependency versions as this checkout, where it has resolved them.
if [ -f Package.resolved ]; then cp Package.resolved "$source/"; fi
cat > "$source/Sources/TenantCLI/ReleaseStamp.swift" <<EOF
/// Written by scripts/release.sh for the release build of commit $commit.
enum ReleaseStamp {
    static let commit: String? = "$commit"
}
EOF

echo "release: building $name from commit $commit"
started=$(date +%s)
swift build --package-path "$source" -c release --static-swift-stdlib --product tenantctl
echo "release: built in $(( $(date +%s) - started )) s"
binary="$(swift build --package-path "$source" -c release --static-swift-stdlib --show-bin-path)/tenantctl"

stage="$root/.build/release-package"
rm -rf "$stage"
mkdir -p "$stage/$name"
# Debug information goes (the symbol table stays, so a crash report still names functions).
strip --strip-debug -o "$stage/$name/tenantctl" "$binary"
chmod 755 "$stage/$name/tenantctl"
cp README.md CHANGELOG.md "$stage/$name/"
# The dependencies are linked into the binary: their licences and notices travel with it.
{
  echo "tenantctl $version links in the following packages. Their licences and notices follow."
  for dependency in "$source"/.build/checkouts/*/; do
    for file in "$dependency"LICENSE* "$dependency"LICENCE* "$dependency"NOTICE* "$dependency"COPYING*; do
      [ -f "$file" ] || continue
      printf '\n==== %s: %s ====\n\n' "$(basename "$dependency")" "$(basename "$file")"
      cat "$file"
    done
  done
} > "$stage/$name/THIRD-PARTY-LICENSES.txt"

mkdir -p dist
# Reproducible archive: sorted names, no owners, the commit's time as every file's time, no gzip timestamp.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$(git log -1 --format=%ct "$commit")" \
  -C "$stage" -cf - "$name" | gzip -9 -n > "dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "release: dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1); tenantctl $(du -h "$stage/$name/tenantctl" | cut -f1))"
echo "release: dist/$name.tar.gz.sha256: $(cut -d' ' -f1 "dist/$name.tar.gz.sha256")"

#!/usr/bin/env bash
# usage: test_deb_package.sh BUILD_DIR
# Builds the .deb with CPack, unpacks it with dpkg-deb -x into a temporary root, checks its
# metadata and runs the installed CLI from there.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack could not build the .deb"; }
deb=$(find "$work/out" -maxdepth 1 -name 'bounce-doctor_*.deb' | head -n 1)
[ -n "$deb" ] || fail "no .deb was produced"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# Every shared library the binaries need must come from a package the .deb depends on.
# (ldconfig's list is read once: cutting a pipe short would fail the script under pipefail.)
libraries=$(ldconfig -p)
for binary in "$build/app/cli/bounce-doctor-cli" "$build/app/gui/bounce-doctor"; do
    for soname in $(objdump -p "$binary" | awk '/NEEDED/ {print $2}'); do
        path=$(awk -v so="$soname" '$1 == so {print $NF}' <<<"$libraries" | sed -n 1p)
        [ -n "$path" ] || fail "cannot find $soname"
        package=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1) ||
            package=$(dpkg -S "$path" | head -n 1 | cut -d: -f1)
        grep -qw "$package" <<<"$depends" || fail "Depends lacks $package (for $soname)"
    done
done

root=$work/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/bounce-doctor usr/bin/bounce-doctor-cli \
    usr/share/applications/org.bouncedoctor.BounceDoctor.desktop \
    usr/share/metainfo/org.bouncedoctor.BounceDoctor.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.bouncedoctor.BounceDoctor.svg \
    usr/share/man/man1/bounce-doctor-cli.1; do
    [ -e "$root/$f" ] || fail "the package does not install /$f"
done

version=$("$root/usr/bin/bounce-doctor-cli" --version)
[[ $version == bounce-doctor-cli\ * ]] || fail "unexpected --version output: $version"
echo "installed CLI: $version"

out=$(printf '550 5.1.1 <jo@example.com>: Recipient address rejected: User unknown\n' |
    "$root/usr/bin/bounce-doctor-cli" diagnose --format json -) || fail "installed CLI failed: $out"
grep -q '"reason":"userunknown"' <<<"$out" || fail "installed CLI diagnosis was: $out"
echo "installed CLI diagnosis: ok"

desktop-file-validate "$root/usr/share/applications/org.bouncedoctor.BounceDoctor.desktop" ||
    fail "desktop file does not validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.bouncedoctor.BounceDoctor.metainfo.xml" ||
    fail "metainfo does not validate"
echo "1 passed, 0 failed"

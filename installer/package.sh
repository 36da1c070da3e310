#!/usr/bin/env bash
# Builds Ringside's native packages with the JDK's jlink and jpackage, for the system it runs on:
#   Linux:   installer/package.sh            → app image (tar.gz), DEB and RPM (RPM only where rpmbuild is)
#   macOS:   installer/package.sh            → app image, DMG and PKG
#   Windows: bash installer/package.sh       → app image (zip) and MSI (needs the WiX 3 toolset on PATH)
# or name the kinds: installer/package.sh app-image deb. Output: target/installer/out.
# The runtime is linked with JavaFX's modules in it. The classes a real start of the packaged desk loads are
# recorded (it needs a display: Xvfb on a headless Linux); the DEB and PKG turn them into a class-data archive
# where they install, for a faster start (ADR 0010).
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "package.sh: $(uname -s) is not a system Ringside is packaged for" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  aarch64 | arm64) arch=aarch64 ;;
  *) arch=x64 ;;
esac
if [ $# -gt 0 ]; then kinds=("$@"); else
  case $os in
    linux) kinds=(app-image deb); command -v rpmbuild >/dev/null && kinds+=(rpm) ;;
    mac) kinds=(app-image dmg pkg) ;;
    windows) kinds=(app-image msi) ;;
  esac
fi
case $os-$arch in
  linux-x64) fx=linux ;; linux-aarch64) fx=linux-aarch64 ;;
  mac-x64) fx=mac ;; mac-aarch64) fx=mac-aarch64 ;;
  windows-*) fx=win ;;
esac

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jlink jpackage jdeps; do
  [ -x "$java_home/bin/$tool" ] || [ -x "$java_home/bin/$tool.exe" ] \
    || { echo "package.sh: $tool not found in $java_home (set JAVA_HOME to a JDK 17+)" >&2; exit 2; }
done
[ -d "$java_home/jmods" ] || { echo "package.sh: $java_home has no jmods (Debian: apt install openjdk-17-jmods)" >&2; exit 2; }

version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
app_version=${version%-SNAPSHOT}
work=target/installer
out=$work/out
echo "Ringside $app_version for $os-$arch: ${kinds[*]}"

./mvnw -B -q -DskipTests package
rm -rf "$work"
mkdir -p "$work/input/lib" "$work/javafx" "$out"
cp "target/ringside-$version.jar" "$work/input/ringside.jar"
./mvnw -B -q dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=org.openjfx \
  -DoutputDirectory="$work/input/lib"
./mvnw -B -q dependency:copy-dependencies -DincludeScope=runtime -DincludeGroupIds=org.openjfx \
  -Dclassifier="$fx" -DoutputDirectory="$work/javafx"

modules=$("$java_home/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path "$work/input/lib/*" "$work/input/ringside.jar" | tail -1)
# What jdeps cannot see: TLS ciphers, other locales' dates, other encodings in imports, Unsafe in libraries.
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.zipfs,javafx.controls"
sep=":"; [ $os = windows ] && sep=";"
"$java_home/bin/jlink" --module-path "$java_home/jmods$sep$work/javafx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
# The JDK's own class-data archive: used where the desk's archive has not been made (a moved app image).
"$work/runtime/bin/java" -Xshare:dump >/dev/null

icon=assets/icons/ringside-256.png
[ $os = windows ] && icon=assets/icons/ringside.ico
[ $os = mac ] && icon=assets/icons/ringside.icns
common=(--name Ringside --app-version "$app_version" --vendor "Ringside"
  --description "Call-centre desk: screen pop, contact timeline and call-frequency rules"
  --copyright "Ringside" --icon "$icon")

image_options=()
if [ $os = mac ]; then   # the bundle's Info.plist, with the tel: and callto: URL types
  mkdir -p "$work/macos" && sed "s/@VERSION@/$app_version/g" installer/macos/Info.plist > "$work/macos/Info.plist"
  image_options=(--resource-dir "$work/macos" --mac-package-identifier com.ringside.desk)
fi
"$java_home/bin/jpackage" --type app-image "${common[@]}" ${image_options[@]+"${image_options[@]}"} --dest "$work/image" \
  --input "$work/input" --main-jar ringside.jar --main-class com.ringside.app.Main \
  --runtime-image "$work/runtime" --java-options "-Xss1m"
[ $os = windows ] || installer/class-data.sh "$work/image" "$os"   # the archive is made on install (DEB, PKG)

image="$work/image/Ringside"; [ $os = mac ] && image="$work/image/Ringside.app"
for kind in "${kinds[@]}"; do
  case $kind in
    app-image)
      if [ $os = windows ]; then (cd "$work/image" && powershell -NoProfile -Command \
          "Compress-Archive -Force -Path Ringside -DestinationPath ../out/Ringside-$app_version-windows-$arch.zip")
      else tar -C "$work/image" -czf "$out/Ringside-$app_version-$os-$arch.tar.gz" "$(basename "$image")"; fi ;;
    deb | rpm)
      "$java_home/bin/jpackage" --type "$kind" "${common[@]}" --dest "$out" --app-image "$image" \
        --linux-package-name ringside --linux-app-category Office --linux-menu-group "Office;Telephony" \
        --linux-shortcut --resource-dir installer/linux \
        --linux-package-deps "$( [ $kind = deb ] && echo 'libgtk-3-0 | libgtk-3-0t64' || echo 'gtk3')" ;;
    dmg | pkg)
      cp installer/macos/postinstall "$work/macos/"
      "$java_home/bin/jpackage" --type "$kind" "${common[@]}" --dest "$out" --app-image "$image" \
        --mac-package-identifier com.ringside.desk --resource-dir "$work/macos" ;;
    msi | exe)
      "$java_home/bin/jpackage" --type "$kind" "${common[@]}" --dest "$out" --app-image "$image" \
        --win-menu --win-menu-group Ringside --win-shortcut --win-dir-chooser --win-per-user-install \
        --win-upgrade-uuid 6f1d3a4e-2b7c-4f0e-9a51-8c2d7e3b4a10 ;;
    *) echo "package.sh: unknown kind '$kind' (app-image, deb, rpm, dmg, pkg, msi, exe)" >&2; exit 2 ;;
  esac
done
ls -l "$out"

#!/usr/bin/env bash
# Prepares class-data sharing for a packaged Ringside: starts the packaged desk once on a scratch data directory
# and records the classes it loads up to its sign-in form (ringside.classlist). The archive itself is bound to
# the installed path, so make-class-data builds it where the desk is installed (the DEB does so on install).
# usage: installer/class-data.sh IMAGE_DIR linux|mac|windows
set -euo pipefail
image_dir=$1 os=$2
case $os in
  linux) app=$image_dir/Ringside/lib/app launcher=$image_dir/Ringside/bin/Ringside ;;
  mac) app=$image_dir/Ringside.app/Contents/app launcher=$image_dir/Ringside.app/Contents/MacOS/Ringside ;;
  windows) app=$image_dir/Ringside/app launcher=$image_dir/Ringside/Ringside.exe ;;
esac
cfg=$app/Ringside.cfg
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$cfg" "$scratch/Ringside.cfg"
sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:DumpLoadedClassList=$APPDIR/ringside.classlist
' "$cfg"

run=("$launcher" --data-dir "$scratch/data")
if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ]; then run=(xvfb-run -a -s "-screen 0 1400x900x24" "${run[@]}"); fi
"${run[@]}" >"$scratch/out.txt" 2>&1 &
desk=$!
for _ in $(seq 1 600); do
  grep -q "Window shown" "$scratch/data/logs/ringside.log" 2>/dev/null && break
  sleep 0.1
done
shown=$(grep -c "Window shown" "$scratch/data/logs/ringside.log" 2>/dev/null || true)
sleep 3   # the sign-in form settles; its classes go in the list too
for pid in $(pgrep Ringside); do   # the desk itself, not xvfb-run around it
  case "$(ps -o args= -p "$pid")" in *"$scratch/data"*) [ "$(ps -o comm= -p "$pid")" != xvfb-run ] && kill -TERM "$pid" ;; esac
done
wait $desk || true
cp "$scratch/Ringside.cfg" "$cfg"
rm -f "$cfg.bak"
if [ "${shown:-0}" = 0 ] || [ ! -s "$app/ringside.classlist" ]; then
  echo "class-data.sh: the packaged desk did not show its window" >&2; cat "$scratch/out.txt" >&2; exit 1
fi
sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:SharedArchiveFile=$APPDIR/ringside.jsa
' "$cfg" && rm -f "$cfg.bak"
cp installer/shared/make-class-data "$app/"
echo "class list: $(wc -l < "$app/ringside.classlist") classes"

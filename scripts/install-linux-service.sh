#!/usr/bin/env bash
# Installs the FisCool hub as a systemd service from this checkout (run as root on the server):
#   sudo bash scripts/install-linux-service.sh [--port 10123] [--host 0.0.0.0]
# Copies the app to /opt/fiscool, installs production dependencies, builds it, creates the "fiscool" system user
# (member of dialout for serial registers), installs build/linux/fiscool.service and starts it. Data: /var/lib/fiscool.
# Needs Node >= 20.19 and npm. Binding off loopback (--host) needs api.token in /var/lib/fiscool/settings.json first.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
dest=/opt/fiscool
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port|--host) args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "Node >= 20.19 is required (found $(node -v))" >&2; exit 1; }
id fiscool >/dev/null 2>&1 || useradd --system --home-dir /var/lib/fiscool --shell /usr/sbin/nologin --groups dialout fiscool
mkdir -p "$dest"
# The sources and the lock file; node_modules is installed fresh for this machine.
tar -C "$src" --exclude=./node_modules --exclude=./.git --exclude=./release --exclude=./test-results -cf - . | tar -C "$dest" -xf -
cd "$dest"
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
unit=/etc/systemd/system/fiscool.service
cp build/linux/fiscool.service "$unit"
if [ ${#args[@]} -gt 0 ]; then
  sed -i "s|^ExecStart=.*|ExecStart=/usr/bin/env node /opt/fiscool/dist/service/fiscool-service.mjs ${args[*]}|" "$unit"
fi
systemctl daemon-reload
systemctl enable --now fiscool.service
echo "FisCool runs as fiscool.service; GUI: http://127.0.0.1:${PORT:-10123}/app/ ; logs: journalctl -u fiscool and /var/lib/fiscool/logs/"

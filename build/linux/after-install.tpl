#!/bin/bash
# FisCool deb post-install (an electron-builder template: the only brace macros are executable and
# sanitizedProductName; shell variables here are written without braces). Replaces electron-builder's default, so it
# also does what that one does: the command in /usr/bin, the Chromium sandbox helper, the desktop menu.
app='/opt/${sanitizedProductName}'
bin='${executable}'

# The command on PATH.
if command -v update-alternatives >/dev/null 2>&1; then
  update-alternatives --install "/usr/bin/$bin" "$bin" "$app/$bin" 100 || ln -sf "$app/$bin" "/usr/bin/$bin"
else
  ln -sf "$app/$bin" "/usr/bin/$bin"
fi

# Chromium's sandbox: setuid helper only where unprivileged user namespaces are unavailable.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app/chrome-sandbox" || true
else
  chmod 4755 "$app/chrome-sandbox" || true
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database /usr/share/applications || true

# Serial-port access for the person at the computer, without logging out: a udev rule tags USB serial adapters
# (ttyUSB*, ttyACM*) and built-in ports (ttyS*) "uaccess", so systemd-logind gives the active seat's user
# read/write access; the user who ran the install (sudo/pkexec) also joins "dialout" for sessions without logind.
rules=/etc/udev/rules.d/60-fiscool-serial.rules
cat > "$rules" <<'RULE'
# Installed by FisCool: fiscal registers on serial ports, usable by the logged-in user.
SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*|ttyACM[0-9]*|ttyS[0-9]*", TAG+="uaccess"
RULE
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty || true
fi
who="$SUDO_USER"
if [ -z "$who" ] && [ -n "$PKEXEC_UID" ]; then who="$(getent passwd "$PKEXEC_UID" | cut -d: -f1)"; fi
if [ -n "$who" ] && [ "$who" != root ] && getent group dialout >/dev/null 2>&1; then
  usermod -a -G dialout "$who" || true
fi
exit 0

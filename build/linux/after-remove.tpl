#!/bin/bash
# FisCool deb removal (electron-builder template, see after-install.tpl): the command link and the serial-port rule
# go with the app; the data directories (~/.local/share/fiscool, /var/lib/fiscool) stay.
app='/opt/${sanitizedProductName}'
bin='${executable}'
if command -v update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove "$bin" "$app/$bin" || true
else
  rm -f "/usr/bin/$bin"
fi
rm -f /etc/udev/rules.d/60-fiscool-serial.rules
command -v udevadm >/dev/null 2>&1 && udevadm control --reload-rules || true
exit 0

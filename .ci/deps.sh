#!/usr/bin/env bash
# Installs what K8s Flashcards needs to build, run and test on Debian 12, if anything is missing.
# Used by the README's commands and by .ci/run. Safe to run again.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev qt6-qpa-plugins libqt6svgwidgets6 qt6-charts-dev libqt6opengl6-dev
  libyaml-cpp-dev libsqlite3-dev libmd4c-dev libmd4c-html0-dev
  fonts-dejavu-core
  dpkg-dev file desktop-file-utils appstream
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
fi

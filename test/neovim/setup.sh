#!/bin/sh
# Installs Debian's Neovim for the Neovim client test when it is missing (the test runs this).
# Prints the reason and exits non-zero when it cannot, so the test reports SKIPPED with that reason.
set -u
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "nvim is not installed and apt-get is not available"
  exit 2
fi
if [ "$(id -u)" != "0" ]; then
  echo "nvim is not installed and installing it needs root (apt-get install neovim)"
  exit 3
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q neovim >/tmp/sourcelens-nvim-install.log 2>&1; then
  apt-get update -q >>/tmp/sourcelens-nvim-install.log 2>&1
  if ! apt-get install -y -q neovim >>/tmp/sourcelens-nvim-install.log 2>&1; then
    echo "apt-get install neovim failed (see /tmp/sourcelens-nvim-install.log)"
    exit 4
  fi
fi
command -v nvim >/dev/null 2>&1 || { echo "neovim installed but nvim is not on PATH"; exit 5; }

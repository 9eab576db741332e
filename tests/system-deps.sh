#!/usr/bin/env bash
# System packages the tests need, installed with apt only when missing (Debian/Ubuntu, as root):
# Chromium, nginx and a Chinese font for the browser tests (tests/browser/, which start nginx
# themselves), and Java for the Nu HTML Checker (tests/built_site/test_links_and_html.py).
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

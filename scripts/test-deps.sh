#!/bin/sh
# The Debian packages the tests use, installed when missing and possible (root with apt-get):
# Chromium for the browser tests, always; with --ocr also Tesseract (Vietnamese model) and
# poppler's pdftoppm, which the OCR tests use (they are skipped without them, and the build
# works without them). Run by `npm test` (Chromium only) and by CI's `.ci/run` (--ocr).
# Nothing is downloaded from outside Debian's archive; CHROMIUM_PATH names another browser.
set -eu
missing=""
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing="chromium"
if [ "${1:-}" = "--ocr" ]; then
  { command -v tesseract >/dev/null && [ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ]; } ||
    missing="$missing tesseract-ocr tesseract-ocr-vie"
  command -v pdftoppm >/dev/null || missing="$missing poppler-utils"
fi
missing="${missing# }"
[ -z "$missing" ] && exit 0
if [ -n "${CHROMIUM_PATH:-}" ] && [ "$missing" = "chromium" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the tests: $missing…" >&2
  apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "The tests need these Debian packages: $missing. Install them as root with:" >&2
echo "  apt-get update && apt-get install -y $missing" >&2
[ "$missing" = "${missing#chromium}" ] && exit 0 # only the optional OCR packages are missing
exit 1

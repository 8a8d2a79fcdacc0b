#!/bin/sh
# The Debian packages the tests use, installed when missing and possible (root with apt-get):
# Chromium for the browser tests, always; with --ocr also Tesseract (Vietnamese model) and
# poppler's pdftoppm, which the OCR tests use (they are skipped without them, and the build
# works without them). Run by `npm test` (Chromium only) and by CI's `.ci/run` (--ocr).
# Nothing is downloaded from outside Debian's archive; CHROMIUM_PATH names another browser.
# Tested by test/tooling/test-deps.test.ts (stub apt-get and id on PATH).
set -eu
missing=""
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -n "${CHROMIUM_PATH:-}" ] && [ ! -x "$chromium" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file: point it at a Chromium or Chrome binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi
[ -x "$chromium" ] || missing="chromium"
if [ "${1:-}" = "--ocr" ]; then
  { command -v tesseract >/dev/null && [ -f /usr/share/tesseract-ocr/5/tessdata/vie.traineddata ]; } ||
    missing="$missing tesseract-ocr tesseract-ocr-vie"
  command -v pdftoppm >/dev/null || missing="$missing poppler-utils"
fi
missing="${missing# }"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the tests: $missing…" >&2
  # shellcheck disable=SC2086 # one word per package
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; then
    if [ -x "$chromium" ]; then exit 0; fi
    echo "apt-get installed $missing, but $chromium is still missing." >&2
  else
    echo "Could not install $missing with apt-get (no network or no Debian archive?)." >&2
  fi
  echo "Install Chromium by hand, or set CHROMIUM_PATH to a Chromium or Chrome binary; 'npx vitest run --project unit' runs the tests that need no browser." >&2
  exit 1
fi
echo "The tests need these Debian packages: $missing. Install them as root with:" >&2
echo "  apt-get update && apt-get install -y $missing" >&2
[ "$missing" = "${missing#chromium}" ] && exit 0 # only the optional OCR packages are missing
echo "Or set CHROMIUM_PATH to a Chromium or Chrome binary; 'npx vitest run --project unit' runs the tests that need no browser." >&2
exit 1

# Sourced by scripts/test: the browser tests (tests/http/web/test_browser.py) drive Debian's Chromium
# through Playwright (never `playwright install`). Installs the `chromium` package when
# /usr/bin/chromium is missing and possible (root with apt-get); otherwise those tests skip.
# Skipped when NAPE_SKIP_CHROMIUM=1. In CI (CI set), a Chromium that cannot be installed is an error.
if [ ! -x /usr/bin/chromium ] && [ "${NAPE_SKIP_CHROMIUM:-0}" != "1" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium from Debian's packages..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) >&2 || true
  fi
  if [ ! -x /usr/bin/chromium ]; then
    if [ -n "${CI:-}" ]; then echo "CI: Chromium could not be installed; the browser tests must run in CI" >&2; exit 1; fi
    echo "Chromium is not installed; the browser tests will skip" >&2
  fi
fi

# Shared set-up for the commands in scripts/. Sourced, not run.
# Creates .venv from the exactly pinned requirements, and re-installs only
# when a requirements file changed, so a second run is quick.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NO_MKDOCS_2_WARNING=1 # silence Material's MkDocs 2.0 banner
# The day of the build (UTC): pages past their next_review show a notice (mkdocs.yml, extra.build_date).
export BUILD_DATE="${BUILD_DATE:-$(date -u +%F)}"
VENV="$ROOT/.venv"

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$candidate"
      return
    fi
  done
  echo "Python 3.11 or newer is needed. On Debian: apt-get install python3 python3-venv" >&2
  exit 1
}

# bootstrap_venv FILE: make sure .venv has everything FILE pins.
bootstrap_venv() {
  local requirements="$1" stamp wanted
  stamp="$VENV/.installed-$(basename "$requirements")"
  wanted="$(cat requirements*.txt | sha256sum | cut -d' ' -f1)"
  if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating .venv (first run only)..."
    "$(find_python)" -m venv "$VENV"
  fi
  echo "Installing the pinned packages from $requirements..."
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  echo "$wanted" >"$stamp"
}

# ensure_chromium: the browser tests drive a real Chromium. playwright cannot
# download one on machines without internet, so use the distribution's.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ]; then
    return
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get, about 30 s)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif sudo -n true 2>/dev/null; then # e.g. a GitHub runner: may add system libraries
    echo "Installing Playwright's Chromium and its system libraries for the browser tests..."
    "$VENV/bin/python" -m playwright install --with-deps chromium
  else
    echo "Installing Playwright's Chromium for the browser tests..."
    "$VENV/bin/python" -m playwright install chromium
  fi
}

# ensure_webkit: WebKit, the engine of every iPhone browser, for the WebKit
# tests: WebKitGTK's MiniBrowser (libwebkit2gtk-4.1-0) driven through its
# WebDriver (webkit2gtk-driver), on a virtual screen (xvfb). Debian packages
# only: WebKit has no build for Playwright to download on machines like ours.
ensure_webkit() {
  if command -v WebKitWebDriver >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1 &&
    compgen -G "/usr/lib/*/webkit2gtk-4.1/MiniBrowser" >/dev/null; then
    return
  fi
  install_system_packages "WebKit, Safari's engine, for the WebKit tests" \
    webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb
}

# install_system_packages WHY PACKAGE...: Debian packages the checks need, with
# apt-get as root, with sudo where allowed (a GitHub runner), else say how.
install_system_packages() {
  local why="$1"
  shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $* ($why, apt-get)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing $* ($why, sudo apt-get)..."
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Missing: $* ($why). Install it with your system's package manager, e.g. apt-get install $*" >&2
    exit 1
  fi
}

# ensure_fonts: the print layout (site.css, section "Print") is measured in
# Arial's metrics, and Material's screen fonts fall back to Arial/Helvetica:
# on Linux that is Liberation Sans. It is only a *recommended* package of
# chromium; without it Chromium uses the wider DejaVu Sans and a handout may
# need more sheets. The print tests fail (never silently) if it is missing.
ensure_fonts() {
  # (No "fc-list | grep -q": with pipefail, grep's early exit fails the pipe.)
  if command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 'Liberation Sans' family)" ]; then
    return
  fi
  install_system_packages "the fonts the handouts and pages are laid out in" fonts-liberation
}

# ensure_pdftotext: the print checks read each printed sheet with poppler's
# pdftotext, which sees the text whatever font Chromium drew it in.
ensure_pdftotext() {
  if command -v pdftotext >/dev/null 2>&1; then
    return
  fi
  install_system_packages "to read the printed sheets back" poppler-utils
}

# ensure_node_packages [all]: Node.js and npm from the distribution, then the
# npm packages exactly as package-lock.json pins them: the build's own
# (workbox-build, for the service worker), or with "all" Lighthouse too
# (scripts/bench). `npm ci` runs again only when the lock file changed.
# --ignore-scripts: no package runs code of its own at install time (vnu-jar's
# would download a Java runtime from GitHub; ours comes from the distribution).
ensure_node_packages() {
  local want="${1:-build}" stamp="$ROOT/node_modules/.installed-package-lock" lock
  if ! command -v npm >/dev/null 2>&1; then
    install_system_packages "Node.js, to run Workbox when the site is built" nodejs npm
  fi
  lock="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  case "$(cat "$stamp" 2>/dev/null)" in
    "$lock all") return ;; # everything is there
    "$lock build") [ "$want" = build ] && return ;;
  esac
  if [ "$want" = all ]; then
    echo "Installing the npm packages from package-lock.json (npm ci)..."
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  else
    echo "Installing Workbox and v.Nu from package-lock.json (npm ci --omit=dev)..."
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
  echo "$lock $want" >"$stamp"
}

# ensure_print_tools: pdftoppm turns a PDF into pictures and zbarimg reads the
# QR codes on them (the PDF tests).
ensure_print_tools() {
  if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v zbarimg >/dev/null 2>&1; then
    install_system_packages "to read the QR codes on the PDFs" poppler-utils zbar-tools
  fi
}

# ensure_java: the HTML check runs the W3C checker v.Nu (vnu.jar, from the
# npm package vnu-jar pinned in package.json), which needs a Java runtime.
ensure_java() {
  if command -v java >/dev/null 2>&1; then
    return
  fi
  install_system_packages "a Java runtime for the HTML check (v.Nu)" default-jre-headless
}

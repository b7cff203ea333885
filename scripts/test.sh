#!/usr/bin/env bash
# The one test command (README: `npm test`). Installs the Debian packages the tests need when they are missing,
# then runs unit + integration tests (node:test through tsx) and the browser flows (Playwright in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdfsig >/dev/null || need+=(poppler-utils)
command -v chromium >/dev/null || need+=(chromium)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v openssl >/dev/null || need+=(openssl)
# Directory sync tests: OpenLDAP's slapd (and ldap-utils), Samba's Active Directory domain controller.
command -v slapd >/dev/null || [ -x /usr/sbin/slapd ] || need+=(slapd)
command -v ldapsearch >/dev/null || need+=(ldap-utils)
command -v samba-tool >/dev/null || need+=(samba)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test dependencies from Debian: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

[ -d node_modules ] || npm ci

npx tsc -p tsconfig.json --noEmit
npx tsc -p addin/tsconfig.json --noEmit
# The task pane and /start are served from the build (addin/dist); tests load them.
npm run build --silent

# Unit and integration tests: every *.test.ts outside e2e/.
mapfile -t files < <(find shared server addin bench -name '*.test.ts' -not -path '*/node_modules/*' | sort)
# --test-force-exit: a file whose setup failed half-way (say, a server that never started while a peer did) must not
# hang the run on the handles it could not close.
node --import tsx --test --test-concurrency=1 --test-force-exit "${files[@]}"

# Browser flows.
mapfile -t e2e < <(find e2e -name '*.e2e.ts' -not -path '*/node_modules/*' | sort)
if [ ${#e2e[@]} -gt 0 ]; then
  node --import tsx --test --test-concurrency=1 --test-force-exit "${e2e[@]}"
fi

#!/usr/bin/env bash
# Lighthouse (mobile) on the booking page's date/time view of the demo clinic, with Debian's
# Chromium. Lighthouse is fetched by npx into npm's cache: it is a measuring tool, not a dependency.
# Usage: bench/booking-page/lighthouse.sh [runs]   (needs `npm run build` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
port="${PORT:-3999}"
out="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT
node dist/cli.js demo --port "$port" > "$out/demo.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/health/live" > /dev/null; do sleep 0.2; done
url="http://127.0.0.1:$port/book/demo-clinic/1"
for i in $(seq 1 "$runs"); do
  CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" npx --yes lighthouse@12 "$url" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility --output=json --output-path="$out/run$i.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  node -e '
    const r = require(process.argv[1]);
    const a = (id) => r.audits[id].displayValue;
    console.log(`run ${process.argv[2]}: performance ${Math.round(r.categories.performance.score * 100)}, accessibility ${Math.round(r.categories.accessibility.score * 100)}; FCP ${a("first-contentful-paint")}, LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}`);
  ' "$out/run$i.json" "$i"
done

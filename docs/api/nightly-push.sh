#!/usr/bin/env bash
# A district's nightly automation against the Cascade REST API (walked through in docs/api.md):
#   1. import the night's district document (optional),
#   2. push one course catalog's masters to its courses (Run Now), safe to retry,
#   3. wait until the push ends (polling),
#   4. fetch its report as JSON (every page) and as CSV,
#   5. exit non-zero when the push ended with warnings or did not complete.
#
# Usage: nightly-push.sh --catalog NAME [--import FILE] [--year CODE] [--mode PUSH_LOCKED|OVERWRITE] [--sections]
# Environment:
#   CASCADE_URL           the app, e.g. https://cascade.district.example (default http://localhost:8080)
#   CASCADE_TOKEN         a bearer token from Keycloak (OIDC mode), or else
#   CASCADE_USER, CASCADE_PASSWORD   HTTP Basic credentials (dev mode only)
#   CASCADE_DISTRICT      the district, for a user of several districts (sent as X-Cascade-District)
#   CASCADE_OUT           where the report files go (default: the current directory)
#   CASCADE_RUN_ID        names this run in the Idempotency-Key (default: today's UTC date), so running the script
#                         again the same night finds the push already made instead of making a second one
#   CASCADE_POLL_SECONDS  between two status checks (default 10); CASCADE_WAIT_MINUTES: give up after (default 120)
# Exit codes: 0 completed; 2 completed with warnings (the warning rows are printed); 3 failed or cancelled;
#             1 a call was refused or the push did not end in time (the problem's detail is printed).
set -euo pipefail

base="${CASCADE_URL:-http://localhost:8080}"
out="${CASCADE_OUT:-.}"
catalog="" document="" year="" mode="PUSH_LOCKED" sections=false
while [ $# -gt 0 ]; do
  case "$1" in
    --catalog) catalog="$2"; shift 2 ;;
    --import) document="$2"; shift 2 ;;
    --year) year="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --sections) sections=true; shift ;;
    *) echo "unknown argument: $1" >&2; exit 1 ;;
  esac
done
[ -n "$catalog" ] || { echo "--catalog NAME is required" >&2; exit 1; }
mkdir -p "$out"

auth=()
if [ -n "${CASCADE_TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $CASCADE_TOKEN")
else
  auth=(-u "${CASCADE_USER:?set CASCADE_TOKEN, or CASCADE_USER and CASCADE_PASSWORD}:${CASCADE_PASSWORD:?}")
fi
[ -z "${CASCADE_DISTRICT:-}" ] || auth+=(-H "X-Cascade-District: $CASCADE_DISTRICT")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# call METHOD PATH [curl options...]: the body goes to $work/body, the headers to $work/headers, the status is printed.
# A 503 (busy node or database) is tried again after its Retry-After; any other 4xx/5xx stops the script with the
# problem's title, detail, field and correlation id.
call() {
  local method="$1" path="$2"; shift 2
  local url="$path" status attempt
  case "$url" in http*) ;; *) url="$base$path" ;; esac
  for attempt in 1 2 3 4 5; do
    status=$(curl -sS -X "$method" "${auth[@]}" -D "$work/headers" -o "$work/body" -w '%{http_code}' "$@" "$url")
    if [ "$status" = 503 ] && [ "$attempt" -lt 5 ]; then
      sleep "$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$work/headers" | head -1 | grep . || echo 5)"
      continue
    fi
    break
  done
  if [ "$status" -ge 400 ]; then
    echo "$method $path answered $status:" >&2
    jq -r '"  \(.title // "error"): \(.detail // "")"
           + (if .field then "\n  field: \(.field)" else "" end)
           + (if .correlationId then "\n  correlation id: \(.correlationId)" else "" end)' "$work/body" >&2 \
      || cat "$work/body" >&2
    exit 1
  fi
  echo "$status"
}

# next_page: the URL of the Link header's rel="next", or nothing on the last page (docs/decisions/0021-api-paging.md)
next_page() {
  sed -n 's/^[Ll]ink: *<\([^>]*\)>; *rel="next".*/\1/p' "$work/headers" | tr -d '\r' | head -1
}

# 1. import
if [ -n "$document" ]; then
  call PUT /api/v1/district -H 'Content-Type: application/json' --data-binary "@$document" > /dev/null
  echo "imported $document: $(jq -c . "$work/body")"
fi

# 2. find the school year (the current one unless --year) and the catalog by name
call GET "/api/v1/school-years?limit=500" > /dev/null
if [ -n "$year" ]; then
  year_id=$(jq -r --arg code "$year" '.[] | select(.code == $code) | .id' "$work/body")
else
  year_id=$(jq -r '.[] | select(.current) | .id' "$work/body")
fi
[ -n "$year_id" ] || { echo "no school year ${year:-marked current}" >&2; exit 1; }
call GET "/api/v1/catalogs?schoolYearId=$year_id&limit=500" > /dev/null
catalog_id=$(jq -r --arg name "$catalog" '.[] | select(.name == $name) | .id' "$work/body")
[ -n "$catalog_id" ] || { echo "no catalog named '$catalog' with courses in that year" >&2; exit 1; }

# 3. push (Run Now). The Idempotency-Key makes a retry after a dropped connection, or a second run of this script
# tonight, return the push already made (200) instead of making another one (202).
key="${CASCADE_RUN_ID:-$(date -u +%F)}-catalog-$catalog_id-$mode-$sections"
body=$(jq -nc --argjson catalog "$catalog_id" --argjson year "$year_id" --arg mode "$mode" \
  --argjson sections "$sections" \
  '{kind: "CATALOG", catalogId: $catalog, schoolYearId: $year, mode: $mode, toSections: $sections}')
status=$(call POST /api/v1/pushes -H 'Content-Type: application/json' -H "Idempotency-Key: \"$key\"" \
  --retry 3 --retry-all-errors -d "$body")
push_id=$(jq -r .id "$work/body")
if [ "$status" = 200 ]; then echo "push $push_id was already made with key $key"; else echo "push $push_id submitted"; fi

# 4. wait (GET /api/v1/events streams the same changes as server-sent events; polling is simpler in a script)
deadline=$(( $(date +%s) + 60 * ${CASCADE_WAIT_MINUTES:-120} ))
while :; do
  call GET "/api/v1/pushes/$push_id" > /dev/null
  state=$(jq -r .status "$work/body")
  case "$state" in COMPLETED|COMPLETED_WITH_WARNINGS|FAILED|CANCELLED) break ;; esac
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "push $push_id still $state after the wait" >&2; exit 1; fi
  echo "  $state: $(jq -r '"\(.coursesDone) of \(.coursesTotal // "?") courses"' "$work/body")"
  sleep "${CASCADE_POLL_SECONDS:-10}"
done
cp "$work/body" "$out/push-$push_id.json"
jq -r '"push \(.id) \(.status) in \(.durationMs) ms on \(.ranOn): \(.results.coursesPushed) courses pushed, "
       + "\(.results.coursesSkipped) skipped, \(.results.coursesFailed) failed"' "$work/body"

# 5. the report: every page of the JSON rows, and the CSV for people
page="/api/v1/pushes/$push_id/report?limit=500"
n=0
while [ -n "$page" ]; do
  call GET "$page" -H 'Accept: application/json' > /dev/null
  cp "$work/body" "$work/page-$(printf %05d "$n").json"
  n=$((n + 1))
  page=$(next_page)
done
jq -s 'add // []' "$work"/page-*.json > "$out/report-$push_id.json"
call GET "/api/v1/pushes/$push_id/report" -H 'Accept: text/csv' > /dev/null
cp "$work/body" "$out/report-$push_id.csv"
echo "report: $(jq length "$out/report-$push_id.json") rows in $out/report-$push_id.json and .csv"

case "$state" in
  COMPLETED) exit 0 ;;
  COMPLETED_WITH_WARNINGS)
    echo "warnings:" >&2
    jq -r '.[] | select(.reason == "DESYNCED" or .reason == "ERROR" or .reason == "TERM_NOT_IN_CALENDAR")
           | "  \(.school) \(.courseNumber) \(.section // "") \(.dataType // "") \(.item // ""): \(.reason) \(.details // "")"' \
      "$out/report-$push_id.json" >&2
    exit 2 ;;
  *) echo "push $push_id ended $state: $(jq -r '.message // ""' "$out/push-$push_id.json")" >&2; exit 3 ;;
esac

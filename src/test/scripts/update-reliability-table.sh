#!/usr/bin/env bash
# Runs the malformed-input corpus and copies its generated table into the Reliability page
# (between the corpus-table markers of src/site/markdown/reliability.md).
# Usage: bash src/test/scripts/update-reliability-table.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -o -q test -Dtest=MalformedInputCorpusTest -Dsurefire.failIfNoSpecifiedTests=false
page=src/site/markdown/reliability.md
table=target/reliability/malformed-inputs.md
python3 - "$page" "$table" <<'PY'
import sys
page, table = sys.argv[1], sys.argv[2]
text = open(page, encoding="utf-8").read()
start, end = "<!-- corpus-table:start -->", "<!-- corpus-table:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
generated = open(table, encoding="utf-8").read().strip()
open(page, "w", encoding="utf-8").write(head + start + "\n" + generated + "\n" + end + tail)
PY
echo "updated $page from $table"

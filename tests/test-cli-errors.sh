#!/usr/bin/env bash
# test-cli-errors.sh — every file the CLI refuses is named (base name) on
# stderr, and the exit status is 1 for bad data, 2 for bad usage.
#
#   test-cli-errors.sh PATH/TO/cluster-atlas
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

program=${1:?usage: test-cli-errors.sh PATH/TO/cluster-atlas}
work=$(mktemp -d "${TMPDIR:-/tmp}/ca-cli-errors-XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 LANGUAGE=en

failures=0
count=0

# expect STATUS NAME -- ARGS…: runs the program, checks status and stderr.
expect() {
  local status=$1 name=$2
  shift 3
  count=$((count + 1))
  "$program" "$@" >"$work/stdout" 2>"$work/stderr" </dev/null
  local got=$?
  if [ "$got" -ne "$status" ]; then
    echo "not ok $count - $*: exit $got, expected $status"
    sed 's/^/#   /' "$work/stderr"
    failures=$((failures + 1))
  elif [ -n "$name" ] && ! grep -qF -- "$name" "$work/stderr"; then
    echo "not ok $count - $*: stderr does not name $name"
    sed 's/^/#   /' "$work/stderr"
    failures=$((failures + 1))
  else
    echo "ok $count - $name: $(head -c 160 "$work/stderr" | tr '\n' ' ')"
  fi
}

# Little-endian and big-endian 32-bit integers as printf escapes.
le32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
be32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)); }

# A 100-byte shapefile header: file code, length in 16-bit words, type 5.
shp_header() {
  local bytes=$1
  printf "$(be32 9994)"
  head -c 20 /dev/zero
  printf "$(be32 $((bytes / 2)))$(le32 1000)$(le32 5)"
  head -c 64 /dev/zero
}

# Project files
printf '<?xml version="1.0"?>\n<cluster-atlas-project version="1">\n  <units>\n</cluster-atlas-project>\n' \
  >"$work/malformed.caproj"
# Declares an encoding its UTF-8 bytes do not follow.
printf '<?xml version="1.0" encoding="SHIFT_JIS"?>\n<cluster-atlas-project version="1"><name>Тест</name></cluster-atlas-project>\n' \
  >"$work/wrong-encoding.caproj"
cat >"$work/bomb.caproj" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<cluster-atlas-project version="1"><title en="&lol3;"/></cluster-atlas-project>
EOF
printf '<cluster-atlas-project version="99"/>\n' >"$work/future.caproj"

# CSV files against the bundled Aktobe dataset
printf 'code,density\nAKT,218\nALG,abc\n' >"$work/not-a-number.csv"
printf 'code;oil;gas\r\nAKT;12,5;-3\r\n' >"$work/negative-output.csv"
printf 'code,density\nAKT,1\nALG,2\nAKT,3\n' >"$work/duplicate-unit.csv"
printf 'code,density,innovation\nAKT,1,2\nALG,1\n' >"$work/ragged-row.csv"
printf 'code,density\n\n\n' >"$work/no-rows.csv"
printf 'code,density\nXYZ,1\n' >"$work/unknown-unit.csv"
printf 'code,density\nAKT,"unclosed\n' >"$work/unclosed-quote.csv"
printf 'code,density\nAKT,\xff\xfe\n' >"$work/latin1.csv"

# Broken shapefiles: a .shp with a bad header beside a valid empty index,
# and one whose index points past its end.
{ printf 'NOT A SHAPEFILE'; head -c 85 /dev/zero; } >"$work/bad-header.shp"
shp_header 100 >"$work/bad-header.shx"
printf '\x03\x7c\x01\x01\x00\x00\x00\x00\x21\x00\x01\x00\x00\x00\x00\x00' >"$work/bad-header.dbf"
head -c 16 /dev/zero >>"$work/bad-header.dbf"
printf '\x0d' >>"$work/bad-header.dbf"

shp_header 100 >"$work/truncated.shp"
{ shp_header 108; printf "$(be32 50)$(be32 64)"; } >"$work/truncated.shx"
cp "$work/bad-header.dbf" "$work/truncated.dbf"

printf 'code,density\nAKT,218\n' >"$work/ok.csv"

out="$work/out.png"
expect 1 malformed.caproj -- analyze --project "$work/malformed.caproj"
expect 1 bomb.caproj -- analyze --project "$work/bomb.caproj"
expect 1 wrong-encoding.caproj -- analyze --project "$work/wrong-encoding.caproj"
# … in one message of ours: libxml2 must not print its own on stderr.
count=$((count + 1))
if [ "$(grep -c . "$work/stderr")" -ne 1 ]; then
  echo "not ok $count - wrong-encoding.caproj: more than our message on stderr"
  sed 's/^/#   /' "$work/stderr"
  failures=$((failures + 1))
else
  echo "ok $count - wrong-encoding.caproj: one message"
fi
expect 1 future.caproj -- analyze --project "$work/future.caproj"
expect 1 missing.caproj -- analyze --project "$work/missing.caproj"
expect 1 not-a-number.csv -- analyze --indicators "$work/not-a-number.csv"
expect 1 negative-output.csv -- analyze --industry-matrix "$work/negative-output.csv"
expect 1 duplicate-unit.csv -- analyze --indicators "$work/duplicate-unit.csv"
expect 1 duplicate-unit.csv -- analyze --industry-matrix "$work/duplicate-unit.csv"
expect 1 ragged-row.csv -- analyze --indicators "$work/ragged-row.csv"
expect 1 no-rows.csv -- analyze --indicators "$work/no-rows.csv"
expect 1 no-rows.csv -- analyze --industry-matrix "$work/no-rows.csv"
expect 1 unknown-unit.csv -- analyze --indicators "$work/unknown-unit.csv"
expect 1 unclosed-quote.csv -- analyze --indicators "$work/unclosed-quote.csv"
expect 1 latin1.csv -- analyze --indicators "$work/latin1.csv"
expect 1 missing.csv -- analyze --indicators "$work/missing.csv"
expect 2 '' -- analyze --format bogus
expect 0 '' -- analyze --indicators "$work/ok.csv"
expect 1 bad-header.shp -- export --figure infrastructure --output "$out" \
  --boundaries "$work/bad-header.shp"
expect 1 truncated.shp -- export --figure infrastructure --output "$out" \
  --boundaries "$work/truncated.shp"
expect 1 missing.shp -- export --figure infrastructure --output "$out" \
  --boundaries "$work/missing.shp"
expect 1 malformed.caproj -- export --figure infrastructure --output "$out" \
  --project "$work/malformed.caproj"
if [ -e "$out" ]; then
  echo "not ok - a refused export left $out behind"
  failures=$((failures + 1))
fi

# Each command's help names the whole command it documents.
for command in analyze export; do
  count=$((count + 1))
  if "$program" "$command" --help 2>&1 | grep -qF "cluster-atlas $command [OPTION"; then
    echo "ok $count - $command --help shows “cluster-atlas $command”"
  else
    echo "not ok $count - $command --help does not show “cluster-atlas $command”"
    failures=$((failures + 1))
  fi
done

echo "1..$count"
[ "$failures" -eq 0 ]

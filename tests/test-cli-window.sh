#!/usr/bin/env bash
# test-cli-window.sh — `cluster-atlas` stays free of GTK (its commands must
# not pay for loading it) and, with no command, hands its arguments to the
# window program, which answers GApplication's own options.
#
#   test-cli-window.sh PATH/TO/cluster-atlas
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

program=${1:?usage: test-cli-window.sh PATH/TO/cluster-atlas}
export LC_ALL=C.UTF-8 LANGUAGE=en
failures=0

if ldd "$program" | grep -q 'libgtk-4'; then
  echo "not ok 1 - $program links GTK:"
  ldd "$program" | grep 'libgtk-4' | sed 's/^/#   /'
  failures=$((failures + 1))
else
  echo "ok 1 - the command-line program does not link GTK"
fi

# Only GApplication (in cluster-atlas-window) knows this option; it prints
# its help and exits without needing a display.
out=$("$program" --help-gapplication </dev/null 2>&1)
status=$?
if [ "$status" -ne 0 ] || ! grep -qF -- '--gapplication-service' <<<"$out"; then
  echo "not ok 2 - --help-gapplication did not reach the window program (exit $status):"
  sed 's/^/#   /' <<<"$out"
  failures=$((failures + 1))
else
  echo "ok 2 - with no command, the arguments reach the window program"
fi

echo "1..2"
[ "$failures" -eq 0 ]

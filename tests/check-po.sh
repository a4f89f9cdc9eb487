#!/bin/sh
# tests/check-po.sh PO… — every catalogue must compile cleanly (msgfmt
# --check, and one mnemonic wherever the English has one) and be complete:
# no fuzzy and no untranslated messages, since a figure exported in Russian
# or Kazakh shows English wherever one is missing.
set -u

status=0
for po in "$@"; do
  name=$(basename "$po")
  if ! report=$(LC_ALL=C msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1); then
    printf '%s: msgfmt --check failed:\n%s\n' "$name" "$report"
    status=1
    continue
  fi
  printf '%s: %s\n' "$name" "$report"
  case "$report" in
    *fuzzy*|*untranslated*)
      status=1
      # Name the messages so the fix does not need a second tool.
      msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" 2>/dev/null |
        grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^msgid /  fuzzy: /'
      msgattrib --untranslated --no-obsolete --no-wrap "$po" 2>/dev/null |
        grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^msgid /  untranslated: /'
      ;;
  esac
done
exit $status

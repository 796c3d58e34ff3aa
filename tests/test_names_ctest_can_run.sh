#!/usr/bin/env bash
# CTest runs each doctest case by its name, found by doctest_discover_tests, which reads the names
# as a CMake list: a ';' splits a name in two and '[', ']' or '\' change how it splits, so such a
# case is never run (CTest then runs filters that match nothing, and they "pass"). 46 cases were
# lost that way, two of them failing. This fails naming every case whose name would be lost.
# Usage: test_names_ctest_can_run.sh DOCTEST_BINARY...
status=0
for binary in "$@"; do
  names=$("$binary" --list-test-cases --no-version) || { echo "cannot list the cases of $binary" >&2; exit 1; }
  bad=$(printf '%s\n' "$names" | grep -v '^\[doctest\]' | grep -v '^=====' | grep -E '[][;\\]')
  if [ -n "$bad" ]; then
    printf '%s: a test case name CTest cannot run (no ; [ ] or \\ in names; use a comma):\n%s\n' "$(basename "$binary")" "$bad" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "every doctest case name can be run by CTest"
exit "$status"

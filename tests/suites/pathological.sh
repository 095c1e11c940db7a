#!/bin/sh
# Pathological inputs: nesting, unclosed openers, huge counts and sizes,
# garbage, each with its expected outcome and a 5 s budget.  The cases and
# their runner are in tests/pathological/ (README there).
exec sh tests/pathological/run.sh "${BRIEFC:-$PWD/build/briefc}"

#!/bin/sh
# `npm run bench`: W11 holds 10,000 connections open in the server process and as many
# in the load generator's, so raise the open-files limit to the hard limit first (for
# this run only; the tests never need it).
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] && hard=1048576
ulimit -n "$hard" 2>/dev/null || echo "bench: could not raise ulimit -n to $hard (now $(ulimit -n))" >&2
exec node dist/main.js "$@"

# Helpers shared by bench/run and bench/modes; sourced, with ROOT, PORT and die() set by the caller.
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.2f", b - a}'; }
within() { awk -v a="$1" -v b="$(now)" -v limit="$2" 'BEGIN {exit !(b - a < limit)}'; }  # T0 SECONDS
free_port() { # a port nobody listens on; the kernel's ephemeral range is busy with wrk's own sockets
  local port
  for port in $(seq 17070 17170); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port in 17070-17170"
}
wrk_run() { # PATHS CONNECTIONS SECONDS -> the RESULT line's fields
  local threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$2" -d"$3"s --timeout 5s -s "$ROOT/bench/wrk-paths.lua" "http://127.0.0.1:$PORT" -- "$1" | sed -n 's/^RESULT //p'
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

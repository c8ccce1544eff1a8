# Side-by-side comparison of two bench_core CSV files (see README.md).
#
#   awk -f bench/compare.awk ours.csv peer.csv            # wall-clock times
#   awk -v cpu=1 -f bench/compare.awk ours.csv peer.csv   # process CPU times
#
# Problems are matched on (family, size); a warning is printed when the two
# files disagree on the problem itself (n, m, nnz, planted optimum), e.g.
# because they were generated with different --seed values.
# Ratios are first file / second file: below 1 means the first is faster or
# needs fewer iterations. The last line gives geometric means of the ratios.

# Split one CSV line into f[1..n] (fields may be "quoted", no embedded quotes).
function csvsplit(line, f,    n, i, c, inq, cur) {
  n = 0; cur = ""; inq = 0
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (c == "\"") inq = !inq
    else if (c == "," && !inq) { f[++n] = cur; cur = "" }
    else cur = cur c
  }
  f[++n] = cur
  return n
}

function ratio(a, b) { return (b > 0 && a > 0) ? a / b : -1 }
function fmtr(r) { return r > 0 ? sprintf("%6.2f", r) : sprintf("%6s", "-") }

FNR == 1 {
  file++
  ncol = csvsplit($0, hdr)
  for (i = 1; i <= ncol; i++) col[hdr[i]] = i
  next
}

{
  csvsplit($0, f)
  key = f[col["family"]] SUBSEP f[col["size"]]
  setup = cpu ? f[col["setup_cpu_ms"]] : f[col["setup_ms"]]
  solve = cpu ? f[col["solve_cpu_ms"]] : f[col["solve_ms"]]
  it = f[col["iters"]] + 0
  id = f[col["n"]] " " f[col["m"]] " " f[col["nnz_a"]] " " f[col["nnz_p"]] " " f[col["pstar"]]
  if (file == 1) {
    if (!(key in seen)) order[++nkeys] = key
    seen[key] = 1
    impl1 = f[col["impl"]]
    A_setup[key] = setup; A_solve[key] = solve; A_it[key] = it
    A_err[key] = f[col["rel_obj_err"]]; A_st[key] = f[col["status"]]
    A_id[key] = id; A_nnz[key] = f[col["nnz_a"]]
  } else {
    impl2 = f[col["impl"]]
    B_setup[key] = setup; B_solve[key] = solve; B_it[key] = it
    B_err[key] = f[col["rel_obj_err"]]; B_st[key] = f[col["status"]]
    B_id[key] = id
  }
}

END {
  printf "# ratios %s / %s; %s times: per iteration in us, total (setup + solve) in ms\n", impl1, impl2, cpu ? "CPU" : "wall"
  printf "%-5s %4s %7s | %6s %6s %6s | %8s %8s %6s | %9s %9s %6s | %8s %8s | %s / %s\n",
    "fam", "size", "nnzA", "it1", "it2", "ratio", "us/it1", "us/it2", "ratio",
    "total1", "total2", "ratio", "relerr1", "relerr2", "status1", "status2"
  for (k = 1; k <= nkeys; k++) {
    key = order[k]
    if (!(key in B_it)) continue
    split(key, kk, SUBSEP)
    if (A_id[key] != B_id[key])
      printf "# warning: %s size %s differs between the files\n", kk[1], kk[2]
    pa = A_it[key] > 0 ? 1e3 * A_solve[key] / A_it[key] : 0
    pb = B_it[key] > 0 ? 1e3 * B_solve[key] / B_it[key] : 0
    ta = A_setup[key] + A_solve[key]; tb = B_setup[key] + B_solve[key]
    ri = ratio(A_it[key], B_it[key]); rp = ratio(pa, pb); rt = ratio(ta, tb)
    printf "%-5s %4s %7s | %6d %6d %s | %8.2f %8.2f %s | %9.2f %9.2f %s | %8.1e %8.1e | %s / %s\n",
      kk[1], kk[2], A_nnz[key], A_it[key], B_it[key], fmtr(ri), pa, pb, fmtr(rp),
      ta, tb, fmtr(rt), A_err[key], B_err[key], A_st[key], B_st[key]
    if (ri > 0) { li += log(ri); ni++ }
    if (rp > 0) { lp += log(rp); np++ }
    if (rt > 0) { lt += log(rt); nt++ }
  }
  printf "# geometric means: iterations %.3f, time/iteration %.3f, total time %.3f\n",
    ni ? exp(li / ni) : 0, np ? exp(lp / np) : 0, nt ? exp(lt / nt) : 0
}

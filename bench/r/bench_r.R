## The R side of bench/r (run by bench/r/run.sh): builds a small and a
## medium problem, dumps each with write_data_filename for the C side, and
## prints the median wall time of one scs() call in microseconds.
##   Rscript bench_r.R OUTDIR
args <- commandArgs(TRUE)
outdir <- args[1]
suppressPackageStartupMessages({ library(scs); library(Matrix) })

make_problem <- function(n, m, density, seed) {
    ## feasible, bounded LP + small quadratic term: A x + s = b, s >= 0
    set.seed(seed)
    A <- rsparsematrix(m, n, density)
    A <- rbind(A, Diagonal(n), -Diagonal(n))           # -1 <= x <= 1
    x0 <- runif(n, -0.5, 0.5)
    b <- c(as.numeric(A[seq_len(m), ] %*% x0) + runif(m), rep(1, 2 * n))
    P <- Diagonal(n, 0.01)
    list(A = as(A, "CsparseMatrix"), b = b, obj = rnorm(n),
         P = as(as(P, "CsparseMatrix"), "symmetricMatrix"),
         cone = list(l = m + 2 * n))
}

time_r <- function(p, reps, control) {
    t <- numeric(reps)
    for (r in seq_len(reps)) {
        t0 <- Sys.time()
        res <- scs(p$A, p$b, p$obj, P = p$P, cone = p$cone, control = control)
        t[r] <- as.numeric(difftime(Sys.time(), t0, units = "secs")) * 1e6
    }
    c(median(t), res$info$iter, res$info$pobj)
}

sizes <- list(small = list(n = 10, m = 20, density = 0.5, reps = 2001),
              medium = list(n = 2000, m = 4000, density = 0.002, reps = 5))
control <- list(eps_abs = 1e-5, eps_rel = 1e-5)
for (nm in names(sizes)) {
    s <- sizes[[nm]]
    p <- make_problem(s$n, s$m, s$density, 1)
    f <- file.path(outdir, paste0(nm, ".dump"))
    invisible(scs(p$A, p$b, p$obj, P = p$P, cone = p$cone,
                  control = c(control, write_data_filename = f)))
    r <- time_r(p, s$reps, control)
    cat(sprintf("%s %d %d %d %.1f %d %.10g\n", nm, s$n, nrow(p$A),
                length(p$A@x) + length(p$P@x), r[1], as.integer(r[2]), r[3]))
}

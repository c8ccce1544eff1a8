## Ctrl-C during a solve: SIGINT reaches R's handler (libscs's handling is
## off), the progress callback sees it and the solve stops cleanly with an
## "interrupt" condition carrying the best iterate.
test_that("SIGINT stops a long solve cleanly", {
    skip_on_os("windows")
    skip_if(nzchar(Sys.getenv("SCS_SKIP_INTERRUPT_TEST")))
    set.seed(1)
    m <- 400; n <- 200
    A <- matrix(rnorm(m * n), m, n)
    x0 <- runif(n)
    ## feasible and bounded (-1 <= x <= 1)
    A <- rbind(A, diag(n), -diag(n))
    b <- c(A[1:m, ] %*% x0 + runif(m), rep(1, 2 * n))
    ## zero tolerances: runs to max_iters (or the 60 s limit) unless stopped
    ctl <- list(eps_abs = 0, eps_rel = 0, eps_infeas = 0,
                max_iters = 10000000L, time_limit_secs = 60)
    t0 <- Sys.time()
    ## a forked helper sends SIGINT to this R process after one second
    pid <- Sys.getpid()
    parallel::mcparallel({
        Sys.sleep(1)
        tools::pskill(pid, tools::SIGINT)
    }, detached = TRUE)
    cond <- tryCatch(scs(A, b, rnorm(n), cone = list(l = m + 2 * n),
                         control = ctl),
                     interrupt = function(e) e)
    elapsed <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
    expect_s3_class(cond, "scs_interrupt")
    expect_lt(elapsed, 20)
    expect_equal(cond$result$info$status, "interrupted")
    expect_identical(cond$result$info$statusVal, -5L)
    expect_length(cond$result$x, n)
    ## the session is fine afterwards
    expect_equal(solve_lp()$info$status, "solved")
})

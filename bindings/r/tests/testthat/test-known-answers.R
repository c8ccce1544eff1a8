test_that("LP", {
    r <- solve_lp(control = tight)
    expect_identical(names(r), c("x", "y", "s", "info"))
    expect_equal(r$info$status, "solved")
    expect_identical(r$info$statusVal, 1L)
    expect_equal(r$info$pobj, -1, tolerance = 1e-6)
    expect_equal(sum(r$x), 1, tolerance = 1e-6)
})

test_that("QP", {
    r <- solve_qp()
    expect_equal(r$info$status, "solved")
    expect_equal(r$x, c(1, 1) / 3, tolerance = 1e-6)
    expect_equal(r$info$pobj, -1 / 3, tolerance = 1e-6)
})

test_that("SOCP: minimize x1 + x2 on the unit disc", {
    A <- rbind(c(0, 0), c(-1, 0), c(0, -1))
    r <- scs(A, c(1, 0, 0), c(1, 1), cone = list(q = 3), control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$info$pobj, -sqrt(2), tolerance = 1e-6)
    expect_equal(r$x, -c(1, 1) / sqrt(2), tolerance = 1e-5)
})

test_that("SDP: smallest eigenvalue of [2 1; 1 2] is 1", {
    ## X = [x1 x2; x2 x3] PSD, trace X = 1, minimize <C, X>
    A <- rbind(c(1, 0, 1), -diag(c(1, sqrt(2), 1)))
    r <- scs(A, c(1, 0, 0, 0), c(2, 2, 2), cone = list(z = 1, s = 2),
             control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$info$pobj, 1, tolerance = 1e-6)
    expect_equal(r$x, c(0.5, -0.5, 0.5), tolerance = 1e-5)
})

test_that("exponential cone: minimize t with exp(1) <= t", {
    A <- matrix(c(0, 0, -1), ncol = 1)
    r <- scs(A, c(1, 1, 0), 1, cone = list(ep = 1), control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$x, exp(1), tolerance = 1e-6)
})

test_that("dual exponential cone", {
    ## (u, v, w) in K_exp^*: u < 0, -u e^(v/u) <= e w. With u = -1, v = 0:
    ## w >= 1/e; minimize w.
    A <- matrix(c(0, 0, -1), ncol = 1)
    r <- scs(A, c(-1, 0, 0), 1, cone = list(ed = 1), control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$x, exp(-1), tolerance = 1e-6)
})

test_that("power cone: maximize z with sqrt(4 * 1) >= |z|", {
    A <- matrix(c(0, 0, -1), ncol = 1)
    r <- scs(A, c(4, 1, 0), -1, cone = list(p = 0.5), control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$x, 2, tolerance = 1e-6)
})

test_that("box cone: minimize x with 0.5 <= x <= 2", {
    A <- matrix(c(0, -1), ncol = 1)
    r <- scs(A, c(1, 0), 1, cone = list(bl = 0.5, bu = 2), control = tight)
    expect_equal(r$info$status, "solved")
    expect_equal(r$x, 0.5, tolerance = 1e-6)
    r2 <- scs(A, c(1, 0), 1, cone = list(bsize = 2, bl = 0.5, bu = 2),
              control = tight)
    expect_equal(r2$x, r$x)
})

test_that("f is accepted as z", {
    A <- matrix(c(1, 1), ncol = 1)
    r1 <- scs(A, c(1, 1), 1, cone = list(z = 2))
    r2 <- scs(A, c(1, 1), 1, cone = list(f = 2))
    expect_equal(r1$x, r2$x)
    expect_equal(r1$x, 1, tolerance = 1e-4)
})

test_that("infeasible and unbounded statuses", {
    r <- scs(matrix(c(-1, 1), ncol = 1), c(-1, 0), 1, cone = list(l = 2))
    expect_equal(r$info$status, "infeasible")
    expect_identical(r$info$statusVal, -2L)
    r <- scs(matrix(-1, 1, 1), 0, -1, cone = list(l = 1))
    expect_equal(r$info$status, "unbounded")
    expect_identical(r$info$statusVal, -1L)
})

test_that("warm start from a solution takes fewer iterations", {
    cold <- solve_lp(control = tight)
    warm <- solve_lp(initial = list(x = cold$x, y = cold$y, s = cold$s),
                     control = tight)
    expect_equal(warm$info$status, "solved")
    expect_lt(warm$info$iter, cold$info$iter)
    expect_equal(warm$info$pobj, -1, tolerance = 1e-6)
})

test_that("info has the established fields plus aa_stats and the backend", {
    r <- solve_lp()
    established <- c("iter", "status", "statusVal", "scaleUpdates", "pobj",
                     "dobj", "resPri", "resDual", "gap", "resInfeas",
                     "resUnbddA", "resUnbddP", "setupTime", "solveTime",
                     "scale", "compSlack", "rejectedAccelSteps",
                     "acceptedAccelSteps", "linsysTime", "coneTime",
                     "accelTime")
    expect_true(all(established %in% names(r$info)))
    expect_identical(names(r$info)[seq_along(established)], established)
    expect_equal(r$info$lin_sys_solver, "sparse-direct")
    expect_named(r$info$aa_stats, c("iter", "n_accept", "n_reject_lapack",
        "n_reject_rank0", "n_reject_nonfinite", "n_reject_weight_cap",
        "n_safeguard_reject", "last_rank", "last_aa_norm",
        "last_regularization"))
    ## acceleration on: the statistics count something
    r <- solve_lp(control = c(tight, acceleration_lookback = 5L,
                              acceleration_interval = 2L))
    expect_gt(r$info$aa_stats$iter, 0L)
})

test_that("run-time backends", {
    expect_true(all(c("direct", "indirect", "dense", "auto") %in% scs_backends()))
    for (b in c("direct", "indirect", "dense")) {
        r <- solve_qp(control = c(tight, lin_sys_backend = b))
        expect_equal(r$x, c(1, 1) / 3, tolerance = 1e-5)
    }
    r <- solve_lp(control = list(lin_sys_backend = "indirect"))
    expect_equal(r$info$lin_sys_solver, "sparse-indirect")
    r <- solve_lp(control = list(lin_sys_backend = "dense"))
    expect_equal(r$info$lin_sys_solver, "dense")
})

test_that("defaults are those of the established package", {
    ctl <- scs_control()
    expect_false(ctl$verbose)
    expect_identical(ctl$acceleration_lookback, 0L)
    expect_identical(ctl$acceleration_interval, 1L)
    expect_identical(ctl$max_iters, 100000L)
    expect_equal(ctl$eps_abs, 1e-4)
    expect_equal(ctl$eps_rel, 1e-4)
    expect_equal(ctl$eps_infeas, 1e-7)
    expect_equal(ctl$alpha, 1.5)
    expect_equal(ctl$scale, 0.1)
    expect_equal(ctl$rho_x, 1e-6)
    expect_equal(ctl$time_limit_secs, 0)
    expect_true(ctl$normalize)
    expect_true(ctl$adaptive_scale)
    expect_false(ctl$warm_start)
    expect_identical(formals(scs)$P, NULL)
    expect_identical(names(formals(scs)),
                     c("A", "b", "obj", "P", "cone", "initial", "control"))
})

test_that("output goes through R's printing", {
    out <- capture.output(r <- solve_lp(control = list(verbose = TRUE)))
    expect_true(any(grepl("status:  solved", out, fixed = TRUE)))
    expect_true(any(grepl("iter", out)))
    expect_length(capture.output(invisible(solve_lp())), 0L)
})

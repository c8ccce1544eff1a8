test_that("bad inputs are R errors with precise messages", {
    expect_error(scs(lp$A, c(1, 0), lp$obj, cone = lp$cone),
                 "b has length 2, expected 3", class = "scs_error")
    expect_error(scs(lp$A, lp$b, 1, cone = lp$cone),
                 "obj has length 1, expected 2", class = "scs_error")
    expect_error(scs(lp$A, lp$b, lp$obj, cone = list(l = 2)),
                 "cone sizes sum to 2 but m = 3", class = "scs_error")
    expect_error(scs(lp$A, lp$b, lp$obj, cone = list(l = 3, zz = 1)),
                 "unknown cone 'zz'", class = "scs_error")
    expect_error(scs(lp$A, c(1, NA, 0), lp$obj, cone = lp$cone),
                 "b\\[1\\] is NaN", class = "scs_error")
    expect_error(solve_lp(control = list(alpha = 3)),
                 "alpha = 3 must be in \\(0, 2\\)", class = "scs_error")
    expect_error(solve_lp(control = list(lin_sys_backend = "cholmod")),
                 "unknown backend", class = "scs_error")
    expect_error(solve_lp(control = list(max_iters = "a lot")),
                 "control\\$max_iters must be a single integer")
    expect_error(solve_qp(P = diag(3)), "P is 3 x 3 but A has 2 columns",
                 class = "scs_error")
    expect_error(scs(list(1), 1, 1, cone = list(l = 1)), "unsupported class",
                 class = "scs_error")
    expect_error(scs(matrix(1), 1, 1, cone = list(l = 1, bsize = 3)),
                 "bsize = 3", class = "scs_error")
    expect_error(scs(lp$A, lp$b, lp$obj, cone = list(l = 3),
                     initial = list(x = 1)), "initial must be a list")
    ## an indefinite P is caught by the factorization
    expect_error(solve_qp(P = -diag(2)), "P", class = "scs_error")
    expect_warning(solve_lp(control = list(bogus = 1)),
                   "unknown control argument 'bogus'")
})

test_that("slam triplets out of range are rejected", {
    skip_if_not_installed("slam")
    A <- slam::simple_triplet_matrix(i = c(1, 5), j = c(1, 1), v = c(1, 1),
                                     nrow = 5, ncol = 1)
    A$nrow <- 2L
    expect_error(scs(A, c(1, 1), 1, cone = list(l = 2)),
                 "outside the 2 x 1 matrix", class = "scs_error")
})

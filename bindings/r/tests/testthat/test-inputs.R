## Every input class gives the same answer.

test_that("A as base matrix, Matrix classes, slam triplets", {
    ref <- solve_lp(control = tight)
    skip_if_not_installed("Matrix")
    As <- list(
        dgC = Matrix::Matrix(lp$A, sparse = TRUE),
        dgT = as(Matrix::Matrix(lp$A, sparse = TRUE), "TsparseMatrix"),
        dgR = as(Matrix::Matrix(lp$A, sparse = TRUE), "RsparseMatrix"),
        dge = Matrix::Matrix(lp$A, sparse = FALSE),
        int = { a <- lp$A; storage.mode(a) <- "integer"; a })
    for (nm in names(As)) {
        r <- solve_lp(A = As[[nm]], control = tight)
        expect_equal(r$x, ref$x, tolerance = 1e-7, info = nm)
    }
    skip_if_not_installed("slam")
    r <- solve_lp(A = slam::as.simple_triplet_matrix(lp$A), control = tight)
    expect_equal(r$x, ref$x, tolerance = 1e-7)
})

test_that("triplets with duplicates are summed", {
    skip_if_not_installed("Matrix")
    ## entry (1, 1) = 0.25 + 0.75 given twice
    A <- Matrix::sparseMatrix(i = c(1, 1, 1, 2, 3), j = c(1, 1, 2, 1, 2),
                              x = c(0.25, 0.75, 1, -1, -1), repr = "T")
    expect_s4_class(A, "dgTMatrix")
    r <- solve_lp(A = A, control = tight)
    expect_equal(r$info$pobj, -1, tolerance = 1e-6)
})

test_that("symmetric A (dsCMatrix) is expanded", {
    skip_if_not_installed("Matrix")
    ## minimize -x1 - x2 s.t. [1 0.5; 0.5 1] x <= 1 ; optimum at x = (2/3, 2/3)
    S <- matrix(c(1, 0.5, 0.5, 1), 2)
    ref <- scs(S, c(1, 1), c(-1, -1), cone = list(l = 2), control = tight)
    for (up in c("U", "L")) {
        Ss <- Matrix::Matrix(S, sparse = TRUE)
        Ss <- Matrix::forceSymmetric(Ss, uplo = up)
        expect_s4_class(Ss, "dsCMatrix")
        r <- scs(Ss, c(1, 1), c(-1, -1), cone = list(l = 2), control = tight)
        expect_equal(r$x, ref$x, tolerance = 1e-7)
        expect_equal(r$x, c(2, 2) / 3, tolerance = 1e-6)
    }
})

test_that("P in every class; only its upper triangle is used", {
    ref <- solve_qp()
    Pu <- qp$P
    Pu[lower.tri(Pu)] <- 0
    Pjunk <- qp$P
    Pjunk[2, 1] <- 100            # the lower triangle is ignored
    Ps <- list(full = qp$P, upper = Pu, junk = Pjunk)
    if (requireNamespace("Matrix", quietly = TRUE)) {
        S <- Matrix::Matrix(qp$P, sparse = TRUE)
        Ps$dsC_U <- Matrix::forceSymmetric(S, uplo = "U")
        Ps$dsC_L <- Matrix::forceSymmetric(S, uplo = "L")
        Ps$dsT_L <- as(Ps$dsC_L, "TsparseMatrix")
        Ps$dsT_U <- as(Ps$dsC_U, "TsparseMatrix")
        Ps$dgC <- as(as(S, "generalMatrix"), "CsparseMatrix")
        Ps$dgC_junk <- Matrix::Matrix(Pjunk, sparse = TRUE)
        Ps$dgT <- as(Ps$dgC, "TsparseMatrix")
        Ps$dtC <- Matrix::Matrix(Pu, sparse = TRUE)
        Ps$ddi <- NULL
    }
    if (requireNamespace("slam", quietly = TRUE))
        Ps$slam <- slam::as.simple_triplet_matrix(Pjunk)
    expect_s4_class(Ps$dsC_L, "dsCMatrix")
    expect_identical(Ps$dsC_L@uplo, "L")
    for (nm in names(Ps)) {
        r <- solve_qp(P = Ps[[nm]])
        expect_equal(r$x, ref$x, tolerance = 1e-7, info = nm)
        expect_equal(r$info$pobj, -1 / 3, tolerance = 1e-6, info = nm)
    }
})

test_that("sparse input is passed without copies when possible", {
    skip_if_not_installed("Matrix")
    ## large, very sparse: a dense copy would need 8e10 bytes
    n <- 1e5
    A <- Matrix::sparseMatrix(i = 1:n, j = 1:n, x = -1, dims = c(n, n))
    r <- scs(A, numeric(n), rep(1, n), cone = list(l = n))
    expect_equal(r$info$status, "solved")
    expect_equal(max(abs(r$x)), 0, tolerance = 1e-6)
})

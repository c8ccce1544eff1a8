## R interface to libscs.  The call and the control arguments follow the
## established R package 'scs' (and so CVXR's calls); libscs's additions are
## extra control arguments and extra 'info' fields.

scs <- function(A, b, obj, P = NULL, cone, initial = NULL,
                control = scs_control()) {
    control <- .scs_controls(control)
    if (missing(A) || is.null(A)) .scs_stop("A is missing")
    Aspec <- .scs_matrix_spec(A, "A", is_P = FALSE)
    m <- Aspec$m
    n <- Aspec$n
    if (missing(b)) .scs_stop("b is missing")
    if (missing(obj)) .scs_stop("obj is missing")
    b <- .scs_real_vector(b, "b", m)
    obj <- .scs_real_vector(obj, "obj", n)
    if (m < 1L || n < 1L)
        .scs_stop(sprintf("A is %d x %d: SCS needs at least one row and one column", m, n))
    Pspec <- NULL
    if (!is.null(P)) {
        Pspec <- .scs_matrix_spec(P, "P", is_P = TRUE)
        if (Pspec$m != n || Pspec$n != n)
            .scs_stop(sprintf("P is %d x %d but A has %d columns (P must be %d x %d)",
                              Pspec$m, Pspec$n, n, n, n))
    }
    if (missing(cone)) .scs_stop("cone is missing")
    cone <- .scs_cone(cone)
    if (!is.null(initial)) {
        if (!is.list(initial) || !all(c("x", "y", "s") %in% names(initial)))
            .scs_stop("initial must be a list with elements x, y and s")
        initial <- list(x = .scs_real_vector(initial$x, "initial$x", n),
                        y = .scs_real_vector(initial$y, "initial$y", m),
                        s = .scs_real_vector(initial$s, "initial$s", m))
    }
    data <- list(m = m, n = n, A = Aspec, P = Pspec, b = b, c = obj,
                 initial = initial)
    res <- .Call(scs_r_solve, data, cone, control)
    if (!is.null(res$error) && is.null(res$info))
        .scs_stop(res$error)
    if (!is.null(res$error)) {
        warning(.scs_condition(res$error, c("scs_warning", "warning"),
                               result = res))
        res$error <- NULL
    }
    if (isTRUE(res$info$interrupted)) {
        ## Behave like Ctrl-C in R: an "interrupt" condition (tryCatch(...,
        ## interrupt = ) catches it); the best iterate travels with it.
        stop(.scs_condition("scs: solve interrupted by the user",
                            c("scs_interrupt", "interrupt"), result = res))
    }
    res
}

scs_control <- function(max_iters = 100000L, eps_rel = 1e-4, eps_abs = 1e-4,
                        eps_infeas = 1e-7, alpha = 1.5, rho_x = 1e-6,
                        scale = 0.1, verbose = FALSE, normalize = TRUE,
                        warm_start = FALSE, acceleration_lookback = 0L,
                        acceleration_interval = 1L, adaptive_scale = TRUE,
                        write_data_filename = NULL, log_csv_filename = NULL,
                        time_limit_secs = 0, acceleration_type_1 = TRUE,
                        acceleration_regularization = 1e-8,
                        acceleration_relaxation = 1.0,
                        lin_sys_backend = "direct", polish = TRUE) {
    as.list(environment())
}

scs_version <- function() .Call(scs_r_versions)[1L]

scs_library_version <- function() .Call(scs_r_versions)[2L]

scs_backends <- function() {
    known <- c("direct", "indirect", "dense", "auto")
    ok <- vapply(known, function(x) nzchar(.Call(scs_r_backend_ok, x)), NA)
    known[ok]
}

## ---- internals -----------------------------------------------------------

.scs_condition <- function(message, class, result = NULL, call = NULL) {
    structure(class = c(class, "condition"),
              list(message = message, call = call, result = result))
}

.scs_stop <- function(message) {
    stop(.scs_condition(message, c("scs_error", "error"), call = NULL))
}

.scs_real_vector <- function(v, what, len) {
    if (is.null(v) || !(is.numeric(v) || is.logical(v)) ||
        !is.null(dim(v)) && length(dim(v)) > 2L)
        .scs_stop(sprintf("%s must be a numeric vector", what))
    if (length(v) != len)
        .scs_stop(sprintf("%s has length %d, expected %d", what, length(v), len))
    v <- as.double(v)
    attributes(v) <- NULL
    v
}

.scs_count <- function(v, what) {
    if (is.null(v)) return(0L)
    if (!is.numeric(v) || length(v) != 1L || is.na(v) || v < 0 || v != round(v) ||
        v > .Machine$integer.max)
        .scs_stop(sprintf("cone$%s must be a single non-negative integer", what))
    as.integer(v)
}

.scs_sizes <- function(v, what) {
    if (is.null(v) || length(v) == 0L) return(integer(0))
    if (!is.numeric(v) || anyNA(v) || any(v < 0) || any(v != round(v)) ||
        any(v > .Machine$integer.max))
        .scs_stop(sprintf("cone$%s must be a vector of non-negative integers", what))
    as.integer(v)
}

.scs_cone <- function(cone) {
    if (!is.list(cone)) .scs_stop("cone must be a named list")
    known <- c("z", "f", "l", "bl", "bu", "bsize", "q", "s", "cs", "ep", "ed", "p")
    nm <- names(cone)
    if (length(cone) && (is.null(nm) || any(!nzchar(nm))))
        .scs_stop("cone must be a named list")
    bad <- setdiff(nm, known)
    if (length(bad))
        .scs_stop(sprintf("unknown cone %s (known: %s)",
                          paste(sQuote(bad, FALSE), collapse = ", "),
                          paste(known, collapse = ", ")))
    if (!is.null(cone$z) && !is.null(cone$f))
        .scs_stop("cone: give the zero cone as z or as f, not both")
    z <- .scs_count(if (is.null(cone$z)) cone$f else cone$z,
                    if (is.null(cone$z)) "f" else "z")
    bu <- cone$bu
    bl <- cone$bl
    if (is.null(bu) != is.null(bl))
        .scs_stop("cone: the box cone needs both bl and bu")
    if (!is.null(bu)) {
        if (!is.numeric(bu) || !is.numeric(bl) || length(bu) != length(bl))
            .scs_stop("cone: bl and bu must be numeric vectors of the same length")
        bu <- as.double(bu)
        bl <- as.double(bl)
    }
    bsize <- if (length(bu)) length(bu) + 1L else 0L
    if (!is.null(cone$bsize)) {
        bs <- .scs_count(cone$bsize, "bsize")
        if (bs != bsize)
            .scs_stop(sprintf("cone$bsize = %d but bl and bu have %d entries (bsize must be their length + 1)",
                              bs, length(bu)))
    }
    p <- cone$p
    if (!is.null(p)) {
        if (!is.numeric(p)) .scs_stop("cone$p must be a numeric vector")
        p <- as.double(p)
    }
    list(z = z, l = .scs_count(cone$l, "l"), bu = bu, bl = bl, bsize = bsize,
         q = .scs_sizes(cone$q, "q"), s = .scs_sizes(cone$s, "s"),
         cs = .scs_sizes(cone$cs, "cs"), ep = .scs_count(cone$ep, "ep"),
         ed = .scs_count(cone$ed, "ed"), p = p)
}

.scs_int_settings <- c("max_iters", "acceleration_lookback",
                       "acceleration_interval")
.scs_flag_settings <- c("verbose", "normalize", "warm_start", "adaptive_scale",
                        "acceleration_type_1", "polish")
.scs_real_settings <- c("eps_rel", "eps_abs", "eps_infeas", "alpha", "rho_x",
                        "scale", "time_limit_secs",
                        "acceleration_regularization",
                        "acceleration_relaxation")

## Check and convert one setting to what the C code reads.
.scs_setting <- function(k, v) {
    if (k %in% .scs_int_settings) {
        if (!is.numeric(v) || length(v) != 1L || is.na(v) || v != round(v) ||
            abs(v) > .Machine$integer.max)
            .scs_stop(sprintf("control$%s must be a single integer", k))
        return(as.integer(v))
    }
    if (k %in% .scs_flag_settings) {
        if (!(is.logical(v) || is.numeric(v)) || length(v) != 1L || is.na(v))
            .scs_stop(sprintf("control$%s must be TRUE or FALSE", k))
        return(as.integer(as.logical(v)))
    }
    if (k %in% .scs_real_settings) {
        if (!is.numeric(v) || length(v) != 1L)
            .scs_stop(sprintf("control$%s must be a single number", k))
        return(as.double(v))
    }
    if (k %in% c("write_data_filename", "log_csv_filename")) {
        if (is.null(v)) return(NULL)
        if (!is.character(v) || length(v) != 1L || is.na(v))
            .scs_stop(sprintf("control$%s must be a file name or NULL", k))
        return(path.expand(v))
    }
    if (k == "lin_sys_backend") {
        if (!is.null(v) && (!is.character(v) || length(v) != 1L || is.na(v)))
            .scs_stop("control$lin_sys_backend must be a backend name such as \"direct\", \"indirect\", \"dense\" or \"auto\"")
        return(v)
    }
    v
}

## The defaults as given (raw) and converted, computed once (read-only).
.scs_defaults <- local({
    cache <- NULL
    function() {
        if (is.null(cache)) {
            raw <- d <- scs_control()
            for (k in names(d)) d[k] <- list(.scs_setting(k, d[[k]]))
            cache <<- list(raw = raw, converted = d)
        }
        cache
    }
})

.scs_controls <- function(control) {
    defaults <- .scs_defaults()
    full <- defaults$converted
    if (is.null(control) || length(control) == 0L) return(full)
    if (!is.list(control)) .scs_stop("control must be a list (see scs_control())")
    nm <- names(control)
    if (is.null(nm) || any(!nzchar(nm)))
        .scs_stop("control must be a named list")
    known <- nm %in% names(full)
    if (!all(known))
        warning(.scs_condition(
            sprintf("scs: ignoring unknown control argument%s %s",
                    if (sum(!known) > 1L) "s" else "",
                    paste(sQuote(nm[!known], FALSE), collapse = ", ")),
            c("scs_warning", "warning")))
    for (k in nm[known]) {
        v <- control[[k]]
        if (!identical(v, defaults$raw[[k]])) full[k] <- list(.scs_setting(k, v))
    }
    full
}

## Describe a matrix for the C code without copying sparse data densely.
## kind: 0 CSC, 1 triplets, 2 dense; stored: 0 general, 1 symmetric upper,
## 2 symmetric lower (see src/scs_r.c).
.scs_matrix_spec <- function(X, what, is_P) {
    spec <- function(kind, stored, base, m, n, i, pj, x)
        list(kind = kind, stored = stored, base = base, m = as.integer(m),
             n = as.integer(n), i = i, pj = pj, x = x)
    dbl <- function(x) if (is.null(x) || is.double(x)) x else as.double(x)
    if (inherits(X, "simple_triplet_matrix")) {             # slam
        return(spec(1L, 0L, 1L, X$nrow, X$ncol, as.integer(X$i),
                    as.integer(X$j), dbl(X$v)))
    }
    cls <- class(X)[1L]
    if (cls == "dgCMatrix")                                 # the common case
        return(spec(0L, 0L, 0L, X@Dim[1L], X@Dim[2L], X@i, X@p, X@x))
    if (isS4(X) && is(X, "Matrix")) {
        sym <- is(X, "symmetricMatrix")
        tri_unit <- is(X, "triangularMatrix") && identical(X@diag, "U")
        d <- X@Dim
        if (!tri_unit && cls %in% c("dgCMatrix", "dsCMatrix", "dtCMatrix")) {
            stored <- if (sym) (if (X@uplo == "U") 1L else 2L) else 0L
            return(spec(0L, stored, 0L, d[1L], d[2L], X@i, X@p, X@x))
        }
        if (!tri_unit && cls %in% c("dgTMatrix", "dsTMatrix", "dtTMatrix")) {
            stored <- if (sym) (if (X@uplo == "U") 1L else 2L) else 0L
            return(spec(1L, stored, 0L, d[1L], d[2L], X@i, X@j, X@x))
        }
        if (!requireNamespace("Matrix", quietly = TRUE))
            .scs_stop(sprintf("%s: package Matrix is needed for class %s", what, cls))
        ## Other Matrix classes (row-compressed, diagonal, pattern, logical,
        ## dense Matrix...): convert with Matrix itself, staying sparse.
        Y <- as(X, "CsparseMatrix")
        if (is(Y, "triangularMatrix")) Y <- as(Y, "generalMatrix")
        if (!is(Y, "dMatrix")) Y <- as(Y, "dMatrix")
        if (class(Y)[1L] %in% c("dgCMatrix", "dsCMatrix", "dtCMatrix"))
            return(.scs_matrix_spec(Y, what, is_P))
        .scs_stop(sprintf("%s: unsupported matrix class %s", what, cls))
    }
    if (is.matrix(X) || (is.atomic(X) && is.null(dim(X)))) {
        if (!(is.numeric(X) || is.logical(X)))
            .scs_stop(sprintf("%s must be numeric", what))
        if (!is.matrix(X)) X <- matrix(X, ncol = 1L)
        return(spec(2L, 0L, 0L, nrow(X), ncol(X), NULL, NULL,
                    if (is.double(X)) X else { storage.mode(X) <- "double"; X }))
    }
    if (is.data.frame(X))
        return(.scs_matrix_spec(as.matrix(X), what, is_P))
    .scs_stop(sprintf("%s: unsupported class %s (use a base matrix, a Matrix sparse matrix or a slam simple_triplet_matrix)",
                      what, paste(class(X), collapse = "/")))
}

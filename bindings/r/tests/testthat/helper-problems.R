## Small problems with known answers, shared by the tests.
tight <- list(eps_abs = 1e-9, eps_rel = 1e-9, eps_infeas = 1e-9)

## LP: minimize -x1 - x2 subject to x1 + x2 <= 1, x >= 0; optimum -1.
lp <- list(A = rbind(c(1, 1), c(-1, 0), c(0, -1)), b = c(1, 0, 0),
           obj = c(-1, -1), cone = list(l = 3))

## QP: minimize (1/2) x'Px + c'x, P = [2 1; 1 2], c = (-1, -1), x >= 0;
## optimum x = (1/3, 1/3), value -1/3.
qp <- list(P = matrix(c(2, 1, 1, 2), 2), A = -diag(2), b = c(0, 0),
           obj = c(-1, -1), cone = list(l = 2))

solve_lp <- function(A = lp$A, ...) scs(A, lp$b, lp$obj, cone = lp$cone, ...)
solve_qp <- function(P = qp$P, A = qp$A, control = tight, ...)
    scs(A, qp$b, qp$obj, P = P, cone = qp$cone, control = control, ...)

* x1 + x2 <= 1 and x1 + x2 >= 2: infeasible.
NAME          INFEAS
ROWS
 N  obj
 L  c1
 G  c2
COLUMNS
    x1        obj       1            c1        1
    x1        c2        1
    x2        obj       1            c1        1
    x2        c2        1
RHS
    rhs       c1        1            c2        2
ENDATA

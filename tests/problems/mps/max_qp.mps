* max x1 + 2 x2 - 1/2 x1^2 + 1 s.t. x1 + x2 <= 4, x2 <= 3, x >= 0:
* x2 = 3, x1 = 1, optimum 7.5 (OBJSENSE value on the next line).
NAME          MAXQP
OBJSENSE
    MAX
ROWS
 N  obj
 L  c1
COLUMNS
    x1        obj       1            c1        1
    x2        obj       2            c1        1
RHS
    rhs       c1        4            obj       -1
BOUNDS
 UP bnd       x2        3
QUADOBJ
    x1        x1        -1
ENDATA

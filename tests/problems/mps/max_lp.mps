* max x1 + 2 x2 s.t. x1 + x2 <= 4, x2 <= 3, x >= 0: optimum 7
* (OBJSENSE value on the same line).
NAME          MAXLP
OBJSENSE MAXIMIZE
ROWS
 N  obj
 L  c1
COLUMNS
    x1        obj       1            c1        1
    x2        obj       2            c1        1
RHS
    rhs       c1        4
BOUNDS
 UP bnd       x2        3
ENDATA

* The E row "empty" has no entries and right-hand side 3: 0 = 3 is
* infeasible, and the reader keeps the row so that SCS finds it.
NAME          EMPTYROW
ROWS
 N  obj
 E  empty
 L  c1
COLUMNS
    x1        obj       1            c1        1
RHS
    rhs       empty     3            c1        1
ENDATA

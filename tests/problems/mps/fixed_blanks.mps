* Fixed-format MPS with blanks inside column and set names (the row
* names have none, so the reader switches to fixed columns in COLUMNS).
* min x + 2 y - z  s.t.  x + y <= 4, x >= 1, -y + z = 7, x <= 4, y free
* (MI), 0 <= z <= 10:  x = 1, y = -7, z = 0, optimum -13.
NAME          FIXEDLP
ROWS
 N  OBJ
 L  LIM1
 G  LIM2
 E  MYEQN
COLUMNS
    X ONE     OBJ                1.0   LIM1               1.0
    X ONE     LIM2               1.0
    Y TWO     OBJ                2.0   LIM1               1.0
    Y TWO     MYEQN             -1.0
    Z 3       OBJ               -1.0   MYEQN              1.0
RHS
    RHS 1     LIM1               4.0   LIM2               1.0
    RHS 1     MYEQN              7.0
BOUNDS
 UP BND 1     X ONE              4.0
 MI BND 1     Y TWO
 UP BND 1     Z 3               10.0
ENDATA

* Every row type, RANGES on E (R > 0 and R < 0), L and G rows, every
* bound type and an objective constant. The rows and columns are
* independent pieces; optimum -5 (tests/test_mps.c derives it).
NAME          TESTLP
ROWS
 N  COST
 E  E1
 E  E2
 E  E3
 L  L1
 G  G1
 L  L2
 G  G2
 E  E4
 G  G3
 L  L3
 G  G4
 L  L4
COLUMNS
    x1        COST      -1           E1        1
    x1        L2        1
    x2        E1        1            L2        -1
    x3        COST      -1           E2        1
    x4        COST      1            E3        1
    x5        COST      1            L1        1
    x6        COST      -1           G1        1
    x7        COST      1            G2        1
    x8        COST      2            G2        1
    x9        COST      -1
    x10       COST      1
    x11       COST      2
    x12       COST      -1           E4        1
    x13       COST      1            E4        1
    x14       COST      1            G3        1
    x15       COST      -1           L3        1
    x16       COST      -1
    x17       COST      1
    x18       COST      1
    x19       COST      1            G4        1
    x20       COST      -1           L4        1
RHS
    RHS       COST      -10
    RHS       E1        4            E2        1
    RHS       E3        5            L1        7
    RHS       G1        2            L2        2
    RHS       G2        3            E4        -1
    RHS       G3        -6           L3        8
    RHS       G4        -2.5         L4        6.5
RANGES
    RNG       E2        2            E3        -3
    RNG       L1        -4           G1        5
BOUNDS
 UP BND       x7        2
 UP BND       x9        -2
 LO BND       x10       3
 FX BND       x11       5
 FR BND       x12
 MI BND       x14
 UP BND       x15       1
 PL BND       x15
 LO BND       x16       -1
 UP BND       x16       3
 LO BND       x17       -1
 UP BND       x17       3
 UP BND       x18       0
 LO BND       x19       -1e30
 UP BND       x20       1e30
ENDATA

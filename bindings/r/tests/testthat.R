library(testthat)
library(scs)
test_check("scs")

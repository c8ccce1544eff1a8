/*
 * The linear-system backend interface, as published in scs_linsys.h, plus
 * what the library's own backends share.
 */
#ifndef SCS_LINSYS_H
#define SCS_LINSYS_H

#include "scs.h"

/* The backend a workspace uses for settings field `chosen` (NULL: direct;
 * scs_linsys_auto resolved for A and P). */
const ScsLinSysBackend *scs_linsys_resolve(const ScsLinSysBackend *chosen,
                                           const ScsMatrix *A,
                                           const ScsMatrix *P);

/* Whether the dense backend factors the m x m system R_y + A D^{-1} A'
 * instead of the n x n one (P NULL or diagonal, and 2m < n); the "auto"
 * rule sizes the dense factor with it. */
int scs_dense_reduces_to_m(scs_int m, scs_int n, int p_diagonal);

/* What one numeric refactorization of the direct backend's state costs,
 * in solves with it (flop counts from the symbolic analysis: the same on
 * every machine). Polishing bounds its work with it. */
double scs_direct_refactor_cost(const void *state);

/* 0 if b is a usable vtable, else nonzero after scs_set_error(). */
int scs_linsys_check(const ScsLinSysBackend *b);

#endif

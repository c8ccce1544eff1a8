/*
 * Data equilibration (Ruiz, RAL-TR-2001-034; SCS "Equilibration" page):
 *   P^ = E P E,  A^ = D A E,  b^ = sigma D b,  c^ = sigma E c
 * with D constant over every non-separable cone block so the cone is kept.
 */
#ifndef SCS_NORMALIZE_H
#define SCS_NORMALIZE_H

#include "cones/cones.h"
#include "glob.h"

typedef struct {
  scs_float *D;    /* m row factors */
  scs_float *E;    /* n column factors */
  scs_float sigma; /* common factor of b and c */
  scs_int m, n;
  int has_p;       /* P has a nonzero entry (set by scs_equilibrate) */
} ScsScaling;

/* Identity scaling (normalize off) or NULL on allocation failure. */
ScsScaling *scs_scaling_alloc(scs_int m, scs_int n);
void scs_scaling_free(ScsScaling *s);
/* Equilibrate A and P in place and record D, E. 0, or nonzero after
 * scs_set_error (no memory). */
int scs_equilibrate(ScsScaling *s, ScsMatrix *A, ScsMatrix *P,
                    const ScsConeWork *cones);
/* Balance D b against E c (no P), choose sigma from them (normalize on)
 * and scale b, c in place. */
void scs_normalize_b_c(ScsScaling *s, scs_float *b, scs_float *c);
/* b <- sigma D b and c <- sigma E c with the current sigma (scs_update). */
void scs_normalize_b(const ScsScaling *s, scs_float *b);
void scs_normalize_c(const ScsScaling *s, scs_float *c);
/* Map a solution between the caller's space and the normalized one. */
void scs_normalize_sol(const ScsScaling *s, scs_float *x, scs_float *y,
                       scs_float *sl);
void scs_unnormalize_sol(const ScsScaling *s, scs_float *x, scs_float *y,
                         scs_float *sl);
/* Vectors of the primal space (length m: Ax, s, residual) and the dual
 * space (length n: Px, A'y, residual) back to the caller's units. */
void scs_unnormalize_primal(const ScsScaling *s, scs_float *r);
void scs_unnormalize_dual(const ScsScaling *s, scs_float *r);

#endif

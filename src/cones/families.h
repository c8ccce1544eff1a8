/*
 * The cone families of ScsCone, in the order their rows take in A (SCS
 * 3.2's order): the one place that fixes it. Row offsets (cones.c), the
 * blocks that equilibration keeps together (cones.c), the row count of
 * validation (validate.c) and scs_cone_describe all walk this table.
 * Adding a cone: docs/cones.md, "Adding a cone family".
 */
#ifndef SCS_CONE_FAMILIES_H
#define SCS_CONE_FAMILIES_H

#include <stdint.h>

#include "glob.h"

typedef enum {
  SCS_CONE_Z,   /* zero cone, k->z rows */
  SCS_CONE_L,   /* nonnegative orthant, k->l rows */
  SCS_CONE_BOX, /* box cone, k->bsize rows (t first) */
  SCS_CONE_Q,   /* second-order cones, q[i] rows each */
  SCS_CONE_S,   /* PSD cones, s(s+1)/2 rows each */
  SCS_CONE_CS,  /* complex PSD cones, cs^2 rows each */
  SCS_CONE_EP,  /* primal exponential cones, 3 rows each */
  SCS_CONE_ED,  /* dual exponential cones, 3 rows each */
  SCS_CONE_P,   /* power cones, 3 rows each */
  SCS_CONE_FAMILIES
} ScsConeFamily;

typedef struct {
  const char *name; /* in messages and descriptions: "z", "box", "q" ... */
  /* the family's count field of ScsCone: z, l, bsize, qsize, ... */
  scs_int (*field)(const ScsCone *k);
  /* number of cones of the family (z, l and box are one cone, if any) */
  scs_int (*count)(const ScsCone *k);
  /* rows of cone i, exact in 64 bits for validated sizes */
  int64_t (*rows)(const ScsCone *k, scs_int i);
  int separable; /* each row may be scaled on its own (z, l) */
  int sized;     /* per-cone sizes in an array (q, s, cs); otherwise
                    every cone of the family has rows(k, 0) rows */
} ScsConeFamilyInfo;

/* The table, indexed by ScsConeFamily (which is the row order). */
extern const ScsConeFamilyInfo scs_cone_families[SCS_CONE_FAMILIES];

#endif

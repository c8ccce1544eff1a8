/* Allocation, deep copies and lifetime of ScsWork. */
#ifndef SCS_WORKSPACE_H
#define SCS_WORKSPACE_H

#include "work.h"

/* Build a workspace from validated inputs: copy, equilibrate, factor.
 * NULL (after scs_set_error) on failure, with nothing leaked. */
ScsWork *scs_work_create(const ScsData *d, const ScsCone *k,
                         const ScsSettings *stgs);
void scs_work_destroy(ScsWork *w);

/* scs_update's work: replace b and/or c (caller's units, validated; NULL
 * keeps the current one) and recompute g. Atomic: on failure (nonzero,
 * after scs_set_error) the workspace is exactly as before. */
int scs_work_update_data(ScsWork *w, const scs_float *b, const scs_float *c);

#endif

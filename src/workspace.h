/* Allocation, deep copies and lifetime of ScsWork. */
#ifndef SCS_WORKSPACE_H
#define SCS_WORKSPACE_H

#include "work.h"

/* Build a workspace from validated inputs: copy, equilibrate, factor.
 * NULL (after scs_set_error) on failure, with nothing leaked. */
ScsWork *scs_work_create(const ScsData *d, const ScsCone *k,
                         const ScsSettings *stgs);
void scs_work_destroy(ScsWork *w);

#endif

/* Shim for SCS's internal util.h (see ../README.md). */
#ifndef SCS_SHIM_UTIL_H
#define SCS_SHIM_UTIL_H

#include "glbopts.h"

void SCS(free_sol)(ScsSolution *sol);
void SCS(free_data)(ScsData *d);
void SCS(free_cone)(ScsCone *k);

#endif

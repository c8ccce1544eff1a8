/* Shim for SCS's internal rw.h (see ../README.md): libscs's dump reader. */
#ifndef SCS_SHIM_RW_H
#define SCS_SHIM_RW_H

#include "glbopts.h"

scs_int SCS(read_data)(const char *filename, ScsData **d, ScsCone **k,
                       ScsSettings **stgs);

#endif

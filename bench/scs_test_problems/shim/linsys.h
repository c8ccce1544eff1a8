/* Shim for SCS's internal linsys.h (see ../README.md): nothing needed. */
#ifndef SCS_SHIM_LINSYS_H
#define SCS_SHIM_LINSYS_H
#include "scs_matrix.h"
#endif

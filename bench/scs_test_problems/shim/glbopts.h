/* Shim for SCS's internal glbopts.h: just what SCS's test problems use,
 * mapped onto libscs's public scs.h and the C library. Written for libscs;
 * see ../README.md. */
#ifndef SCS_SHIM_GLBOPTS_H
#define SCS_SHIM_GLBOPTS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scs.h"

#define SCS(x) scs_shim_##x
#define scs_printf printf
#define scs_calloc calloc
#define scs_malloc malloc
#define scs_realloc realloc
#define scs_free free
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef ABS
#define ABS(x) (((x) < 0) ? -(x) : (x))
#endif
#define SQRTF sqrt
#define POWF pow
#define EXPF exp
#define LOGF log

#endif

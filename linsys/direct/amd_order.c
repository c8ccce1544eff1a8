/*
 * Fill-reducing ordering of the KKT matrix with SuiteSparse AMD
 * (Amestoy, Davis, Duff, SIMAX 17(4), 1996).
 *
 * amd_order accepts the upper triangle: it orders the pattern of K + K'
 * and ignores the diagonal. K from kkt.c has sorted columns without
 * duplicates, so AMD answers AMD_OK; AMD_OK_BUT_JUMBLED would mean the
 * assembly broke its own invariant and is reported as an error.
 */
#include <amd.h>
#include <stdlib.h>

#include "alloc.h"
#include "error.h"
#include "ldl.h"

static const char *amd_status_text(int status) {
  switch (status) {
    case AMD_OUT_OF_MEMORY: return "out of memory";
    case AMD_INVALID: return "invalid input matrix";
    case AMD_OK_BUT_JUMBLED:
      return "unsorted or duplicate entries in the KKT pattern";
    default: return "unknown status";
  }
}

#if SCS_DLONG
/* scs_int is long long but AMD's 64-bit interface takes SuiteSparse_long
 * (long on LP64): same width, distinct type, so copy rather than alias. */
static int amd_order_scs_int(const ScsLdlMatrix *K, scs_int *perm,
                             double *control, double *info) {
  scs_int nk = K->n, nnz = K->p[nk];
  SuiteSparse_long *ap = scs_malloc_array(((size_t)nk + 1), sizeof(*ap));
  SuiteSparse_long *ai = scs_malloc_array((size_t)nnz, sizeof(*ai));
  SuiteSparse_long *pl = scs_malloc_array((size_t)nk, sizeof(*pl));
  int status = AMD_OUT_OF_MEMORY;
  if (ap && ai && pl && (scs_int)(SuiteSparse_long)nnz == nnz) {
    for (scs_int k = 0; k <= nk; ++k) ap[k] = (SuiteSparse_long)K->p[k];
    for (scs_int p = 0; p < nnz; ++p) ai[p] = (SuiteSparse_long)K->i[p];
    status = (int)amd_l_order((SuiteSparse_long)nk, ap, ai, pl, control, info);
    if (status == AMD_OK)
      for (scs_int k = 0; k < nk; ++k) perm[k] = (scs_int)pl[k];
  }
  scs_free(ap);
  scs_free(ai);
  scs_free(pl);
  return status;
}
#else
static int amd_order_scs_int(const ScsLdlMatrix *K, scs_int *perm,
                             double *control, double *info) {
  _Static_assert(sizeof(scs_int) == sizeof(int),
                 "SCS_DLONG is 0 but scs_int is not int");
  return amd_order((int)K->n, K->p, K->i, perm, control, info);
}
#endif

scs_int scs_amd_order(const ScsLdlMatrix *K, scs_int *perm) {
  double control[AMD_CONTROL], info[AMD_INFO];
  if (K->n == 0) return 0;
  amd_defaults(control);
  int status = amd_order_scs_int(K, perm, control, info);
  if (status != AMD_OK) {
    scs_set_error("direct: AMD ordering failed (status %d: %s) on a KKT "
                  "matrix of size %lld with %lld entries",
                  status, amd_status_text(status), (long long)K->n,
                  (long long)K->p[K->n]);
    return -1;
  }
  return 0;
}

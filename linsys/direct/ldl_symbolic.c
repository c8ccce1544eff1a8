/*
 * Symbolic analysis of C = L D L' (C given by its upper triangle, the
 * permuted KKT matrix): elimination tree and column counts of L.
 *
 * Row k of L is the set of nodes reached by walking up the elimination tree
 * from every i with C(i, k) != 0, i < k, until k (Liu's row subtree, see
 * Davis, "Direct Methods for Sparse Linear Systems", SIAM 2006, ch. 4).
 * Walking those paths once, marking visited nodes with flag[i] = k, builds
 * the tree (the first time a root i is reached from row k, parent[i] = k)
 * and counts the entries of each column, in O(nnz(L)) time.
 */
#include "error.h"
#include "ldl.h"

scs_int scs_ldl_etree(const ScsLdlMatrix *C, scs_int *parent,
                      scs_int *col_count, scs_int *flag) {
  scs_int nk = C->n;
  unsigned long long lnz = 0;
  for (scs_int k = 0; k < nk; ++k) {
    parent[k] = -1;
    flag[k] = k;
    col_count[k] = 0;
    for (scs_int p = C->p[k]; p < C->p[k + 1]; ++p) {
      scs_int i = C->i[p]; /* i <= k; the diagonal stops at once */
      while (flag[i] != k) {
        if (parent[i] < 0) parent[i] = k;
        col_count[i]++; /* L(k, i) != 0 */
        ++lnz;
        flag[i] = k;
        i = parent[i];
      }
    }
    if (lnz > (unsigned long long)SCS_INT_MAX) {
      scs_set_error("direct: the LDL' factor has more than %lld entries, "
                    "more than scs_int can index",
                    (long long)SCS_INT_MAX);
      return -1;
    }
  }
  return (scs_int)lnz;
}

void scs_ldl_colptr(const scs_int *col_count, scs_int nk, scs_int *Lp) {
  Lp[0] = 0;
  for (scs_int k = 0; k < nk; ++k) Lp[k + 1] = Lp[k] + col_count[k];
}

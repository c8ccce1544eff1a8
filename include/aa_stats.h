/*
 * Anderson acceleration diagnostics reported in ScsInfo.aa_stats.
 * Counters accumulate over the lifetime of a workspace (they survive
 * internal acceleration resets after scale updates).
 */
#ifndef SCS_AA_STATS_H
#define SCS_AA_STATS_H

#ifdef __cplusplus
extern "C" {
#endif

#include "scs_types.h"

typedef struct {
  /** Acceleration iterations seen (calls that stored a new pair). */
  scs_int iter;
  /** Accelerated points produced (before the safeguard looks at them). */
  scs_int n_accept;
  /** Least-squares solves that failed in LAPACK. */
  scs_int n_reject_lapack;
  /** Solves whose reduced system had rank zero. */
  scs_int n_reject_rank0;
  /** Solves that produced NaN or Inf weights. */
  scs_int n_reject_nonfinite;
  /** Solves whose weight vector norm exceeded the cap. */
  scs_int n_reject_weight_cap;
  /** Accelerated points rejected by the safeguard. */
  scs_int n_safeguard_reject;
  /** Rank of the most recent least-squares solve. */
  scs_int last_rank;
  /** Norm of the most recent weight vector (NaN if none yet). */
  scs_float last_aa_norm;
  /** Regularization used in the most recent solve. */
  scs_float last_regularization;
} AaStats;

#ifdef __cplusplus
}
#endif
#endif

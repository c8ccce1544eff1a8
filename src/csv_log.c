/* Per-iteration CSV log. Columns are documented in docs/settings.md. */
#include "csv_log.h"

#include "linalg.h"
#include "output.h"

FILE *scs_csv_open(const ScsWork *w) {
  FILE *f = fopen(w->stgs.log_csv_filename, "w");
  if (!f) {
    if (w->stgs.verbose)
      scs_print(&w->stgs, SCS_PRINT_WARNING,
                "scs: warning: cannot open log_csv_filename '%s'\n",
                w->stgs.log_csv_filename);
    return NULL;
  }
  fprintf(f, "iter,res_pri,res_dual,gap,pobj,dobj,tau,kap,res_infeas,"
             "res_unbdd_a,res_unbdd_p,x_nrm_inf,y_nrm_inf,s_nrm_inf,scale,"
             "accepted_accel_steps,rejected_accel_steps,time_ms\n");
  return f;
}

void scs_csv_row(FILE *f, const ScsWork *w, scs_int iter, double elapsed_ms) {
  const ScsResiduals *r = &w->r;
  fprintf(f, "%lld,%.16e,%.16e,%.16e,%.16e,%.16e,%.16e,%.16e,%.16e,%.16e,"
             "%.16e,%.16e,%.16e,%.16e,%.16e,%lld,%lld,%.6f\n",
          (long long)iter, (double)r->res_pri, (double)r->res_dual,
          (double)r->gap, (double)r->pobj, (double)r->dobj, (double)r->tau,
          (double)r->kap, (double)r->res_infeas, (double)r->res_unbdd_a,
          (double)r->res_unbdd_p,
          (double)scs_vec_norm_inf(w->x_orig, w->n),
          (double)scs_vec_norm_inf(w->y_orig, w->m),
          (double)scs_vec_norm_inf(w->s_orig, w->m), (double)w->scale,
          (long long)w->accepted_accel_steps,
          (long long)w->rejected_accel_steps, elapsed_ms);
}

/* A program built against the installed libscs (pkg-config or CMake). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs.h"
#include "scs_io.h"

/* The problem-file layer: the dump round trip, and the readers when the
 * library has them (SCS_WITH_READERS, scs_types.h). */
static int check_io(const ScsData *d, const ScsCone *k,
                    const ScsSettings *stgs) {
  char path[] = "consumer_dump.bin";
  ScsData *d2 = NULL;
  ScsCone *k2 = NULL;
  ScsSettings *s2 = NULL;
  if (scs_write_data(d, k, stgs, path) != 0 ||
      scs_read_data(path, &d2, &k2, &s2) != 0) {
    printf("consumer: dump: %s\n", scs_last_error());
    return 0;
  }
  int ok = d2->m == d->m && d2->n == d->n && k2->l == k->l;
  scs_free_problem(d2, k2, s2);
#if SCS_WITH_READERS
  ScsProblem *prob = scs_read_problem(path, "scs-dump");
  ok = ok && prob && prob->data->m == d->m && prob->n_file_vars == d->n;
  scs_problem_free(prob);
#endif
  remove(path);
  printf("consumer: dump round trip%s: %s\n",
         SCS_WITH_READERS ? " and scs_read_problem" : "", ok ? "ok" : "WRONG");
  return ok;
}

int main(void) {
  /* min -x1 - x2  s.t. x1 + 2x2 <= 4, 3x1 + x2 <= 6, x >= 0: -2.8 */
  scs_float A_x[] = {1, 3, -1, 2, 1, -1};
  scs_int A_i[] = {0, 1, 2, 0, 1, 3};
  scs_int A_p[] = {0, 3, 6};
  scs_float b[] = {4, 6, 0, 0}, c[] = {-1, -1};
  ScsMatrix A = {A_x, A_i, A_p, 4, 2};
  ScsData d = {4, 2, &A, SCS_NULL, b, c};
  ScsCone k = {0};
  k.l = 4;
  ScsSettings stgs;
  scs_set_default_settings(&stgs);
  stgs.verbose = 0;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&d, &k, &stgs, &sol, &info);
  int ok = flag == SCS_SOLVED && fabs(info.pobj + 2.8) < 1e-3;
  printf("consumer: SCS API %s, status %s, objective %.6f: %s\n", scs_version(),
         info.status, (double)info.pobj, ok ? "ok" : "WRONG");
  free(sol.x);
  free(sol.y);
  free(sol.s);
  ok = check_io(&d, &k, &stgs) && ok;
  return ok ? 0 : 1;
}

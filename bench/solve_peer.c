/*
 * solve_peer: solve one SCS 3.2 binary dump (write_data_filename's format)
 * with whatever library this is linked against, and print one JSON object
 * on stdout. bench/run_benchmarks.py builds it against another SCS 3.2
 * library (e.g. SCS 3.2.11's out/libscsdir.a) with only that library's
 * include directory on the path, so the problems converted by our
 * scs-solve run unchanged through the other solver.
 *
 * Public SCS 3.2 API only (scs.h) plus the dump reader every SCS 3.2
 * library has in src/rw.c but does not declare in scs.h. SCS names it
 * _scs_read_data (its SCS() prefix macro); libscs exports it as
 * scs_read_data. Choose with -DSOLVE_PEER_READ_DATA=name (default
 * _scs_read_data); the runner tries both.
 *
 *   solve_peer DUMP [--eps-abs X] [--eps-rel X] [--max-iters N]
 *                   [--time-limit SECONDS]
 *   solve_peer --version      (prints scs_version() and exits)
 *
 * Settings are the library's defaults (scs_set_default_settings, not the
 * settings stored in the dump) with verbose = 0 and the options above.
 * Exit 0 when the solver ran (any status), 1 on read/setup failure (one
 * line on stderr), 2 on bad arguments. Anything the library prints goes to
 * stderr: stdout carries only the JSON.
 *
 * JSON keys: file, version, m, n, nnz_a, nnz_p, status, status_val,
 * iterations, pobj, dobj, res_pri, res_dual, gap, res_infeas, res_unbdd_a,
 * res_unbdd_p, read_time_ms, setup_time_ms, solve_time_ms (the library's
 * own info.setup_time / info.solve_time, as scs-solve reports them),
 * wall_setup_ms, wall_solve_ms (wall clock around scs_init and scs_solve),
 * lin_sys_solver, eps_abs, eps_rel, max_iters, time_limit_secs. Non-finite
 * numbers are null.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "scs.h"

#ifndef SOLVE_PEER_READ_DATA
#define SOLVE_PEER_READ_DATA _scs_read_data
#endif

/* The dump reader (src/rw.c of SCS 3.2); returns 0 on success. */
scs_int SOLVE_PEER_READ_DATA(const char *filename, ScsData **d, ScsCone **k,
                             ScsSettings **stgs);

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static void usage(void) {
  fprintf(stderr,
          "usage: solve_peer DUMP [--eps-abs X] [--eps-rel X] "
          "[--max-iters N] [--time-limit SECONDS]\n");
}

static int parse_double(const char *s, double *out) {
  char *end;
  errno = 0;
  *out = strtod(s, &end);
  return end != s && *end == '\0' && errno == 0;
}

static int parse_long(const char *s, long *out) {
  char *end;
  errno = 0;
  *out = strtol(s, &end, 10);
  return end != s && *end == '\0' && errno == 0;
}

static void json_string(FILE *f, const char *key, const char *s) {
  fprintf(f, "\"%s\": \"", key);
  for (; *s; ++s) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') {
      fprintf(f, "\\%c", ch);
    } else if (ch < 0x20) {
      fprintf(f, "\\u%04x", ch);
    } else {
      fputc(ch, f);
    }
  }
  fputc('"', f);
}

static void json_number(FILE *f, const char *key, double v) {
  if (isfinite(v)) {
    fprintf(f, "\"%s\": %.17g", key, v);
  } else {
    fprintf(f, "\"%s\": null", key);
  }
}

static void free_matrix(ScsMatrix *a) {
  if (!a) return;
  free(a->x);
  free(a->i);
  free(a->p);
  free(a);
}

int main(int argc, char **argv) {
  const char *path = NULL;
  double eps_abs = -1, eps_rel = -1, time_limit = -1;
  long max_iters = -1;
  int i, json_fd;
  FILE *out;
  ScsData *d = NULL;
  ScsCone *k = NULL;
  ScsSettings *file_stgs = NULL;
  ScsSettings stgs;
  ScsWork *w;
  ScsSolution sol;
  ScsInfo info;
  double t0, t_read, t_setup, t_solve;
  scs_int flag;

  for (i = 1; i < argc; ++i) {
    const char *a = argv[i];
    int has_val = i + 1 < argc;
    if (!strcmp(a, "--eps-abs") && has_val) {
      if (!parse_double(argv[++i], &eps_abs) || eps_abs < 0) goto bad;
    } else if (!strcmp(a, "--eps-rel") && has_val) {
      if (!parse_double(argv[++i], &eps_rel) || eps_rel < 0) goto bad;
    } else if (!strcmp(a, "--time-limit") && has_val) {
      if (!parse_double(argv[++i], &time_limit) || time_limit < 0) goto bad;
    } else if (!strcmp(a, "--max-iters") && has_val) {
      if (!parse_long(argv[++i], &max_iters) || max_iters <= 0) goto bad;
    } else if (!strcmp(a, "--version")) {
      printf("%s\n", scs_version());
      return 0;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage();
      return 0;
    } else if (a[0] == '-' && a[1] != '\0') {
      goto bad;
    } else if (!path) {
      path = a;
    } else {
      goto bad;
    }
  }
  if (!path) goto bad;

  /* Keep stdout for the JSON alone: whatever the library prints (SCS's
   * reader announces itself with printf) goes to stderr. */
  fflush(stdout);
  json_fd = dup(STDOUT_FILENO);
  if (json_fd < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    fprintf(stderr, "solve_peer: cannot redirect stdout: %s\n",
            strerror(errno));
    return 1;
  }
  out = fdopen(json_fd, "w");
  if (!out) {
    fprintf(stderr, "solve_peer: fdopen: %s\n", strerror(errno));
    return 1;
  }

  t0 = now_ms();
  if (SOLVE_PEER_READ_DATA(path, &d, &k, &file_stgs) != 0 || !d || !k) {
    fflush(stdout);
    fprintf(stderr, "solve_peer: cannot read SCS dump %s\n", path);
    return 1;
  }
  t_read = now_ms() - t0;
  free(file_stgs); /* settings of the dump: calloc'ed, no owned strings */

  scs_set_default_settings(&stgs);
  stgs.verbose = 0;
  if (eps_abs >= 0) stgs.eps_abs = (scs_float)eps_abs;
  if (eps_rel >= 0) stgs.eps_rel = (scs_float)eps_rel;
  if (time_limit >= 0) stgs.time_limit_secs = (scs_float)time_limit;
  if (max_iters > 0) stgs.max_iters = (scs_int)max_iters;

  memset(&sol, 0, sizeof(sol));
  memset(&info, 0, sizeof(info));
  t0 = now_ms();
  w = scs_init(d, k, &stgs);
  t_setup = now_ms() - t0;
  if (!w) {
    fflush(stdout);
    fprintf(stderr, "solve_peer: scs_init failed on %s\n", path);
    return 1;
  }
  t0 = now_ms();
  flag = scs_solve(w, &sol, &info, 0);
  t_solve = now_ms() - t0;
  scs_finish(w);
  fflush(stdout);

  fputc('{', out);
  json_string(out, "file", path);
  fputs(", ", out);
  json_string(out, "version", scs_version());
  fprintf(out, ", \"m\": %ld, \"n\": %ld, \"nnz_a\": %ld, \"nnz_p\": %ld",
          (long)d->m, (long)d->n, (long)d->A->p[d->A->n],
          d->P ? (long)d->P->p[d->P->n] : 0L);
  fputs(", ", out);
  json_string(out, "status", info.status);
  fprintf(out, ", \"status_val\": %ld, \"iterations\": %ld", (long)flag,
          (long)info.iter);
#define NUM(key, v)                                                            \
  do {                                                                         \
    fputs(", ", out);                                                          \
    json_number(out, key, (double)(v));                                        \
  } while (0)
  NUM("pobj", info.pobj);
  NUM("dobj", info.dobj);
  NUM("res_pri", info.res_pri);
  NUM("res_dual", info.res_dual);
  NUM("gap", info.gap);
  NUM("res_infeas", info.res_infeas);
  NUM("res_unbdd_a", info.res_unbdd_a);
  NUM("res_unbdd_p", info.res_unbdd_p);
  NUM("read_time_ms", t_read);
  NUM("setup_time_ms", info.setup_time);
  NUM("solve_time_ms", info.solve_time);
  NUM("wall_setup_ms", t_setup);
  NUM("wall_solve_ms", t_solve);
  fputs(", ", out);
  json_string(out, "lin_sys_solver", info.lin_sys_solver);
  NUM("eps_abs", stgs.eps_abs);
  NUM("eps_rel", stgs.eps_rel);
  fprintf(out, ", \"max_iters\": %ld", (long)stgs.max_iters);
  NUM("time_limit_secs", stgs.time_limit_secs);
#undef NUM
  fputs("}\n", out);
  if (fclose(out) != 0) return 1;

  free(sol.x);
  free(sol.y);
  free(sol.s);
  free_matrix(d->A);
  free_matrix(d->P);
  free(d->b);
  free(d->c);
  free(d);
  /* the cone arrays both SCS 3.2 readers allocate */
  free(k->bu);
  free(k->bl);
  free(k->q);
  free(k->s);
  free(k->p);
  free(k);
  return 0;

bad:
  usage();
  return 2;
}

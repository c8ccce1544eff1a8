/* scs_read_problem: format detection, the SCS dump, and the way back from
 * an SCS solution to the file's variables. */
#include "io/problem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ends_with(const char *s, const char *suffix) {
  size_t ls = strlen(s), lx = strlen(suffix);
  if (lx > ls) return 0;
  for (size_t i = 0; i < lx; ++i) {
    char a = s[ls - lx + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (a != b) return 0;
  }
  return 1;
}

/* The format from the file name, ignoring a trailing .gz. */
static const char *guess_format(const char *path) {
  char stem[4096];
  snprintf(stem, sizeof(stem), "%s", path);
  if (ends_with(stem, ".gz")) stem[strlen(stem) - 3] = '\0';
  if (ends_with(stem, ".cbf")) return "cbf";
  if (ends_with(stem, ".mps") || ends_with(stem, ".qps") ||
      ends_with(stem, ".sif"))
    return "mps";
  return "scs-dump";
}

static void set_base_name(ScsProblem *prob, const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  snprintf(prob->name, sizeof(prob->name), "%s", base);
  /* drop the extensions: "afiro.mps.gz" -> "afiro" (keeps inner dots of
   * names like "pilot.ja.mps") */
  const char *ext[] = {".gz", ".cbf", ".mps", ".qps", ".sif"};
  for (int pass = 0; pass < 2; ++pass)
    for (size_t e = 0; e < sizeof(ext) / sizeof(ext[0]); ++e)
      if (ends_with(prob->name, ext[e]) && strlen(prob->name) > strlen(ext[e]))
        prob->name[strlen(prob->name) - strlen(ext[e])] = '\0';
}

static int read_dump(const char *path, ScsProblem *prob, ScsProblemMap *map) {
  ScsSettings *stgs = NULL;
  if (scs_read_data(path, &prob->data, &prob->cone, &stgs) != 0) return -1;
  free(prob->settings);
  prob->settings = stgs;
  prob->n_file_vars = prob->data->n;
  map->n_scalar = prob->data->n;
  return 0;
}

/* Values that overflowed in the conversion (a huge CBF coefficient times
 * sqrt 2, two rotated-cone rows added): the one way a reader's structurally
 * valid output can still be invalid. 0, or -1 after the error. */
static int matrix_finite(const ScsMatrix *M, const char *name, char *msg,
                         size_t len) {
  if (!M) return 0;
  for (scs_int j = 0; j < M->n; ++j)
    for (scs_int e = M->p[j]; e < M->p[j + 1]; ++e) {
      if (isfinite(M->x[e])) continue;
      if (isnan(M->x[e]))
        snprintf(msg, len, "%s: x[%lld] is NaN (row %lld, column %lld)", name,
                 (long long)e, (long long)M->i[e], (long long)j);
      else
        snprintf(msg, len,
                 "%s: x[%lld] = %g is not finite (row %lld, column %lld)",
                 name, (long long)e, (double)M->x[e], (long long)M->i[e],
                 (long long)j);
      return -1;
    }
  return 0;
}

static int vector_finite(const scs_float *v, scs_int len, const char *name,
                         char *msg, size_t msg_len) {
  for (scs_int i = 0; i < len; ++i) {
    if (isfinite(v[i])) continue;
    if (isnan(v[i]))
      snprintf(msg, msg_len, "%s[%lld] is NaN", name, (long long)i);
    else
      snprintf(msg, msg_len, "%s[%lld] = %g is not finite", name,
               (long long)i, (double)v[i]);
    return -1;
  }
  return 0;
}

static int check_finite(const ScsProblem *prob, const char *path) {
  const ScsData *d = prob->data;
  char msg[400];
  if (matrix_finite(d->A, "A", msg, sizeof(msg)) == 0 &&
      matrix_finite(d->P, "P", msg, sizeof(msg)) == 0 &&
      vector_finite(d->b, d->m, "b", msg, sizeof(msg)) == 0 &&
      vector_finite(d->c, d->n, "c", msg, sizeof(msg)) == 0)
    return 0;
  scs_set_last_error("%s: the converted problem is invalid: %s", path, msg);
  return -1;
}

SCS_IO_API ScsProblem *scs_read_problem(const char *path, const char *format) {
  if (!path) {
    scs_set_last_error("scs_read_problem: path is NULL");
    return NULL;
  }
  if (!format) format = guess_format(path);
  int (*reader)(const char *, ScsProblem *, ScsProblemMap *) = NULL;
  const char *canonical = NULL;
  if (strcmp(format, "cbf") == 0) {
    reader = scs_read_cbf, canonical = "cbf";
  } else if (strcmp(format, "mps") == 0 || strcmp(format, "qps") == 0) {
    reader = scs_read_mps, canonical = "mps";
  } else if (strcmp(format, "scs-dump") == 0) {
    reader = read_dump, canonical = "scs-dump";
  } else {
    scs_set_last_error("scs_read_problem: unknown format \"%s\" (expected "
                       "cbf, mps or scs-dump)",
                       format);
    return NULL;
  }
  IoProblem *io = calloc(1, sizeof(*io));
  ScsProblem *prob = io ? &io->pub : NULL;
  if (prob) prob->settings = malloc(sizeof(*prob->settings));
  if (!prob || !prob->settings) {
    scs_problem_free(prob);
    scs_set_last_error("%s: out of memory", path);
    return NULL;
  }
  scs_set_default_settings(prob->settings);
  prob->format = canonical;
  prob->objective_sign = 1;
  set_base_name(prob, path);
  if (reader(path, prob, &io->map) != 0 || check_finite(prob, path) != 0) {
    scs_problem_free(prob);
    return NULL;
  }
  return prob;
}

SCS_IO_API void scs_problem_free(ScsProblem *prob) {
  if (!prob) return;
  scs_free_problem(prob->data, prob->cone, prob->settings);
  IoProblem *io = (IoProblem *)prob;
  ScsProblemMap *map = &io->map;
  if (map->var_names)
    for (scs_int j = 0; j < prob->n_file_vars; ++j) free(map->var_names[j]);
  free(map->var_names);
  free(map->psd_dim);
  free(map->psd_start);
  free(io);
}

SCS_IO_API scs_float scs_problem_objective(const ScsProblem *prob,
                                           scs_float pobj) {
  if (!prob) return NAN;
  return prob->objective_sign * pobj + prob->objective_offset;
}

SCS_IO_API scs_int scs_problem_file_solution(const ScsProblem *prob,
                                             const ScsSolution *sol,
                                             scs_float *x) {
  if (!prob || !sol || !sol->x || !x) {
    scs_set_last_error("scs_problem_file_solution: NULL argument");
    return -1;
  }
  const ScsProblemMap *map = &((const IoProblem *)prob)->map;
  scs_int out = 0;
  for (scs_int j = 0; j < map->n_scalar; ++j) x[out++] = sol->x[j];
  for (scs_int v = 0; v < map->n_psd; ++v) {
    /* SCS's layout: lower triangle column by column, off-diagonal entries
     * scaled by sqrt(2) */
    scs_int k = map->psd_dim[v], pos = map->psd_start[v];
    for (scs_int col = 0; col < k; ++col)
      for (scs_int row = col; row < k; ++row, ++pos)
        x[out++] = row == col ? sol->x[pos] : sol->x[pos] / sqrt(2.0);
  }
  return 0;
}

SCS_IO_API const char *scs_problem_var_name(const ScsProblem *prob,
                                            scs_int i) {
  if (!prob) return NULL;
  const ScsProblemMap *map = &((const IoProblem *)prob)->map;
  if (!map->var_names || i < 0 || i >= prob->n_file_vars) return NULL;
  return map->var_names[i];
}

/*
 * scs-solve: solve a problem file (CBF, MPS/QPS or an SCS dump) with libscs
 * from the command line. The contract (options, output, exit statuses) is
 * documented in docs/scs-solve.md; keep the two in step.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scs.h"
#include "scs_io.h"

#define PROG "scs-solve"

/* Exit statuses (docs/scs-solve.md, EXIT STATUS). */
enum {
  EXIT_RAN = 0,         /* the solver ran and returned a status */
  EXIT_ERROR = 1,       /* file, data or solver failure */
  EXIT_USAGE = 2,       /* bad command line */
  EXIT_INTERRUPTED = 3  /* SIGINT stopped the solve */
};

/* ---- command line ------------------------------------------------------ */

typedef struct {
  const char *file;
  const char *format; /* NULL: guessed from the name */
  int has_eps_abs, has_eps_rel, has_eps_infeas, has_time_limit, has_scale,
      has_alpha, has_max_iters;
  double eps_abs, eps_rel, eps_infeas, time_limit, scale, alpha;
  long long max_iters;
  const ScsLinSysBackend *backend; /* NULL: the file's / library default */
  int no_accel, no_polish, no_normalize, quiet, json, convert_only;
  const char *write_solution, *write_data;
} Options;

typedef enum {
  OPT_FLAG,     /* no value */
  OPT_POSITIVE, /* finite number > 0 */
  OPT_NONNEG,   /* finite number >= 0 */
  OPT_ALPHA,    /* finite number in (0, 2) */
  OPT_COUNT,    /* integer >= 1 that fits scs_int */
  OPT_FILE,     /* non-empty string */
  OPT_BACKEND,
  OPT_FORMAT,
  OPT_HELP,
  OPT_VERSION
} OptKind;

typedef struct {
  const char *name;
  OptKind kind;
  size_t value; /* offsetof the value in Options */
  size_t given; /* offsetof the has_ flag, or (size_t)-1 */
  const char *arg;
  const char *help;
} OptSpec;

#define NO_FLAG ((size_t)-1)
#define OFF(f) offsetof(Options, f)

static const OptSpec options[] = {
    {"--eps-abs", OPT_POSITIVE, OFF(eps_abs), OFF(has_eps_abs), "X",
     "absolute tolerance (> 0; default 1e-4)"},
    {"--eps-rel", OPT_POSITIVE, OFF(eps_rel), OFF(has_eps_rel), "X",
     "relative tolerance (> 0; default 1e-4)"},
    {"--eps-infeas", OPT_POSITIVE, OFF(eps_infeas), OFF(has_eps_infeas), "X",
     "infeasibility tolerance (> 0; default 1e-7)"},
    {"--max-iters", OPT_COUNT, OFF(max_iters), OFF(has_max_iters), "N",
     "iteration limit (>= 1; default 100000)"},
    {"--time-limit", OPT_NONNEG, OFF(time_limit), OFF(has_time_limit),
     "SECONDS", "wall-clock limit of the solve (0: none, the default)"},
    {"--backend", OPT_BACKEND, OFF(backend), NO_FLAG, "NAME",
     "linear-system backend: direct, indirect, dense or auto"},
    {"--no-accel", OPT_FLAG, OFF(no_accel), NO_FLAG, NULL,
     "disable Anderson acceleration"},
    {"--no-polish", OPT_FLAG, OFF(no_polish), NO_FLAG, NULL,
     "do not polish LP/QP solutions (docs/polishing.md)"},
    {"--no-normalize", OPT_FLAG, OFF(no_normalize), NO_FLAG, NULL,
     "do not equilibrate the data"},
    {"--scale", OPT_POSITIVE, OFF(scale), OFF(has_scale), "X",
     "initial dual scale (> 0; default 0.1)"},
    {"--alpha", OPT_ALPHA, OFF(alpha), OFF(has_alpha), "X",
     "relaxation parameter (in (0, 2); default 1.5)"},
    {"--format", OPT_FORMAT, OFF(format), NO_FLAG, "FMT",
     "cbf, mps or scs-dump (default: guessed from the name)"},
    {"--quiet", OPT_FLAG, OFF(quiet), NO_FLAG, NULL,
     "no progress table (the summary is still printed)"},
    {"--json", OPT_FLAG, OFF(json), NO_FLAG, NULL,
     "print one JSON object on stdout and nothing else (implies --quiet)"},
    {"--write-solution", OPT_FILE, OFF(write_solution), NO_FLAG, "FILE",
     "write \"name value\" for every variable of the file"},
    {"--write-data", OPT_FILE, OFF(write_data), NO_FLAG, "FILE",
     "write the converted problem as an SCS dump"},
    {"--convert-only", OPT_FLAG, OFF(convert_only), NO_FLAG, NULL,
     "with --write-data: write the dump and exit without solving"},
    {"--version", OPT_VERSION, 0, NO_FLAG, NULL,
     "print the version and exit"},
    {"--help", OPT_HELP, 0, NO_FLAG, NULL, "print this help and exit"},
};

#define N_OPTIONS (sizeof(options) / sizeof(options[0]))

static void print_help(FILE *f) {
  fprintf(f,
          "Usage: " PROG " FILE [options]\n"
          "Solve a conic problem file with libscs.\n"
          "FILE is CBF (.cbf), MPS or QPS (.mps, .qps, .sif) or an SCS dump\n"
          "(anything else), optionally gzip-compressed (.gz).\n\nOptions:\n");
  for (size_t i = 0; i < N_OPTIONS; ++i) {
    char left[64];
    snprintf(left, sizeof(left), "%s%s%s", options[i].name,
             options[i].arg ? " " : "", options[i].arg ? options[i].arg : "");
    fprintf(f, "  %-24s %s\n", left, options[i].help);
  }
  fprintf(f,
          "\nExit status: 0 the solver ran (any status but failure), "
          "1 file, data or\nsolver failure, 2 bad command line, 3 "
          "interrupted (Ctrl-C).\nSee docs/scs-solve.md for the output "
          "format and the JSON keys.\n");
}

static void print_version(void) {
  printf(PROG " (libscs %s, SCS %s API; %s scs_int, %s scs_float)\n",
         scs_library_version(), scs_version(),
         sizeof(scs_int) == 8 ? "64-bit" : "32-bit",
         sizeof(scs_float) == sizeof(float) ? "float" : "double");
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, PROG ": ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  return EXIT_USAGE;
}

/* A finite number with nothing around it; 0 on success. */
static int parse_number(const char *s, double *out) {
  if (*s == '\0' || *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
      *s == '\f' || *s == '\v')
    return -1;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*end != '\0' || errno == ERANGE || !isfinite(v)) return -1;
  /* the value must survive the conversion to scs_float */
  if (!isfinite((double)(scs_float)v) || (v != 0 && (scs_float)v == 0))
    return -1;
  *out = v;
  return 0;
}

static int parse_count(const char *s, long long *out) {
  if (*s < '0' || *s > '9') return -1; /* no sign, no blank */
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (*end != '\0' || errno == ERANGE || v < 1) return -1;
  if (sizeof(scs_int) < sizeof(long long) && v > INT_MAX) return -1;
  *out = v;
  return 0;
}

/* Store value into the option o of opt; returns 0 or an exit status. */
static int set_option(Options *opt, const OptSpec *o, const char *value) {
  char *base = (char *)opt;
  double num = 0;
  switch (o->kind) {
  case OPT_POSITIVE:
    if (parse_number(value, &num) != 0 || !(num > 0))
      return usage_error("%s: expected a positive number, got '%s'", o->name,
                         value);
    break;
  case OPT_NONNEG:
    if (parse_number(value, &num) != 0 || !(num >= 0))
      return usage_error("%s: expected a number >= 0, got '%s'", o->name,
                         value);
    break;
  case OPT_ALPHA:
    if (parse_number(value, &num) != 0 || !(num > 0 && num < 2))
      return usage_error("%s: expected a number in (0, 2), got '%s'", o->name,
                         value);
    break;
  case OPT_COUNT: {
    long long n;
    if (parse_count(value, &n) != 0)
      return usage_error("%s: expected an integer in [1, %lld], got '%s'",
                         o->name,
                         sizeof(scs_int) < sizeof(long long) ? (long long)INT_MAX
                                                             : LLONG_MAX,
                         value);
    *(long long *)(base + o->value) = n;
    break;
  }
  case OPT_FILE:
    if (*value == '\0')
      return usage_error("%s: expected a file name, got '%s'", o->name, value);
    *(const char **)(base + o->value) = value;
    break;
  case OPT_BACKEND: {
    const ScsLinSysBackend *b =
        *value != '\0' ? scs_linsys_backend(value) : NULL;
    if (!b)
      return usage_error("%s: unknown backend '%s' (expected direct, "
                         "indirect, dense or auto)",
                         o->name, value);
    *(const ScsLinSysBackend **)(base + o->value) = b;
    break;
  }
  case OPT_FORMAT:
    if (strcmp(value, "cbf") != 0 && strcmp(value, "mps") != 0 &&
        strcmp(value, "qps") != 0 && strcmp(value, "scs-dump") != 0)
      return usage_error("%s: unknown format '%s' (expected cbf, mps or "
                         "scs-dump)",
                         o->name, value);
    *(const char **)(base + o->value) = value;
    break;
  default:
    break;
  }
  if (o->kind == OPT_POSITIVE || o->kind == OPT_NONNEG ||
      o->kind == OPT_ALPHA)
    *(double *)(base + o->value) = num;
  if (o->given != NO_FLAG) *(int *)(base + o->given) = 1;
  return 0;
}

/* Returns -1 to go on, or the exit status to end with now (help, version,
 * error). */
static int parse_args(int argc, char **argv, Options *opt) {
  memset(opt, 0, sizeof(*opt));
  int only_files = 0;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (only_files || arg[0] != '-' || arg[1] == '\0') { /* "-" is a name */
      if (opt->file)
        return usage_error("unexpected argument '%s' (only one FILE; see "
                           PROG " --help)",
                           arg);
      if (*arg == '\0') return usage_error("FILE is empty");
      opt->file = arg;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_files = 1;
      continue;
    }
    if (strcmp(arg, "-h") == 0) arg = "--help";
    /* "--name value" or "--name=value" */
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const OptSpec *o = NULL;
    for (size_t k = 0; k < N_OPTIONS; ++k)
      if (strlen(options[k].name) == len &&
          strncmp(options[k].name, arg, len) == 0)
        o = &options[k];
    if (!o)
      return usage_error("unknown option '%.*s' (see " PROG " --help)",
                         (int)len, arg);
    int takes_value = o->kind != OPT_FLAG && o->kind != OPT_HELP &&
                      o->kind != OPT_VERSION;
    if (!takes_value && eq)
      return usage_error("%s: takes no value, got '%s'", o->name, eq + 1);
    if (o->kind == OPT_HELP) {
      print_help(stdout);
      return EXIT_SUCCESS;
    }
    if (o->kind == OPT_VERSION) {
      print_version();
      return EXIT_SUCCESS;
    }
    if (o->kind == OPT_FLAG) {
      *(int *)((char *)opt + o->value) = 1;
      continue;
    }
    const char *value;
    if (eq) {
      value = eq + 1;
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return usage_error("%s: missing value (%s)", o->name, o->arg);
    }
    int rc = set_option(opt, o, value);
    if (rc != 0) return rc;
  }
  if (!opt->file)
    return usage_error("missing FILE (see " PROG " --help)");
  if (opt->convert_only && !opt->write_data)
    return usage_error("--convert-only needs --write-data FILE");
  if (opt->json) opt->quiet = 1;
  return -1;
}

/* ---- output helpers ---------------------------------------------------- */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long long nnz_of(const ScsMatrix *M) {
  return M && M->p ? (long long)M->p[M->n] : 0;
}

/* A JSON string: quotes, backslashes and control characters escaped; bytes
 * that are not valid UTF-8 become U+FFFD so the output is always valid. */
static void json_string(FILE *f, const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  fputc('"', f);
  while (*p) {
    unsigned c = *p;
    if (c == '"' || c == '\\') {
      fputc('\\', f);
      fputc((int)c, f);
      ++p;
    } else if (c < 0x20 || c == 0x7f) {
      switch (c) {
      case '\n': fputs("\\n", f); break;
      case '\r': fputs("\\r", f); break;
      case '\t': fputs("\\t", f); break;
      case '\b': fputs("\\b", f); break;
      case '\f': fputs("\\f", f); break;
      default: fprintf(f, "\\u%04x", c); break;
      }
      ++p;
    } else if (c < 0x80) {
      fputc((int)c, f);
      ++p;
    } else {
      /* length and minimum code point of the sequence c starts */
      int n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
      if (c >= 0xf5) n = 0;
      unsigned long cp = n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 7);
      int ok = n > 0;
      for (int t = 1; ok && t < n; ++t) {
        if ((p[t] & 0xc0) != 0x80)
          ok = 0;
        else
          cp = (cp << 6) | (p[t] & 0x3f);
      }
      if (ok && ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
                 (n == 4 && (cp < 0x10000 || cp > 0x10ffff))))
        ok = 0;
      if (ok) {
        fwrite(p, 1, (size_t)n, f);
        p += n;
      } else {
        fputs("\\ufffd", f);
        ++p;
      }
    }
  }
  fputc('"', f);
}

static void json_number(FILE *f, double v) {
  if (isfinite(v))
    fprintf(f, "%.17g", v);
  else
    fputs("null", f);
}

/* Key helpers: every value is preceded by ", " except the first. */
typedef struct {
  FILE *f;
  int first;
} Json;

static void jkey(Json *j, const char *key) {
  fputs(j->first ? "{" : ", ", j->f);
  j->first = 0;
  json_string(j->f, key);
  fputs(": ", j->f);
}
static void jstr(Json *j, const char *key, const char *v) {
  jkey(j, key);
  if (v)
    json_string(j->f, v);
  else
    fputs("null", j->f);
}
static void jnum(Json *j, const char *key, double v) {
  jkey(j, key);
  json_number(j->f, v);
}
static void jint(Json *j, const char *key, long long v) {
  jkey(j, key);
  fprintf(j->f, "%lld", v);
}

/* ---- the run ----------------------------------------------------------- */

typedef struct {
  const Options *opt;
  const ScsProblem *prob;
  const ScsSettings *stgs;
  double read_ms;
} Run;

static void json_problem(Json *j, const Run *r) {
  const ScsData *d = r->prob->data;
  jstr(j, "file", r->opt->file);
  jstr(j, "name", r->prob->name);
  jstr(j, "format", r->prob->format);
  jint(j, "m", (long long)d->m);
  jint(j, "n", (long long)d->n);
  jint(j, "nnz_a", nnz_of(d->A));
  jint(j, "nnz_p", nnz_of(d->P));
}

static void json_settings(Json *j, const Run *r) {
  jnum(j, "objective_sign", (double)r->prob->objective_sign);
  jnum(j, "objective_offset", (double)r->prob->objective_offset);
  jnum(j, "eps_abs", (double)r->stgs->eps_abs);
  jnum(j, "eps_rel", (double)r->stgs->eps_rel);
  jnum(j, "time_limit_secs", (double)r->stgs->time_limit_secs);
}

static void print_json(const Run *r, const ScsInfo *info) {
  Json j = {stdout, 1};
  json_problem(&j, r);
  jstr(&j, "status", info->status);
  jint(&j, "status_val", (long long)info->status_val);
  jint(&j, "iterations", (long long)info->iter);
  jnum(&j, "objective",
       (double)scs_problem_objective(r->prob, info->pobj));
  jnum(&j, "pobj", (double)info->pobj);
  jnum(&j, "dobj", (double)info->dobj);
  jnum(&j, "res_pri", (double)info->res_pri);
  jnum(&j, "res_dual", (double)info->res_dual);
  jnum(&j, "gap", (double)info->gap);
  jnum(&j, "res_infeas", (double)info->res_infeas);
  jnum(&j, "res_unbdd_a", (double)info->res_unbdd_a);
  jnum(&j, "res_unbdd_p", (double)info->res_unbdd_p);
  jnum(&j, "read_time_ms", r->read_ms);
  jnum(&j, "setup_time_ms", (double)info->setup_time);
  jnum(&j, "solve_time_ms", (double)info->solve_time);
  jstr(&j, "lin_sys_solver", info->lin_sys_solver);
  jint(&j, "lin_sys_iters", (long long)info->lin_sys_iters);
  jstr(&j, "polish", scs_polish_status_name(info->polish_status));
  jnum(&j, "polish_time_ms", (double)info->polish_time);
  json_settings(&j, r);
  fputs("}\n", stdout);
}

static void print_problem_block(const Run *r) {
  const ScsData *d = r->prob->data;
  char cones[512];
  scs_cone_describe(r->prob->cone, cones, sizeof(cones));
  printf("problem:      %s (%s: %s)\n", r->prob->name, r->prob->format,
         r->opt->file);
  printf("size:         m: %lld, n: %lld, nnz(A): %lld, nnz(P): %lld\n",
         (long long)d->m, (long long)d->n, nnz_of(d->A), nnz_of(d->P));
  printf("cones:        %s\n", cones);
}

/* --convert-only: say what was written; frees the problem. */
static int report_converted(const Run *r, ScsProblem *prob) {
  if (r->opt->json) {
    Json j = {stdout, 1};
    json_problem(&j, r);
    jstr(&j, "status", "converted");
    jstr(&j, "write_data", r->opt->write_data);
    jnum(&j, "read_time_ms", r->read_ms);
    jnum(&j, "objective_sign", (double)prob->objective_sign);
    jnum(&j, "objective_offset", (double)prob->objective_offset);
    fputs("}\n", stdout);
  } else {
    print_problem_block(r);
    printf("written:      %s (scs-dump)\n", r->opt->write_data);
    if (prob->objective_sign < 0 || prob->objective_offset != 0)
      printf("note:         the dump holds the SCS form: objective = "
             "%g * pobj + %.17g\n",
             (double)prob->objective_sign, (double)prob->objective_offset);
  }
  scs_problem_free(prob);
  return EXIT_RAN;
}

static void print_summary(const Run *r, const ScsInfo *info) {
  const ScsProblem *p = r->prob;
  print_problem_block(r);
  printf("status:       %s\n", info->status);
  printf("objective:    %.10g (%s", (double)scs_problem_objective(p, info->pobj),
         p->objective_sign < 0 ? "maximize" : "minimize");
  if (p->objective_offset != 0)
    printf(", constant term %.10g", (double)p->objective_offset);
  printf(")\n");
  printf("pobj, dobj:   %.10g, %.10g (SCS form, minimize)\n",
         (double)info->pobj, (double)info->dobj);
  printf("residuals:    res_pri: %.3e, res_dual: %.3e, gap: %.3e\n",
         (double)info->res_pri, (double)info->res_dual, (double)info->gap);
  if (info->status_val == SCS_INFEASIBLE ||
      info->status_val == SCS_INFEASIBLE_INACCURATE)
    printf("certificate:  res_infeas: %.3e\n", (double)info->res_infeas);
  if (info->status_val == SCS_UNBOUNDED ||
      info->status_val == SCS_UNBOUNDED_INACCURATE)
    printf("certificate:  res_unbdd_a: %.3e, res_unbdd_p: %.3e\n",
           (double)info->res_unbdd_a, (double)info->res_unbdd_p);
  printf("iterations:   %lld\n", (long long)info->iter);
  printf("times:        read: %.3f ms, setup: %.3f ms, solve: %.3f ms\n",
         r->read_ms, (double)info->setup_time, (double)info->solve_time);
  if (info->polish_status != SCS_POLISH_NOT_RUN)
    printf("polish:       %s (%.3f ms)\n", scs_polish_status_name(info->polish_status),
           (double)info->polish_time);
  if (info->lin_sys_iters > 0)
    printf("backend:      %s (%lld inner iterations)\n", info->lin_sys_solver,
           (long long)info->lin_sys_iters);
  else
    printf("backend:      %s\n", info->lin_sys_solver);
  fflush(stdout);
}

/* One line per file variable: "name value". Returns 0 or -1 (message
 * printed). */
static int write_solution(FILE *f, const char *path, const ScsProblem *prob,
                          const ScsSolution *sol) {
  scs_int n = prob->n_file_vars;
  scs_float *x = malloc((size_t)(n > 0 ? n : 1) * sizeof(scs_float));
  if (!x) {
    fprintf(stderr, PROG ": %s: out of memory\n", path);
    return -1;
  }
  if (scs_problem_file_solution(prob, sol, x) != 0) {
    fprintf(stderr, PROG ": %s: %s\n", path, scs_last_error());
    free(x);
    return -1;
  }
  for (scs_int i = 0; i < n; ++i) {
    const char *name = scs_problem_var_name(prob, i);
    if (name)
      fprintf(f, "%s %.17g\n", name, (double)x[i]);
    else
      fprintf(f, "x%lld %.17g\n", (long long)i, (double)x[i]);
  }
  free(x);
  if (fflush(f) != 0 || ferror(f)) {
    fprintf(stderr, PROG ": %s: write failed: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  Options opt;
  int rc = parse_args(argc, argv, &opt);
  if (rc >= 0) return rc;

  /* read */
  double t0 = now_ms();
  ScsProblem *prob = scs_read_problem(opt.file, opt.format);
  double read_ms = now_ms() - t0;
  if (!prob) {
    fprintf(stderr, PROG ": %s\n", scs_last_error());
    return EXIT_ERROR;
  }

  /* settings: the file's (defaults, or an SCS dump's), then the options */
  ScsSettings stgs = *prob->settings;
  if (opt.has_eps_abs) stgs.eps_abs = (scs_float)opt.eps_abs;
  if (opt.has_eps_rel) stgs.eps_rel = (scs_float)opt.eps_rel;
  if (opt.has_eps_infeas) stgs.eps_infeas = (scs_float)opt.eps_infeas;
  if (opt.has_max_iters) stgs.max_iters = (scs_int)opt.max_iters;
  if (opt.has_time_limit) stgs.time_limit_secs = (scs_float)opt.time_limit;
  if (opt.has_scale) stgs.scale = (scs_float)opt.scale;
  if (opt.has_alpha) stgs.alpha = (scs_float)opt.alpha;
  if (opt.backend) stgs.lin_sys_backend = opt.backend;
  if (opt.no_accel) stgs.acceleration_lookback = 0;
  if (opt.no_polish) stgs.disable_polish = 1;
  if (opt.no_normalize) stgs.normalize = 0;
  /* no table for --convert-only: nothing is solved */
  stgs.verbose = opt.quiet || opt.convert_only ? 0 : 1;
  stgs.warm_start = 0;
  /* --convert-only writes without a workspace: nothing is factored */
  stgs.write_data_filename = opt.convert_only ? NULL : opt.write_data;
  stgs.log_csv_filename = NULL;

  Run run = {&opt, prob, &stgs, read_ms};

  /* open the solution file first: a bad path should not cost a solve */
  FILE *solf = NULL;
  if (opt.write_solution && !opt.convert_only) {
    solf = fopen(opt.write_solution, "w");
    if (!solf) {
      fprintf(stderr, PROG ": %s: cannot open for writing: %s\n",
              opt.write_solution, strerror(errno));
      scs_problem_free(prob);
      return EXIT_ERROR;
    }
  }

  if (opt.convert_only) {
    if (scs_write_data(prob->data, prob->cone, &stgs, opt.write_data) != 0) {
      fprintf(stderr, PROG ": %s\n", scs_last_error());
      scs_problem_free(prob);
      return EXIT_ERROR;
    }
    return report_converted(&run, prob);
  }

  if (!opt.quiet) fflush(stdout);
  ScsWork *w = scs_init(prob->data, prob->cone, &stgs);
  if (!w) {
    /* with verbose set the library has already printed "scs: message" */
    if (!stgs.verbose) fprintf(stderr, PROG ": %s\n", scs_last_error());
    if (solf) {
      fclose(solf);
      remove(opt.write_solution);
    }
    scs_problem_free(prob);
    return EXIT_ERROR;
  }

  ScsSolution sol = {0};
  ScsInfo info;
  memset(&info, 0, sizeof(info));
  scs_int status = scs_solve(w, &sol, &info, 0);
  char failure[512] = "";
  if (status == SCS_FAILED)
    snprintf(failure, sizeof(failure), "%s", scs_last_error());
  scs_finish(w);

  if (opt.json)
    print_json(&run, &info);
  else
    print_summary(&run, &info);
  if (fflush(stdout) != 0) rc = EXIT_ERROR;

  if (solf) {
    if (status == SCS_FAILED || !sol.x) {
      fclose(solf);
      remove(opt.write_solution);
    } else {
      int bad = write_solution(solf, opt.write_solution, prob, &sol);
      if (fclose(solf) != 0 && !bad) {
        fprintf(stderr, PROG ": %s: write failed: %s\n", opt.write_solution,
                strerror(errno));
        bad = 1;
      }
      if (bad) rc = EXIT_ERROR;
    }
  }

  if (status == SCS_FAILED) {
    fprintf(stderr, PROG ": solver failed: %s\n",
            failure[0] ? failure : "unknown error");
    rc = EXIT_ERROR;
  } else if (rc < 0) { /* no output error */
    rc = status == SCS_SIGINT ? EXIT_INTERRUPTED : EXIT_RAN;
  }
  free(sol.x);
  free(sol.y);
  free(sol.s);
  scs_problem_free(prob);
  return rc;
}

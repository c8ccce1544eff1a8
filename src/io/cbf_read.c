/* scs_read_cbf: the file's sections in order, each to its reader, then the
 * checks that need the whole file and the assembly (cbf.h). */
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

const char *const scs_cbf_section_name[S_COUNT] = {
    "VER",    "POWCONES", "POW*CONES", "OBJSENSE",  "PSDVAR",    "VAR",
    "INT",    "PSDCON",   "CON",       "OBJFCOORD", "OBJACOORD", "OBJBCOORD",
    "FCOORD", "ACOORD",   "BCOORD",    "HCOORD",    "DCOORD",    "CHANGE"};

#define BIT(s) (1u << (s))
/* sections that must have been given before each section */
static const unsigned PREREQ[S_COUNT] = {
    [S_INT] = BIT(S_VAR),
    [S_OBJFCOORD] = BIT(S_PSDVAR),
    [S_OBJACOORD] = BIT(S_VAR),
    [S_FCOORD] = BIT(S_PSDVAR) | BIT(S_CON),
    [S_ACOORD] = BIT(S_VAR) | BIT(S_CON),
    [S_BCOORD] = BIT(S_CON),
    [S_HCOORD] = BIT(S_PSDCON) | BIT(S_VAR),
    [S_DCOORD] = BIT(S_PSDCON),
};

/* The line just read starts section s (S_COUNT: not a keyword): may it? */
static int check_keyword(Cbf *c, Section s) {
  const char *const *name = scs_cbf_section_name;
  if (!c->seen[S_VER] && (s != S_VER || c->ntok != 1)) {
    scs_cbf_error_at(c, cur_line(c),
                     "expected VER first (not a CBF file?), got \"%.40s\"",
                     c->tok[0]);
    return -1;
  }
  if (s == S_COUNT || c->ntok != 1) {
    if (s == S_COUNT && strspn(c->tok[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ*") !=
                            strlen(c->tok[0]))
      scs_cbf_error_at(c, cur_line(c),
                       "expected a section keyword, got \"%.40s\" (more "
                       "lines than %s announces?)",
                       c->tok[0], name[c->last]);
    else if (s == S_COUNT)
      scs_cbf_error_at(c, cur_line(c), "unknown keyword \"%.40s\"",
                       c->tok[0]);
    else
      scs_cbf_error_at(c, cur_line(c),
                       "the keyword %s stands alone on its line", name[s]);
    return -1;
  }
  if (c->seen[s]) {
    scs_cbf_error_at(c, cur_line(c),
                     "section %s given twice (first on line %ld)", name[s],
                     c->seen[s]);
    return -1;
  }
  for (int p = 0; p < S_COUNT; ++p)
    if ((PREREQ[s] & BIT(p)) && !c->seen[p]) {
      scs_cbf_error_at(c, cur_line(c),
                       "section %s before %s (%s must come first)", name[s],
                       name[p], name[p]);
      return -1;
    }
  return 0;
}

/* The body of section s. */
static int read_section(Cbf *c, Section s) {
  switch (s) {
    case S_VER:
      return scs_cbf_read_ver(c);
    case S_POWCONES:
    case S_DPOWCONES:
      return scs_cbf_read_powcones(c, s == S_DPOWCONES);
    case S_OBJSENSE:
      return scs_cbf_read_objsense(c);
    case S_PSDVAR:
    case S_PSDCON:
      return scs_cbf_read_psd(c, s == S_PSDCON);
    case S_VAR:
    case S_CON:
      return scs_cbf_read_cones(c, s == S_CON);
    case S_INT:
      return scs_cbf_read_int(c);
    case S_OBJBCOORD:
      return scs_cbf_read_objbcoord(c);
    default:
      return scs_cbf_read_coords(c, s);
  }
}

static int read_file(Cbf *c) {
  for (;;) {
    int rc = scs_cbf_next_line(c);
    if (rc < 0) return -1;
    if (rc == 0) break;
    Section s = scs_cbf_find_section(c->tok[0]);
    if (check_keyword(c, s)) return -1;
    c->seen[s] = cur_line(c);
    c->last = s;
    /* CHANGE starts a hotstart sequence: the problem is what came before */
    if (s == S_CHANGE) return 0;
    if (read_section(c, s)) return -1;
  }
  if (!c->seen[S_VER]) {
    scs_cbf_error_at(c, cur_line(c), "empty file: no VER (not a CBF file?)");
    return -1;
  }
  return 0;
}

int scs_read_cbf(const char *path, ScsProblem *prob, ScsProblemMap *map) {
  Cbf c;
  memset(&c, 0, sizeof(c));
  c.r = scs_text_open(path);
  if (!c.r) return -1;
  int rc = read_file(&c);
  if (rc == 0) rc = scs_cbf_check_backing(&c);
  for (int s = 0; s < S_COUNT && rc == 0; ++s)
    rc = scs_cbf_check_duplicates(&c, (Section)s);
  if (rc == 0) rc = scs_cbf_assemble(&c, prob, map);
  for (int t = 0; t < 2; ++t) {
    free(c.pow[t]);
    free(c.cones[t]);
    free(c.psd[t]);
  }
  for (int s = 0; s < S_COUNT; ++s) free(c.sec[s].e);
  scs_text_close(c.r);
  return rc;
}

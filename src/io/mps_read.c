/* scs_read_mps: the file line by line to section headers and data lines,
 * then the conversion (mps.h). */
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

static void mps_free(Mps *p) {
  scs_mps_names_free(&p->rows);
  free(p->row_type);
  free(p->rhs);
  free(p->range);
  free(p->row_flags);
  free(p->objname);
  free(p->row_mark);
  scs_mps_names_free(&p->cols);
  free(p->c);
  free(p->lo);
  free(p->up);
  free(p->col_flags);
  free(p->colptr);
  free(p->erow);
  free(p->eval);
  free(p->q);
  for (int s = 0; s < 3; ++s) free(p->set_name[s]);
  free(p->work);
}

static int data_line(Mps *p, char *line, size_t len) {
  switch (p->section) {
  case SEC_NONE:
    scs_text_error(p->r, "data line before the first section");
    return -1;
  case SEC_NAME:
    scs_text_error(p->r, "unexpected data line in the NAME section");
    return -1;
  case SEC_OBJSENSE:
  case SEC_OBJNAME:
    return scs_mps_value_line(p, line);
  default:
    break;
  }
  Parsed q;
  if (scs_mps_parse_line(p, line, len, &q)) return -1;
  switch (p->section) {
  case SEC_ROWS: return scs_mps_add_row(p, &q);
  case SEC_COLUMNS: return scs_mps_apply_columns(p, &q);
  case SEC_RHS: return scs_mps_apply_rhs(p, &q);
  case SEC_RANGES: return scs_mps_apply_ranges(p, &q);
  case SEC_BOUNDS: return scs_mps_apply_bounds(p, &q);
  case SEC_QUAD: return scs_mps_apply_quad(p, &q);
  default: return -1;
  }
}

static int is_blank(const char *s) {
  for (; *s; ++s)
    if (*s != ' ' && *s != '\t') return 0;
  return 1;
}

int scs_read_mps(const char *path, ScsProblem *prob, ScsProblemMap *map) {
  Mps p;
  memset(&p, 0, sizeof(p));
  p.obj_row = -1;
  p.r = scs_text_open(path);
  if (!p.r) return -1;
  int rc = -1;
  for (;;) {
    char *line = scs_text_next_line(p.r);
    if (!line) {
      if (!scs_text_failed(p.r))
        scs_text_error(p.r, "unexpected end of file, expected ENDATA");
      goto done;
    }
    if (line[0] == '*' || is_blank(line)) continue;
    if (line[0] != ' ' && line[0] != '\t') {
      if (scs_mps_section_header(&p, line)) goto done;
      if (p.section == SEC_END) break;
    } else if (data_line(&p, line, strlen(line))) {
      goto done;
    }
  }
  rc = scs_mps_convert(&p, prob, map);
done:
  mps_free(&p);
  scs_text_close(p.r);
  return rc;
}

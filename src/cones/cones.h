/*
 * The product cone K (rows in the order z, l, box, q, s, cs, ep, ed, p)
 * and its dual K*. Cone work is allocated once at init; projections never
 * allocate.
 */
#ifndef SCS_CONES_H
#define SCS_CONES_H

#include "families.h"
#include "glob.h"

struct SCS_CONE_WORK {
  ScsCone k;          /* deep copy of the caller's cone */
  scs_int m;          /* total rows */
  scs_int start[SCS_CONE_FAMILIES]; /* first row of each family */
  struct ScsPsdWork *psd; /* eigen-decomposition workspace, or NULL */
  scs_float *box_work; /* scratch of length 2 * bsize for the box search */
  scs_float *box_tmp;  /* length bsize (inside box_work's allocation): the
                          input saved by the dual box projection */
};

/* Deep-copy k; NULL (after scs_set_error) on allocation failure. The cone
 * must already be validated. */
ScsConeWork *scs_cone_work_init(const ScsCone *k, scs_int m);
void scs_cone_work_free(ScsConeWork *c);

/* v <- Pi_K(v), v of length m. Returns 0, or nonzero on failure. */
scs_int scs_cone_project(ScsConeWork *c, scs_float *v);
/* v <- Pi_{K*}(v) (Moreau: Pi_{K*}(v) = v + Pi_K(-v)). */
scs_int scs_cone_project_dual(ScsConeWork *c, scs_float *v);

/* r_y <- 1/scale on every row, 1/(1000 scale) on zero-cone rows. */
void scs_cone_set_r_y(const ScsConeWork *c, scs_float scale, scs_float *r_y);

/*
 * Row blocks whose equilibration factor must be one value (non-separable
 * cones: box, each SOC, ...). Writes up to m pairs [start, end) into
 * starts/ends and returns their count. Rows outside any block are free to
 * scale independently (zero and nonnegative cones).
 */
scs_int scs_cone_blocks(const ScsConeWork *c, scs_int *starts, scs_int *ends);

/* The box cone {(t, s): t bl <= s <= t bu} is invariant to one positive
 * factor on all its rows, so equilibration never touches bl / bu. */

/* Per-family projections (one file each). */
void scs_proj_nonneg(scs_float *v, scs_int len);
void scs_proj_soc(scs_float *v, scs_int len);
/* Box {(t, s): t >= 0, t bl <= s <= t bu}, v = (t, s) of length len;
 * bl / bu have len - 1 entries (may be +-inf); work has 2 * len entries. */
void scs_proj_box(scs_float *v, scs_int len, const scs_float *bl,
                  const scs_float *bu, scs_float *work);


#endif

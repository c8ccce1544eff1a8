/*
 * libscs extension: problem files, a layer above the solver
 * (docs/problem_files.md). Nothing here needs a workspace.
 */
#ifndef SCS_IO_H_GUARD
#define SCS_IO_H_GUARD

#include "scs.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write d, k and stgs as an SCS 3.2 problem dump (the format of
 * write_data_filename, which SCS's and libscs's readers take) without
 * creating a workspace: nothing is factored, so any valid problem can be
 * written, an indefinite P included. Returns 0, or nonzero with
 * scs_last_error() saying why (invalid data, cones or settings, complex PSD
 * cones, which the format cannot hold, or an I/O error; a partial file is
 * removed).
 */
scs_int scs_write_data(const ScsData *d, const ScsCone *k,
                       const ScsSettings *stgs, const char *filename);

#ifdef __cplusplus
}
#endif
#endif

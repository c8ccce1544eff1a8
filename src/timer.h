/* Monotonic wall-clock timer. */
#ifndef SCS_TIMER_H
#define SCS_TIMER_H

#include <time.h>

typedef struct {
  struct timespec start;
} ScsTimer;

static inline void scs_tic(ScsTimer *t) {
  clock_gettime(CLOCK_MONOTONIC, &t->start);
}

/* milliseconds since scs_tic */
static inline double scs_toc_ms(const ScsTimer *t) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t->start.tv_sec) * 1e3 +
         (double)(now.tv_nsec - t->start.tv_nsec) / 1e6;
}

#endif

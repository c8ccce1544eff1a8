/* Deterministic PRNG for the tests (splitmix64): no global state. */
#ifndef SCS_TEST_RNG_H
#define SCS_TEST_RNG_H

#include <stdint.h>

typedef struct {
  uint64_t s;
} Rng;

static inline uint64_t rng_next(Rng *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* uniform in [0, 1) */
static inline double rng_unif(Rng *r) {
  return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

#endif

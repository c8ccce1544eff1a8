/* MPS names: one character arena and an open-addressing hash table of
 * indices (mps.h). */
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

static uint64_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h ^ (h >> 29);
}

static scs_int names_find_h(const Names *t, const char *s, uint64_t h) {
  if (!t->nslots) return -1;
  size_t mask = t->nslots - 1;
  for (size_t pos = (size_t)h & mask;; pos = (pos + 1) & mask) {
    const Slot *sl = &t->slots[pos];
    if (sl->k < 0) return -1;
    if (sl->h == h && strcmp(names_str(t, sl->k), s) == 0) return sl->k;
  }
}

scs_int scs_mps_names_find(const Names *t, const char *s) {
  return names_find_h(t, s, name_hash(s));
}

static int names_rehash(Names *t, size_t nslots) {
  Slot *ns = malloc(nslots * sizeof(*ns));
  if (!ns) return -1;
  for (size_t i = 0; i < nslots; ++i) ns[i].k = -1;
  size_t mask = nslots - 1;
  for (size_t k = 0; k < t->count; ++k) {
    size_t pos = (size_t)t->hash[k] & mask;
    while (ns[pos].k >= 0) pos = (pos + 1) & mask;
    ns[pos].h = t->hash[k];
    ns[pos].k = (scs_int)k;
  }
  free(t->slots);
  t->slots = ns;
  t->nslots = nslots;
  return 0;
}

scs_int scs_mps_names_add(Names *t, const char *s) {
  uint64_t h = name_hash(s);
  size_t len = strlen(s) + 1;
  if (t->count + 1 >= MPS_INT_MAX) return -1;
  if ((t->count + 1) * 2 > t->nslots &&
      names_rehash(t, t->nslots ? t->nslots * 2 : 64) != 0)
    return -1;
  if (t->count == t->cap) {
    size_t c1 = t->cap, c2 = t->cap;
    if (scs_io_grow((void **)&t->off, &c1, t->count + 1, sizeof(*t->off)) ||
        scs_io_grow((void **)&t->hash, &c2, t->count + 1, sizeof(*t->hash)))
      return -1;
    t->cap = SCS_IO_MIN(c1, c2);
  }
  if (scs_io_grow((void **)&t->chars, &t->chars_cap, t->chars_len + len, 1))
    return -1;
  memcpy(t->chars + t->chars_len, s, len);
  t->off[t->count] = t->chars_len;
  t->hash[t->count] = h;
  t->chars_len += len;
  size_t mask = t->nslots - 1, pos = (size_t)h & mask;
  while (t->slots[pos].k >= 0) pos = (pos + 1) & mask;
  t->slots[pos].h = h;
  t->slots[pos].k = (scs_int)t->count;
  return (scs_int)t->count++;
}

void scs_mps_names_free(Names *t) {
  free(t->chars);
  free(t->off);
  free(t->hash);
  free(t->slots);
}

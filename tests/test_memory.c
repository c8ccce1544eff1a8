/* The allocator hook (ScsSettings.allocator, docs/memory.md): it sees every
 * block of a handle, all of them are given back by scs_finish, a failing
 * allocation at any point of scs_init fails cleanly without a leak, and
 * handles on different threads keep to their own allocators. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "checks.h"
#include "leaks.h"
#include "problems.h"

typedef struct {
  long allocs, frees, live;  /* blocks */
  size_t live_bytes, peak_bytes;
  long fail_at;              /* the fail_at-th allocation fails (0: none) */
  pthread_t owner;           /* every call must come from this thread */
  int foreign;               /* a call from another thread */
} Counter;

/* Each block carries its size in a header, so the counter knows live
 * bytes. */
typedef union {
  size_t size;
  max_align_t align;
} Header;

static void *count_malloc(size_t size, void *user) {
  Counter *c = user;
  if (!pthread_equal(c->owner, pthread_self())) c->foreign = 1;
  if (c->fail_at && c->allocs + 1 == c->fail_at) {
    c->allocs++;
    return NULL;
  }
  Header *h = malloc(sizeof(Header) + size);
  if (!h) return NULL;
  h->size = size;
  c->allocs++;
  c->live++;
  c->live_bytes += size;
  if (c->live_bytes > c->peak_bytes) c->peak_bytes = c->live_bytes;
  return h + 1;
}

static void count_free(void *p, void *user) {
  Counter *c = user;
  if (!pthread_equal(c->owner, pthread_self())) c->foreign = 1;
  Header *h = (Header *)p - 1;
  c->frees++;
  c->live--;
  c->live_bytes -= h->size;
  free(h);
}

static ScsAllocator counting(Counter *c) {
  memset(c, 0, sizeof(*c));
  c->owner = pthread_self();
  ScsAllocator a = {count_malloc, count_free, c};
  return a;
}

static TestProblem *every_cone(void) {
  /* SOC, nonnegative and zero rows with a P; PSD and exp cones come from
   * the sdp problem below */
  return tp_random(21, 20, 3, 20, 3, 4, 1, 0.3);
}

/* min -t s.t. C - t I PSD (C 2x2), t <= 10 via an exp cone row triple
 * (x, 1, e^{10}) in K_exp, i.e. 1 * e^{x/1} <= e^10. */
static TestProblem *psd_exp(void) {
  const double r2 = 1.4142135623730951;
  double A[] = {1, 0, 1, -1, 0, 0}, b[] = {2, r2 * 0.5, 2, 0, 1, 22026.4657948};
  double c[] = {-1};
  ScsCone k = {0};
  static scs_int s[] = {2}; /* the problem keeps pointing at it */
  k.s = s;
  k.ssize = 1;
  k.ep = 1;
  return tp_from_dense("psd_exp", 6, 1, A, NULL, b, c, &k, -1.5, SCS_SOLVED);
}

static void full_life(TestProblem *tp, const ScsLinSysBackend *backend) {
  Counter c;
  ScsAllocator a = counting(&c);
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = backend;
  s.allocator = &a;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  cr_assert_gt(c.live, 0, "the workspace came from the hook");
  long live_after_init = c.live;
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED, "%s",
               scs_last_error());
  cr_assert_eq(c.live, live_after_init, "a solve gives back what it takes");
  cr_assert_eq(scs_update(w, tp->d.b, NULL), 0);
  cr_assert_eq(scs_solve(w, &sol, &info, 1), SCS_SOLVED);
  scs_finish(w);
  cr_assert_eq(c.live, 0, "%ld blocks left after scs_finish", c.live);
  cr_assert_eq(c.live_bytes, 0);
  cr_assert_eq(c.allocs, c.frees);
  cr_assert_eq(c.foreign, 0);
  free_sol(&sol); /* the solution is the C library's, as in SCS */
}

Test(memory, every_block_goes_through_the_hook) {
  const ScsLinSysBackend *backends[] = {NULL, &scs_linsys_indirect,
                                        &scs_linsys_dense};
  for (int b = 0; b < 3; ++b) {
    TestProblem *tp = every_cone();
    full_life(tp, backends[b]);
    tp_free(tp);
    tp = psd_exp();
    full_life(tp, backends[b]);
    tp_free(tp);
  }
  EXPECT_NO_LEAKS();
}

/* Fail the k-th allocation for every k until scs_init no longer needs
 * that many: each failure is a clean NULL with a message, nothing leaks. */
static void fail_each_allocation(TestProblem *tp,
                                 const ScsLinSysBackend *backend) {
  Counter c;
  ScsAllocator a = counting(&c);
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = backend;
  s.allocator = &a;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w);
  long needed = c.allocs;
  scs_finish(w);
  for (long k = 1; k <= needed; ++k) {
    counting(&c);
    c.fail_at = k;
    w = scs_init(&tp->d, &tp->k, &s);
    cr_assert_null(w, "allocation %ld of %ld failed, yet scs_init succeeded",
                   k, needed);
    cr_assert(scs_last_error()[0], "no message for failed allocation %ld", k);
    cr_assert_eq(c.live, 0, "allocation %ld failed: %ld blocks leaked", k,
                 c.live);
  }
}

Test(memory, a_failed_allocation_anywhere_in_init_is_clean) {
  const ScsLinSysBackend *backends[] = {NULL, &scs_linsys_indirect,
                                        &scs_linsys_dense};
  for (int b = 0; b < 3; ++b) {
    TestProblem *tp = every_cone();
    fail_each_allocation(tp, backends[b]);
    tp_free(tp);
    tp = psd_exp();
    fail_each_allocation(tp, backends[b]);
    tp_free(tp);
  }
  EXPECT_NO_LEAKS();
}

Test(memory, allocator_needs_malloc_and_free) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsAllocator a = {NULL, count_free, NULL};
  s.allocator = &a;
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), "settings.allocator: malloc is NULL"),
            "%s", scs_last_error());
  a.malloc = count_malloc;
  a.free = NULL;
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), "free is NULL"), "%s", scs_last_error());
  ScsSettings d;
  scs_set_default_settings(&d);
  cr_assert_null(d.allocator);
  tp_free(tp);
}

/* Two threads, one handle and one allocator each: no call crosses over. */
static void *own_allocator_thread(void *arg) {
  unsigned seed = (unsigned)(uintptr_t)arg;
  Counter c;
  ScsAllocator a = counting(&c);
  TestProblem *tp = tp_random(seed, 30, 2, 30, 2, 4, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.allocator = &a;
  for (int r = 0; r < 5; ++r) {
    ScsSolution sol = {0};
    ScsInfo info;
    scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
    free_sol(&sol);
    if (flag != SCS_SOLVED || c.live != 0 || c.foreign) {
      tp_free(tp);
      return (void *)1;
    }
  }
  tp_free(tp);
  return NULL;
}

Test(memory, handles_on_threads_keep_their_own_allocators) {
  pthread_t th[4];
  for (uintptr_t t = 0; t < 4; ++t)
    pthread_create(&th[t], NULL, own_allocator_thread, (void *)(t + 40));
  for (int t = 0; t < 4; ++t) {
    void *bad;
    pthread_join(th[t], &bad);
    cr_assert_null(bad, "thread %d: a leak, a failure or a foreign call", t);
  }
}

/* The calling thread's last error message (thread-local, never global). */
#ifndef SCS_ERROR_H
#define SCS_ERROR_H

#if defined(__GNUC__)
#define SCS_PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
#define SCS_PRINTF_LIKE(a, b)
#endif

/* Record a printf-style message as this thread's last error. */
void scs_set_error(const char *fmt, ...) SCS_PRINTF_LIKE(1, 2);
/* Clear this thread's last error. */
void scs_clear_error(void);

#endif

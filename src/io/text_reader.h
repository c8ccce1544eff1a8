/*
 * Line-by-line reading of text problem files, plain or gzip-compressed
 * (zlib reads both), with the line number kept for error messages.
 */
#ifndef SCS_IO_TEXT_READER_H
#define SCS_IO_TEXT_READER_H

#include "io/io_util.h"

typedef struct ScsTextReader ScsTextReader;

/* Open path; NULL after scs_set_last_error() if it cannot be opened. */
ScsTextReader *scs_text_open(const char *path);
void scs_text_close(ScsTextReader *r);

/*
 * The next line without its line terminator ('\n', "\r\n"), or NULL at end
 * of file or on a read error (then scs_text_failed() is nonzero and the
 * error is set). The buffer belongs to the reader and is overwritten by
 * the next call; callers may modify it in place (tokenizing). Lines of any
 * length are read whole. A NUL byte inside a line is an error.
 */
char *scs_text_next_line(ScsTextReader *r);
int scs_text_failed(const ScsTextReader *r);

/* Number of the line last returned (1-based). */
long scs_text_line_number(const ScsTextReader *r);

/* Bytes of text returned so far, line terminators included (after gzip
 * decompression): what the file has backed its counts with. */
unsigned long long scs_text_bytes_read(const ScsTextReader *r);

/* The file's base name, for messages ("afiro.mps.gz"). */
const char *scs_text_file_name(const ScsTextReader *r);

/* Set the error to "<file>:<line>: <message>" for the line last returned. */
void scs_text_error(const ScsTextReader *r, const char *fmt, ...)
    SCS_IO_PRINTF_LIKE(2, 3);

/* Split s in place at blanks (space, tab): stores up to max token pointers
 * and returns the number of tokens found (which may exceed max). */
int scs_text_split(char *s, char **tokens, int max);

/* Strict number parsing of a whole token: 0 on success, nonzero if the
 * token is not a number (trailing garbage, empty) or out of range.
 * Doubles are decimal only, [+-]digits[.digits][(e|E)[+-]digits] with at
 * least one digit before the exponent: hex floats, inf, infinity and nan
 * are refused, as is overflow; underflow gives 0 or a denormal, as C's
 * strtod does (docs/problem_files.md). */
int scs_text_parse_double(const char *tok, double *out);
int scs_text_parse_long(const char *tok, long long *out);

#endif

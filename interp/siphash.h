/* siphash.h - SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast
 * short-input PRF", 2012), the keyed hash of every table whose keys come
 * from the input: with a key drawn at random for each run, a submission
 * cannot choose names that collide (issue: hostile submissions).
 *
 * Written from the paper; checked against the reference implementation's
 * test vectors (tests/unit/test_symbol.c). */
#ifndef DLG_SIPHASH_H
#define DLG_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct SipKey {
    uint64_t k0, k1;
} SipKey;

uint64_t siphash24(SipKey key, const void *data, size_t len);
/* A key from the system's random source (getrandom), else from the clock
 * and the process: fresh for each run. */
SipKey siphash_random_key(void);

#endif

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

/* For keys that are the run's own numbers (ids, addresses), not bytes of
 * the input: x, the key already mixed with the run's SipKey, through
 * splitmix64's finaliser, each bit of the result depending on every bit
 * of x. Cheaper than SipHash, and enough where the input can choose no
 * bits of the key, only their order. */
static inline uint32_t hash_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return (uint32_t)x;
}

#endif

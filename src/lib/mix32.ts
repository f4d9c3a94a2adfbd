/** murmur3's 32-bit finaliser: a fixed permutation of 32-bit numbers that mixes every bit into every other (no imports: the search page's engine loads it too). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

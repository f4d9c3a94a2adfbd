/** Short digests of plain data, for cache keys. */
import { hash } from 'node:crypto';

/** A short digest of any JSON data. */
export const digestOf = (data: unknown) => hash('sha256', JSON.stringify(data), 'hex').slice(0, 16);

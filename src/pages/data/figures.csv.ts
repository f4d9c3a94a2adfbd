/** /data/figures.csv: the same figures as /data/figures.json, one row each. */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('figures.csv');

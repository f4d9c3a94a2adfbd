/** /data/timeline.csv: the same events as /data/timeline.json, one row each. */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('timeline.csv');

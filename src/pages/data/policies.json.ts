/** /data/policies.json (src/generate/indexes.ts). */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('policies.json');

/** /data/models.json (src/generate/indexes.ts). */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('models.json');

/** /data/timeline.json: every dated event, with links to its paragraphs (src/generate/timeline.ts). */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('timeline.json');

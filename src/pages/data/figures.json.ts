/** /data/figures.json: every figure the documents quote, with links to its paragraph (src/generate/figures.ts). */
import { generatedFile } from '../../lib/content.ts';

/** Written by the content build (scripts/content-build.ts). */
export const GET = () => generatedFile('figures.json');

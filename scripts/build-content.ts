/**
 * The pipeline's edge: read the corpus folder, the registry and the errata, run the pipeline,
 * write the generated MDX and JSON under src/generated/ for Astro, and report progress.
 * Usage: CORPUS_DIR=seeds [SITE_URL=https://kb.example.cn] [BASE_PATH=/] tsx scripts/build-content.ts [--check]
 * --check fails when content/registry.json is not what this corpus gives (for CI).
 */
import { siteLocation, runContentBuild } from './content-build.ts';

const started = performance.now();
const location = siteLocation();
// Citations and the data files' links need the site's address; a made-up one would be cited as real.
if (!location.site) console.log('[site] no site URL configured (SITE_URL): the data files link site-relative addresses (/docs/…), and citations use the address each page is read at');
const result = await runContentBuild({
  corpusDir: process.env.CORPUS_DIR ?? 'seeds',
  cacheDir: '.cache/documents',
  checkRegistry: process.argv.includes('--check'),
  outDir: 'src/generated',
  registryPath: 'content/registry.json',
  errataPath: 'content/errata.json',
  chartsPath: 'content/charts.json',
  termsPath: 'content/terms.json',
  modelsPath: 'content/models.json',
  location,
  log: (line) => process.stdout.write(`${line}\n`),
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`[content] ${result.documents} documents, ${result.skipped} skipped, in ${seconds} s`);

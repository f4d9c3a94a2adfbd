/**
 * The pipeline's edge: read the corpus folder, the registry and the errata, run the pipeline,
 * write the generated MDX and JSON under src/generated/ for Astro, and report progress.
 * Usage: CORPUS_DIR=seeds SITE_URL=https://example.org BASE_PATH=/ tsx scripts/build-content.ts [--check]
 * --check fails when content/registry.json is not what this corpus gives (for CI).
 */
import { siteLocation, runContentBuild } from './content-build.ts';

const started = performance.now();
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
  location: siteLocation(),
  log: (line) => process.stdout.write(`${line}\n`),
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`[content] ${result.documents} documents, ${result.skipped} skipped, in ${seconds} s`);

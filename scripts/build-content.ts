/**
 * `npm run prepare-content`: the content build of the corpus CORPUS_DIR names (default: the bundled
 * seeds/), into src/generated/. With --check it fails when the corpus's registry is not what the
 * corpus gives (for CI). Stale curation is reported, and fails the build in strict mode.
 */
import { corpusConfig, siteLocation } from '../src/corpus/config.ts';
import { readCuration } from './lib/corpus-files.ts';
import { runContentBuild, StaleCuration } from './content-build.ts';


const started = performance.now();
const config = corpusConfig();
// Citations and the data files' links need the site's address; a made-up one would be cited as real.
if (!config.site) console.log('[site] no site URL configured (SITE_URL or kb.json "site"): the data files link site-relative addresses (/docs/…), and citations use the address each page is read at');
const result = await runContentBuild({
  corpusDir: config.dir,
  corpusKey: config.key,
  ignore: config.isOwnFile,
  cacheDir: `${config.cacheDir}/documents`,
  checkRegistry: process.argv.includes('--check'),
  outDir: 'src/generated',
  registryPath: config.registryPath,
  curation: await readCuration(config),
  location: siteLocation(config),
  pagesDir: config.pagesDir,
  strict: config.strict,
  // A stale item as `[stale] <curation file or authored page>: <item>: <what the corpus says now>`.
  log: (line) => process.stdout.write(`${line.replace(/^\[stale\] (pages\/)?/, (_, page) => `[stale] ${page ? config.pagesDir : config.curationDir}/`)}\n`),
  // npm run build starts Astro on the first, below 3,000 files, and the search index on the second (scripts/build.ts).
  onReadyToBundle: (files) => process.send?.({ readyToBundle: true, files }),
  onDocumentsWritten: (documents) => process.send?.({ documentsWritten: true, documents }),
}).catch((err: unknown) => {
  // A stopped build says why in one line (a stale curation item, a broken curation file …); an unexpected one with its stack.
  console.error(`[content] ${err instanceof StaleCuration ? err.message : (err as Error).stack}`);
  process.exit(1);
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`[content] ${result.documents} documents, ${result.skipped} skipped, ${result.stale.length} stale curation item(s), in ${seconds} s`);

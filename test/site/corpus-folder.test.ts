/**
 * Any folder of documents is a corpus: one on another topic builds with no configuration and shows
 * nothing of the bundled corpus; building it between two builds of the seeds changes neither the
 * project nor the seeds' site; kb.json names the site; curation that no longer matches its corpus is
 * reported (and fails a strict build); an editor's page with <Timeline /> and <Quote /> is served.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIn, cleanEnv, copyProject } from '../helpers/build.ts';
import { ROOT } from '../helpers/seeds.ts';

const OTHER = join(ROOT, 'test', 'fixtures', 'corpora', 'long-term-care', 'docs');

/** Every file under a folder (links followed) with its hash. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = join(e.parentPath, e.name);
    if (e.isFile()) out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}
const changed = (a: Map<string, string>, b: Map<string, string>) => [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
/** The site's pages' text, tags dropped. */
const pagesText = (dist: string) =>
  [...tree(dist).keys()]
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(join(dist, f), 'utf8').replace(/<[^>]+>/g, ' '))
    .join('\n');

describe('a folder on another topic, between two builds of the seeds, in one checkout', () => {
  let project = '';
  let seedsFirst: Map<string, string>;
  let seedsAgain: Map<string, string>;
  let projectBefore: Map<string, string>;
  let projectAfter: Map<string, string>;
  let otherText = '';
  let otherCorpus = '';
  let otherLog = '';

  beforeAll(() => {
    project = copyProject();
    const sources = () => new Map([...tree(project)].filter(([f]) => !/^(dist|src\/generated|\.cache|\.astro|node_modules)\//.test(f)));
    projectBefore = sources();
    buildIn(project, join(project, 'seeds'));
    seedsFirst = tree(join(project, 'dist'));
    // Another corpus, as a maintainer would point at it: a bare folder of documents, no kb.json.
    otherCorpus = join(mkdtempSync(join(tmpdir(), 'kb-ltc-')), 'long-term-care');
    cpSync(OTHER, otherCorpus, { recursive: true });
    otherLog = buildIn(project, otherCorpus).log;
    otherText = pagesText(join(project, 'dist'));
    buildIn(project, join(project, 'seeds'));
    seedsAgain = tree(join(project, 'dist'));
    projectAfter = sources();
  }, 900_000);

  it('builds the other folder with no configuration, named after the folder', () => {
    expect(otherLog).toMatch(/\[content\] \d+ documents/);
    expect(otherLog).toContain('[site] no site URL configured');
    expect(otherText).toContain('long-term-care');
  });

  it('shows nothing of the bundled corpus on any page of the other site', () => {
    for (const seedsOnly of ['医联体文献库', '模式比较', '紧密型', '华西医院', '文献已移除', '医联体政策概览']) expect(otherText, seedsOnly).not.toContain(seedsOnly);
  });

  it('keeps its registry in its own folder, and the project and the seeds as they were', () => {
    expect(existsSync(join(otherCorpus, 'curation', 'registry.json'))).toBe(true);
    expect(changed(projectBefore, projectAfter)).toEqual([]);
  });

  it('gives the seeds the same site, byte for byte, after the other corpus was built', () => {
    expect(seedsFirst.size).toBeGreaterThan(50);
    expect(changed(seedsFirst, seedsAgain)).toEqual([]);
  });
});

describe('a corpus with its own kb.json, curation and pages', () => {
  let dir = '';
  let log = '';
  let strictFailure = '';
  const corpus = join(mkdtempSync(join(tmpdir(), 'kb-own-')), 'notes');

  beforeAll(() => {
    cpSync(OTHER, corpus, { recursive: true });
    writeFileSync(join(corpus, 'kb.json'), JSON.stringify({ name: '长护险资料库', description: '长期护理保险的政策与报道', lang: 'zh-CN' }));
    mkdirSync(join(corpus, 'curation'));
    // Stale curation of every kind: a chart whose figure is not in the corpus, an erratum that matches nothing, a page quoting a paragraph that does not exist.
    writeFileSync(join(corpus, 'curation', 'charts.json'), JSON.stringify({ charts: [{ id: 'gone', type: 'bars', title: '不存在的图', items: [{ label: 'x', figure: 'nodoc-nopara-1', text: '1个' }] }] }));
    writeFileSync(join(corpus, 'curation', 'errata.json'), JSON.stringify({ documents: { nosuchid: { corrections: [{ find: '甲', replace: '乙', note: '测试' }] } } }));
    mkdirSync(join(corpus, 'pages'));
    dir = copyProject();
    // A first build gives the ids the page can quote.
    buildIn(dir, corpus);
    const data = JSON.parse(readFileSync(join(dir, 'dist', 'data', 'corpus.json'), 'utf8')) as { documents: { id: string }[] };
    const doc = data.documents[0]!.id;
    const first = (JSON.parse(readFileSync(join(dir, 'dist', 'data', 'documents', `${doc}.json`), 'utf8')) as { blocks: { id: string; type: string }[] }).blocks.find((b) => b.type === 'paragraph')!.id;
    writeFileSync(
      join(corpus, 'pages', 'overview.mdx'),
      `---\ntitle: 长护险导读\n---\n\n# 长护险导读\n\n<Quote doc="${doc}" p="${first}" />\n\n<Timeline />\n\n<Quote doc="${doc}" p="nosuch" />\n`,
    );
    log = buildIn(dir, corpus).log;
    try {
      execFileSync('npx', ['tsx', 'scripts/build-content.ts'], { cwd: dir, env: cleanEnv({ CORPUS_DIR: corpus, KB_STRICT: '1' }), encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      strictFailure = `${(e as { stdout?: string }).stdout}${(e as { stderr?: string }).stderr}`;
    }
  }, 900_000);

  it('names the site after kb.json, and never reads kb.json, its curation or its pages as documents', () => {
    const home = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('<title>长护险资料库</title>');
    expect(home).toContain('长期护理保险的政策与报道');
    const sources = (JSON.parse(readFileSync(join(dir, 'dist', 'data', 'corpus.json'), 'utf8')) as { documents: { source: string }[] }).documents.map((d) => d.source);
    expect(sources.filter((s) => /kb\.json|curation|pages/.test(s))).toEqual([]);
  });

  it('reports each stale item with its file and what the corpus says now, leaves it out, and builds', () => {
    expect(log).toMatch(/\[stale\] .*curation\/charts\.json: chart "gone": "x": figure nodoc-nopara-1 \("1个"\) is not in the corpus any more/);
    expect(log).toMatch(/\[stale\] .*curation\/errata\.json: document nosuchid: no document of the corpus has this id/);
    expect(log).toMatch(/\[stale\] .*pages\/overview\.mdx: <Quote> on line \d+: document \w+ has no paragraph nosuch/);
    expect(existsSync(join(dir, 'dist', 'figures', 'index.html'))).toBe(true);
  });

  it('fails a strict build with the same report', () => {
    expect(strictFailure).toContain('stale curation item(s), and this corpus is built strictly');
    expect(strictFailure).toMatch(/\[stale\] .*curation\/charts\.json: chart "gone"/);
  });

  it('serves the editors page with the timeline axis and the quoted paragraph linked to its anchor', () => {
    const page = readFileSync(join(dir, 'dist', 'overview', 'index.html'), 'utf8');
    expect(page).toContain('<title>长护险导读');
    expect(page).toMatch(/<svg[^>]*class="chart timeline-chart"/);
    expect(page).toMatch(/<blockquote cite="\/docs\/\w+\/#p-\w+">/);
    expect(page).toContain('引文已失效');
  });
});

/**
 * npm run bench:clean: how cleaning does on labelled corpora it must generalise to — the seeds,
 * dev-web (pages of many kinds of Chinese sites) and the project's own web pages — per corpus and
 * per kind of site: boilerplate lines removed and missed, content lines lost, title and metadata
 * lines left in the text, titles, publication dates, publishers and authors right. Then every miss,
 * line by line. `--json` prints the totals only, as JSON; `--pin` writes them to
 * test/fixtures/clean-bench.json, the floor test/pipeline/clean-bench.test.ts holds them to.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanBenchCorpora, cleanBenchTotals, PINNED } from './lib/clean-bench.ts';
import { scoreCorpus, TABLE_HEADER, totals, totalsRow, type CorpusScore } from './lib/clean-score.ts';

const root = join(import.meta.dirname, '..');
const scores: CorpusScore[] = await Promise.all(cleanBenchCorpora(root).map(scoreCorpus));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(cleanBenchTotals(scores), null, 2));
} else if (process.argv.includes('--pin')) {
  writeFileSync(join(root, PINNED), `${JSON.stringify(cleanBenchTotals(scores), null, 2)}\n`);
  console.log(`pinned in ${PINNED}`);
} else {
  const rows: string[][] = [TABLE_HEADER];
  for (const c of scores) {
    rows.push(totalsRow(c.name, totals(c.documents)));
    if (c.documents.some((d) => !d.lines)) rows.push(totalsRow('  plain text (labelled lines)', totals(c.documents, (d) => d.lines !== undefined)));
    const kinds = [...new Set(c.documents.map((d) => d.kind))].sort();
    for (const kind of kinds) rows.push(totalsRow(`  ${kind}`, totals(c.documents, (d) => d.kind === kind)));
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  for (const r of rows) console.log(r.map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell))).join('  '));

  for (const c of scores) {
    for (const d of c.documents) {
      const out: string[] = [];
      for (const m of d.lines?.lost ?? []) out.push(`  content lost  ${m.line}: ${m.text.slice(0, 50)} (${m.why})`);
      for (const m of d.lines?.missed ?? []) out.push(`  missed        ${m.line}: ${m.text.slice(0, 50)}`);
      for (const m of d.lines?.metaInText ?? []) out.push(`  meta in text  ${m.line}: ${m.text.slice(0, 50)}`);
      for (const [what, check] of [['title', d.title], ['published', d.published], ['publisher', d.publisher], ['author', d.author]] as const) {
        if (!check.right) out.push(`  ${what.padEnd(13)} expected ${JSON.stringify(check.expected)}, got ${JSON.stringify(check.got)}`);
      }
      if (out.length > 0) console.log(`\n${c.name}/${d.file} (${d.kind})\n${out.join('\n')}`);
    }
  }
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

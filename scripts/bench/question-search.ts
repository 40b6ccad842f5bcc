import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuestionIndex } from '../../src/lib/deck-schema.ts';
import { formatKB, gzipSize } from '../budgets/weigh-pages.ts';
import type { BenchContext } from './context.ts';
import { timeRuns } from './measure.ts';
import { pendingSection, type SectionResult } from './report.ts';
import { formatCount, formatMs, median, percentile } from './stats.ts';
import { createRandom, NOUNS, VERBS } from '../lib/synthetic-content.ts';

/** What people type: topic words among stop words, a few typos, short and long. */
export const QUERIES = [
  'how fast does the ranker need to be',
  'what latency budget should I assume',
  'latncy budgt',
  'how late do labels arrive',
  'label delay',
  'which metric matters most to the business',
  'precision or recall',
  'cold start for new users',
  'how many requests per second at peak',
  'fraud threshold',
  'how do I monitor drift after launch',
  'retrain schedule',
  'is the model calibrated',
  'who are the stakeholders and what do they want',
  'embedding retrieval candidates',
  'cache',
  'batch or online',
  'privacy rules on the data',
  'fairness across regions',
  'how would you roll out the experiment',
  'what is the baseline',
  'do we even need machine learning here',
  'trade-offs of a bigger model',
  'what happens when the model fails',
  'moderation appeal queue backlog',
  'throughput of the pipeline',
  'engagement vs retention',
  'interpretability for reviewers',
  'what do you do in the first five minutes',
  'sharding and replicas',
];

type SearchModule = typeof import('../../src/lib/search/question-search.ts');

/** A question index of `entries` questions in the deck builder's format, three to a concept. */
export function syntheticQuestionIndex(entries: number, seed = 7): QuestionIndex {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(NOUNS)).join(' ');
  const conceptCount = Math.max(1, Math.ceil(entries / 3));
  const concepts: QuestionIndex['concepts'] = [];
  for (let c = 0; c < conceptCount; c++) {
    const page = Math.floor(c / 6);
    const isPage = c % 6 === 0;
    concepts.push({
      url: isPage ? `/phases/bench-${page}/` : `/phases/bench-${page}/#part-${c % 6}`,
      titlePath: isPage ? [`Topic ${page}: ${words(2)}`] : [`Topic ${page}`, `Part ${c % 6}: the ${words(2)}`],
      section: 'phases',
      aliases: isPage ? [words(2), words(2)] : [],
      keywords: isPage ? [words(1), words(2)] : [],
    });
  }
  const list: QuestionIndex['entries'] = [];
  for (let i = 0; i < entries; i++) {
    const concept = concepts[i % conceptCount] as QuestionIndex['concepts'][number];
    const isCard = i % 3 !== 0;
    list.push({
      id: `bench-${i}`,
      kind: isCard ? 'card' : 'question',
      text: `How ${pick(VERBS)} the ${words(3)} when the ${words(2)} ${pick(VERBS)}?`,
      ...(isCard
        ? { detail: `The ${words(3)} ${pick(VERBS)} the ${words(4)}. The ${words(2)} ${pick(VERBS)} the ${words(3)}.` }
        : {}),
      concept: concept.url,
    });
  }
  return { version: 1, concepts, entries: list };
}

interface SearchPoint {
  label: string;
  entries: number;
  concepts: number;
  buildMs: number;
  loadMs: number;
  payloadGzip: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/**
 * Times question search as the browser runs it: the build-time index
 * (buildQuestionSearchData), loading it (createQuestionSearcher) and each query
 * (searchConcepts), over the real index and 1k, 10k and 100k synthetic questions.
 */
export async function benchQuestionSearch(context: BenchContext, realDeckDir: string | null): Promise<SectionResult> {
  const title = 'Question search (fuse.js, in-process)';
  const modulePath = join(context.root, 'src/lib/search/question-search.ts');
  if (!existsSync(modulePath)) {
    return pendingSection('question-search', title, 'src/lib/search/question-search.ts has not landed yet.');
  }
  const search = (await import('../../src/lib/search/question-search.ts')) as SearchModule;

  const indexes: { label: string; index: QuestionIndex; rounds: number }[] = [];
  const realFile = realDeckDir === null ? null : join(realDeckDir, 'questions.json');
  if (realFile !== null && existsSync(realFile)) {
    indexes.push({
      label: 'real index',
      index: JSON.parse(readFileSync(realFile, 'utf8')) as QuestionIndex,
      rounds: 20,
    });
  }
  const sizes = context.quick
    ? [{ entries: 1000, rounds: 2 }]
    : [
        { entries: 1000, rounds: 20 },
        { entries: 10_000, rounds: 5 },
        { entries: 100_000, rounds: 1 },
      ];
  for (const { entries, rounds } of sizes) {
    indexes.push({ label: `${formatCount(entries)} synthetic`, index: syntheticQuestionIndex(entries), rounds });
  }

  const points: SearchPoint[] = [];
  for (const { label, index, rounds } of indexes) {
    context.log(`question search: ${label} (${formatCount(index.entries.length)} questions)`);
    // The largest index takes seconds to build: one cold run says enough there.
    const large = index.entries.length >= 50_000;
    let data: ReturnType<SearchModule['buildQuestionSearchData']> | undefined;
    const builds = timeRuns(
      context.quick || large ? 1 : 3,
      () => (data = search.buildQuestionSearchData(index)),
      !large,
    );
    if (data === undefined) throw new Error('the index was never built');
    const payload = JSON.stringify(data);
    const loads = timeRuns(
      context.quick || large ? 1 : 3,
      () => search.createQuestionSearcher(JSON.parse(payload)),
      !large,
    );
    const searcher = search.createQuestionSearcher(data);
    for (const query of QUERIES) search.searchConcepts(searcher, query);
    const samples: number[] = [];
    for (let round = 0; round < (context.quick ? 1 : rounds); round++) {
      for (const query of QUERIES) {
        const started = performance.now();
        search.searchConcepts(searcher, query);
        samples.push(performance.now() - started);
      }
    }
    points.push({
      label,
      entries: index.entries.length,
      concepts: index.concepts.length,
      buildMs: median(builds),
      loadMs: median(loads),
      payloadGzip: gzipSize(payload),
      queries: samples.length,
      p50Ms: percentile(samples, 50),
      p95Ms: percentile(samples, 95),
      maxMs: Math.max(...samples),
    });
  }

  const synthetic = points.filter((p) => p.label !== 'real index');
  const notes: string[] = [];
  const [first, last] = [synthetic[0], synthetic[synthetic.length - 1]];
  if (first && last && last !== first) {
    const growth = last.p50Ms / first.p50Ms / (last.entries / first.entries);
    notes.push(
      `Query p50 grows ${(last.p50Ms / first.p50Ms).toFixed(0)}× for ${(last.entries / first.entries).toFixed(0)}× the questions ` +
        `(${growth > 1.5 ? 'faster than linear' : growth < 0.67 ? 'slower than linear' : 'linear'}): Fuse scans every record on every query.`,
    );
  }
  const slow = points.filter((p) => p.p95Ms > 100);
  if (slow.length > 0) {
    notes.push(`Over 100 ms at p95 (typing feels laggy): ${slow.map((p) => p.label).join(', ')}.`);
  }
  return {
    id: 'question-search',
    title,
    status: 'ok',
    tables: [
      {
        title: `${QUERIES.length} queries, each run several rounds after a warm-up; payload = the index the page downloads`,
        columns: [
          'index',
          'questions',
          'concepts',
          'build index',
          'load index',
          'payload (gz)',
          'queries',
          'p50',
          'p95',
          'max',
        ],
        rows: points.map((p) => [
          p.label,
          formatCount(p.entries),
          formatCount(p.concepts),
          formatMs(p.buildMs),
          formatMs(p.loadMs),
          formatKB(p.payloadGzip),
          formatCount(p.queries),
          formatMs(p.p50Ms),
          formatMs(p.p95Ms),
          formatMs(p.maxMs),
        ]),
      },
    ],
    notes,
    data: { points, queries: QUERIES },
  };
}

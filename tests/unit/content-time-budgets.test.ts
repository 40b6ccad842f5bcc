import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { phaseSchema } from '../../src/lib/guide-schema.ts';

/**
 * The phase pages' frontmatter is the one source of the time budgets (the drill's
 * timer reads it). Prose can't be rendered from it, so these checks keep every
 * page that restates a budget in step with it, and the plan adding up.
 */

const CONTENT = new URL('../../content/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, CONTENT), 'utf8');

const phases = readdirSync(new URL('phases/', CONTENT))
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => {
    const source = read(`phases/${file}`);
    const yaml = source.split(/^---$/mu)[1] ?? '';
    return { file, source, phase: phaseSchema.parse((parse(yaml) as { phase: unknown }).phase) };
  })
  .sort((a, b) => a.phase.number - b.phase.number);

const plan = read('wrap-up/the-45-minute-plan.mdx');

/** The plan's budget table: row label → [45-minute, 60-minute] minutes. */
function planTable(): Map<string, [number, number]> {
  const rows = new Map<string, [number, number]>();
  for (const match of plan.matchAll(/^\| ([^|]+?) \| (\d+) \| (\d+) \|$/gmu)) {
    rows.set(match[1] ?? '', [Number(match[2]), Number(match[3])]);
  }
  return rows;
}

describe('time budgets in the content', () => {
  it('has five phases', () => {
    expect(phases.map((p) => p.phase.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each(phases.map((p) => [p.file, p] as const))('%s states the budget its frontmatter gives', (_file, page) => {
    const { minutes45, minutes60 } = page.phase;
    expect(page.source).toContain(`You get **${minutes45} minutes** of a 45-minute round (${minutes60} of 60)`);
  });

  it('the plan’s table gives each phase its frontmatter budget and fills each round exactly', () => {
    const rows = planTable();
    for (const { phase } of phases) {
      expect(rows.get(`${phase.number} ${phase.name}`), `row for phase ${phase.number}`).toEqual([
        phase.minutes45,
        phase.minutes60,
      ]);
    }
    const totals = [...rows.values()].reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
    expect(totals).toEqual([45, 60]);
    // Time for the candidate's own questions, after the closing.
    const questions = [...rows.entries()].find(([label]) => /your questions/iu.test(label));
    expect(questions?.[1][0]).toBeGreaterThan(0);
    expect(questions?.[1][1]).toBeGreaterThan(0);
  });

  it.each([
    [45, 0],
    [60, 1],
  ] as const)('the plan’s %i-minute clock times follow its table', (round, column) => {
    const line = plan.match(new RegExp(`^\\*\\*${round} minutes:\\*\\* (.+)$`, 'mu'))?.[1] ?? '';
    const ends = [...line.matchAll(/(\d+)–(\d+)/gu)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const budgets = [...planTable().values()].map((minutes) => minutes[column]);
    expect(ends.map(([start, end]) => end - start)).toEqual(budgets);
    ends.forEach(([start], i) => expect(start).toBe(i === 0 ? 0 : ends[i - 1]?.[1]));
    expect(ends.at(-1)?.[1]).toBe(round);
  });
});

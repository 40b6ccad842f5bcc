import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/deck/cli.ts';

const BAD = 'tests/fixtures/deck/bad';

/** Runs the CLI in-process on one fixture folder and returns what it printed. */
async function runCli(content: string, out?: string) {
  const errors: string[] = [];
  const logs: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
  const code = await main(['--content', content, ...(out ? ['--out', out] : [])], {});
  return { code, errors, logs };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every bad-content case, with the exact lines the CLI must print for it. */
const CASES: Record<string, string[]> = {
  'syntax-error': [
    'page.mdx:10:14: MDX syntax error: Unexpected character `=` (U+003D) before name, expected a character that can start a name, such as a letter, `$`, or `_`',
  ],
  'unclosed-card': ['page.mdx:12:1: MDX syntax error: Expected a closing tag for `<Card>` (10:1-10:38)'],
  'frontmatter-missing': ['page.mdx:1:1: missing frontmatter'],
  'frontmatter-yaml': [
    'page.mdx:4:1: frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ],
  'frontmatter-invalid': [
    'page.mdx:1:1: frontmatter "description": Invalid input: expected string, received undefined',
    'page.mdx:3:1: frontmatter "section": Invalid option: expected one of "start-here"|"archetypes"|"phases"|"toolbox"|"building-blocks"|"in-the-room"|"wrap-up"|"examples"|"prompts"',
    'page.mdx:5:1: unknown frontmatter key "colour"',
    'page.mdx:6:1: frontmatter "serves": lists a phase twice',
    'page.mdx:9:3: frontmatter "archetype.tells": Too small: expected array to have >=2 items',
    'page.mdx:11:21: frontmatter "archetype.recovery[1]": Too small: expected string to have >=1 characters',
    // Card problems in the same file are reported in the same run.
    'page.mdx:20:39: <Card id="frontmatter-invalid-card-2"> has an empty q',
  ],
  'duplicate-ids': [
    'start-here/a.mdx:13:1: duplicate id "dup-same" (first used at start-here/a.mdx:9:1)',
    'start-here/b.mdx:10:1: duplicate id "dup-across" (first used at start-here/a.mdx:15:1)',
  ],
  'card-attributes': [
    'page.mdx:10:1: <Card> is missing the id attribute',
    'page.mdx:14:7: <Card> has an empty id',
    'page.mdx:18:7: id "Bad_Id" must be lowercase kebab-case (a-z, 0-9 and "-", starting with a letter or digit)',
    'page.mdx:22:1: <Card id="card-attributes-no-q"> is missing the q attribute (the question)',
    'page.mdx:26:36: <Card id="card-attributes-empty-q"> has an empty q',
    'page.mdx:30:1: <Card id="card-attributes-no-answer"> has no answer between <Card> and </Card>',
    'page.mdx:33:49: unknown attribute "title" on <Card> (allowed: id, q, tags, also, allow-similar, allow)',
    'page.mdx:33:59: unknown attribute "tag" on <Card> (allowed: id, q, tags, also, allow-similar, allow)',
    'page.mdx:37:39: attribute "q" on <Card> must be a quoted string, not an expression',
    'page.mdx:41:47: <Card> does not take spread attributes; write each attribute as name="value"',
    'page.mdx:45:1: <Question id="card-attributes-question-empty"> has no question text',
    'page.mdx:45:47: <Question id="card-attributes-question-empty"> has an empty why',
    'page.mdx:47:49: unknown attribute "because" on <Question> (allowed: id, why, situation, tags, also, allow-similar, allow)',
  ],
  cloze: [
    'page.mdx:10:1: <Cloze id="cloze-none"> has no <C> deletion',
    'page.mdx:12:10: <C> must be inside <Cloze>',
    'page.mdx:14:34: <C> is empty; put the hidden text between <C> and </C>',
    'page.mdx:16:32: <C n="0">: n must be a whole number from 1 to 99 (c1, c2…)',
    'page.mdx:16:51: <C n="x">: n must be a whole number from 1 to 99 (c1, c2…)',
    'page.mdx:16:72: attribute "n" on <C> must be a quoted string, not an expression',
    'page.mdx:18:42: <C> cannot contain another <C>',
    'page.mdx:20:33: <C> has an empty hint; remove it or say what kind of answer goes here',
    'page.mdx:20:63: unknown attribute "size" on <C> (allowed: n, hint)',
    'page.mdx:22:44: <Cloze> cannot contain JavaScript expressions ({…}); write plain text',
    'page.mdx:25:3: <C> must be inside <Cloze>',
    'page.mdx:29:1: <Question> cannot be inside <Card>',
  ],
  'also-links': [
    'start-here/links.mdx:14:42: also link "/start-here/missing/": no guide page at /start-here/missing/',
    'start-here/links.mdx:14:63: also link "/start-here/links/#nope": no heading with id "nope" on /start-here/links/',
    'start-here/links.mdx:14:88: also link "/start-here/other": page URLs end with a slash (/start-here/other/)',
    'start-here/links.mdx:14:106: also link "phases/constraints/" must be a site-relative URL like /phases/constraints/#latency-budget',
    'start-here/links.mdx:14:126: also link "/start-here/other/#": empty anchor after #',
  ],
  'duplicate-headings': [
    'page.mdx:12:1: duplicate heading id "latency-budget" (first used at line 8); rename one heading',
    // `--` and `---` both become dashes that github-slugger drops: the ids collide.
    'page.mdx:18:1: duplicate heading id "a--b" (first used at line 16); rename one heading',
    'page.mdx:20:1: heading "🚀" has no letters or digits to make an id from',
    'page.mdx:22:1: heading id "über-alles" may only use a-z, 0-9, "-" and "_"; rename the heading',
  ],
};

describe('deck CLI on bad content', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(`reports ${name} as path:line:column: message, exits 1 and writes nothing`, async () => {
      const dir = `${BAD}/${name}`;
      const out = join(mkdtempSync(join(tmpdir(), 'deck-')), 'out');
      const { code, errors, logs } = await runCli(dir, out);
      expect(code).toBe(1);
      expect(errors.slice(0, -1)).toEqual(expected.map((line) => `${dir}/${line}`));
      expect(errors.at(-1)).toBe(`${expected.length} problem${expected.length === 1 ? '' : 's'}; nothing written.`);
      expect(logs).toEqual([]);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('reports every problem of every file in one run', async () => {
    const { code, errors } = await runCli(BAD);
    expect(code).toBe(1);
    const lines = errors.slice(0, -1);
    // Every case's files report problems (links change meaning here: pages move under the case folders).
    for (const name of Object.keys(CASES)) {
      expect(
        lines.some((l) => l.startsWith(`${BAD}/${name}/`)),
        name,
      ).toBe(true);
    }
    for (const line of lines) expect(line).toMatch(/^tests\/fixtures\/deck\/bad\/[^:]+\.mdx:\d+:\d+: \S/u);
    expect(lines.length).toBeGreaterThanOrEqual(Object.values(CASES).flat().length);
  });

  it('exits non-zero from a real process (Node 24, type stripping) and prints to stderr', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deck-')), 'out');
    const run = spawnSync(
      process.execPath,
      ['scripts/deck/cli.ts', '--content', `${BAD}/duplicate-ids`, '--out', out],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      ...(CASES['duplicate-ids'] ?? []).map((line) => `${BAD}/duplicate-ids/${line}`),
      '2 problems; nothing written.',
    ]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('rejects unknown options with usage and exit code 2', async () => {
    const { code, errors } = await runCli('--nope');
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('Usage: npm run deck');
  });
});

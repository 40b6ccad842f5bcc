import { compareCodeUnits } from '../../lib/compare.ts';
import { askedCount, binaryPartner, inlineSeriesSizes, leakedWords } from './card-rules.ts';
import { findSimilarPairs, pairScorer } from './similarity.ts';
import { contentStems, countWords, isStopWord, wordsOf } from './words.ts';

/** Where a finding points: a content file, 1-based line and column. */
export interface LintPlace {
  file: string;
  line: number;
  column: number;
}

/** `allow-similar="other-id: reason"` on a card: this pair tests different things on purpose. */
export interface SimilarAllowance extends LintPlace {
  id: string;
  reason: string;
}

/** What the linter sees of one note (a basic card, or every card of a cloze), as plain text. */
export interface LintNote extends LintPlace {
  id: string;
  kind: 'basic' | 'cloze';
  origin: 'authored' | 'generated';
  /** The question side; for a cloze, its text with every deletion blanked. */
  front: string;
  /** The answer side; for a cloze, its full text. */
  answer: string;
  /** Item count of each list in the answer. */
  listSizes: number[];
  /** A cloze's deletions as offsets into `answer`, with their group (`n`, the card c1, c2…) and hint. */
  deletions: { start: number; end: number; place: LintPlace; group: number; hint: string | undefined }[];
  allowSimilar: SimilarAllowance[];
  /** `allow="rule: reason"`: warnings of ALLOWABLE_RULES its reader keeps on purpose. */
  allow: RuleAllowance[];
}

/** `allow="rule: reason"` on a card. */
export interface RuleAllowance extends LintPlace {
  rule: string;
  reason: string;
}

export type LintSeverity = 'error' | 'warning';

export interface LintFinding extends LintPlace {
  rule: LintRule;
  severity: LintSeverity;
  message: string;
}

/**
 * Limits. Near-duplicates (cosine similarity, see similarity.ts) were set on the
 * real deck's 460 notes, reading every pair above 0.35: fronts built from one
 * template ("What does the interviewer conclude after watching X?") reach 0.5
 * with different answers and test different things, while two phrasings of one
 * fact often score only 0.4–0.45 on each side. So a pair is a near-duplicate
 * when one side alone is very similar, or one side is similar and the other
 * side backs it up.
 */
export const LINT_LIMITS = {
  similar: { alone: 0.6, backed: 0.4, support: 0.3 },
  /** Texts with fewer content stems are too short to call duplicates ("Why?"). */
  minStems: 3,
  answerWords: 30,
  listItems: 3,
  /**
   * A generated card (from frontmatter, or a question's .ask card) restates an
   * authored card of its page when any side of it (front or answer) reaches
   * this against any side of the authored one: lower than the deck-wide limits,
   * because on one page the same words are the same idea.
   */
  restates: 0.3,
} as const;

/** Every rule, with its severity and what it keeps out of the deck (the summary table's rows). */
export const LINT_RULES = {
  'identical-front': { severity: 'error', description: 'two notes ask the same question word for word' },
  'similar-front': { severity: 'error', description: 'two notes ask nearly the same question' },
  'similar-answer': { severity: 'error', description: 'two notes give nearly the same answer' },
  'allow-similar-unknown': { severity: 'error', description: 'allow-similar names a note that does not exist' },
  'allow-similar-unused': { severity: 'warning', description: 'allow-similar names a note that is not similar' },
  'long-answer': { severity: 'warning', description: `answer over ${LINT_LIMITS.answerWords} words` },
  'long-list': { severity: 'warning', description: `list answer over ${LINT_LIMITS.listItems} items` },
  'cloze-stop-word': { severity: 'warning', description: 'cloze deletes only stop words' },
  'cloze-whole-sentence': { severity: 'warning', description: 'cloze deletes a whole sentence' },
  'front-not-question': { severity: 'warning', description: 'front is neither a question nor a prompt' },
  'cloze-leak': {
    severity: 'warning',
    description: 'the sentence or hint shows the deletion (stem or first 5 letters)',
  },
  'cloze-binary': { severity: 'warning', description: 'the deletion is one of a binary pair (too high / too low)' },
  'cloze-siblings': { severity: 'warning', description: 'two deletion groups in one sentence show each other' },
  'count-mismatch': { severity: 'warning', description: '"name N" front whose answer has another number of items' },
  'generated-restates': {
    severity: 'warning',
    description: `generated card restates an authored card of its page (any side ≥ ${LINT_LIMITS.restates})`,
  },
  'allow-unused': { severity: 'warning', description: 'allow names a rule that does not flag the card' },
} as const satisfies Record<string, { severity: LintSeverity; description: string }>;

export type LintRule = keyof typeof LINT_RULES;

/**
 * The rules a card's reader may overrule with `allow="rule: reason"`. Not the
 * duplicates (they have allow-similar, naming the other card), not a generated
 * card restating an authored one (the standard drops it, it is never kept), and
 * not the allowances' own checks.
 */
export const ALLOWABLE_RULES = [
  'long-answer',
  'long-list',
  'cloze-stop-word',
  'cloze-whole-sentence',
  'front-not-question',
  'cloze-leak',
  'cloze-binary',
  'cloze-siblings',
  'count-mismatch',
] as const satisfies readonly LintRule[];

/** Verbs that open a prompt a learner can answer ("Name the three…", "Complete: …"). */
const PROMPT_VERBS: ReadonlySet<string> = new Set(
  `name list give explain describe define complete state compare contrast estimate say fill pick choose rank
write sketch identify outline recall finish suggest propose ask justify`.split(/\s+/u),
);

/** Lints a deck's notes (in deck order, which decides which of a similar pair is reported); findings come back sorted by place. */
export function lintNotes(notes: readonly LintNote[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const find = (place: LintPlace, rule: LintRule, message: string): void => {
    findings.push({
      file: place.file,
      line: place.line,
      column: place.column,
      rule,
      severity: LINT_RULES[rule].severity,
      message,
    });
  };

  for (const note of notes) {
    const own: { place: LintPlace; rule: LintRule; message: string }[] = [];
    lintCard(note, (place, rule, message) => own.push({ place, rule, message }));
    const allowed = new Map(note.allow.map((a) => [a.rule, a]));
    const used = new Set<string>();
    for (const { place, rule, message } of own) {
      if (allowed.has(rule)) used.add(rule);
      else find(place, rule, message);
    }
    for (const allowance of note.allow) {
      if (!used.has(allowance.rule))
        find(
          allowance,
          'allow-unused',
          `allow="${allowance.rule}: …" on "${note.id}", but ${allowance.rule} does not flag it; remove it`,
        );
    }
  }

  lintRestatements(notes, find);
  lintDuplicates(notes, find);
  return findings.sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodeUnits(a.rule, b.rule) ||
      compareCodeUnits(a.message, b.message),
  );
}

type Find = (place: LintPlace, rule: LintRule, message: string) => void;

/** The rules that look at one card alone. */
function lintCard(note: LintNote, find: Find): void {
  if (note.kind === 'basic' && !isQuestionOrPrompt(note.front)) {
    find(
      note,
      'front-not-question',
      `"${clip(note.front)}" is not a question or a prompt; end it with "?" or start with a verb such as "Name"`,
    );
  }
  const words = countWords(note.answer);
  if (words > LINT_LIMITS.answerWords) {
    find(
      note,
      'long-answer',
      `${note.kind === 'cloze' ? 'the cloze text' : 'the answer'} has ${words} words (more than ${LINT_LIMITS.answerWords}); split it into one-fact cards`,
    );
  }
  for (const size of note.listSizes) {
    if (size > LINT_LIMITS.listItems) {
      find(
        note,
        'long-list',
        `the answer lists ${size} items (more than ${LINT_LIMITS.listItems}); ask for one item per card, or for the idea behind them`,
      );
    }
  }
  const series = inlineSeriesSizes(note.answer);
  for (const size of series) {
    if (size > LINT_LIMITS.listItems) {
      find(
        note,
        'long-list',
        `the answer's inline series has ${size} items (more than ${LINT_LIMITS.listItems}; "a, b, c and d" is a list too); ask for one item per card, or for the idea behind them`,
      );
    }
  }
  const asked = note.kind === 'basic' ? askedCount(note.front) : undefined;
  const given = [...note.listSizes, ...series][0];
  if (asked !== undefined && given !== undefined && given !== asked) {
    find(
      note,
      'count-mismatch',
      `the front asks for ${asked} but the answer has ${given} items; ask for the set as the guide has it, or for one member`,
    );
  }
  for (const deletion of note.deletions) lintDeletion(note, deletion, find);
  lintSiblings(note, find);
}

/** Two deletion groups in one sentence: each card shows the other's answer. Reported once per sentence, at the later group. */
function lintSiblings(note: LintNote, find: Find): void {
  const reported = new Set<string>();
  for (const deletion of note.deletions) {
    const { start, end } = sentenceAround(note.answer, deletion.start, deletion.end);
    const sibling = note.deletions.find((d) => d.group < deletion.group && d.start >= start && d.end <= end);
    const key = `${start}`;
    if (!sibling || reported.has(key)) continue;
    reported.add(key);
    find(
      deletion.place,
      'cloze-siblings',
      `c${sibling.group} "${clip(note.answer.slice(sibling.start, sibling.end))}" and c${deletion.group} "${clip(note.answer.slice(deletion.start, deletion.end))}" share a sentence, so each card shows the other's answer; make it one basic card`,
    );
  }
}

function lintDeletion(note: LintNote, deletion: LintNote['deletions'][number], find: Find): void {
  const text = note.answer;
  const hidden = text.slice(deletion.start, deletion.end);
  const partner = binaryPartner(hidden);
  if (partner !== undefined) {
    find(
      deletion.place,
      'cloze-binary',
      `the deletion "${clip(hidden)}" is one of a pair with "${partner}": a coin toss, not a recall; delete the idea that decides it`,
    );
    return;
  }
  const words = wordsOf(hidden);
  if (words.length > 0 && words.every(isStopWord)) {
    find(
      deletion.place,
      'cloze-stop-word',
      `the deletion "${clip(hidden)}" hides only stop words; delete the idea instead`,
    );
    return;
  }
  const { start, end } = sentenceAround(text, deletion.start, deletion.end);
  // What this deletion's card shows of the sentence: every deletion of its group is blanked there.
  let visible = '';
  let at = start;
  for (const d of note.deletions) {
    if (d.group !== deletion.group || d.end <= start || d.start >= end) continue;
    visible += `${text.slice(at, Math.max(at, d.start))} `;
    at = Math.max(at, d.end);
  }
  visible += text.slice(at, end);
  const outside = contentStems(visible);
  if (outside.length < 2) {
    find(
      deletion.place,
      'cloze-whole-sentence',
      `the deletion "${clip(hidden)}" hides its whole sentence, leaving no cue; delete the key term instead`,
    );
    return;
  }
  const leaks = leakedWords(hidden, `${visible} ${deletion.hint ?? ''}`);
  if (leaks.length > 0) {
    find(
      deletion.place,
      'cloze-leak',
      `the deletion "${clip(hidden)}" shows in its sentence or hint (${leaks.map((w) => `"${w}"`).join(', ')}); reword the rest, or delete another idea`,
    );
  }
}

/**
 * A generated card (frontmatter, or a question's .ask card) that says what an
 * authored card of the same page says, on either side: the generator's template
 * adds nothing the page's own card does not, so the generated one should go.
 */
function lintRestatements(notes: readonly LintNote[], find: Find): void {
  const texts = notes.flatMap((n) => [n.front, n.answer]);
  const score = pairScorer(texts, LINT_LIMITS.minStems);
  const byFile = new Map<string, number[]>();
  notes.forEach((note, i) => byFile.set(note.file, [...(byFile.get(note.file) ?? []), i]));
  for (const members of byFile.values()) {
    const authored = members.filter((i) => notes[i]?.origin === 'authored');
    for (const g of members) {
      const generated = notes[g];
      if (!generated || generated.origin !== 'generated') continue;
      let best: { note: LintNote; score: number; sides: string } | undefined;
      for (const a of authored) {
        const other = notes[a];
        if (!other) continue;
        const sides: [number, number, string][] = [
          [2 * g, 2 * a, 'front ~ front'],
          [2 * g + 1, 2 * a + 1, 'answer ~ answer'],
          [2 * g, 2 * a + 1, 'front ~ answer'],
          [2 * g + 1, 2 * a, 'answer ~ front'],
        ];
        for (const [x, y, name] of sides) {
          const s = score(x, y);
          if (s >= LINT_LIMITS.restates && (!best || s > best.score)) best = { note: other, score: s, sides: name };
        }
      }
      if (!best) continue;
      find(
        generated,
        'generated-restates',
        `generated "${generated.id}" restates "${best.note.id}" (${best.note.file}:${best.note.line}:${best.note.column}; ${best.sides} ${best.score.toFixed(2)}); drop the generated card (its frontmatter field or question's situation), or make the authored card ask something else`,
      );
    }
  }
}

function lintDuplicates(
  notes: readonly LintNote[],
  find: (place: LintPlace, rule: LintRule, message: string) => void,
): void {
  const index = new Map(notes.map((note, i) => [note.id, i]));
  const allowed = new Set<string>();
  for (const note of notes) {
    for (const allowance of note.allowSimilar) {
      if (!index.has(allowance.id)) {
        find(
          allowance,
          'allow-similar-unknown',
          `allow-similar names "${allowance.id}", which is not a card or cloze id`,
        );
        continue;
      }
      allowed.add(pairKey(note.id, allowance.id));
    }
  }
  const used = new Set<string>();
  const where = (note: LintNote): string => `"${note.id}" (${note.file}:${note.line}:${note.column})`;
  const fix = (note: LintNote): string =>
    `rewrite one of them, or add allow-similar="${note.id}: <why both are needed>"`;

  const firstByFront = new Map<string, LintNote>();
  const identical = new Set<string>();
  for (const note of notes) {
    const key = wordsOf(note.front).join(' ');
    if (key === '') continue;
    const first = firstByFront.get(key);
    if (!first) {
      firstByFront.set(key, note);
      continue;
    }
    identical.add(pairKey(first.id, note.id));
    find(
      note,
      'identical-front',
      `the front is word for word the front of ${where(first)}; one of them must go or change`,
    );
  }

  const frontScores = scoresByPair(notes, (n) => n.front);
  const answerScores = scoresByPair(notes, (n) => n.answer);
  const candidates = [...new Set([...frontScores.keys(), ...answerScores.keys()])].sort(compareCodeUnits);
  const limits = LINT_LIMITS.similar;
  for (const key of candidates) {
    const front = frontScores.get(key)?.score ?? 0;
    const answer = answerScores.get(key)?.score ?? 0;
    const pair = frontScores.get(key) ?? answerScores.get(key);
    if (!pair) continue;
    const first = notes[pair.a];
    const second = notes[pair.b];
    if (!first || !second) continue;
    const alike = (side: number, other: number): boolean =>
      side >= limits.alone || (side >= limits.backed && other >= limits.support);
    const rule: LintRule | undefined = alike(front, answer)
      ? 'similar-front'
      : alike(answer, front)
        ? 'similar-answer'
        : undefined;
    if (!rule) continue;
    if (allowed.has(key)) {
      used.add(key);
      continue;
    }
    if (identical.has(key)) continue;
    const side = rule === 'similar-front' ? 'front' : 'answer';
    find(
      second,
      rule,
      `the ${side} is too similar to the ${side} of ${where(first)} (fronts ${front.toFixed(2)}, answers ${answer.toFixed(2)}); ${fix(first)}`,
    );
  }

  for (const note of notes) {
    for (const allowance of note.allowSimilar) {
      const key = pairKey(note.id, allowance.id);
      if (index.has(allowance.id) && !used.has(key)) {
        find(
          allowance,
          'allow-similar-unused',
          `"${note.id}" and "${allowance.id}" are not similar enough to need allow-similar; remove it`,
        );
      }
    }
  }
}

/**
 * A basic front asks something when it holds a question ("…? Give one."), or
 * its last sentence is a prompt: it opens with a prompt verb ("Labels arrive
 * late. Name three ways to cope.") or ends with ":" (a prompt to complete).
 */
export function isQuestionOrPrompt(front: string): boolean {
  // A closing quote or bracket may follow the punctuation: “…?”
  const trimmed = front.trim().replace(/[\s"'”’)\]»]+$/u, '');
  if (trimmed.includes('?') || trimmed.endsWith(':')) return true;
  const sentences = trimmed.split(/[.!](?=\s)/u);
  const first = wordsOf(sentences.at(-1) ?? '')[0];
  return first !== undefined && PROMPT_VERBS.has(first);
}

/** The sentence (or sentences) a span sits in: bounded by ". ", "? ", "! " or the ends of the text. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  const boundary = /[.?!](?=\s|$)/gu;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(boundary)) {
    const at = match.index;
    if (at < start) from = at + 1;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return { start: from, end: to };
}

/** Similarity of every pair of notes that reaches the lowest limit on one side, by pair key. */
function scoresByPair(
  notes: readonly LintNote[],
  side: (note: LintNote) => string,
): Map<string, { a: number; b: number; score: number }> {
  const pairs = findSimilarPairs(notes.map(side), {
    threshold: LINT_LIMITS.similar.support,
    minStems: LINT_LIMITS.minStems,
  });
  const byKey = new Map<string, { a: number; b: number; score: number }>();
  for (const pair of pairs) {
    const a = notes[pair.a];
    const b = notes[pair.b];
    if (a && b) byKey.set(pairKey(a.id, b.id), pair);
  }
  return byKey;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

import { compareCodeUnits } from '../../lib/compare.ts';
import { findSimilarPairs } from './similarity.ts';
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
  /** A cloze's deletions as offsets into `answer`. */
  deletions: { start: number; end: number; place: LintPlace }[];
  allowSimilar: SimilarAllowance[];
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
} as const satisfies Record<string, { severity: LintSeverity; description: string }>;

export type LintRule = keyof typeof LINT_RULES;

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
    for (const deletion of note.deletions) lintDeletion(note.answer, deletion, find);
  }

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

function lintDeletion(
  text: string,
  deletion: LintNote['deletions'][number],
  find: (place: LintPlace, rule: LintRule, message: string) => void,
): void {
  const hidden = text.slice(deletion.start, deletion.end);
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
  const outside = contentStems(`${text.slice(start, deletion.start)} ${text.slice(deletion.end, end)}`);
  if (outside.length < 2) {
    find(
      deletion.place,
      'cloze-whole-sentence',
      `the deletion "${clip(hidden)}" hides its whole sentence, leaving no cue; delete the key term instead`,
    );
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

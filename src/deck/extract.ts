import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { GuideFrontmatter } from '../lib/guide-schema.ts';
import {
  hasAttribute,
  isDigits,
  readAllowances,
  readAttributes,
  splitWords,
  startOf,
  type AttributeValue,
  type JsxElement,
  type RuleAllowance,
} from './attributes.ts';
import { ALLOWABLE_RULES } from './lint/rules.ts';
import { HeadingTracker } from './headings.ts';
import { createLocator } from './locator.ts';
import type { AlsoLink, NoteContent, NoteRecord, PageRecord, SimilarAllowance } from './model.ts';
import type { Place, Problem } from './problems.ts';
import { smartenPhrasing } from './smart-punctuation.ts';

/** The components that carry deck content, as guides use them (see src/pages/[...slug].astro). */
const CARD_COMPONENTS = new Set(['Card', 'Cloze', 'Question']);
const CARD_ATTRIBUTES = ['id', 'q', 'tags', 'also', 'allow-similar', 'allow'];
const CLOZE_ATTRIBUTES = ['id', 'tags', 'also', 'allow-similar', 'allow'];
const QUESTION_ATTRIBUTES = ['id', 'why', 'situation', 'tags', 'also', 'allow-similar', 'allow'];
const DELETION_ATTRIBUTES = ['n', 'hint'];
/** Prefix of every id made from frontmatter (generate.ts). */
const GENERATED_ID_PREFIX = 'gen-';

export interface PageInput {
  file: string;
  source: string;
  id: string;
  url: string;
  frontmatter: GuideFrontmatter;
  fieldPlaces: Record<string, Place>;
}

/**
 * Walks one page's syntax tree in document order: records its headings (the
 * concepts) and turns every Card, Cloze and Question into a note tied to the
 * nearest heading above it. Problems are appended to `problems`.
 */
export function extractPage(tree: Root, input: PageInput, problems: Problem[]): PageRecord {
  const { file, source, url, frontmatter } = input;
  smartenTree(tree, source);
  const locate = createLocator(source);
  const headings = new HeadingTracker(file, frontmatter.title, problems);
  const notes: NoteRecord[] = [];
  const report = (place: Place, message: string): void => {
    problems.push({ file, ...place, message });
  };

  const conceptHere = (): { concept: string; conceptTitle: string[] } => {
    const heading = headings.current();
    return heading
      ? { concept: `${url}#${heading.slug}`, conceptTitle: heading.titlePath }
      : { concept: url, conceptTitle: [frontmatter.title] };
  };

  const readCommon = (attributes: Map<string, AttributeValue>, element: JsxElement, tag: string) => {
    const place = placeOf(element);
    const id = attributes.get('id');
    let validId: string | undefined;
    if (!id) {
      if (!hasAttribute(element, 'id')) report(place, `<${tag}> is missing the id attribute`);
    } else if (id.value.trim() === '') report(id.place, `<${tag}> has an empty id`);
    else if (!isKebabId(id.value))
      report(
        id.place,
        `id "${id.value}" must be lowercase kebab-case (a-z, 0-9 and "-", starting with a letter or digit)`,
      );
    else if (id.value.startsWith(GENERATED_ID_PREFIX))
      // Generated ids, live or retired, are never reused: a review log may still hold them.
      report(id.place, `id "${id.value}" starts with "${GENERATED_ID_PREFIX}", which is kept for generated cards`);
    else validId = id.value;
    const tagsValue = attributes.get('tags')?.value ?? '';
    const tags = [...new Set(splitWords(tagsValue).map((w) => w.word))];
    const alsoAttribute = attributes.get('also');
    const also: AlsoLink[] = alsoAttribute
      ? splitWords(alsoAttribute.value).map(({ word, index }) => ({
          url: word,
          place:
            alsoAttribute.valueOffset === undefined ? alsoAttribute.place : locate(alsoAttribute.valueOffset + index),
        }))
      : [];
    const label = validId ? `<${tag} id="${validId}">` : `<${tag}>`;
    const allowSimilar = readAllowSimilar(attributes.get('allow-similar'), label, report);
    const allow = readAllowances(attributes.get('allow'), label, ALLOWABLE_RULES, report);
    return { id: validId, place, tags, also, label, allowSimilar, allow };
  };

  const extractCard = (element: JsxElement): void => {
    const attributes = readAttributes(element, CARD_ATTRIBUTES, source, report);
    const common = readCommon(attributes, element, 'Card');
    const q = attributes.get('q');
    if (!q) {
      if (!hasAttribute(element, 'q'))
        report(common.place, `${common.label} is missing the q attribute (the question)`);
    } else if (q.value.trim() === '') report(q.place, `${common.label} has an empty q`);
    const answer = element.children as RootContent[];
    if (!hasContent(answer)) report(common.place, `${common.label} has no answer between <Card> and </Card>`);
    if (!common.id || !q || q.value.trim() === '') return;
    pushNote({ ...common, id: common.id }, { kind: 'basic', front: q.value.trim(), back: answer });
  };

  const extractCloze = (element: JsxElement): void => {
    const attributes = readAttributes(element, CLOZE_ATTRIBUTES, source, report);
    const common = readCommon(attributes, element, 'Cloze');
    const deletions = checkDeletions(element.children as RootContent[], report);
    if (deletions === 0) report(common.place, `${common.label} has no <C> deletion`);
    if (!common.id || deletions === 0) return;
    pushNote({ ...common, id: common.id }, { kind: 'cloze', body: element.children as RootContent[] });
  };

  const extractQuestion = (element: JsxElement): void => {
    const attributes = readAttributes(element, QUESTION_ATTRIBUTES, source, report);
    const common = readCommon(attributes, element, 'Question');
    const text = element.children as RootContent[];
    if (!hasContent(text)) report(common.place, `${common.label} has no question text`);
    const why = attributes.get('why');
    if (why && why.value.trim() === '') report(why.place, `${common.label} has an empty why`);
    const situation = attributes.get('situation');
    if (situation && situation.value.trim() === '') report(situation.place, `${common.label} has an empty situation`);
    if (situation && !why) {
      report(
        situation.place,
        `${common.label} has a situation but no why; the card's answer needs both the question and why to ask it`,
      );
    }
    if (
      !common.id ||
      !hasContent(text) ||
      (why && why.value.trim() === '') ||
      (situation && situation.value.trim() === '')
    )
      return;
    const whyText = why?.value.trim();
    const situationText = situation?.value.trim();
    const here = conceptHere();
    const content: NoteContent | undefined =
      whyText && situationText
        ? applicationCard({
            frontmatter,
            heading: here.conceptTitle,
            situation: situationText,
            question: phrasingOf(text),
            why: whyText,
          })
        : undefined;
    notes.push({
      id: common.id,
      place: common.place,
      // The card is made by a template from the question; the question itself is authored.
      origin: content ? 'generated' : 'authored',
      content,
      question: { text, why: whyText },
      ...here,
      tags: common.tags,
      also: common.also,
      allowSimilar: common.allowSimilar,
      allow: common.allow,
    });
  };

  const pushNote = (
    common: {
      id: string;
      place: Place;
      tags: string[];
      also: AlsoLink[];
      allowSimilar: SimilarAllowance[];
      allow: RuleAllowance[];
    },
    content: NoteContent,
  ) => {
    notes.push({
      id: common.id,
      place: common.place,
      origin: 'authored',
      content,
      ...conceptHere(),
      tags: common.tags,
      also: common.also,
      allowSimilar: common.allowSimilar,
      allow: common.allow,
    });
  };

  // Document order, so every card meets the nearest heading above it first.
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      headings.add(node, placeOf(node));
      return SKIP;
    }
    const enclosing = enclosingCard(ancestors);
    if ((node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') && enclosing && !isComment(node)) {
      report(placeOf(node), `<${enclosing}> cannot contain JavaScript expressions ({…}); write plain text`);
    }
    if (isJsxElement(node)) {
      const name = node.name ?? '';
      if (CARD_COMPONENTS.has(name)) {
        if (enclosing) report(placeOf(node), `<${name}> cannot be inside <${enclosing}>`);
        else if (name === 'Card') extractCard(node);
        else if (name === 'Cloze') extractCloze(node);
        else extractQuestion(node);
      } else if (name === 'C' && enclosing !== 'Cloze') report(placeOf(node), '<C> must be inside <Cloze>');
    }
    return CONTINUE;
  });

  return { file, id: input.id, url, frontmatter, fieldPlaces: input.fieldPlaces, headings: headings.headings, notes };
}

/**
 * A clarifying question turned into the move it trains: the front sets the
 * scene (the practice prompt or the phase, the section, what you know so far)
 * and asks what to ask; the back gives the question and why it matters.
 */
function applicationCard(input: {
  frontmatter: GuideFrontmatter;
  heading: readonly string[];
  situation: string;
  question: PhrasingContent[];
  why: string;
}): NoteContent {
  const { frontmatter, heading, situation, question, why } = input;
  const section = heading.length > 1 ? heading.at(-1) : undefined;
  const within = section ? ` (${section})` : '';
  // On a practice page the prompt names the problem and the section names the phase.
  const stage = frontmatter.phase
    ? `Phase ${frontmatter.phase.number}, ${frontmatter.phase.name}${within}`
    : frontmatter.practice
      ? (section ?? frontmatter.title)
      : `${frontmatter.title}${within}`;
  const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
  const plain = (value: string): PhrasingContent => ({ type: 'text', value });
  const front: RootContent[] = [];
  if (frontmatter.practice) {
    front.push(
      paragraph(plain('Practice prompt: '), { type: 'emphasis', children: [plain(frontmatter.practice.prompt)] }),
    );
  }
  front.push(paragraph({ type: 'strong', children: [plain(`${stage}.`)] }, plain(` ${situation}`)));
  front.push(paragraph(plain('What do you ask, and why?')));
  const back: RootContent[] = [
    paragraph({ type: 'emphasis', children: [plain('“'), ...question, plain('”')] }),
    paragraph(plain(why)),
  ];
  return { kind: 'basic', front, back };
}

/**
 * Reads `allow-similar="other-id: reason; another-id: reason"`: the notes this
 * one may resemble, each with the reason both are worth reviewing. A reason is
 * required, so an exception is a decision someone wrote down.
 */
function readAllowSimilar(
  attribute: AttributeValue | undefined,
  label: string,
  report: (place: Place, message: string) => void,
): SimilarAllowance[] {
  if (!attribute) return [];
  const allowances: SimilarAllowance[] = [];
  for (const entry of attribute.value.split(';')) {
    if (entry.trim() === '') continue;
    const colon = entry.indexOf(':');
    const id = (colon === -1 ? entry : entry.slice(0, colon)).trim();
    const reason = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (!isKebabId(id) || reason === '') {
      report(
        attribute.place,
        `${label} allow-similar="${entry.trim()}": write "other-card-id: why both cards are needed" (pairs separated by ";")`,
      );
      continue;
    }
    allowances.push({ id, reason, place: attribute.place });
  }
  if (allowances.length === 0 && attribute.value.trim() === '')
    report(attribute.place, `${label} has an empty allow-similar`);
  return allowances;
}

/**
 * Validates the `<C>` deletions of a cloze body and returns how many there are.
 * Nested card components are reported by the page walk, so they are not entered.
 */
function checkDeletions(nodes: readonly RootContent[], report: (place: Place, message: string) => void): number {
  let count = 0;
  for (const top of nodes) {
    visitParents(top, (node, ancestors) => {
      if (!isJsxElement(node)) return CONTINUE;
      if (node.name && CARD_COMPONENTS.has(node.name)) return SKIP;
      if (node.name !== 'C') return CONTINUE;
      count++;
      const place = placeOf(node);
      if (ancestors.some((a) => isJsxElement(a) && a.name === 'C')) report(place, '<C> cannot contain another <C>');
      const attributes = readAttributes(node, DELETION_ATTRIBUTES, '', report, ['n']);
      const n = attributes.get('n');
      if (n && !isClozeNumber(n.value)) {
        report(n.place, `<C n="${n.value}">: n must be a whole number from 1 to 99 (c1, c2…)`);
      }
      const hint = attributes.get('hint');
      if (hint && hint.value.trim() === '')
        report(hint.place, '<C> has an empty hint; remove it or say what kind of answer goes here');
      if (!hasContent(node.children as RootContent[]))
        report(place, '<C> is empty; put the hidden text between <C> and </C>');
      return CONTINUE;
    });
  }
  return count;
}

/** The outermost Card, Cloze or Question among a node's ancestors: the one whose content it is. */
function enclosingCard(ancestors: readonly Nodes[]): string | undefined {
  for (const ancestor of ancestors) {
    if (isJsxElement(ancestor) && ancestor.name && CARD_COMPONENTS.has(ancestor.name)) return ancestor.name;
  }
  return undefined;
}

export function isJsxElement(node: Nodes): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The deletion group of a `<C>`: its `n`, 1 when absent. */
export function deletionNumber(element: MdxJsxTextElement | JsxElement): number {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'n') {
      const raw = attribute.value;
      const text = typeof raw === 'string' ? raw : (raw?.value.trim() ?? '');
      return Number(text);
    }
  }
  return 1;
}

/** The `hint` of a `<C>`, if any. */
export function deletionHint(element: JsxElement): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'hint' && typeof attribute.value === 'string') {
      return attribute.value.trim();
    }
  }
  return undefined;
}

function isClozeNumber(text: string): boolean {
  return isDigits(text) && text[0] !== '0' && text.length <= 2;
}

function isKebabId(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const ch = id[i] ?? '';
    const alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!alnum && !(ch === '-' && i > 0)) return false;
  }
  return id.length > 0;
}

/** True when the nodes hold something besides whitespace and MDX comments. */
function hasContent(nodes: readonly RootContent[]): boolean {
  return nodes.some((node) => {
    if (node.type === 'text') return node.value.trim() !== '';
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return !isComment(node);
    if ('children' in node && node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement')
      return hasContent(node.children as RootContent[]);
    return true;
  });
}

/** `{/* … *\/}` is MDX's comment syntax: an expression with no code in it. */
function isComment(node: { data?: { estree?: { body: unknown[] } | null | undefined } | undefined }): boolean {
  const program = node.data?.estree;
  return program !== undefined && program !== null && program.body.length === 0;
}

/** A question's text as phrasing: the paragraph's children when written on its own lines. */
export function phrasingOf(nodes: readonly RootContent[]): PhrasingContent[] {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length === 1 && only?.type === 'paragraph') return only.children;
  return nodes.filter((n): n is PhrasingContent => n.type !== 'paragraph' && isPhrasing(n));
}

/** mdast node types that sit inside a paragraph (mdast's phrasing content, MDX's inline forms included). */
const PHRASING_TYPES: ReadonlySet<string> = new Set([
  'text',
  'emphasis',
  'strong',
  'inlineCode',
  'link',
  'break',
  'delete',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'image',
  'footnoteReference',
  'html',
  'linkReference',
  'imageReference',
]);

export function isPhrasing(node: RootContent): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type);
}

/**
 * Applies smart punctuation to every block of running text, as the site's
 * Markdown processor does, so headings slug alike and cards read alike.
 */
function smartenTree(tree: Root, source: string): void {
  visit(tree, (node) => {
    const block = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
    if (!block && !(isJsxElement(node) && node.children.some((c) => c.type === 'text'))) return CONTINUE;
    smartenPhrasing(node, source);
    return SKIP;
  });
}

function placeOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return startOf(node) ?? { line: 1, column: 1 };
}

import { z } from 'zod';
import { SECTION_IDS } from './sections.ts';

/**
 * Frontmatter of every guide page in `content/`. Shared by Astro's content
 * collection and the deck builder, so the two can never disagree on what is valid.
 */

const nonEmpty = z.string().trim().min(1);

/** Structured facts about a failure archetype; the deck builder turns them into cards. */
export const archetypeSchema = z.strictObject({
  /** One-line portrait: what the archetype does in the first minutes. */
  summary: nonEmpty,
  /** Things you would hear or see that give the archetype away. */
  tells: z.array(nonEmpty).min(2),
  /** What the interviewer writes down after watching it. */
  verdict: nonEmpty,
  /** Moves that rescue the interview once you notice it in yourself. */
  recovery: z.array(nonEmpty).min(2),
});

/** Structured facts about one phase of the framework; the deck builder turns them into cards. */
export const phaseSchema = z.strictObject({
  /** Position in the five-phase framework, 1 to 5. */
  number: z.number().int().min(1).max(5),
  /** Short name used in timers and tables ("Constraints"). */
  name: nonEmpty,
  /** What the phase is for, in one sentence. */
  purpose: nonEmpty,
  /** Minutes this phase gets in a 45-minute round. */
  minutes45: z.number().positive(),
  /** Minutes this phase gets in a 60-minute round. */
  minutes60: z.number().positive(),
  /** The questions that must be asked in this phase, verbatim as a candidate would ask them. */
  keyQuestions: z.array(nonEmpty).min(2),
  /** The drill's self-assessment question for this phase ("Did you …?"). */
  rubric: nonEmpty,
});

/** Facts about a practice prompt, used by drill mode and by generated cards. */
export const promptSchema = z.strictObject({
  /** The prompt as an interviewer would say it. */
  prompt: nonEmpty,
  /** True for a deliberately odd or ill-posed prompt. */
  illPosed: z.boolean().default(false),
  /** The metric that matters most, with why. */
  northStar: nonEmpty,
  /** The constraint that shapes the design most. */
  bindingConstraint: nonEmpty,
});

export const guideSchema = z.strictObject({
  /** Page title, also the first part of every concept's title path. */
  title: nonEmpty,
  /** One or two sentences for search results, meta description and OpenGraph. */
  description: nonEmpty.max(200),
  /** Which sidebar section the page belongs to. */
  section: z.enum(SECTION_IDS),
  /** Position inside its section (ascending). */
  order: z.number().int().min(0),
  /** Other names for the page's topic, so question search finds it from paraphrases. */
  aliases: z.array(nonEmpty).default([]),
  /** Extra search keywords for the page. */
  keywords: z.array(nonEmpty).default([]),
  /** Phases of the framework (1–5) where this topic comes up in the room; shown under the title. */
  serves: z
    .array(z.number().int().min(1).max(5))
    .default([])
    .refine((phases) => new Set(phases).size === phases.length, 'lists a phase twice'),
  archetype: archetypeSchema.optional(),
  phase: phaseSchema.optional(),
  practice: promptSchema.optional(),
});

export type GuideFrontmatter = z.infer<typeof guideSchema>;
export type PhaseFrontmatter = z.infer<typeof phaseSchema>;
export type ArchetypeFrontmatter = z.infer<typeof archetypeSchema>;

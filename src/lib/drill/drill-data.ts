/** What the drill page hands its client code: everything read from frontmatter at build time. */
export interface DrillPhase {
  name: string;
  purpose: string;
  minutes45: number;
  minutes60: number;
  /** Site-relative URL of the phase's guide. */
  url: string;
  keyQuestions: string[];
  /** The self-assessment question the drill asks about this phase. */
  rubric: string;
}

export interface DrillPrompt {
  /** Content id (`prompts/fraud-detection`). */
  id: string;
  title: string;
  /** Site-relative URL of the prompt's page. */
  url: string;
  prompt: string;
  illPosed: boolean;
  /** The page's heading slugs, mapped to phase indexes. */
  sections: Record<string, number>;
}

export interface DrillArchetype {
  id: string;
  title: string;
  url: string;
  summary: string;
}

export interface DrillData {
  phases: DrillPhase[];
  prompts: DrillPrompt[];
  archetypes: DrillArchetype[];
}

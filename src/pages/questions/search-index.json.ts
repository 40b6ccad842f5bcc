import type { APIRoute } from 'astro';
import { deckData, deckProblems } from 'virtual:vibe-check/deck';
import { buildQuestionSearchData } from '../../lib/search/question-search.ts';

/** The question search payload (prebuilt index included), from the same deck build as questions.json. */
export const GET: APIRoute = () => {
  if (!deckData) throw new Error(`Invalid deck content:\n${deckProblems}`);
  return new Response(JSON.stringify(buildQuestionSearchData(deckData.questionIndex)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { getDeckData } from '../../integrations/deck.ts';
import { buildQuestionSearchData } from '../../lib/search/question-search.ts';

/** The question search payload (prebuilt index included), built from the same in-process deck build as questions.json. */
export const GET: APIRoute = () => {
  const { questionIndex } = getDeckData();
  return new Response(JSON.stringify(buildQuestionSearchData(questionIndex)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};

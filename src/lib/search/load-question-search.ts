import { runtimeFileUrl } from '../app-files.ts';
import { createQuestionSearcher, type QuestionSearchData, type QuestionSearcher } from './question-search.ts';

let pending: Promise<QuestionSearcher> | undefined;

/** Fetches the question search payload once per page and loads it; a failed fetch can be retried. */
export function loadQuestionSearcher(base: string = import.meta.env.BASE_URL): Promise<QuestionSearcher> {
  pending ??= fetch(runtimeFileUrl('questionSearch', base))
    .then((response) => {
      if (!response.ok) throw new Error(`Question index: HTTP ${response.status}`);
      return response.json() as Promise<QuestionSearchData>;
    })
    .then(createQuestionSearcher);
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}

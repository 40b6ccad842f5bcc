import { SYNC_CHANNEL } from '../review-log/constants.ts';
import type { SyncMessage } from '../store/sync.ts';
import { openProgressLog } from '../store/progress-log.ts';
import { nextReviewWords } from './grade-wording.ts';
import { ReadingGrader, type ShownPrompt } from './reading-grader.ts';
import type { GradingCalls } from './reading-protocol.ts';
import { serve } from '../worker-rpc.ts';

// The module worker behind in-place grading: the store, the scheduler and the log, off the page's
// bundle. Other tabs (an open /review/) hear of every change on the tabs' channel.

let now = 0;
const channel = new BroadcastChannel(SYNC_CHANNEL);
// Memory when IndexedDB is missing or fails here: every reply then says `saved: false`, and the prompt says so.
const grader = openProgressLog({ broadcast: (message: SyncMessage) => channel.postMessage(message) }).then(
  (log) => new ReadingGrader({ log, now: () => now }),
);
const shown = new Map<number, ShownPrompt>();
let lastToken = 0;

serve<GradingCalls>({
  async show(request) {
    now = request.now;
    const token = ++lastToken;
    const reader = await grader;
    shown.set(token, await reader.show(request.cards));
    return { token, suspended: await reader.suspended(request.cards) };
  },
  async grade({ token, grade, now: at }) {
    now = at;
    const prompt = shown.get(token);
    if (!prompt) throw new Error('This prompt was not revealed.');
    const result = await (await grader).grade(prompt, grade);
    const next = result.outcome === 'rated' ? nextReviewWords(at, result.nextDue) : '';
    return { outcome: result.outcome, entries: result.entries, next, saved: result.saved };
  },
  async undo({ entries }) {
    return (await grader).undo(entries);
  },
  async hold({ cards, kind, now: at }) {
    now = at;
    return (await grader).hold(cards, kind);
  },
  async unhold({ marks }) {
    return (await grader).unhold(marks);
  },
  async 'save-replay'() {
    await (await grader).saveReplay();
    return null;
  },
});

import { INTERVIEW_LIMITS, interviewSchema, type Interview } from '../review-log/interview-schema.ts';

/** What the interview form holds, as strings straight from its inputs. */
export interface InterviewInput {
  /** `YYYY-MM-DD`, as an `<input type="date">` gives it. */
  date: string;
  /** `HH:MM`; empty means 09:00. */
  time: string;
  /** Whole minutes a day; empty means "not given". */
  minutes: string;
  /** Whole days of margin; empty means the default. */
  margin: string;
}

export type InterviewParse = { ok: true; interview: Interview } | { ok: false; message: string };

const DEFAULT_TIME = '09:00';
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/u;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/u;

/** Local date and time to epoch ms, or null when the fields do not name a real instant (31 February). */
function localInstant(date: string, time: string): number | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  const instant = new Date(year, month - 1, day, hour, minute);
  // Date rolls 31 February over to March; a rolled-over date is a typo, not a plan.
  if (instant.getFullYear() !== year || instant.getMonth() !== month - 1 || instant.getDate() !== day) return null;
  return instant.getTime();
}

/** Beyond `INTERVIEW_LIMITS.maxDaysAhead` days: the form refuses it, and the plan says so instead of simulating it. */
export function interviewTooFar(at: number, now: number): boolean {
  return at - now > INTERVIEW_LIMITS.maxDaysAhead * 86_400_000;
}

function wholeNumber(text: string): number | null {
  return /^\d+$/u.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Reads the interview form. Every refusal names the field and what it accepts,
 * and nothing is returned to be saved unless the whole form is valid.
 */
export function parseInterviewInput(input: InterviewInput, now: number): InterviewParse {
  const at = localInstant(input.date.trim(), input.time.trim() || DEFAULT_TIME);
  if (at === null)
    return { ok: false, message: 'Enter the interview date as a real calendar date (and a time such as 09:00).' };
  if (at <= now)
    return { ok: false, message: 'The interview date is in the past: enter a date and time still to come.' };
  const { minutesPerDay, marginDays, maxDaysAhead } = INTERVIEW_LIMITS;
  if (interviewTooFar(at, now))
    return {
      ok: false,
      message: `The interview date is more than ${maxDaysAhead / 365} years away: the plan works to a date at most ${maxDaysAhead} days ahead.`,
    };
  let minutes: number | undefined;
  if (input.minutes.trim() !== '') {
    const parsed = wholeNumber(input.minutes);
    if (parsed === null || parsed < minutesPerDay.min || parsed > minutesPerDay.max) {
      return {
        ok: false,
        message: `Minutes a day is a whole number from ${minutesPerDay.min} to ${minutesPerDay.max} (leave it empty if you do not know).`,
      };
    }
    minutes = parsed;
  }
  const margin = input.margin.trim() === '' ? marginDays.default : wholeNumber(input.margin);
  if (margin === null || margin < marginDays.min || margin > marginDays.max) {
    return { ok: false, message: `Days of margin is a whole number from ${marginDays.min} to ${marginDays.max}.` };
  }
  const parsed = interviewSchema.safeParse({
    at,
    marginDays: margin,
    ...(minutes === undefined ? {} : { minutesPerDay: minutes }),
  });
  return parsed.success ? { ok: true, interview: parsed.data } : { ok: false, message: 'Check the interview form.' };
}

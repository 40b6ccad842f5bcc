/**
 * 1–4 are Again, Hard, Good, Easy (as in ts-fsrs); 0 means the user reset the card to new.
 * Its own file, so code that loads without the schemas (a guide's memory overlay) can read it.
 */
export const RESET_RATING = 0;

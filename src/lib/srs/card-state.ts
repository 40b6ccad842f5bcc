// ts-fsrs's card states by name (never 0–3 written out), without the scheduler's engine: the guide's memory
// worker reads them.
export { State } from 'ts-fsrs';

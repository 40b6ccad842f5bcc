/** What every benchmark section gets from the runner. */
export interface BenchContext {
  /** BENCH_QUICK=1: one run each at the smallest sizes, to check the benchmark itself works. */
  quick: boolean;
  /** The project root (the benchmark runs the project's own commands there). */
  root: string;
  /** A fresh temporary folder for this run, removed at the end; never inside content/. */
  tmp: string;
  /** Progress on stderr, so stdout stays the report. */
  log(message: string): void;
  /** Output of the real site's build (set by the site-build section, read by page weight). */
  realBuildDir?: string;
  /** Output of the synthetic builds by scale factor (set by site-build, read by first visit). */
  syntheticBuildDirs?: Map<number, string>;
}

/** Repetitions for a size: fewer at the largest sizes, one in quick mode. */
export function repetitions(context: BenchContext, full: number): number {
  return context.quick ? 1 : full;
}

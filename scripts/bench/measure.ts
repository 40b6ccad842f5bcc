import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.ts';

export interface RunResult {
  /** Wall-clock milliseconds, spawn to exit. */
  ms: number;
  /**
   * CPU time (user + system) of the whole process tree, in ms: steadier than
   * wall-clock time when other work shares the machine. Null when unmeasured.
   */
  cpuMs: number | null;
  /** Peak resident memory of the largest process in the tree, in KB; null when it could not be measured. */
  maxRssKB: number | null;
  /** The last lines of output, to explain a failure. */
  tail: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion and measures it. Peak memory comes from GNU
 * time's `-v` report (the kernel's maximum RSS over the process tree); without
 * GNU time, every Node process in the tree records its own `maxRSS` on exit
 * through a preloaded module, and the largest wins. A non-zero exit throws.
 */
export async function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const env = { ...process.env, ...options.env };
  const useTime = existsSync(GNU_TIME);
  // GNU time reports into a file of its own, so the command's output stays clean for error messages.
  const probeDir = mkdtempSync(join(tmpdir(), 'vibe-bench-probe-'));
  const timeReport = join(probeDir, 'time.txt');
  let argv: string[];
  if (useTime) {
    argv = [GNU_TIME, '-v', '-o', timeReport, command, ...args];
  } else {
    const probe = join(probeDir, 'max-rss.mjs');
    const out = join(probeDir, 'max-rss.txt');
    writeFileSync(
      probe,
      `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); appendFileSync(${JSON.stringify(out)}, u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n'); });\n`,
    );
    env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --import=${pathToFileURL(probe).href}`.trim();
    argv = [command, ...args];
  }
  const started = performance.now();
  const { code, output } = await spawnCollect(argv, env, options.cwd);
  const ms = performance.now() - started;
  const tail = output.trimEnd().split('\n').slice(-25).join('\n');
  let maxRssKB: number | null;
  let cpuMs: number | null;
  if (useTime) {
    const report = existsSync(timeReport) ? readFileSync(timeReport, 'utf8') : '';
    const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(report);
    const user = /User time \(seconds\): ([\d.]+)/u.exec(report);
    const system = /System time \(seconds\): ([\d.]+)/u.exec(report);
    maxRssKB = rss ? Number(rss[1]) : null;
    cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
  } else {
    const file = join(probeDir, 'max-rss.txt');
    const records = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const values = records.map((line) => line.split(' ').map(Number));
    // Each Node process reports itself: memory peaks are per process, CPU time adds up.
    maxRssKB = values.length > 0 ? Math.max(...values.map(([rss]) => rss ?? 0)) : null;
    cpuMs = values.length > 0 ? values.reduce((sum, [, cpu]) => sum + (cpu ?? 0), 0) : null;
  }
  rmSync(probeDir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`\`${[command, ...args].join(' ')}\` exited with ${code}:\n${tail}`);
  return { ms, cpuMs, maxRssKB, tail };
}

function spawnCollect(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string | undefined,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const [file, ...rest] = argv;
    if (file === undefined) return reject(new Error('empty command'));
    const child = spawn(file, rest, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** Repeated runs of one command, summarized: what the build benchmarks report for each size. */
export interface RepeatedRuns {
  runs: number;
  samplesMs: number[];
  medianMs: number;
  cpuSamplesMs: number[];
  medianCpuMs: number | null;
  /** The highest peak over the runs. */
  maxRssKB: number | null;
}

/** Runs a command `runs` times with `runMeasured`, calling `beforeRun` ahead of each (to clean up, to log). */
export async function runRepeatedly(
  runs: number,
  command: string,
  args: readonly string[],
  options: RunOptions,
  beforeRun: (run: number) => void,
): Promise<RepeatedRuns> {
  const samplesMs: number[] = [];
  const cpuSamplesMs: number[] = [];
  let maxRssKB: number | null = null;
  for (let run = 1; run <= runs; run++) {
    beforeRun(run);
    const result = await runMeasured(command, args, options);
    samplesMs.push(result.ms);
    if (result.cpuMs !== null) cpuSamplesMs.push(result.cpuMs);
    if (result.maxRssKB !== null) maxRssKB = Math.max(maxRssKB ?? 0, result.maxRssKB);
  }
  return {
    runs,
    samplesMs,
    medianMs: median(samplesMs),
    cpuSamplesMs,
    medianCpuMs: cpuSamplesMs.length > 0 ? median(cpuSamplesMs) : null,
    maxRssKB,
  };
}

/** Times a synchronous function `runs` times, after one warm-up run unless told not to; returns every sample in ms. */
export function timeRuns(runs: number, work: () => unknown, warmUp = true): number[] {
  if (warmUp) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

import { cpus, freemem, totalmem, release, platform, arch } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  freeMemoryGB: number;
  node: string;
  os: string;
}

/** The machine a run measured, so figures from different machines are never compared blindly. */
export function describeMachine(): Machine {
  const list = cpus();
  const round = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
  return {
    cpu: list[0]?.model.trim() || 'unknown',
    cores: list.length,
    memoryGB: round(totalmem()),
    freeMemoryGB: round(freemem()),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}

export function formatMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM (${m.freeMemoryGB} GB free), Node ${m.node}, ${m.os}`;
}

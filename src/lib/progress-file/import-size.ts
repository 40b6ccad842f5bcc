/**
 * The largest progress file the page imports: 64 MiB holds about 470,000 reviews
 * (some 140 bytes each), decades of daily reviewing. Larger files are refused
 * before they are read, so a wrong file (a video, a disk image) cannot exhaust a
 * phone's memory.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The refusal for a file over the limit, or null when its size is fine. */
export function checkImportSize(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `This file is ${megabytes(bytes)}; progress files up to ${megabytes(MAX_IMPORT_BYTES)} can be imported, so it cannot be a Vibe Check progress file (or it is not one from this site). Nothing was changed.`;
}

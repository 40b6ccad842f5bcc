/** "840 KB", "2.1 MB": storage sizes as a reader reads them (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

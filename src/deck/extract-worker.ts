import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Nodes } from 'mdast';
import { processFile, type FileResult } from './build.ts';

/** Worker thread body: the per-file stage for a share of the guides (see workers.ts). */
const { contentDir, paths } = workerData as { contentDir: string; paths: string[] };
const results: FileResult[] = paths.map((path) => {
  const result = processFile(path, readFileSync(join(contentDir, path), 'utf8'));
  // Expression syntax trees are only needed while extracting; don't copy them back.
  for (const note of result.page?.notes ?? []) {
    const content = note.content;
    const nodes = content
      ? content.kind === 'cloze'
        ? content.body
        : [...(typeof content.front === 'string' ? [] : content.front), ...content.back]
      : [];
    for (const node of [...nodes, ...(note.question?.text ?? [])]) dropEstree(node);
  }
  return result;
});
parentPort?.postMessage(results);

function dropEstree(node: Nodes): void {
  if (node.data && 'estree' in node.data) delete node.data.estree;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    for (const attribute of node.attributes) {
      if (attribute.data && 'estree' in attribute.data) delete attribute.data.estree;
      const value = attribute.value;
      if (value && typeof value === 'object' && value.data && 'estree' in value.data) delete value.data.estree;
    }
  }
  if ('children' in node) for (const child of node.children) dropEstree(child);
}

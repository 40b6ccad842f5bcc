import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { isJsxElement } from './extract.ts';
import type { FileResult } from './model.ts';
import { processFile } from './process-file.ts';

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

/** Drops the expression syntax trees (estree) MDX hangs on nodes and on JSX attribute values. */
function dropEstree(tree: Nodes): void {
  visit(tree, (node) => {
    if (node.data && 'estree' in node.data) delete node.data.estree;
    if (!isJsxElement(node)) return;
    for (const attribute of node.attributes) {
      if (attribute.data && 'estree' in attribute.data) delete attribute.data.estree;
      const value = attribute.value;
      if (value && typeof value === 'object' && value.data && 'estree' in value.data) delete value.data.estree;
    }
  });
}

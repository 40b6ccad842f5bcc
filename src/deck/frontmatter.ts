import type { Root, Yaml } from 'mdast';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { guideSchema, type GuideFrontmatter } from '../lib/guide-schema.ts';
import { createLocator } from './locator.ts';
import type { Place, Problem } from './problems.ts';

/** Frontmatter fields that generate cards, by name, with where they are written. */
export type FieldPlaces = Record<string, Place>;

export type FrontmatterResult =
  { ok: true; data: GuideFrontmatter; fieldPlaces: FieldPlaces } | { ok: false; problems: Problem[] };

/** The fields cards are generated from (see generate.ts), looked up under `practice`. */
const GENERATING_FIELDS = ['northStar', 'bindingConstraint'] as const;

/**
 * Reads and validates a page's YAML frontmatter with the same zod schema Astro's
 * content collection uses, pointing each problem at the offending key's line.
 */
export function readFrontmatter(tree: Root, file: string): FrontmatterResult {
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode) return { ok: false, problems: [{ file, line: 1, column: 1, message: 'missing frontmatter' }] };
  const locate = offsetLocator(yamlNode);
  const doc = parseDocument(yamlNode.value, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...locate(error.pos[0]),
        message: `frontmatter: ${firstLine(error.message)}`,
      })),
    };
  }
  const parsed = guideSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) {
    const fieldPlaces: FieldPlaces = {};
    for (const field of GENERATING_FIELDS) {
      const place = placeOfPath(doc.contents, ['practice', field], locate);
      if (place) fieldPlaces[field] = place;
    }
    return { ok: true, data: parsed.data, fieldPlaces };
  }
  const problems: Problem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = placeOfPath(doc.contents, [...issue.path, key], locate);
        problems.push({
          file,
          ...(place ?? start(yamlNode)),
          message: `unknown frontmatter key "${formatPath([...issue.path, key])}"`,
        });
      }
      continue;
    }
    const place = placeOfPath(doc.contents, issue.path, locate) ?? start(yamlNode);
    const where = issue.path.length > 0 ? ` "${formatPath(issue.path)}"` : '';
    problems.push({ file, ...place, message: `frontmatter${where}: ${issue.message}` });
  }
  return { ok: false, problems };
}

type Locate = (offset: number) => Place;

/** Maps an offset inside the YAML text to a line and column in the MDX file. */
function offsetLocator(yamlNode: Yaml): Locate {
  const firstLineOfYaml = (yamlNode.position?.start.line ?? 1) + 1;
  const locate = createLocator(yamlNode.value);
  return (offset) => {
    const place = locate(offset);
    return { line: firstLineOfYaml + place.line - 1, column: place.column };
  };
}

/**
 * Place of the deepest YAML node along `path`: the key itself for a mapping
 * entry, the item for a list index. A key that is missing points at its parent.
 */
function placeOfPath(root: unknown, path: readonly PropertyKey[], locate: Locate): Place | undefined {
  let node: unknown = root;
  let place: Place | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      place = rangePlace(pair.key as YamlNode, locate) ?? place;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      place = rangePlace(item as YamlNode, locate) ?? place;
      node = item;
    } else {
      break;
    }
  }
  return place;
}

function rangePlace(node: YamlNode, locate: Locate): Place | undefined {
  return node.range ? locate(node.range[0]) : undefined;
}

function start(node: Yaml): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './lib/guide-schema.ts';
import { contentCollectionBase } from './lib/deployment.ts';

// Guides live in the top-level content/ folder (not src/) so the deck builder,
// which runs outside Astro, reads the very same files. CONTENT_DIR points a build
// at other content (the benchmark's synthetic pages).
const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentCollectionBase(process.env) }),
  schema: guideSchema,
});

export const collections = { guides };

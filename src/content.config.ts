import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema } from './lib/guide-schema.ts';

// Guides live in the top-level content/ folder (not src/) so the deck builder,
// which runs outside Astro, reads the very same files.
const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content' }),
  schema: guideSchema,
});

export const collections = { guides };

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  plans: defineCollection({ loader: glob({ pattern: '*.mdx', base: process.env.VBG_STANDARD_PLANS ?? './plans' }) }),
};

export { contentExtensions, EDITOR_SCHEMA_VERSION } from './extensions.ts';
export { sectionSchema } from './schema.ts';

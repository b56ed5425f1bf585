export { contentExtensions, EDITOR_SCHEMA_VERSION } from './extensions.ts';
export { sectionSchema } from './schema.ts';
export { countWords } from './countWords.ts';
export { fragmentText } from './fragmentText.ts';
export { layoutJson, type LayoutNode } from './layoutJson.ts';

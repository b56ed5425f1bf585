import { diffArrays, diffWords } from 'diff';

import type { ChangeBlock, ChangePart } from '../types/api.ts';

// Its own entry point (`@dalil/shared/textChanges`): only the server needs jsdiff.
/**
 * What changed between two versions of a section, block by block and word by word inside a block
 * that was edited. Blocks are first aligned as wholes (jsdiff's array diff), then each removed
 * block followed by an added one is compared word by word; word boundaries come from
 * Intl.Segmenter so Arabic is split into words, not letters.
 */
export function textChanges(before: readonly string[], after: readonly string[], locale = 'fr'): ChangeBlock[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const blocks: ChangeBlock[] = [];
  const runs = diffArrays([...before], [...after]);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const next = runs[i + 1];
    if (run.removed && next?.added) {
      // An edited block shows as removed + added: pair them up and compare words.
      const paired = Math.min(run.value.length, next.value.length);
      for (let k = 0; k < paired; k++) blocks.push(wordChanges(run.value[k]!, next.value[k]!, segmenter));
      for (const text of run.value.slice(paired)) blocks.push({ kind: 'removed', parts: [{ text, change: 'removed' }] });
      for (const text of next.value.slice(paired)) blocks.push({ kind: 'added', parts: [{ text, change: 'added' }] });
      i += 1;
      continue;
    }
    const kind = run.added ? 'added' : run.removed ? 'removed' : 'same';
    const change = kind === 'same' ? null : kind;
    for (const text of run.value) blocks.push({ kind, parts: [{ text, change }] });
  }
  return blocks;
}

function wordChanges(before: string, after: string, segmenter: Intl.Segmenter): ChangeBlock {
  const parts: ChangePart[] = diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    text: c.value,
    change: c.added ? 'added' : c.removed ? 'removed' : null,
  }));
  return { kind: 'changed', parts };
}


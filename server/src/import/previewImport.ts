import type { ImportPreview } from '@dalil/shared/api/import.ts';
import { checkingSink, type ImportContext } from './importContext.ts';
import { planImport, previewOf } from './importPlan.ts';

/** What importing this file would create (titles, counts, warnings), without writing anything. */
export async function previewImport(
  context: Pick<ImportContext, 'images' | 'limits'>,
  input: { bytes: Uint8Array; fileName: string; splitLevel: number },
): Promise<ImportPreview> {
  return previewOf(await planImport(input, context.limits, checkingSink(context.images)));
}

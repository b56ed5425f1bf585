import { CURRENT_VERSION, type CreateVersionBody } from '@dalil/shared/api/versions.ts';
import { Conflict } from '../domain/errors.ts';
import { newId } from '../storage/ids.ts';
import type { VersionManifest } from '../storage/versionStore.ts';
import { freezeGuide } from './freezeGuide.ts';
import type { VersionDeps } from './versionDeps.ts';

/** Content files written at once (each is a durable write: two fsyncs). */
const WRITE_CONCURRENCY = 8;

export interface CreatedVersion {
  manifest: VersionManifest;
  /** Bytes this version added to the data dir (new content files and its manifest). */
  bytesAdded: number;
}

/**
 * Freezes the guide into a new immutable version. A final version is refused (409) unless every
 * section that needs validation is validated, and then holds exactly the approved snapshots; a
 * provisional one can be made at any time and records which sections were not yet validated.
 */
export async function createVersion(deps: VersionDeps, guideId: string, authorId: string, input: CreateVersionBody): Promise<CreatedVersion> {
  const guide = deps.guides.getGuide(guideId);
  const frozen = await freezeGuide(deps, guideId);
  const notValidated = frozen.filter((s) => s.needsValidation && s.status !== 'validated');
  if (input.kind === 'final' && notValidated.length > 0) {
    throw new Conflict('sections_not_validated', `${notValidated.length} section(s) must be validated before a final version: ${notValidated.map((s) => s.title).slice(0, 10).join(', ')}`, {
      sections: notValidated.map((s) => ({ id: s.id, title: s.title, status: s.status })),
    });
  }

  let bytesAdded = 0;
  const unique = [...new Map(frozen.map((s) => [s.contentHash, s.bytes])).values()];
  for (let i = 0; i < unique.length; i += WRITE_CONCURRENCY) {
    const written = await Promise.all(unique.slice(i, i + WRITE_CONCURRENCY).map((bytes) => deps.versions.putContent(bytes)));
    for (const w of written) bytesAdded += w.written;
  }
  let id = newId('V');
  while (id === CURRENT_VERSION) id = newId('V');
  const manifest: VersionManifest = {
    id,
    guideId,
    kind: input.kind,
    label: input.label?.trim() || null,
    note: input.note?.trim() || null,
    authorId,
    createdAt: new Date().toISOString(),
    guideTitle: guide.title,
    language: guide.language,
    sections: frozen.map(({ bytes: _bytes, ...section }) => section),
    notValidated: notValidated.map((s) => s.id),
    numbering: { enabled: guide.numbering.enabled, unnumberedSectionIds: [...guide.numbering.unnumberedSectionIds] },
  };
  bytesAdded += await deps.versions.saveManifest(manifest);
  return { manifest, bytesAdded };
}

import type { VersionSummary, VersionView } from '@dalil/shared/api/versions.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { VersionManifest } from '../storage/versionStore.ts';

export function versionSummary(m: VersionManifest, accounts: Pick<AccountRepository, 'nameOf'>): VersionSummary {
  return {
    id: m.id,
    kind: m.kind,
    label: m.label,
    note: m.note,
    authorId: m.authorId,
    authorName: accounts.nameOf(m.authorId),
    createdAt: m.createdAt,
    sectionCount: m.sections.length,
    notValidatedCount: m.notValidated.length,
  };
}

export function versionView(m: VersionManifest, accounts: Pick<AccountRepository, 'nameOf'>): VersionView {
  return {
    version: versionSummary(m, accounts),
    guideTitle: m.guideTitle,
    language: m.language,
    sections: m.sections.map(({ snapshotId: _snapshot, ...s }) => s),
    notValidated: [...m.notValidated],
    ...(m.numbering ? { numbering: m.numbering } : {}),
  };
}

import { useTranslation } from 'react-i18next';
import type { MemberView, SectionView } from '@dalil/shared';
import { colorForUser } from '@dalil/shared';
import { Avatar } from '../components/Avatar.tsx';

/**
 * Initials of a section's authors, then its reviewers (ringed), each labelled with name and job.
 * Ids of people no longer in the member list are skipped rather than shown as blanks.
 */
export function Assignees({ section, members }: { section: SectionView; members: ReadonlyMap<string, MemberView> }) {
  const { t } = useTranslation();
  const people = [
    ...section.authorIds.map((id) => ({ id, kind: 'author' as const })),
    ...section.reviewerIds.map((id) => ({ id, kind: 'reviewer' as const })),
  ].filter(({ id }) => members.has(id));
  if (people.length === 0) return null;
  return (
    <span className="assignees" data-testid="assignees">
      {people.map(({ id, kind }) => {
        const name = members.get(id)!.name;
        return (
          <span key={`${kind}:${id}`} className={`assignee assignee--${kind}`}>
            <Avatar name={name} color={colorForUser(id)} size="small" label={t(`assign.${kind}`, { name })} />
          </span>
        );
      })}
    </span>
  );
}

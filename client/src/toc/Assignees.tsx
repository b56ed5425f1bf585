import { useTranslation } from 'react-i18next';
import type { MemberView, SectionView } from '@dalil/shared';
import { colorForUser } from '@dalil/shared';
import type { Participant } from '../collaboration/presence.ts';
import { Avatar } from '../components/Avatar.tsx';

/**
 * The people of a ToC entry, each shown once: the section's authors, then its reviewers (ringed),
 * then whoever else has it open. Being here right now is a green dot on the avatar, so an assignee
 * who is writing is not drawn a second time as a visitor. Ids of people no longer in the member
 * list are skipped rather than shown as blanks.
 */
export function Assignees({ section, members, here }: { section: SectionView; members: ReadonlyMap<string, MemberView>; here: readonly Participant[] }) {
  const { t } = useTranslation();
  const hereIds = new Set(here.map((p) => p.user.id).filter((id): id is string => !!id));
  const seen = new Set<string>();
  const assigned = [
    ...section.authorIds.map((id) => ({ id, kind: 'author' as const })),
    ...section.reviewerIds.map((id) => ({ id, kind: 'reviewer' as const })),
  ].filter(({ id }) => members.has(id) && !seen.has(id) && seen.add(id));
  // a visitor with two tabs open is one visitor; peers without an id are told apart by name
  const visitors = here.filter((p) => {
    const key = p.user.id ?? `name:${p.user.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (assigned.length === 0 && visitors.length === 0) return null;
  return (
    <span className="toc-people">
      {assigned.length > 0 && (
        <span className="assignees" data-testid="assignees">
          {assigned.map(({ id, kind }) => {
            const name = members.get(id)!.name;
            const present = hereIds.has(id);
            const label = t(`assign.${kind}`, { name });
            return (
              <span key={id} className={`assignee assignee--${kind}${present ? ' person--here' : ''}`} data-testid={present ? 'toc-presence' : undefined}>
                <Avatar name={name} color={colorForUser(id)} size="small" label={present ? t('tocPeople.assigneeHere', { who: label }) : label} />
              </span>
            );
          })}
        </span>
      )}
      {visitors.slice(0, 3).map((p) => (
        <span key={p.clientId} className="toc-visitor person--here" data-testid="toc-presence">
          <Avatar name={p.user.name} color={p.user.color} size="small" label={t('tocPeople.here', { name: p.user.name })} />
        </span>
      ))}
    </span>
  );
}

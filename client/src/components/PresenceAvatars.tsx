import { useTranslation } from 'react-i18next';
import type { SectionView } from '@dalil/shared';
import type { Participant } from '../collaboration/presence.ts';
import { Avatar } from './Avatar.tsx';

const MAX_SHOWN = 5;

interface PresenceAvatarsProps {
  participants: Participant[];
  sections: SectionView[];
}

/** Everyone in the guide, with where they are, for the header. */
export function PresenceAvatars({ participants, sections }: PresenceAvatarsProps) {
  const { t } = useTranslation();
  const titles = new Map(sections.map((section) => [section.id, section.title]));
  const shown = participants.slice(0, MAX_SHOWN);
  const hidden = participants.length - shown.length;

  const describe = (participant: Participant): string => {
    const name = participant.isSelf ? t('user.you', { name: participant.user.name }) : participant.user.name;
    const section = participant.sectionId ? titles.get(participant.sectionId) : undefined;
    return section ? t('guide.presenceIn', { name, section }) : t('guide.presenceToc', { name });
  };

  return (
    <div className="presence" role="group" aria-label={t('guide.presenceLabel', { count: participants.length })} data-testid="presence">
      <ul className="presence__list">
        {shown.map((participant) => (
          <li key={participant.clientId}>
            <Avatar name={participant.user.name} color={participant.user.color} label={describe(participant)} />
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <span className="presence__more" title={participants.slice(MAX_SHOWN).map(describe).join('\n')}>
          +{hidden}
        </span>
      )}
    </div>
  );
}

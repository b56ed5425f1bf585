import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { useAnnounce } from '../../components/Announcer.tsx';

/** Says so when our role in the open guide changes (a coordinator changed it while we were here). */
export function useRoleChangeAnnouncement(role: GuideView['role']): void {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef(role);
  useEffect(() => {
    if (previous.current === role) return;
    previous.current = role;
    announce(t('access.roleChanged', { role: t(`roles.${role}`) }));
  }, [role, announce, t]);
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitationView, GuideRole } from '@dalil/shared';
import { RoleOptions } from './RoleOptions.tsx';
import { createInvitation } from '../../api/invitations.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';

/** The server accepts 1 hour to 90 days; whole days are what people think in. */
const MAX_DAYS = 90;

interface InviteFormProps {
  guideId: string;
  onCreated: (invitation: CreatedInvitationView) => void;
}

/** Role, one person or several, and how many days the link stays valid. */
export function InviteForm({ guideId, onCreated }: InviteFormProps) {
  const { t } = useTranslation();
  const ids = { role: useId(), days: useId(), usage: useId(), hint: useId(), label: useId() };
  const [role, setRole] = useState<GuideRole>('contributor');
  const [multiUse, setMultiUse] = useState(false);
  const [days, setDays] = useState(7);
  const [label, setLabel] = useState('');

  const { busy, error, submit } = useSubmit(async (event: FormEvent) => {
    event.preventDefault();
    const clamped = Math.min(MAX_DAYS, Math.max(1, Math.round(days) || 1));
    onCreated(await createInvitation(guideId, { role, multiUse, expiresInHours: clamped * 24, ...(label.trim() ? { label: label.trim() } : {}) }));
    setLabel('');
  });

  return (
    <form className="invite-form" onSubmit={(event) => void submit(event)} aria-label={t('invitations.createHeading')} data-testid="invite-form">
      <div className="field field--grow invite-form__label">
        <label htmlFor={ids.label}>{t('membership.labelLabel')}</label>
        <input id={ids.label} value={label} maxLength={120} dir="auto" placeholder={t('membership.labelPlaceholder')} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t('invitations.role')}</label>
        <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as GuideRole)} aria-describedby={ids.hint}>
          <RoleOptions />
        </select>
      </div>
      <fieldset className="invite-form__usage">
        <legend>{t('invitations.usage')}</legend>
        <label className="radio">
          <input type="radio" name={ids.usage} value="single" checked={!multiUse} onChange={() => setMultiUse(false)} />
          {t('invitations.singleUse')}
        </label>
        <label className="radio">
          <input type="radio" name={ids.usage} value="multi" checked={multiUse} onChange={() => setMultiUse(true)} />
          {t('invitations.multiUse')}
        </label>
      </fieldset>
      <div className="field invite-form__days">
        <label htmlFor={ids.days}>{t('invitations.expiresIn')}</label>
        <input id={ids.days} type="number" min={1} max={MAX_DAYS} step={1} value={days} onChange={(event) => setDays(event.target.valueAsNumber)} required />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('invitations.creating') : t('invitations.create')}
      </button>
      <p id={ids.hint} className="invite-form__hint muted">
        {t('invitations.roleHint', { role: t(`roles.${role}`), hint: t(`roleHints.${role}`) })}
      </p>
      {error && (
        <p className="form-error invite-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

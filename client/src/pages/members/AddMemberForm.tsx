import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideRole } from '@dalil/shared';
import { RoleOptions } from './RoleOptions.tsx';
import { addMemberByEmail } from '../../api/members.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';
import { isolate } from '../../i18n/isolate.ts';

/**
 * Adds someone who already has an account, by email. The server answers the same whatever the
 * address, so the sentence afterwards says both outcomes; the member list shows which it was.
 */
export function AddMemberForm({ guideId, onAdded }: { guideId: string; onAdded: () => Promise<void> }) {
  const { t } = useTranslation();
  const ids = { heading: useId(), email: useId(), role: useId() };
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GuideRole>('author');
  const [done, setDone] = useState<string | null>(null);
  const add = useSubmit(
    async () => {
      const address = email.trim();
      await addMemberByEmail(guideId, { email: address, role });
      setDone(address);
      setEmail('');
      await onAdded();
    },
    { describeError: (err) => apiErrorDetail(err, t) },
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    setDone(null);
    if (email.trim()) void add.submit();
  }

  return (
    <section className="card add-member" aria-labelledby={ids.heading} data-testid="add-member">
      <h2 id={ids.heading}>{t('membership.addHeading')}</h2>
      <p className="muted">{t('membership.addIntro')}</p>
      <form className="add-member__form" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor={ids.email}>{t('membership.emailLabel')}</label>
          <input id={ids.email} type="email" value={email} onChange={(event) => setEmail(event.target.value)} required maxLength={320} dir="ltr" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('membership.roleLabel')}</label>
          <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as GuideRole)}>
            <RoleOptions />
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={add.busy}>
          {add.busy ? t('membership.adding') : t('membership.add')}
        </button>
      </form>
      <p role="status" className="add-member__done" data-testid="add-member-done">
        {done ? t('membership.addDone', { email: isolate(done) }) : ''}
      </p>
      {add.error && (
        <p className="form-error" role="alert">
          {add.error}
        </p>
      )}
    </section>
  );
}

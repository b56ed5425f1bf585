import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitationView } from '@dalil/shared';
import { isolate } from '../../i18n/isolate.ts';

/**
 * The new link, shown once: the server keeps only a hash of the token, so nobody can show it
 * again later. The field is selected on arrival so keyboard users can copy right away.
 */
export function CreatedLink({ invitation, onDismiss }: { invitation: CreatedInvitationView; onDismiss: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = `${window.location.origin}${invitation.path}`;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copyLink(): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // no clipboard API (plain http on a LAN address): leave the text selected for Ctrl+C
      input.current?.select();
      setCopy(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  }

  return (
    <div className="created-link" data-testid="created-link">
      <p className="created-link__title" dir="auto">
        {invitation.label ? t('membership.createdFor', { label: isolate(invitation.label) }) : t('membership.unlabelled')} · {t(`roles.${invitation.role}`)}
      </p>
      <label htmlFor={inputId} className="visually-hidden">
        {invitation.label ? t('membership.createdFor', { label: isolate(invitation.label) }) : t('invitations.linkLabel')}
      </label>
      <div className="created-link__row">
        <input id={inputId} ref={input} className="created-link__url" value={url} readOnly dir="ltr" onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="button button--primary" onClick={() => void copyLink()}>
          {t('invitations.copy')}
        </button>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('invitations.dismiss')}
        </button>
      </div>
      <p className="created-link__status" role="status">
        {copy === 'copied' ? t('invitations.copied') : copy === 'failed' ? t('invitations.copyFailed') : ''}
      </p>
    </div>
  );
}

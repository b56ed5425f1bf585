import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '@dalil/shared';
import { acceptInvitation } from '../../api/invitations.ts';
import type { CurrentUser } from '../../identity/currentUser.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { refusedOr } from './refusedOr.ts';
import { isolate } from '../../i18n/isolate.ts';
import { navigate } from '../../routing/history.ts';
import { paths } from '@dalil/shared/routes';

interface JoinAsMemberProps {
  token: string;
  preview: InvitationPreview;
  user: CurrentUser;
  /** The link became unusable meanwhile (410): show why instead of the button. */
  onRefused: () => void;
}

/** Signed in already: one button joins the guide with the link's role and opens it. */
export function JoinAsMember({ token, preview, user, onRefused }: JoinAsMemberProps) {
  const { t } = useTranslation();

  const { busy, error, submit: join } = useSubmit(
    async () => {
      const { guideId } = await acceptInvitation(token, {});
      navigate(paths.guide(guideId));
    },
    { describeError: (err) => refusedOr(err, onRefused, t), staysBusyOnSuccess: true },
  );

  return (
    <div className="invitation__join">
      <p className="muted">{t('invite.signedInAs', { name: isolate(user.name), email: isolate(user.email) })}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void join()}>
        {busy ? t('invite.joining') : t('invite.join', { title: isolate(preview.guideTitle), asRole: t(`asRole.${preview.role}`) })}
      </button>
    </div>
  );
}

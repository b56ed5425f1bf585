import type { TFunction } from 'i18next';
import { ApiRequestError } from '../api/http.ts';

/**
 * The server answers in English (`{error, message}`); the errors people can actually meet get a
 * sentence in the interface language. Codes come first; a few 400/409 replies share one code, so
 * their message tells them apart. Anything else shows the server's text inside a generic sentence.
 */
const BY_CODE: Record<string, string> = {
  network: 'errors.network',
  invitation_used: 'errors.invitationUsed',
  invitation_expired: 'errors.invitationExpired',
  invitation_revoked: 'errors.invitationRevoked',
  wrong_password: 'errors.wrongPassword',
  forbidden: 'errors.forbidden',
  too_many_attempts: 'errors.throttled',
  figures_without_alt: 'content.missingAltGeneric',
  open_suggestions: 'suggestions.openSuggestionsError',
  anchor_gone: 'suggestedBlocks.anchorGone',
};

const BY_MESSAGE: Array<[RegExp, string]> = [
  [/at least one coordinator/i, 'errors.lastCoordinator'],
  [/email already exists/i, 'errors.emailTaken'],
  [/email is not a valid/i, 'errors.emailInvalid'],
  [/password must have at least/i, 'errors.passwordTooShort'],
  [/is not a member who can be assigned/i, 'errors.notAssignable'],
];

/** The sentence for an error people can meet, or null when there is none. */
function knownErrorSentence(error: unknown, t: TFunction): string | null {
  if (!(error instanceof ApiRequestError)) return null;
  const byCode = BY_CODE[error.code];
  if (byCode) return t(byCode);
  if (error.status === 429) return t('errors.throttled');
  const byMessage = BY_MESSAGE.find(([pattern]) => pattern.test(error.message));
  return byMessage ? t(byMessage[1]) : null;
}

const rawText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A whole sentence saying what went wrong. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  return knownErrorSentence(error, t) ?? t('errors.generic', { message: rawText(error) });
}

/** What went wrong, for the `{{message}}` of a sentence that already says what failed. */
export function apiErrorDetail(error: unknown, t: TFunction): string {
  return knownErrorSentence(error, t) ?? rawText(error);
}

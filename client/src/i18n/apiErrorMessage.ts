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
};

const BY_MESSAGE: Array<[RegExp, string]> = [
  [/at least one coordinator/i, 'errors.lastCoordinator'],
  [/email already exists/i, 'errors.emailTaken'],
  [/email is not a valid/i, 'errors.emailInvalid'],
  [/password must have at least/i, 'errors.passwordTooShort'],
  [/is not a member who can be assigned/i, 'errors.notAssignable'],
];

export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiRequestError) {
    const byCode = BY_CODE[error.code];
    if (byCode) return t(byCode);
    if (error.status === 429) return t('errors.throttled');
    const byMessage = BY_MESSAGE.find(([pattern]) => pattern.test(error.message));
    if (byMessage) return t(byMessage[1]);
  }
  return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
}

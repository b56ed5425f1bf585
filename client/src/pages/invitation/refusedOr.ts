import type { TFunction } from 'i18next';
import { ApiRequestError } from '../../api/http.ts';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';

/** Accepting an invitation: a link that became unusable (410) shows why instead of a form error. */
export function refusedOr(err: unknown, onRefused: () => void, t: TFunction): string | null {
  if (err instanceof ApiRequestError && err.status === 410) {
    onRefused();
    return null;
  }
  return apiErrorMessage(err, t);
}

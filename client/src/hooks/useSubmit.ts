import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';

export interface SubmitOptions {
  /**
   * The sentence shown for a failure; null shows none (the caller handled it, e.g. moved away).
   * Default: `apiErrorMessage` in the interface language.
   */
  describeError?: (error: unknown) => string | null;
  /**
   * Stay busy after a success: for forms that navigate away or close on success, so the button
   * does not come back for a moment before they go.
   */
  staysBusyOnSuccess?: boolean;
}

export interface Submission<A extends unknown[]> {
  /** True while the action runs: disable the button, show "…ing". */
  busy: boolean;
  /** The last failure's sentence, cleared when the next attempt starts. */
  error: string | null;
  /** For checks made before submitting (e.g. passwords that do not match). */
  setError: (message: string | null) => void;
  submit: (...args: A) => Promise<void>;
}

/** The submit → busy → error cycle that every form and setting shares. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>, options: SubmitOptions = {}): Submission<A> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // the newest render's action and options, so that `submit` stays the same function
  const latest = useRef({ action, options, t });
  latest.current = { action, options, t };

  const submit = useCallback(async (...args: A) => {
    const { action: run, options: opts, t: translate } = latest.current;
    setBusy(true);
    setError(null);
    try {
      await run(...args);
      if (!opts.staysBusyOnSuccess) setBusy(false);
    } catch (err) {
      setBusy(false);
      setError(opts.describeError ? opts.describeError(err) : apiErrorMessage(err, translate));
    }
  }, []);

  return { busy, error, setError, submit };
}

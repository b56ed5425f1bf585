import type { UserView } from '@dalil/shared';
import type { SessionView } from '@dalil/shared/api/session.ts';
import { requestJson } from './http.ts';

/** Who we are, or null when signed out (answered with 200 either way: signed out is no error). */
export const getSession = (): Promise<SessionView> => requestJson('GET', '/api/me/session');

export const login = (email: string, password: string): Promise<{ user: UserView }> =>
  requestJson('POST', '/api/auth/login', { email, password });

export const logout = (): Promise<void> => requestJson('POST', '/api/auth/logout');

export interface UpdateMeBody {
  name?: string;
  currentPassword?: string;
  newPassword?: string;
}

/** A new password needs the current one (403 `wrong_password` otherwise). */
export const updateMe = (body: UpdateMeBody): Promise<{ user: UserView }> => requestJson('PATCH', '/api/me', body);

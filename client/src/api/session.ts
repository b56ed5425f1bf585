import type { MeView, UserView } from '@dalil/shared';
import { requestJson } from './http.ts';

export const getMe = (): Promise<MeView> => requestJson('GET', '/api/me');

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

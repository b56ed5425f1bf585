import type { MeView, UserView } from '@dalil/shared';
import { requestJson } from './http.ts';

export const getMe = (): Promise<MeView> => requestJson('GET', '/api/me');

export const login = (email: string, password: string): Promise<{ user: UserView }> =>
  requestJson('POST', '/api/auth/login', { email, password });

export const logout = (): Promise<void> => requestJson('POST', '/api/auth/logout');

export const updateMe = (body: { name: string }): Promise<{ user: UserView }> => requestJson('PATCH', '/api/me', body);

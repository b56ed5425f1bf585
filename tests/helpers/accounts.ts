import type { GuideRole, User } from '@dalil/shared';
import { hashPassword } from '@dalil/server/auth/passwords.ts';
import type { TestServer } from './inProcessServer.ts';
import { Api } from './api.ts';

export const TEST_PASSWORD = 'mot-de-passe-solide';

export interface TestUser {
  user: User;
  api: Api;
  /** The `cookie` header value to open WebSockets as this user. */
  cookie: string;
}

/** Creates an account the way the admin CLI does and signs it in over HTTP. */
export async function createUser(server: TestServer, name: string, email = `${name.toLowerCase().replace(/\W+/g, '.')}@test.dalil.tn`): Promise<TestUser> {
  const user = await server.accounts.createUser({ email, name, passwordHash: await hashPassword(TEST_PASSWORD) });
  const api = new Api(server.url);
  await api.login(email, TEST_PASSWORD);
  return { user, api, cookie: api.cookie! };
}

/** Adds an existing user to a guide with a role (what accepting an invitation does). */
export async function addMember(server: TestServer, guideId: string, user: TestUser, role: GuideRole): Promise<void> {
  await server.members.setRole(guideId, user.user.id, role);
}

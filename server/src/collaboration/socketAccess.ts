import type { FastifyRequest } from 'fastify';
import { guideIdFromRoomName, isValidDocName } from '@dalil/shared';
import { SOCKET_CLOSE } from '../domain/errorStatus.ts';
import type { SessionAuth } from '../plugins/authentication.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import { isAllowedOrigin } from '../plugins/requestGuards.ts';
import type { RoomKind } from './room.ts';

export type SocketAccess =
  | { ok: true; kind: RoomKind; guideId: string; auth: SessionAuth; canWrite: boolean }
  | { ok: false; code: number; reason: string };

/**
 * Decides, once and before anything of the document is sent, whether a WebSocket may open a
 * document and with which rights. Everything it needs is in memory, so the decision is synchronous
 * and no frame can arrive before it.
 */
export function decideSocketAccess(
  request: FastifyRequest,
  docName: string,
  deps: { guides: GuideRepository; access: GuideAccess; publicOrigin: string | null },
): SocketAccess {
  if (!isValidDocName(docName)) return { ok: false, code: SOCKET_CLOSE.invalid, reason: 'invalid document name' };
  if (!isAllowedOrigin(request, request.headers.origin, deps.publicOrigin)) {
    return { ok: false, code: SOCKET_CLOSE.forbidden, reason: 'origin not allowed' };
  }
  const auth = request.auth;
  if (!auth) return { ok: false, code: SOCKET_CLOSE.unauthenticated, reason: 'sign in first' };

  const roomGuideId = guideIdFromRoomName(docName);
  let kind: RoomKind;
  let guideId: string;
  if (roomGuideId !== null) {
    if (!deps.guides.findGuide(roomGuideId)) return { ok: false, code: SOCKET_CLOSE.not_found, reason: 'unknown document' };
    kind = 'guide';
    guideId = roomGuideId;
  } else {
    const section = deps.guides.findSectionByDocName(docName);
    if (!section) return { ok: false, code: SOCKET_CLOSE.not_found, reason: 'unknown document' };
    kind = 'section';
    guideId = section.guideId;
  }
  const { user } = auth;
  const role = deps.access.roleAllowing(user, guideId, 'guide.read');
  if (!role) return { ok: false, code: SOCKET_CLOSE.forbidden, reason: 'not a member of this guide' };
  // an archived guide allows nobody to edit: the access decides with the guide's state
  const canWrite = kind === 'section' && deps.access.roleAllowing(user, guideId, 'section.editText') !== null;
  return { ok: true, kind, guideId, auth, canWrite };
}

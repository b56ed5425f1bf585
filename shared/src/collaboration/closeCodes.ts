/**
 * WebSocket close codes used by /collab. Codes in 4400–4499 are final refusals: the stock
 * y-websocket 3 client stops reconnecting on them, which is what a refusal means.
 */
export const CloseCode = {
  /** The server is shutting down; clients reconnect. */
  goingAway: 1001,
  /** A frame could not be decoded or applied; the client may reconnect and resync. */
  invalidMessage: 1007,
  /** A frame exceeded the configured size limit (ws sets this itself). */
  messageTooBig: 1009,
  /** The server could not load the document from storage; clients retry. */
  internalError: 1011,
  invalidDocName: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  unknownDocument: 4404,
  /**
   * Presence (awareness) abuse: a state larger than the cap, updates faster than the budget, or a
   * client id that belongs to someone else. Final: a client doing this would do it again.
   */
  presenceRefused: 4429,
  /** The member was removed from the guide while connected. */
  accessRevoked: 4409,
  /** The guide was put in the trash while connected (final: it is gone for its members until restored). */
  guideTrashed: 4410,
  /**
   * The member's rights on this document changed (new role, or the section was locked or reopened):
   * reconnect to get them (not final, so clients do).
   */
  accessChanged: 4000,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

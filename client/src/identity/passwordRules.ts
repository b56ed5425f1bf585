/**
 * The server's minimum (server/src/auth/passwords.ts); it checks again, saying it here only spares
 * a round trip and lets the message be in the interface language.
 */
export const MIN_PASSWORD_LENGTH = 10;

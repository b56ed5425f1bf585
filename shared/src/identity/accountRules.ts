/** Account rules the server enforces and the forms check first (to answer in the interface language). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_NAME_LENGTH = 120;

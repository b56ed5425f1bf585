import type { ImportRefusal } from '@dalil/shared/api/import.ts';
import { FileRefused } from '../domain/errors.ts';

/** A file the import will not take; the route sends it as `{error, message}` with its status. */
const KIND = { 400: 'invalid', 413: 'too_large', 415: 'unsupported_file', 422: 'unreadable_content' } as const;

export const importRefused = (status: keyof typeof KIND, error: ImportRefusal, message: string) => new FileRefused(KIND[status], error, message);

export const SAVE_AS_DOCX = 'open it in Word or LibreOffice and save it as .docx (Word document)';

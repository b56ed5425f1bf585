import type { ImportRefusal } from '@dalil/shared/api/import.ts';
import { ApiError } from '../errors.ts';

/** A file the import will not take; the route sends it as `{error, message}` with its status. */
export const importRefused = (status: 400 | 413 | 415 | 422, error: ImportRefusal, message: string) => new ApiError(status, error, message);

export const SAVE_AS_DOCX = 'open it in Word or LibreOffice and save it as .docx (Word document)';

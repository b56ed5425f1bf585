import { forwardRef } from 'react';
import { IMAGE_FORMATS } from '@dalil/shared/api/imageRules.ts';

/** The formats the server accepts, as the file dialog's filter. */
const ACCEPTED = IMAGE_FORMATS.map((format) => `image/${format}`).join(',');

interface ImageFileInputProps {
  testId: string;
  /** The picked file; the input is emptied, so the same file can be picked again. */
  onFile: (file: File) => void;
}

/** The hidden file input behind "insert an image" (opened with `ref.current.click()`). */
export const ImageFileInput = forwardRef<HTMLInputElement, ImageFileInputProps>(function ImageFileInput({ testId, onFile }, ref) {
  return (
    <input
      ref={ref}
      type="file"
      accept={ACCEPTED}
      hidden
      data-testid={testId}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
});

import { lazy, Suspense, type ComponentProps } from 'react';

// Opened from a menu, rarely: its code (and its share of the catalogue of Word's quirks) is not part
// of what a page downloads to show itself.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((module) => ({ default: module.ImportDialog })));

/** The import dialog, loaded when it is first opened. */
export function LazyImportDialog(props: ComponentProps<typeof ImportDialog>) {
  return (
    <Suspense fallback={null}>
      <ImportDialog {...props} />
    </Suspense>
  );
}

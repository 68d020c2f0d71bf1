import { lazy } from 'react';

// The documents pages are their own chunks; the editor (TipTap + Yjs) is a further chunk that
// only a document page loads (see components/DocumentPage.tsx).
export const DocumentListPage = lazy(() =>
  import('./components/DocumentListPage').then((m) => ({ default: m.DocumentListPage })),
);
export const DocumentPage = lazy(() => import('./components/DocumentPage').then((m) => ({ default: m.DocumentPage })));

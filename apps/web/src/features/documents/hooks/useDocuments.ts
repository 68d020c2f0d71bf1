import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDocumentBody, DocumentView, ListDocumentsQuery } from '@xieshang/protocol';
import { documentKeys } from '../api/document-keys';
import { createDocument, getDocument, listDocuments, renameDocument, setDocumentLocked } from '../api/documents-api';

export function useDocumentList(query: ListDocumentsQuery) {
  return useQuery({
    queryKey: documentKeys.list(query),
    queryFn: ({ signal }) => listDocuments(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.detail(id),
    queryFn: ({ signal }) => getDocument(id, signal),
    enabled: !!id,
    // Capabilities change with the lock; a stale `can.edit` would open the editor wrongly.
    staleTime: 0,
  });
}

/** Writes a fresh DocumentView into the cache and marks the lists stale. */
function useStoreDocument() {
  const queryClient = useQueryClient();
  return (view: DocumentView) => {
    queryClient.setQueryData(documentKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
  };
}

export function useCreateDocument() {
  const store = useStoreDocument();
  return useMutation({
    mutationFn: (body: CreateDocumentBody) => createDocument(body),
    meta: { toastError: false },
    onSuccess: store,
  });
}

export function useSetDocumentLocked(id: string) {
  const store = useStoreDocument();
  return useMutation({ mutationFn: (locked: boolean) => setDocumentLocked(id, locked), onSuccess: store });
}

export function useRenameDocument(id: string) {
  const store = useStoreDocument();
  return useMutation({ mutationFn: (title: string) => renameDocument(id, { title }), onSuccess: store });
}

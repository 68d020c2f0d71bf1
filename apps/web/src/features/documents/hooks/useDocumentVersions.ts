import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKeys } from '../api/document-keys';
import { diffVersions, getVersion, listVersions, restoreVersion, saveVersion } from '../api/documents-api';

export function useDocumentVersions(documentId: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.versions(documentId),
    queryFn: ({ signal }) => listVersions(documentId, signal),
    enabled,
  });
}

/** Versions are immutable: once read, a version never needs reading again. */
export function useDocumentVersion(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: documentKeys.version(documentId, versionId ?? ''),
    queryFn: ({ signal }) => getVersion(documentId, versionId!, signal),
    enabled: !!versionId,
    staleTime: Infinity,
  });
}

/** `to` is a version id or 'current' (the live text, so never cached for long). */
export function useVersionDiff(documentId: string, from: string | null, to: string) {
  return useQuery({
    queryKey: documentKeys.diff(documentId, from ?? '', to),
    queryFn: ({ signal }) => diffVersions(documentId, from!, to, signal),
    enabled: !!from && from !== to,
    staleTime: to === 'current' ? 0 : Infinity,
  });
}

export function useSaveVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => saveVersion(documentId, { name }),
    meta: { toastError: false },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.versions(documentId) }),
  });
}

export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => restoreVersion(documentId, versionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.versions(documentId) }),
  });
}

import type {
  CreateDocumentBody,
  CreateVersionBody,
  DocumentList,
  DocumentVersionDetail,
  DocumentVersionList,
  DocumentVersionView,
  DocumentView,
  ListDocumentsQuery,
  RenameDocumentBody,
  RestoreVersionResult,
  VersionDiff,
} from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

const doc = (id: string) => `/documents/${encodeURIComponent(id)}`;
const version = (id: string, versionId: string) => `${doc(id)}/versions/${encodeURIComponent(versionId)}`;

export const listDocuments = (query: ListDocumentsQuery, signal?: AbortSignal) =>
  api<DocumentList>('/documents', { query, signal });
export const getDocument = (id: string, signal?: AbortSignal) => api<DocumentView>(doc(id), { signal });
export const createDocument = (body: CreateDocumentBody) => api<DocumentView>('/documents', { method: 'POST', body });
export const renameDocument = (id: string, body: RenameDocumentBody) =>
  api<DocumentView>(doc(id), { method: 'PATCH', body });
export const setDocumentLocked = (id: string, locked: boolean) =>
  api<DocumentView>(`${doc(id)}/${locked ? 'lock' : 'unlock'}`, { method: 'POST' });

export const listVersions = (id: string, signal?: AbortSignal) =>
  api<DocumentVersionList>(`${doc(id)}/versions`, { signal });
export const saveVersion = (id: string, body: CreateVersionBody) =>
  api<DocumentVersionView>(`${doc(id)}/versions`, { method: 'POST', body });
export const getVersion = (id: string, versionId: string, signal?: AbortSignal) =>
  api<DocumentVersionDetail>(version(id, versionId), { signal });
/** `to`: another version id, or 'current' for the live text. */
export const diffVersions = (id: string, versionId: string, to: string, signal?: AbortSignal) =>
  api<VersionDiff>(`${version(id, versionId)}/diff`, { query: { to }, signal });
export const restoreVersion = (id: string, versionId: string) =>
  api<RestoreVersionResult>(`${version(id, versionId)}/restore`, { method: 'POST' });

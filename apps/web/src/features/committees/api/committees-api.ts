import type { CommitteeList } from '@xieshang/protocol';
import { api } from '../../../shared/api/client';

export const listCommittees = (signal?: AbortSignal) => api<CommitteeList>('/committees', { signal });

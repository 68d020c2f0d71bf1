import { useQuery } from '@tanstack/react-query';
import { listCommittees } from '../api/committees-api';

export const committeeKeys = { all: ['committees'] as const };

export function useCommittees() {
  return useQuery({
    queryKey: committeeKeys.all,
    queryFn: ({ signal }) => listCommittees(signal),
    staleTime: 5 * 60_000,
  });
}

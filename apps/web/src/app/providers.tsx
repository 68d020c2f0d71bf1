import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api/api-error';
import { session } from '../shared/auth/session';
import { toastError } from '../shared/ui/toast-bridge';
import { theme } from './theme';

declare module '@tanstack/react-query' {
  interface Register {
    // A mutation that shows its own error (e.g. next to form fields) sets meta.toastError = false.
    mutationMeta: { toastError?: boolean };
  }
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change on retry; network hiccups and 5xx get two more tries.
        retry: (count, error) => count < 2 && !(ApiError.is(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.toastError === false) return;
        toastError(error.message);
      },
    }),
  });
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { i18n } = useTranslation();
  // Cached server data belongs to the user who fetched it.
  useEffect(
    () =>
      session.subscribe(() => {
        if (session.getState().status === 'signed-out') queryClient.clear();
      }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}

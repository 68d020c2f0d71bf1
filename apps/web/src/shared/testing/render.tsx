import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach } from 'vitest';
import { FeedbackProvider } from '../ui/FeedbackProvider';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** Renders a component the way the app does (query client, antd locale, router, toasts). */
export function renderWithApp(ui: ReactElement, { route = '/', path = '*' }: { route?: string; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN}>
        <FeedbackProvider>
          <MemoryRouter initialEntries={[route]}>
            <Routes>
              <Route path={path} element={ui} />
              <Route path="*" element={<div data-testid="elsewhere" />} />
            </Routes>
          </MemoryRouter>
        </FeedbackProvider>
      </ConfigProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Replaces fetch with a router of canned JSON answers: `routes['POST /api/auth/login']` is a
 * function of the request returning `[status, body]` (or a promise of it, to hold an answer
 * back). Unmatched requests answer 404.
 */
export function mockApi(
  routes: Record<string, (req: RecordedRequest) => [number, unknown?] | Promise<[number, unknown?]>>,
) {
  const requests: RecordedRequest[] = [];
  const fetchMock = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const req = { method, url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(req);
    const path = url.split('?')[0];
    const handler = routes[`${method} ${path}`];
    const [status, body] = handler ? await handler(req) : [404, { error: { code: 'not_found', message: 'Not found' } }];
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  globalThis.fetch = fetchMock as typeof fetch;
  return requests;
}

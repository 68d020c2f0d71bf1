import type { MessageInstance } from 'antd/es/message/interface';
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { bindToast } from './toast-bridge';

export interface Toast {
  success(text: string): void;
  error(text: string): void;
  info(text: string): void;
}
type Kind = keyof Toast;

const FeedbackContext = createContext<Toast | null>(null);
const MessageHolder = lazy(() => import('./MessageHolder').then((m) => ({ default: m.MessageHolder })));

/**
 * Toasts (antd message) with the app's theme and locale. The message component loads with the
 * first toast, not with the page: most pages never show one. (antd's <App> would also mount
 * notification and modal holders — about 35 kB gzip on every first load.)
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const api = useRef<MessageInstance | null>(null);
  const queue = useRef<[Kind, string][]>([]);
  const toast = useMemo<Toast>(() => {
    const show = (kind: Kind) => (text: string) => {
      if (api.current) void api.current[kind](text);
      else {
        queue.current.push([kind, text]);
        setWanted(true);
      }
    };
    return { success: show('success'), error: show('error'), info: show('info') };
  }, []);
  const onReady = useCallback((ready: MessageInstance) => {
    api.current = ready;
    for (const [kind, text] of queue.current.splice(0)) void ready[kind](text);
  }, []);
  useEffect(() => {
    bindToast(toast);
    return () => bindToast(null);
  }, [toast]);
  return (
    <FeedbackContext value={toast}>
      {wanted && (
        <Suspense fallback={null}>
          <MessageHolder onReady={onReady} />
        </Suspense>
      )}
      {children}
    </FeedbackContext>
  );
}

export function useToast(): Toast {
  const toast = useContext(FeedbackContext);
  if (!toast) throw new Error('useToast outside <FeedbackProvider>');
  return toast;
}

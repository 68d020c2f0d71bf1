import type { Toast } from './FeedbackProvider';

/**
 * Lets code outside React (the query client's global mutation error handler) show toasts
 * through the <FeedbackProvider> mounted inside the signed-in shell.
 */
let current: Toast | null = null;

export function bindToast(toast: Toast | null) {
  current = toast;
}

export function toastError(text: string) {
  current?.error(text);
}

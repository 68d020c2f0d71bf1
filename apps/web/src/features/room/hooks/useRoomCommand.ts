import { useMutation } from '@tanstack/react-query';

/**
 * A room command over HTTP. Nothing to invalidate: its effect arrives through the socket.
 * Errors are toasted by the app's global mutation handler (localised by the server).
 */
export function useRoomCommand<A = void, R = unknown>(run: (arg: A) => Promise<R>, onDone?: (result: R) => void) {
  return useMutation({ mutationFn: run, onSuccess: onDone });
}

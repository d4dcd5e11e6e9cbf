/**
 * The chat inside the widget's iframe (`?embedded=1`) talks to the loader on the host page with
 * postMessage: the loader says when the panel opens (move focus in), the chat asks it to close
 * (the close button, or Escape — key presses inside an iframe never reach the host page).
 */
export const isEmbedded = (): boolean => new URLSearchParams(window.location.search).get('embedded') === '1';

/** Inside a frame whose host can be asked to close it. */
export const hasHost = (): boolean => window.parent !== window;

export const askHostToClose = (): void => {
  // The message carries no data, so any host origin may hear it.
  window.parent.postMessage({ type: 'baton:close' }, '*');
};

/** Runs `handler` each time the host opens the panel; returns the unsubscribe. */
export const onHostOpens = (handler: () => void): (() => void) => {
  const listener = (event: MessageEvent) => {
    const data: unknown = event.data;
    const opened = typeof data === 'object' && data !== null && 'type' in data && data.type === 'baton:open';
    if (event.source === window.parent && opened) handler();
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
};

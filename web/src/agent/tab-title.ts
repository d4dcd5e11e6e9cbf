/**
 * The inbox tab's title: the unread count ("(3) Inbox · Baton"), and for a while after news a
 * flashing line that says what came, so an agent working in another tab notices it.
 */
const FLASH_EVERY_MS = 1000;
const FLASHES = 10;

let base = 'Baton';
let flashing: ReturnType<typeof setInterval> | null = null;

const stopFlashing = () => {
  if (flashing !== null) clearInterval(flashing);
  flashing = null;
  document.title = base;
};

/** The title when nothing is flashing. */
export const setBaseTitle = (title: string): void => {
  base = title;
  if (flashing === null) document.title = title;
};

/** Alternates `message` with the usual title for a few seconds, or until the person comes back to the tab. */
export const flashTitle = (message: string): void => {
  if (flashing !== null) clearInterval(flashing);
  let shown = 1;
  document.title = message;
  flashing = setInterval(() => {
    shown += 1;
    if (shown > FLASHES * 2) return stopFlashing();
    document.title = shown % 2 === 1 ? message : base;
  }, FLASH_EVERY_MS);
  window.addEventListener('focus', stopFlashing, { once: true });
};

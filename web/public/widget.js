// Baton chat loader (README): loads the chat when opened.
(() => {
  const d = document;
  const s = d.currentScript;
  const o = new URL(s.src).origin;
  // Every data-* attribute goes on to the chat.
  const q = new URLSearchParams({ embedded: '1', ...s.dataset });
  const k = s.dataset.workspace;
  const p = k ? `workspace=${k}&` : '';
  let at = '';
  const b = d.createElement('button');
  b.type = 'button';
  b.ariaExpanded = false;
  const look = (w) => {
    at = `position:fixed;${w.position === 'left' ? 'left' : 'right'}:16px;z-index:2147483647;`;
    b.textContent = w.launcherText;
    b.style.cssText = `${at}bottom:16px;padding:12px 18px;border:0;border-radius:24px;background:${w.colour};color:#fff;font:600 15px system-ui;cursor:pointer`;
    d.body.append(b);
  };
  let f = null;
  const tell = () => f.contentWindow.postMessage({ type: 'baton:open' }, o);
  const show = (open) => {
    if (open && !f) {
      f = d.createElement('iframe');
      f.id = 'baton-chat';
      f.title = 'Support chat';
      f.src = `${o}/chat?${q}`;
      f.style.cssText = `${at}bottom:76px;width:min(380px,calc(100vw - 32px));height:min(560px,calc(100vh - 96px));border:1px solid #ccc;border-radius:12px;background:#fff`;
      f.onload = tell;
      d.body.append(f);
      b.setAttribute('aria-controls', f.id);
    }
    if (!f) return;
    f.style.display = open ? 'block' : 'none';
    b.ariaExpanded = open;
    if (!open) return b.focus();
    f.focus();
    tell();
  };
  const isOpen = () => f?.style.display === 'block';
  b.onclick = () => show(!isOpen());
  addEventListener('message', (e) => {
    if (f && e.source === f.contentWindow && e.data?.type === 'baton:close') show(false);
  });
  d.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen()) show(false);
  });
  fetch(`${o}/api/widget/settings?${p}`)
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}))
    .then((w) => look({ colour: '#1f4fd1', launcherText: 'Chat with us', ...w }));
})();

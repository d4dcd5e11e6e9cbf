// Baton chat widget: <script src="https://your-baton/widget.js" async></script>; signed-in customer:
// data-customer-id="<id>" data-signature="<hex HMAC-SHA256 of id, key BATON_IDENTITY_SECRET>".
// The chat loads on first open.
(() => {
  const s = document.currentScript;
  const d = document;
  const o = new URL(s.src).origin;
  const q = new URLSearchParams({ embedded: '1' });
  if (s.dataset.customerId && s.dataset.signature) {
    q.set('as', s.dataset.customerId);
    q.set('sig', s.dataset.signature);
  }
  const at = 'position:fixed;right:16px;z-index:2147483647;';
  const b = d.createElement('button');
  b.type = 'button';
  b.textContent = 'Chat with us';
  b.setAttribute('aria-expanded', 'false');
  b.style.cssText = `${at}bottom:16px;padding:12px 18px;border:0;border-radius:24px;background:#1f4fd1;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 4px 14px #0003`;
  let f = null;
  const tell = () => f.contentWindow.postMessage({ type: 'baton:open' }, o);
  const show = (open) => {
    if (open && !f) {
      f = d.createElement('iframe');
      f.id = 'baton-chat';
      f.title = 'Support chat';
      f.src = `${o}/chat?${q}`;
      f.style.cssText = `${at}bottom:76px;width:min(380px,calc(100vw - 32px));height:min(560px,calc(100vh - 96px));border:1px solid #ccc;border-radius:12px;background:#fff;box-shadow:0 8px 30px #0003`;
      f.addEventListener('load', tell);
      d.body.append(f);
      b.setAttribute('aria-controls', f.id);
    }
    if (!f) return;
    f.style.display = open ? 'block' : 'none';
    b.setAttribute('aria-expanded', String(open));
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
  d.body.append(b);
})();

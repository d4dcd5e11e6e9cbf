// Baton chat widget: add <script src="https://your-baton/widget.js" async></script> to any page.
// For a signed-in customer, add data-customer-id="<your id for them>" and
// data-signature="<HMAC-SHA256 of that id with BATON_IDENTITY_SECRET, hex>" made by your backend.
(() => {
  const script = document.currentScript;
  const origin = new URL(script.src).origin;
  const params = new URLSearchParams({ embedded: '1' });
  if (script.dataset.customerId && script.dataset.signature) {
    params.set('as', script.dataset.customerId);
    params.set('sig', script.dataset.signature);
  }
  const button = document.createElement('button');
  button.textContent = 'Chat with us';
  button.setAttribute('aria-label', 'Open support chat');
  button.style.cssText =
    'position:fixed;right:20px;bottom:20px;z-index:2147483646;padding:12px 18px;border:0;border-radius:24px;background:#1f4fd1;color:#fff;font:600 15px system-ui;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.2)';
  const frame = document.createElement('iframe');
  frame.src = `${origin}/chat?${params}`;
  frame.title = 'Support chat';
  frame.style.cssText =
    'position:fixed;right:20px;bottom:80px;z-index:2147483647;width:380px;height:560px;max-height:80vh;border:1px solid #ddd;border-radius:12px;background:#fff;display:none;box-shadow:0 8px 30px rgba(0,0,0,.2)';
  button.addEventListener('click', () => {
    frame.style.display = frame.style.display === 'none' ? 'block' : 'none';
  });
  document.body.append(frame, button);
})();

// The signing page's script. The page works without it except for drawing a signature:
// - with forced download, the Sign buttons turn on as soon as every document to sign was downloaded (the server
//   checks again on Sign);
// - a form is sent once, however often its button is clicked;
// - the signature pad: draw with finger, pen or mouse, or type your name (keyboard users) and it is written on
//   the pad; the drawing is sent as a PNG with the form (and the signer's organisation and title, which belong to
//   the click-to-sign form).
(() => {
  const forms = [...document.querySelectorAll('form[data-sign-form]')];
  const missing = new Set((forms[0]?.getAttribute('data-to-download') || '').split(' ').filter(Boolean));
  const submitButtons = () => forms.map((f) => f.querySelector('button[type="submit"]')).filter(Boolean);

  document.querySelectorAll('a[data-download]').forEach((link) => {
    link.addEventListener('click', () => {
      const id = link.getAttribute('data-download');
      missing.delete(id);
      const mark = document.querySelector(`[data-downloaded-mark="${id}"]`);
      if (mark) mark.hidden = false;
      if (missing.size === 0) {
        submitButtons().forEach((b) => (b.disabled = false));
        const note = document.getElementById('download-first');
        if (note) note.hidden = true;
      }
    });
  });

  let sent = false;
  forms.forEach((form) =>
    form.addEventListener('submit', (event) => {
      if (sent) return event.preventDefault();
      // Purpose and account password are required of every way to sign, not only of the form they belong to.
      const missing = [...document.querySelectorAll('[data-detail][required]')].find((input) => !input.value);
      if (missing) {
        event.preventDefault();
        missing.focus();
        if (missing.reportValidity) missing.reportValidity();
        return;
      }
      const pad = form.querySelector('canvas[data-signature-pad]');
      if (pad && !pad.dataset.drawn) {
        event.preventDefault();
        form.querySelector('[data-pad-error]').hidden = false;
        return;
      }
      if (pad) form.querySelector('input[name="drawing"]').value = pad.toDataURL('image/png');
      // Organisation, title, purpose and password belong to the click-to-sign form; the other forms carry copies.
      document.querySelectorAll('input[data-detail], select[data-detail]').forEach((input) => {
        if (input.form === form) return;
        const copy = document.createElement('input');
        copy.type = 'hidden';
        copy.name = input.name;
        copy.value = input.value;
        form.appendChild(copy);
      });
      sent = true;
      setTimeout(() => submitButtons().forEach((b) => (b.disabled = true)), 0);
    }),
  );

  const canvas = document.querySelector('canvas[data-signature-pad]');
  if (!canvas) return;
  const context = canvas.getContext('2d');
  // The canvas keeps its 600×180 drawing size; CSS scales it to the page width, so map pointer positions.
  const point = (e) => {
    const box = canvas.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * canvas.width) / box.width, y: ((e.clientY - box.top) * canvas.height) / box.height };
  };
  context.lineWidth = 3;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = '#0b1f4d';
  let last = null;
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture(e.pointerId);
    last = point(e);
    context.beginPath();
    context.arc(last.x, last.y, 1.2, 0, Math.PI * 2);
    context.fillStyle = context.strokeStyle;
    context.fill();
    e.preventDefault();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last) return;
    const next = point(e);
    context.beginPath();
    context.moveTo(last.x, last.y);
    context.lineTo(next.x, next.y);
    context.stroke();
    last = next;
    canvas.dataset.drawn = '1';
    canvas.closest('form').querySelector('[data-pad-error]').hidden = true;
    e.preventDefault();
  });
  const end = () => (last = null);
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  const typed = document.querySelector('input[data-pad-typed]');
  const clear = () => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    delete canvas.dataset.drawn;
  };
  document.querySelector('[data-pad-clear]')?.addEventListener('click', () => {
    clear();
    if (typed) typed.value = '';
  });
  // A typed name replaces whatever is on the pad, written large in a handwriting-like face that fits the width.
  typed?.addEventListener('input', () => {
    clear();
    const name = typed.value.trim();
    if (!name) return;
    let size = 72;
    do context.font = `italic ${size}px "Brush Script MT", "Segoe Script", cursive, serif`;
    while (context.measureText(name).width > canvas.width - 40 && (size -= 4) > 16);
    context.fillStyle = context.strokeStyle;
    context.textBaseline = 'middle';
    context.fillText(name, 20, canvas.height / 2);
    canvas.dataset.drawn = '1';
    canvas.closest('form').querySelector('[data-pad-error]').hidden = true;
  });
})();

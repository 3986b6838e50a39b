// Follows a rent while its saga runs: asks bff-web for the rental every half second and reloads
// the page once it is no longer PENDING, so the server shows how it ended (rented with the due
// date, or rejected with the reason). The status area is an aria-live region, so a screen reader
// announces the outcome. Without script the page offers a link to refresh instead.
'use strict';

(function followRental() {
  const area = document.getElementById('rental-status');
  if (!area || area.dataset.rentalStatus !== 'PENDING') {
    return;
  }
  const url = area.dataset.rentalUrl;
  const giveUpAt = Date.now() + 60000;

  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (response.ok) {
        const rental = await response.json();
        if (rental.status !== 'PENDING') {
          location.reload();
          return;
        }
      }
    } catch (e) {
      // A failed poll is tried again: the saga goes on regardless.
    }
    if (Date.now() < giveUpAt) {
      setTimeout(poll, 500);
    } else {
      area.insertAdjacentHTML('beforeend', '<p>This takes longer than usual. <a href="">Refresh</a> to see whether it worked.</p>');
    }
  }

  setTimeout(poll, 300);
})();

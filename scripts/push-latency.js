// Measures server push on an open dashboard: node scripts/push-latency.js (needs playwright-core from npm and the
// Debian chromium; the app running on :8080 with the demo accounts). See docs/benchmarks.md.
// Opens a dashboard as the briefer, then verifies a new exchange through the API and measures how long the open page
// takes to show it without being reloaded.
const { chromium } = require('playwright-core');
const { execSync } = require('child_process');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto('http://localhost:8080/login'); await page.waitForSelector('vaadin-login-form');
  await page.fill('input[name="username"]', 'briefer'); await page.fill('input[name="password"]', 'ceasefire-demo');
  await page.click('vaadin-login-form vaadin-button'); await page.waitForTimeout(2000);
  await page.goto('http://localhost:8080/dashboards/prisoner-exchanges'); await page.waitForTimeout(3000);
  const results = [];
  for (let round = 0; round < 5; round++) {
    const id = require('crypto').randomUUID();
    const pow = 100 + round;
    const body = JSON.stringify({ id, agreement: 'nk-2020-11-10', obligations: ['8'], area: 'PRISONER_EXCHANGE',
      observedAt: '2021-0' + (round + 1) + '-10T10:00:00+04:00', summary: 'Push test exchange ' + round,
      source: { name: 'Push test', kind: 'OWN_OBSERVATION' }, details: { releasedBy: 'US', receivedBy: 'UN', prisonersOfWar: pow } });
    execSync(`curl -s -o /dev/null -u monitor:ceasefire-demo -H 'Content-Type: application/json' -d '${body}' http://localhost:8080/api/v1/reports`);
    const start = Date.now();
    execSync(`curl -s -o /dev/null -u supervisor:ceasefire-demo -H 'Content-Type: application/json' -d '{"decision":"VERIFY"}' http://localhost:8080/api/v1/reports/${id}/review`);
    const acknowledged = Date.now();
    await page.waitForFunction(() => document.body.innerText.includes('Received by UN') , null, { timeout: 5000, polling: 20 }).catch(() => {});
    // the tile shows the running total for UN: wait until it includes this round's sum
    const expected = Array.from({ length: round + 1 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    const ok = await page.waitForFunction((e) => document.body.innerText.includes(e + ' POWs'), String(expected), { timeout: 5000, polling: 20 })
      .then(() => true).catch(() => false);
    results.push({ round, shown: ok, msFromReviewCall: Date.now() - start, msFromAcknowledgement: Date.now() - acknowledged });
  }
  console.log(JSON.stringify(results));
  await browser.close();
})();

// The staff UI's two figures against a server that is already running (`npm start`, any PORT):
// the initial JS of admin-ui/dist (or CRM_UI_DIST) and the first list render, cold and warm, with
// the cold load's API requests in order (to spot a waterfall before the list fetch).
//   npx tsx scripts/bench/ui-render.ts [base=http://localhost:1337] [user=admin] [password=crm-demo-2026] [resource=leads] [warm=5]
import os from 'os';
import { firstListRender, uiInitialJs } from './ui';

const [base = 'http://localhost:1337', user = 'admin', password = 'crm-demo-2026', resource = 'leads', warm = '5'] = process.argv.slice(2);

(async () => {
  const initial = uiInitialJs(process.env.CRM_UI_DIST);
  if (initial) console.log(`initial JS: ${initial.gzipKb.toFixed(1)} KB gzip in ${initial.files} files`);
  const r = await firstListRender(base, user, password, resource, Number(warm), true);
  const sorted = [...r.warmMs].sort((a, b) => a - b);
  console.log(`first ${resource} render: cold ${r.coldMs} ms; warm median ${sorted[Math.floor(sorted.length / 2)]} ms (${r.warmMs.join(', ')})`);
  // API calls one a line; the scripts fetched between two of them as one line
  const line = (from: number, to: number, what: string) => console.log(`  ${String(from).padStart(5)} → ${String(to).padStart(5)} ms  ${what}`);
  let js: Array<{ startMs: number; endMs: number }> = [];
  const flush = () => {
    if (js.length) line(Math.min(...js.map((q) => q.startMs)), Math.max(...js.map((q) => q.endMs)), `${js.length} script(s)`);
    js = [];
  };
  for (const q of [...(r.coldRequests ?? [])].sort((a, b) => a.startMs - b.startMs)) {
    if (q.url.includes('/api/')) {
      flush();
      line(q.startMs, q.endMs, decodeURIComponent(q.url));
    } else if (/\.js(\?|$)/.test(q.url)) js.push(q);
  }
  flush();
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
